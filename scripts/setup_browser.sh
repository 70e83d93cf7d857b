#!/usr/bin/env bash
# Install Debian's Chromium for the report's browser test (run by `make test`).
# Playwright drives this system browser; it never downloads a browser of its own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium (Debian package) for the browser test ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "chromium not found and cannot be installed here (needs root and apt-get);" \
         "the browser test will be skipped" >&2
fi
