#!/usr/bin/env bash
# Sets up what is missing (environment/setup.sh), then opens the workbook in Jupyter Notebook:
# a server on 127.0.0.1 only, protected by Jupyter's usual token, serving notebooks/, starting
# at 00-start-here.ipynb. Stop it with Ctrl-C (twice).
#
# Usage: environment/start.sh [extra Jupyter options, e.g. --port 8899 --no-browser]
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$GANWB_ROOT/environment/setup.sh" --quiet
status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
  die "setup failed; fix the problem above and run this again."
fi

PY="$(find_python)" || die "no Python with Jupyter found (see the setup output above)."
args=(--ip=127.0.0.1 "--notebook-dir=$GANWB_ROOT/notebooks")
if [ "$(id -u)" = 0 ]; then
  warn "running Jupyter as root (as in a container); prefer a normal user account"
  args+=(--allow-root)
fi
cd "$GANWB_ROOT/notebooks"
if "$PY" -c 'import notebook' >/dev/null 2>&1; then
  say "Starting Jupyter Notebook; open the http://127.0.0.1:...?token=... address it prints below."
  exec "$PY" -m notebook "${args[@]}" "$@" 00-start-here.ipynb
elif "$PY" -c 'import jupyterlab' >/dev/null 2>&1; then
  say "Starting JupyterLab; open the http://127.0.0.1:...?token=... address it prints below."
  exec "$PY" -m jupyterlab "${args[@]}" "$@" 00-start-here.ipynb
else
  die "$PY has no Jupyter Notebook or JupyterLab: sudo apt-get install jupyter-notebook (or pip install notebook)."
fi
