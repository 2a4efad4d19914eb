# Sourced by CI scripts: starts the runnable jar as the README says (no configuration, a free port) and
# sets $base (the /v1 URL) and $key (the admin key it printed); the jar stops when the script exits.
start_gateway() {
  gateway_log=$(mktemp)
  CLOD_PORT=0 java -jar gateway-server/target/clod-gateway.jar >"$gateway_log" 2>&1 &
  gateway_pid=$!
  trap 'kill "$gateway_pid" 2>/dev/null || true; rm -f "$gateway_log"' EXIT
  for _ in $(seq 1 100); do
    grep -q 'listening on' "$gateway_log" && break
    kill -0 "$gateway_pid" 2>/dev/null || { cat "$gateway_log"; echo "the gateway exited"; exit 1; }
    sleep 0.2
  done
  base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$gateway_log")
  key=$(sed -n 's/.*admin key.*: \(sk-clod-[A-Za-z0-9]*\).*/\1/p' "$gateway_log")
  [ -n "$base" ] && [ -n "$key" ] || { cat "$gateway_log"; echo "no address or key printed"; exit 1; }
}
