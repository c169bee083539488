#!/bin/sh
# Run a command with no network but loopback, so a hidden download fails the run.
# Uses a fresh network namespace (unshare -n as root, unshare -rn otherwise); where neither is
# allowed, falls back to a Python-level guard (tools/offline_guard/sitecustomize.py) that
# refuses every non-loopback connection from Python processes, Jupyter kernels included.
here=$(cd "$(dirname "$0")" && pwd)
if unshare -n true 2>/dev/null; then
  exec unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"
fi
if unshare -rn true 2>/dev/null; then
  exec unshare -rn sh -c 'ip link set lo up && exec "$@"' sh "$@"
fi
echo "offline.sh: no network namespace here; using the Python socket guard" >&2
PYTHONPATH="$here/offline_guard${PYTHONPATH:+:$PYTHONPATH}" DIYPHD_OFFLINE_GUARD=1 exec "$@"
