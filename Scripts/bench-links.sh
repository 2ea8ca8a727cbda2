#!/bin/sh
# Link check benchmark (issue 7): 1000 unique links on one local host and 1000 over 20 hosts
# (127.0.0.1-127.0.0.20), every answer 50 ms late, against the floor
# links x latency / allowed concurrency; then the second run, answered from the cache.
# Everything stays on the loopback interface. Usage: Scripts/bench-links.sh [scratch-path]
set -eu
SCRATCH=${1:-.build-lc}
OUT=$(mktemp)
LOG=$(mktemp)
trap 'rm -f "$OUT" "$LOG"' EXIT
swift build --scratch-path "$SCRATCH" --build-tests >"$LOG" 2>&1 || { cat "$LOG"; exit 2; }
status=0
BRIEFS_BENCH_LINKS=1 BRIEFS_BENCH_OUT="$OUT" \
  swift test --scratch-path "$SCRATCH" --skip-build --filter LinkCheckBenchmark >"$LOG" 2>&1 || status=$?
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "settings: total concurrency 16, per host 2, min interval 10 ms, latency 50 ms"
cat "$OUT"
if [ "$status" -ne 0 ]; then
  echo "a target was missed:"
  grep -E "✘|error" "$LOG" || tail -20 "$LOG"
fi
exit "$status"
