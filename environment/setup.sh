#!/usr/bin/env bash
# Sets up everything the workbook needs, doing only what is missing; safe to run again at any time.
#
#   1. Java >= 17 (checked; installed with apt if there is none at all)
#   2. Debian packages: Jupyter (notebook, client, nbconvert, nbclient), OpenBLAS, fonts for charts
#      (without root or apt: prints what to install instead and carries on)
#   3. the library jar target/gan-workbook.jar (rebuilt only when src/main/ or pom.xml is newer)
#   4. the Jupyter kernelspec "gan-workbook" (re-registered only when the jar or its settings changed)
#   5. MNIST in data/mnist (downloaded once, every file checked by MD5 and SHA-256)
#   6. the Olivetti faces in data/faces (notebook 08; copied from ../shared/data/faces when present,
#      else downloaded once from Sam Roweis's page; checked by SHA-256)
#
# Usage: environment/setup.sh [--with-fashion-mnist] [--no-apt] [--quiet] [--help]
#   --with-fashion-mnist  also install the Debian package dataset-fashion-mnist (30 MB, optional)
#   --no-apt              never call apt-get; only report what is missing
#   --quiet               print only problems and the final line
# Environment: GANWB_DATA (data folder, default <repo>/data), GANWB_PYTHON (interpreter with Jupyter),
#              JAVA_HOME (the JDK to use).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

with_fashion=0 use_apt=1 quiet=0
for arg in "$@"; do
  case "$arg" in
    --with-fashion-mnist) with_fashion=1 ;;
    --no-apt) use_apt=0 ;;
    --quiet|-q) quiet=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$arg' (try --help)" ;;
  esac
done
if [ "$quiet" = 1 ]; then ok() { :; }; step() { :; }; fi

t_start="$(now)"
cd "$GANWB_ROOT"
DATA_DIR="${GANWB_DATA:-$GANWB_ROOT/data}"
problems=0

# ---------------------------------------------------------------- 1+2: Java and system packages
DEBS=(jupyter-notebook jupyter-client jupyter-nbconvert python3-nbclient libopenblas0-pthread fontconfig fonts-dejavu-core)
JAVA="$(find_java)"
[ -n "$JAVA" ] || DEBS+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || DEBS+=(maven)
[ "$with_fashion" = 1 ] && DEBS+=(dataset-fashion-mnist)

print_manual_install() {
  say "    Install these yourself, then run this script again:"
  if command -v dpkg-query >/dev/null 2>&1; then
    say "      sudo apt-get install --no-install-recommends $*"
  fi
  say "    Not on Debian/Ubuntu? The equivalents:"
  say "      Jupyter   python3 -m pip install notebook nbclient     (or conda/mamba install notebook nbclient)"
  say "      OpenBLAS  Fedora: dnf install openblas-pthreads  Arch: pacman -S openblas  macOS: brew install openblas"
  say "                (optional: without it matrix products use the slower pure-Java fallback)"
  say "      fonts     fontconfig and DejaVu fonts (Fedora: dejavu-sans-fonts, Alpine: ttf-dejavu) for chart text"
  say "      Java 17+  https://adoptium.net (then set JAVA_HOME);  Maven 3.8+: https://maven.apache.org"
  say "    If Jupyter lives in a specific interpreter, point GANWB_PYTHON at it."
}

if command -v dpkg-query >/dev/null 2>&1; then
  mapfile -t missing < <(missing_debs "${DEBS[@]}")
  if [ "${#missing[@]}" -eq 0 ]; then
    ok "Debian packages present (${#DEBS[@]} checked)"
  elif [ "$use_apt" = 1 ] && command -v apt-get >/dev/null 2>&1 && SUDO="$(root_prefix)"; then
    step "installing with apt-get: ${missing[*]}"
    t0="$(now)"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    ok "installed ${missing[*]} ($(elapsed "$t0") s)"
  else
    warn "missing Debian packages: ${missing[*]} (no root/sudo or apt disabled)"
    print_manual_install "${missing[@]}"
    problems=$((problems + 1))
  fi
else
  # Not a Debian system: check the capabilities themselves.
  need=()
  find_python >/dev/null || need+=("Jupyter (notebook + nbclient)")
  { command -v ldconfig >/dev/null && ldconfig -p 2>/dev/null | grep -q 'libopenblas\|libblas\.so\.3'; } || need+=("OpenBLAS")
  { command -v fc-list >/dev/null && [ -n "$(fc-list 2>/dev/null | head -1)" ]; } || need+=("fonts")
  if [ "${#need[@]}" -eq 0 ]; then ok "Jupyter, BLAS and fonts found"; else
    warn "not found: ${need[*]}"; print_manual_install; problems=$((problems + 1)); fi
fi

JAVA="$(find_java)"
[ -n "$JAVA" ] || die "no java found. Java 17 or newer is needed: sudo apt-get install openjdk-17-jdk-headless (Debian/Ubuntu) or https://adoptium.net, then set JAVA_HOME."
major="$(java_major "$JAVA")"
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
  die "$JAVA is Java ${major:-?}; the workbook needs Java 17 or newer. Install a newer JDK (sudo apt-get install openjdk-17-jdk-headless, or https://adoptium.net) and set JAVA_HOME to it."
fi
ok "Java $major ($JAVA)"

