#!/usr/bin/env bash
# API fuzzing with schemathesis against the running demo (its own port, temp control files): every operation of
# /openapi.json with generated valid and invalid inputs, as an admin; fails on any 5xx answer.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/propbot
dir=$(mktemp -d)
port=8019
sed "s/port: 8000/port: $port/" configs/demo.yaml > "$dir/profile.yaml"
cat >> "$dir/profile.yaml" <<YAML

ops:
  tokens_file: $dir/tokens.yaml
  audit_path: $dir/audit.sqlite
  state_file: $dir/control.json
YAML
token=$("$bin" auth add fuzz --role admin --tokens-file "$dir/tokens.yaml" | grep '^pbt_')
"$bin" run --config "$dir/profile.yaml" > "$dir/run.out" 2> "$dir/run.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/api/health" > /dev/null && break
    sleep 0.5
done
# The stream never ends by design: fuzzed separately by the stream tests.
schemathesis run "http://127.0.0.1:$port/openapi.json" -H "Authorization: Bearer $token" \
    --checks not_a_server_error --max-examples 25 --exclude-path /api/ui/stream
"$bin" audit verify --db "$dir/audit.sqlite"
