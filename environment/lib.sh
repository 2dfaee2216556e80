# Shared helpers for setup.sh, start.sh and test.sh (sourced, not run).
# shellcheck shell=bash

GANWB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GANWB_JAR="$GANWB_ROOT/target/gan-workbook.jar"
GANWB_KERNEL_NAME="gan-workbook"

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  _c_ok=$'\e[32m' _c_warn=$'\e[33m' _c_err=$'\e[31m' _c_dim=$'\e[2m' _c_bold=$'\e[1m' _c_off=$'\e[0m'
else
  _c_ok='' _c_warn='' _c_err='' _c_dim='' _c_bold='' _c_off=''
fi

say()  { printf '%s\n' "$*"; }
ok()   { printf '%s[ ok ]%s %s\n' "$_c_ok" "$_c_off" "$*"; }
step() { printf '%s[ .. ]%s %s\n' "$_c_dim" "$_c_off" "$*"; }
warn() { printf '%s[warn]%s %s\n' "$_c_warn" "$_c_off" "$*"; }
fail() { printf '%s[FAIL]%s %s\n' "$_c_err" "$_c_off" "$*" >&2; }
die()  { fail "$*"; exit 1; }

# Seconds since the epoch with decimals (bash 5 has EPOCHREALTIME).
now() { if [ -n "${EPOCHREALTIME:-}" ]; then printf '%s' "${EPOCHREALTIME/,/.}"; else date +%s.%N; fi; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The java to use: $JAVA_HOME/bin/java if set, else the one on PATH.
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    printf '%s' "$JAVA_HOME/bin/java"
  else
    command -v java || true
  fi
}

# Major version of a java binary (17, 21, ...), empty if it does not run.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java\.specification\.version/ { v = $2; sub(/^1\./, "", v); split(v, p, "."); print p[1] }'
}

# A Python interpreter that has Jupyter's execution libraries. Debian's Jupyter lives in
# /usr/bin/python3, while the python3 on PATH may be another build (pyenv, conda) without it.
# $GANWB_PYTHON wins when set.
find_python() {
  local c
  for c in "${GANWB_PYTHON:-}" /usr/bin/python3 "$(command -v python3 2>/dev/null)" "$(command -v python 2>/dev/null)"; do
    [ -n "$c" ] && [ -x "$c" ] || continue
    if PYDEVD_DISABLE_FILE_VALIDATION=1 "$c" -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1; then
      printf '%s' "$c"
      return 0
    fi
  done
  return 1
}

# sudo when not root and sudo works without a password; "" when root; fails otherwise.
root_prefix() {
  if [ "$(id -u)" = 0 ]; then printf ''; return 0; fi
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then printf 'sudo'; return 0; fi
  return 1
}

# Debian packages from the arguments that are not installed (requires dpkg-query).
missing_debs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' || printf '%s\n' "$p"
  done
}
