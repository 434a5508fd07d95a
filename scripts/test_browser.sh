#!/usr/bin/env bash
# The HTML view in a real browser: renders the samples, a page of hostile
# input and a 1 MB article with `quotelink html`, opens them in headless
# Chromium through WebDriver (Python selenium) and checks what a reader
# sees; saves screenshots in target/browser/.
#
# Installs what it needs on first run: Debian's chromium and
# chromium-driver with apt-get (when root and missing), and selenium into
# .venv-browser/. PolNeAR dev articles are used when present
# ($QUOTELINK_DATA, default ../shared/data), the samples otherwise.
#
# Usage: scripts/test_browser.sh [--screenshot docs/html-view.png]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test_browser: installing chromium and chromium-driver (first run only)" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
        echo "test_browser: needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)" >&2
        exit 2
    fi
fi

venv=.venv-browser
if ! "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
    echo "test_browser: installing selenium into $venv (first run only)" >&2
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check selenium==4.51.0
fi

exec "$venv/bin/python" -u scripts/browser_test.py \
    --quotelink target/release/quotelink \
    --data "${QUOTELINK_DATA:-../shared/data}" \
    --work target/browser "$@"