if PY="$(find_python)"; then
  ok "Jupyter in $PY"
else
  PY=""
  warn "no Python interpreter can import nbclient/jupyter_client; notebooks cannot run yet"
  print_manual_install jupyter-notebook jupyter-client jupyter-nbconvert python3-nbclient
  problems=$((problems + 1))
fi

# ---------------------------------------------------------------- 3: the jar
if [ ! -f "$GANWB_JAR" ] || [ -n "$(find src/main pom.xml -newer "$GANWB_JAR" -print -quit 2>/dev/null)" ]; then
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build the jar: sudo apt-get install maven, or https://maven.apache.org"
  step "building $GANWB_JAR (mvn package, tests skipped; the first build downloads the libraries)"
  t0="$(now)"
  mkdir -p target
  build_log="$GANWB_ROOT/target/build.log"
  if ! JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$JAVA")")")}" \
       mvn -B -ntp -Dstyle.color=never -DskipTests package > "$build_log" 2>&1; then
    grep -E "ERROR|BUILD" "$build_log" | sed 's/\x1b\[[0-9;]*m//g' | head -40 >&2
    die "the build failed (above; whole log: target/build.log)."
  fi
  ok "jar built ($(elapsed "$t0") s)"
else
  ok "jar up to date ($GANWB_JAR)"
fi

# ---------------------------------------------------------------- 4: the kernelspec
installer_class="$GANWB_ROOT/target/classes/org/ganworkbook/kernel/KernelspecInstaller.class"
if [ ! -f "$installer_class" ]; then
  warn "this build has no Java kernel (org.ganworkbook.kernel.KernelspecInstaller); kernelspec not registered"
  problems=$((problems + 1))
else
  kernel_args=(--user --name "$GANWB_KERNEL_NAME" --env "GANWB_DATA=$DATA_DIR")
  stamp_file="$GANWB_ROOT/target/kernelspec.stamp"
  want_stamp="$(stat -c '%s %Y' "$GANWB_JAR") $JAVA ${kernel_args[*]}"
  spec_dir=""
  if [ -n "$PY" ]; then
    spec_dir="$("$PY" -c 'import sys
from jupyter_client.kernelspec import KernelSpecManager
print(KernelSpecManager().find_kernel_specs().get(sys.argv[1], ""))' "$GANWB_KERNEL_NAME" 2>/dev/null || true)"
  fi
  if [ -n "$spec_dir" ] && [ -f "$spec_dir/kernel.json" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want_stamp" ]; then
    ok "kernelspec '$GANWB_KERNEL_NAME' up to date ($spec_dir)"
  else
    step "registering the Jupyter kernel '$GANWB_KERNEL_NAME'"
    if ! out="$("$JAVA" -cp "$GANWB_JAR" org.ganworkbook.kernel.KernelspecInstaller "${kernel_args[@]}" \
               --jar "$GANWB_JAR" --java "$JAVA" 2>&1)"; then
      printf '%s\n' "$out" >&2
      die "registering the kernelspec failed (output above)"
    fi
    [ "$quiet" = 1 ] || printf '%s\n' "$out" | sed 's/^/  /'
    printf '%s\n' "$want_stamp" > "$stamp_file"
    ok "kernelspec '$GANWB_KERNEL_NAME' registered"
  fi
fi

# ---------------------------------------------------------------- 5: data
fetch_args=(data fetch --dir "$DATA_DIR")
[ "$quiet" = 1 ] && fetch_args+=(--quiet)
if out="$("$JAVA" -cp "$GANWB_JAR" org.ganworkbook.cli.Main "${fetch_args[@]}" 2>&1)"; then
  if [ "$quiet" = 0 ]; then printf '%s\n' "$out" | sed '$d'; fi
  ok "$(printf '%s\n' "$out" | tail -1)"
else
  printf '%s\n' "$out" >&2
  die "MNIST could not be set up (see the message above)."
fi
faces_args=(data fetch --dataset olivetti --dir "$DATA_DIR")
[ "$quiet" = 1 ] && faces_args+=(--quiet)
if out="$("$JAVA" -cp "$GANWB_JAR" org.ganworkbook.cli.Main "${faces_args[@]}" 2>&1)"; then
  if [ "$quiet" = 0 ]; then printf '%s\n' "$out" | sed '$d'; fi
  ok "$(printf '%s\n' "$out" | tail -1)"
else
  printf '%s\n' "$out" >&2
  warn "the Olivetti faces could not be set up (message above); only notebook 08 needs them"
  problems=$((problems + 1))
fi
if [ "$with_fashion" = 1 ]; then
  "$JAVA" -cp "$GANWB_JAR" org.ganworkbook.cli.Main data verify --dir "$DATA_DIR" >/dev/null \
    && ok "Fashion-MNIST verified" || { warn "Fashion-MNIST could not be verified"; problems=$((problems + 1)); }
fi

if [ "$problems" -eq 0 ]; then
  printf '%sSetup complete%s in %s s.\n' "$_c_bold" "$_c_off" "$(elapsed "$t_start")"
else
  printf '%sSetup finished with %d problem(s)%s (see [warn] lines) in %s s.\n' "$_c_warn" "$problems" "$_c_off" "$(elapsed "$t_start")"
  exit 3
fi
