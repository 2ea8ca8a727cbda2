#!/usr/bin/env bash
# Build benchmark (issue 9): full builds of generated sites of N briefs (HTML, exports, feeds,
# internal link check; no PDFs), then a rebuild with one brief changed and one with nothing
# changed. Prints a Markdown table for BENCHMARKS.md.
# Usage: Scripts/bench-build.sh [path/to/briefpress] [N ...]   (default N: 100 1000 5000)
set -euo pipefail
bin=${1:-.build/release/briefpress}
shift || true
sizes=${*:-100 1000 5000}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BRIEFPRESS_HOME="$repo"
measure() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1; }
echo "| briefs | full build: wall (s) | ms per brief | CPU (s) | peak memory (MB) | one brief changed (s) | nothing changed (s) | files written, nothing changed |"
echo "|---|---|---|---|---|---|---|---|"
for n in $sizes; do
  site="$work/site-$n"
  python3 "$repo/Scripts/generate-corpus.py" "$site" "$n" --seed 1
  read -r wall user sys rss <<<"$(measure "$bin" build "$site" --no-pdf --quiet)"
  sed -i 's/^title: \(.*\)$/title: \1 geändert/' "$site/content/briefs/brief-00001.md"
  read -r changed _ _ _ <<<"$(measure "$bin" build "$site" --no-pdf --quiet)"
  read -r unchanged _ _ _ <<<"$(measure "$bin" build "$site" --no-pdf --quiet)"
  written=$("$bin" build "$site" --no-pdf 2>&1 | sed -n 's/.*(\([0-9]*\) files.*/\1/p')
  awk -v n="$n" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" -v changed="$changed" -v unchanged="$unchanged" -v written="$written" \
    'BEGIN { printf "| %d | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %s |\n", n, wall, wall * 1000 / n, user + sys, rss / 1024, changed, unchanged, written }'
done
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo); $(date -u +%F); $("$bin" --version 2>/dev/null | head -1)"
