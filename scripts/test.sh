#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: installs what the tests need, builds once (debug), runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Third-party protocol clients used by the interop tests (ccxt talks to our simulator like to a real venue).
# schemathesis fuzzes the whole API against /openapi.json (scripts/api-fuzz.sh).
if ! python3 -c "import ccxt, sortedcontainers, schemathesis" 2>/dev/null; then
    # A distribution Python (PEP 668) refuses plain installs; then install for this user only.
    python3 -m pip install --quiet --disable-pip-version-check ccxt sortedcontainers schemathesis \
        || python3 -m pip install --quiet --disable-pip-version-check --user --break-system-packages ccxt sortedcontainers schemathesis
fi
export PATH="$HOME/.local/bin:$PATH"

# Recordings are gzip (compress-nio links the system zlib): make sure its headers exist on a bare Debian machine.
if [ ! -f /usr/include/zlib.h ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq zlib1g-dev) >/dev/null || echo "warning: zlib1g-dev could not be installed" >&2
fi

swift build --build-tests
swift test --skip-build
bash scripts/api-fuzz.sh
