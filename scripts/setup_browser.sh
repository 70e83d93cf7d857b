#!/usr/bin/env bash
# Install Debian's Chromium (the report's browser test and PDF output) and a CJK font
# (Chinese text in the zh report's charts and PDF) for `make test`.
# Playwright drives this system browser; it never downloads a browser of its own.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ! fc-list 2>/dev/null | grep -qi "noto.*cjk\|wenquanyi\|droid sans fallback"; then
    need+=(fonts-noto-cjk)
fi
if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]} (Debian packages) for the report tests ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    # matplotlib caches the font list: let it see the new font
    rm -f "${HOME:-/root}"/.cache/matplotlib/fontlist-*.json 2>/dev/null || true
else
    echo "${need[*]} not found and cannot be installed here (needs root and apt-get);" \
         "the browser tests will be skipped and Chinese charts fall back to English" >&2
fi
