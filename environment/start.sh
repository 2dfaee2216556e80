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
export PYDEVD_DISABLE_FILE_VALIDATION=1
# default_url: the printed address (and the browser, if there is one) opens the first notebook.
if "$PY" -c 'import notebook.notebookapp' >/dev/null 2>&1; then
  say "Starting Jupyter Notebook; open the address with the token that it prints below."
  exec "$PY" -m notebook "${args[@]}" --NotebookApp.default_url=/notebooks/00-start-here.ipynb "$@"
elif "$PY" -c 'import jupyterlab' >/dev/null 2>&1; then
  say "Starting JupyterLab; open the address with the token that it prints below."
  exec "$PY" -m jupyterlab "${args[@]}" --ServerApp.default_url=/lab/tree/00-start-here.ipynb "$@"
else
  die "$PY has no Jupyter Notebook or JupyterLab: sudo apt-get install jupyter-notebook (or pip install notebook)."
fi
