#!/usr/bin/env bash
# Execution-plane benchmarks in one command: durable journal intents and the full order round trip.
#
#   bash scripts/bench-execution.sh [--no-build] [--seconds N] [--orders N]
#
# Prints each benchmark's JSON line, then its ratio to the issue's target measured in this run:
#   journal   — intents_per_s / 5000              (≥ 1 meets the target)
#   roundtrip — place_ack_p95_ms / 2 ms per venue (≤ 1 meets the target)
# The journal figure is bound by this machine's fsync latency (naive_intents_per_s shows one fsync per intent).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=1; SECONDS_ARG=5; ORDERS=200
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=0; shift ;;
        --seconds) SECONDS_ARG="$2"; shift 2 ;;
        --orders) ORDERS="$2"; shift 2 ;;
        -h|--help) sed -n 2,9p "$0"; exit 0 ;;
        *) echo "bench-execution.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
BENCH=.build/release/propbot-bench
[ "$BUILD" = 1 ] && swift build -c release --product propbot-bench >&2
echo "bench-execution.sh: $(date -u '+%F %T UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
journal=$($BENCH journal --seconds "$SECONDS_ARG")
echo "journal   $journal"
python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(f"journal: {j[\"intents_per_s\"]/5000:.2f}x the 5000/s target")' "$journal"
for venue in binance okx bybit; do
    line=$($BENCH roundtrip --venue "$venue" --orders "$ORDERS")
    echo "roundtrip $line"
    python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(f"{j[\"venue\"]}: place→ack p95 = {j[\"place_ack_p95_ms\"]/2:.2f}x the 2 ms target")' "$line"
done
