#!/usr/bin/env bash
# One entry point for a fresh Debian machine with Python 3.11:
#   ./setup.sh build   install everything, validate the edition, build the HTML site and the PDF into build/
#   ./setup.sh test    install everything (test extras too), run the whole test suite
#   ./setup.sh         install only
# System packages come from apt (as root directly, otherwise through sudo); Python packages go into .venv.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  jing                 # RELAX NG reference validator: tei_all conformance and the lxml/jing agreement tests
  libxml2-utils        # xmllint, for scholars who like to cross-check
  poppler-utils        # pdftotext/pdffonts/pdftoppm: PDF tests and inspection
  hunspell-kk          # the Kazakh dictionary of the OCR assistant
  aspell-kk            # a second Kazakh word list for the OCR assistant (53,000 forms; brings aspell's `precat`,
                       # which expands the compressed list once into ~/.cache/tei-tools/)
  libhunspell-dev      # headers to build the `hunspell` Python binding
  build-essential      # compiler for that binding
  python3-dev python3-venv
  fonts-noto-core      # Noto Serif/Sans: cover Kazakh Cyrillic, embedded in the PDF and shipped with the site
  fonts-dejavu-core
  chromium             # headless browser for the HTML edition's end-to-end test
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  echo "setup: installing system packages: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=$(command -v python3.11 || command -v python3)
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "${1:-}" = test ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
# the toolkit's own bytecode, written now: an editable install otherwise compiles its modules on first use, and
# in a shell with PYTHONDONTWRITEBYTECODE set, on every command (0.1 s of each `tools validate`)
.venv/bin/python -m compileall -q tools >/dev/null

case "${1:-}" in
  build)
    .venv/bin/tools validate
    .venv/bin/tools check
    .venv/bin/tools build
    ;;
  test)
    .venv/bin/python -m pytest -q -m ""   # the full suite: the fast tier (plain `pytest`) and the slow one
    ;;
  "") echo "setup: done; activate with '. .venv/bin/activate' and run 'tools --help'" ;;
  *) echo "usage: ./setup.sh [build|test]" >&2; exit 2 ;;
esac
