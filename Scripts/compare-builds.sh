#!/usr/bin/env bash
# Compares the cold full builds of two briefpress binaries on one generated site, interleaved in
# the order ABBA (A, B, B, A, A, B, …) so that the machine's drift (on the development machines
# the same build varies by 15-40 % within minutes) falls on both alike. Before each build: the
# build cache and the last output deleted, `sync`, a pause for the kernel's writeback. Prints
# the median wall time of each binary and the ratio. (BENCHMARKS.md, issue 9, ninth round.)
#
# Usage: Scripts/compare-builds.sh A B [N] [PAIRS]      (defaults: N = 1000 briefs, PAIRS = 8)
# Environment: TMPDIR where the site and the outputs go (default /tmp); PAUSE seconds after
#              `sync` (default 2).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 A B [N] [PAIRS]" >&2; exit 64; }
repo=$(cd "$(dirname "$0")/.." && pwd)
a=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
b=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
n=${3:-1000}
pairs=${4:-8}
pause=${PAUSE:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BRIEFPRESS_HOME="$repo"
python3 "$repo/Scripts/generate-corpus.py" "$work/site" "$n" --seed 1 >/dev/null

# One cold build of binary $1 (A or B); appends "label seconds" to the results.
build() {
  rm -rf "$work/site/.briefpress" "$work/out"
  sync
  sleep "$pause"
  local start=$EPOCHREALTIME
  "$2" build "$work/site" -o "$work/out" --no-pdf --quiet
  local end=$EPOCHREALTIME
  awk -v label="$1" -v start="$start" -v end="$end" 'BEGIN { printf "%s %.4f\n", label, end - start }' >>"$work/times"
}
for pair in $(seq "$pairs"); do
  if [ $((pair % 2)) = 1 ]; then build A "$a"; build B "$b"; else build B "$b"; build A "$a"; fi
done
median() { awk -v label="$1" '$1 == label { print $2 }' "$work/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ma=$(median A)
mb=$(median B)
echo "$n briefs, $pairs builds each, ABBA order ($(date +%F\ %H:%M))"
echo "A $1: median ${ma} s, $(awk -v s="$ma" -v n="$n" 'BEGIN { printf "%.3f", s * 1000 / n }') ms per brief; all: $(awk '$1 == "A" { printf "%s ", $2 }' "$work/times")"
echo "B $2: median ${mb} s, $(awk -v s="$mb" -v n="$n" 'BEGIN { printf "%.3f", s * 1000 / n }') ms per brief; all: $(awk '$1 == "B" { printf "%s ", $2 }' "$work/times")"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "B / A: %+.1f %%\n", (b / a - 1) * 100 }'
