#!/usr/bin/env bash
# The Debian packages a step needs besides python3 and make, installed when missing: as root with
# apt-get (one `apt-get install` for all of them); otherwise it says which are missing and the
# command that installs them, and goes on (`make test` then skips the tests that need them and
# counts the skips in its summary). One place for what `make run`, `make test`, .ci/run and
# scripts/postgres_up.sh install.
#   scripts/system_packages.sh venv|run|test|postgresql
set -euo pipefail
step="${1:-test}"

# package: the check that it is there
has() {
  case "$1" in
    python3-venv) python3 -c "import venv, ensurepip" 2>/dev/null ;;
    curl | antiword) command -v "$1" >/dev/null ;;
    chromium) command -v chromium >/dev/null || command -v chromium-browser >/dev/null ;;
    postgresql) command -v pg_ctlcluster >/dev/null ;;
    fontconfig) command -v fc-list >/dev/null ;;
    fonts-droid-fallback) [ -e /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] ;;
    fonts-dejavu-core) [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ;;
    *) echo "system_packages: unknown package $1" >&2; return 2 ;;
  esac
}

case "$step" in
  venv) wanted=(python3-venv) ;;                                  # the project's virtualenv
  postgresql) wanted=(postgresql) ;;                              # scripts/postgres_up.sh
  run) wanted=(python3-venv curl antiword postgresql) ;;         # .doc attachments; marts for BI tools
  test) wanted=(python3-venv curl antiword postgresql chromium fontconfig fonts-droid-fallback fonts-dejavu-core) ;;
    # chromium: screenshots of the report and the Airflow UI; fonts: CJK and Latin glyphs of PDFs
  *) echo "usage: scripts/system_packages.sh venv|run|test|postgresql" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  has "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "==> installing ${missing[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  exit 0
fi

echo "system_packages: missing ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
if [ "$step" = venv ]; then
  exit 1  # no virtualenv without it
fi
echo "system_packages: going on without them" >&2
