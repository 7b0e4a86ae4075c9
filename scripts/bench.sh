#!/usr/bin/env bash
# Depth benchmark (and the tick-to-order figure) in one command: PropBot (`propbot-bench depth`) against the same-run C++ baseline
# (Benchmarks/baseline/depth_baseline.cpp), both on gen_depth.py's Binance `depthUpdate` data.
#
#   bash scripts/bench.sh [--runs N] [--data DIR] [-n MESSAGES] [--no-build]
#
# The machines are shared and noisy, so absolute figures are not comparable between runs: the figure that
# counts is the RATIO propbot/baseline, measured here in the same run, alternating the two programs so a
# noisy minute hits both. Each invocation is pinned to one core (taskset -c 1) when taskset exists.
# Exits 1 if any program reports a result that does not match expected_<tag>.json.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=5
DATA=/tmp/benchdata
N=200000
BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --data) DATA="$2"; shift 2 ;;
        -n) N="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;  # use .build/release/propbot-bench as it is
        -h|--help) sed -n 2,10p "$0"; exit 0 ;;
        *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
VARIANTS="mixed fixed10"
BENCH=.build/release/propbot-bench
BASELINE_DIR=.build/bench-baseline
BASELINE=$BASELINE_DIR/depth_baseline
PIN=""
if command -v taskset >/dev/null 2>&1 && taskset -c 1 true 2>/dev/null; then PIN="taskset -c 1"; fi

# (a) data: generate when missing or generated with another message count.
need_data=0
for t in $VARIANTS; do
    for f in "depth_$t.jsonl" "snapshot_$t.json" "expected_$t.json"; do
        [ -s "$DATA/$f" ] || need_data=1
    done
    if [ -s "$DATA/expected_$t.json" ] && ! grep -q "\"n\": $N," "$DATA/expected_$t.json"; then need_data=1; fi
done
if [ "$need_data" = 1 ]; then
    if ! python3 -c "import sortedcontainers" 2>/dev/null; then
        python3 -m pip install --quiet --disable-pip-version-check sortedcontainers
    fi
    echo "bench.sh: generating $N messages per variant into $DATA" >&2
    python3 Benchmarks/baseline/gen_depth.py --out "$DATA" -n "$N" --variant both >&2
    rm -f "$DATA"/okx_depth_*.jsonl "$DATA"/bybit_depth_*.jsonl
fi

# (b) builds. SwiftPM serialises concurrent builds itself; the C++ baseline is rebuilt when its source changed.
if [ "$BUILD" = 1 ]; then
    swift build -c release --product propbot-bench >&2
fi
[ -x "$BENCH" ] || { echo "bench.sh: $BENCH missing (build it or drop --no-build)" >&2; exit 2; }
mkdir -p "$BASELINE_DIR"
if [ ! -x "$BASELINE" ] || [ Benchmarks/baseline/depth_baseline.cpp -nt "$BASELINE" ]; then
    g++ -O2 -std=c++17 -o "$BASELINE" Benchmarks/baseline/depth_baseline.cpp
fi

# OKX/Bybit frames converted once (untimed) from the Binance stream; named *depth_<tag>.jsonl so
# propbot-bench finds expected_<tag>.json by itself.
for t in $VARIANTS; do
    for v in okx bybit; do
        out="$DATA/${v}_depth_$t.jsonl"
        if [ ! -s "$out" ] || [ "$DATA/depth_$t.jsonl" -nt "$out" ]; then
            "$BENCH" convert --venue "$v" --input "$DATA/depth_$t.jsonl" --snapshot "$DATA/snapshot_$t.json" --out "$out"
        fi
    done
done

