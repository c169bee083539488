"""`make lab`'s JupyterLab config: the workspace only, no news pop-up, .venv/bin on the PATH
of its terminals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tools" / "jupyter_lab_config.py"

LOAD = """
import json, os, sys
from traitlets.config.loader import PyFileConfigLoader
c = PyFileConfigLoader(sys.argv[1]).load_config()
print(json.dumps({
    "root_dir": c.ServerApp.root_dir,
    "shell": c.ServerApp.terminado_settings["shell_command"],
    "settings": c.LabApp.app_settings_dir,
    "news_url": c.LabApp.news_url,
    "path": os.environ["PATH"],
}))
"""


def test_lab_opens_the_workspace_with_the_venv_on_path():
    """Does the config set root_dir to workspace/, turn off news, put the interpreter's bin
    first on PATH, and start terminals as non-login shells (which keep that PATH)?"""
    done = subprocess.run(
        [sys.executable, "-c", LOAD, str(CONFIG)],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "SHELL": "/bin/bash"},
    )
    got = json.loads(done.stdout)
    assert got["root_dir"] == str(ROOT / "workspace")
    assert got["path"].split(":")[0] == str(Path(sys.executable).parent)
    assert got["shell"] == ["/bin/bash", "-i"]  # no -l: a login shell resets PATH
    assert got["news_url"] is None
    overrides = json.loads((Path(got["settings"]) / "overrides.json").read_text())
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}
