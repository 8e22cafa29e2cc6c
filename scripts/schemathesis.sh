#!/usr/bin/env bash
# The API contract from outside: schemathesis (all checks, stateful links too) against the served OpenAPI
# document of a fresh `zhauap serve` on a scratch SQLite database, signed in as the demo administrator.
# Usage: scripts/schemathesis.sh ZHAUAP_BINARY SCHEMATHESIS_BINARY [MAX_EXAMPLES]
# Exits non-zero on any server error or conformance failure.
set -euo pipefail
BIN=$(realpath "$1"); ST="$2"; N="${3:-400}"; HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
LOGS="${SCHEMATHESIS_LOGS:-$PWD/ci-artifacts/schemathesis}"
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true
  mkdir -p "$LOGS"; cp -r "$WORK/err.log" "$WORK/report" "$LOGS/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"
DATABASE_URL="sqlite://$WORK/st.sqlite" CHROMIUM_PATH=off LOG_LEVEL=notice "$BIN" serve --hostname 127.0.0.1 --port 0 >out.log 2>err.log &
PID=$!
for _ in $(seq 1 300); do
  PORT=$(grep -o 'Server started on http://127.0.0.1:[0-9]*' err.log 2>/dev/null | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "server did not start"; cat err.log; exit 1; }
PASSWORD=$(grep -o 'password: [^ ]*' out.log | head -1 | cut -d' ' -f2)
BASE="http://127.0.0.1:$PORT"
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
"$ST" --config-file "$HERE/schemathesis.toml" run "$BASE/api/v1/openapi.json" --checks all --max-examples "$N" --seed 20261202 --workers 1 \
  --phases examples,coverage,fuzzing,stateful --generation-allow-x00 true --no-color \
  -H "Authorization: Bearer $TOKEN" --report junit --report-dir "$WORK/report" --request-timeout 20 \
  ${SCHEMATHESIS_EXTRA:-}
# A server that died under the run (a crash, a trap) fails it even when every response was right.
kill -0 "$PID" 2>/dev/null || { echo "the server died during the run; its log is in $LOGS/err.log"; exit 1; }
