#!/usr/bin/env bash
# Interleaved `./jdatagen demo` runs: automatic selection (warm start), -Djdatagen.backend=scalar and
# -Djdatagen.backend=simd, ROUNDS rounds (default 3), extra demo options in DEMO_ARGS. Prints one line
# per run: configuration, wall seconds, the demo's first-epoch and steady lines, and the warm start's state.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
rounds="${ROUNDS:-3}"
"$root/jdatagen" --version >/dev/null 2>&1 # builds the jar first, outside the timings
uptime
for round in $(seq 1 "$rounds"); do
  for config in auto scalar simd; do
    opts=""
    [ "$config" != auto ] && opts="-Djdatagen.backend=$config"
    start=$(date +%s.%N)
    out="$(JAVA_OPTS="$opts" "$root/jdatagen" demo ${DEMO_ARGS:-} 2>&1)"
    end=$(date +%s.%N)
    first="$(grep -o 'epoch 1 (JVM warm-up): *[0-9.]* s = *[0-9]* images/s' <<<"$out" | tr -s ' ')"
    steady="$(grep -o 'steady): *[0-9.]* s = *[0-9]* images/s' <<<"$out" | tr -s ' ')"
    warm="$(grep -o 'Backend warm start: .*' <<<"$out" || true)"
    printf 'round %s %-6s wall %.2f s | %s | %s | %s\n' "$round" "$config" "$(echo "$end - $start" | bc)" \
      "$first" "$steady" "$warm"
  done
done
uptime