# (c) alternate the programs RUNS times; every line of $RESULTS is "impl variant ns_per_msg msgs_per_s rc run".
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
record() { # impl variant command...
    local impl=$1 variant=$2 out rc=0
    shift 2
    out=$($PIN "$@" 2>/tmp/bench.sh.stderr.$$) || rc=$?
    if [ "$rc" != 0 ]; then sed 's/^/  /' /tmp/bench.sh.stderr.$$ >&2; fi
    rm -f /tmp/bench.sh.stderr.$$
    local ns mps
    ns=$(printf '%s' "$out" | sed -n 's/.*"ns_per_msg": *\([0-9.]*\).*/\1/p')
    mps=$(printf '%s' "$out" | sed -n 's/.*"msgs_per_s": *\([0-9]*\).*/\1/p')
    [ -n "$ns" ] || { ns=nan; mps=0; rc=1; }
    echo "$impl $variant $ns $mps $rc $run" >>"$RESULTS"
    printf '  %-16s %-8s %8s ns/msg %s\n' "$impl" "$variant" "$ns" "$([ "$rc" = 0 ] && echo ok || echo MISMATCH/FAIL)" >&2
}
echo "bench.sh: $(date -u '+%F %T UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), propbot-bench built $(date -u -r "$BENCH" '+%F %T UTC'), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'), pin '${PIN:-none}'"
for run in $(seq 1 "$RUNS"); do
    echo "bench.sh: run $run/$RUNS" >&2
    for t in $VARIANTS; do
        record cpp-baseline "$t" "$BASELINE" --input "$DATA/depth_$t.jsonl" --snapshot "$DATA/snapshot_$t.json" --runs 1
        record propbot-binance "$t" "$BENCH" depth --venue binance --input "$DATA/depth_$t.jsonl" --snapshot "$DATA/snapshot_$t.json" --runs 1
        record propbot-okx "$t" "$BENCH" depth --venue okx --input "$DATA/okx_depth_$t.jsonl" --snapshot "$DATA/snapshot_$t.json" --runs 1
        record propbot-bybit "$t" "$BENCH" depth --venue bybit --input "$DATA/bybit_depth_$t.jsonl" --snapshot "$DATA/snapshot_$t.json" --runs 1
    done
done

# Tick-to-order: book update → engine → both signed place requests (p50/p99 µs, one JSON line).
echo "bench.sh: tick-to-order $($PIN "$BENCH" tick-to-order --iterations 100000)" >&2

# (d) medians and ratios against the baseline of the same variant.
python3 - "$RESULTS" "$RUNS" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
impls = ["cpp-baseline", "propbot-binance", "propbot-okx", "propbot-bybit"]
bad = False
print(f"\nmedians of {sys.argv[2]} alternating runs, one core each. ratio = median ns/msg / baseline median ns/msg;")
print("paired = median over runs of (ns/msg / baseline ns/msg of the same run), the steadier figure on a noisy machine.")
print("Both > 1 mean slower than the C++ baseline.")
print(f"| {'variant':8} | {'implementation':16} | {'msgs/s':>10} | {'ns/msg':>8} | {'ratio':>6} | {'paired':>6} | check |")
print("|----------|------------------|-----------:|---------:|-------:|-------:|-------|")
for v in ["mixed", "fixed10"]:
    base = None
    base_by_run = {r[5]: float(r[2]) for r in rows if r[0] == "cpp-baseline" and r[1] == v}
    for impl in impls:
        rs = [r for r in rows if r[0] == impl and r[1] == v]
        if not rs:
            continue
        ok = all(r[4] == "0" for r in rs)
        bad |= not ok
        ns = statistics.median(float(r[2]) for r in rs)
        mps = statistics.median(int(r[3]) for r in rs)
        if impl == "cpp-baseline":
            base = ns
        ratio = f"{ns / base:.2f}" if base and ns == ns else "-"
        pairs = [float(r[2]) / base_by_run[r[5]] for r in rs if base_by_run.get(r[5], 0) > 0 and r[2] != "nan"]
        paired = f"{statistics.median(pairs):.2f}" if pairs else "-"
        print(f"| {v:8} | {impl:16} | {mps/1e6:>8.2f} M | {ns:>8.1f} | {ratio:>6} | {paired:>6} | {'ok' if ok else 'FAIL':5} |")
print("\nOKX/Bybit rows parse converted frames of the same market (different wire format); their ratio is")
print("still against the Binance C++ baseline of the same variant.")
sys.exit(1 if bad else 0)
PY
