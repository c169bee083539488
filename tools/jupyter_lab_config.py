"""JupyterLab as `make lab` starts it: on the learner's workspace only, no news pop-up, and the
project's .venv/bin first on the PATH of its terminals (so `diyphd progress` works there).

Used as ``jupyter lab --config=tools/jupyter_lab_config.py``; the browser test starts it the same
way on a temporary workspace (``--ServerApp.root_dir=...`` on the command line wins).
"""

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - traitlets' config loader defines it

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent  # the interpreter running JupyterLab: .venv/bin
os.environ["PATH"] = f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"
os.environ.setdefault("VIRTUAL_ENV", str(VENV_BIN.parent))

c.ServerApp.root_dir = str(REPO / "workspace")
c.LabApp.news_url = None  # no news feed fetched
# Default settings of our own (overrides.json): fetchNews off, so no "receive official Jupyter
# news?" pop-up. The default folder, <env>/share/jupyter/lab/settings, is empty.
c.LabApp.app_settings_dir = str(REPO / "tools" / "jupyterlab-settings")
c.LabApp.check_for_updates_class = "jupyterlab.handlers.announcements.NeverCheckForUpdate"
# An interactive, non-login shell: a login shell re-reads /etc/profile, which resets PATH.
shell = os.environ.get("SHELL") or shutil.which("bash") or "sh"
c.ServerApp.terminado_settings = {"shell_command": [shell, "-i"]}
# nbgrader is installed for instructors (`diyphd course export`, book/instructors.md); a learner
# alone has no use for its menus and panels, so its server extensions stay off here, and its
# JupyterLab extension is disabled in jupyterlab-settings/page_config.json.
c.ServerApp.jpserver_extensions = {
    f"nbgrader.server_extensions.{name}": False
    for name in ("formgrader", "validate_assignment", "assignment_list", "course_list")
}
