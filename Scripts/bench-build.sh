#!/usr/bin/env bash
# Build benchmark (issue 9): full builds of generated sites of N briefs (HTML, exports, feeds,
# internal link check; no PDFs), then rebuilds with one brief changed (brief-00001, near the
# end of the feeds, and the newest brief, at their start) and with nothing changed. Prints a
# Markdown table for BENCHMARKS.md.
#
# Usage: Scripts/bench-build.sh [path/to/briefpress] [N ...]   (default N: 100 1000 5000)
# Environment: RUNS (default 5) full builds per size, the median is reported;
#              SETTLE (default 35) seconds to wait after creating the sites;
#              TMPDIR where sites and outputs go (default /tmp, on disk; TMPDIR=/dev/shm
#              measures the same in memory, without the file system's share).
#
# Method: all sites are generated first, then the script waits SETTLE seconds without deleting
# anything. The root file system of the development machines is ext4 without a journal; there
# the kernel skips every free inode deleted in the last 12 hours (`recently_deleted` in ext4's
# inode allocator, `vm.dirtytime_expire_seconds`) while its inode table block is cached, so
# creating files gets slower the more files were deleted recently, whatever the program.
# (ext4 with a journal, the usual setup, does not do this.) So nothing is deleted while
# measuring, and the "copy floor" column shows what the same machine needs at that moment just
# to copy the finished output to a new folder (`cp -r`): the file system's share, which no
# program writing those files can avoid. Every full build writes into a new folder with an
# empty build cache (the cold case); the rebuilds run against the last of them.
set -euo pipefail
bin=${1:-.build/release/briefpress}
shift || true
sizes=${*:-100 1000 5000}
runs=${RUNS:-5}
settle=${SETTLE:-35}
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BRIEFPRESS_HOME="$repo"

for n in $sizes; do
  python3 "$repo/Scripts/generate-corpus.py" "$work/site-$n" "$n" --seed 1 >/dev/null
done
sync
sleep "$settle"

# "wall user sys maxrss_kb" of one run of the command: wall time from bash's clock (GNU time
# rounds to 10 ms, too coarse for rebuilds), CPU time and peak memory from GNU time.
measure() {
  local start=$EPOCHREALTIME
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >/dev/null 2>&1
  local end=$EPOCHREALTIME
  awk -v start="$start" -v end="$end" '{ printf "%.4f %s %s %s\n", end - start, $1, $2, $3 }' "$work/time"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# The median wall time of $runs rebuilds of $site into $out, each after changing brief $1's title.
rebuilds_after_changing() {
  : >"$work/rebuilds"
  for run in $(seq "$runs"); do
    sed -i "s/^title: \(.*\)$/title: \1 geändert/" "$site/content/briefs/$1.md"
    measure "$bin" build "$site" -o "$out" --no-pdf --quiet | awk '{ print $1 }' >>"$work/rebuilds"
  done
  median <"$work/rebuilds"
}

echo "| briefs | full build: wall (s) | ms per brief | CPU (s) | user CPU (s) | peak memory (MB) | copy floor: cp -r of the output (s) | one brief changed (s) | one changed / full | the newest brief changed (s) | newest changed / full | nothing changed (s) | files written, nothing changed |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in $sizes; do
  site="$work/site-$n"
  : >"$work/full-$n"
  for run in $(seq "$runs"); do
    rm -f "$site/.briefpress/build-cache"
    # The last run's output goes to the disk first: the kernel writes a build's files back
    # after it ended, and the next build would pay for that on the same two cores.
    sync
    measure "$bin" build "$site" -o "$work/out-$n-$run" --no-pdf --quiet >>"$work/full-$n"
  done
  out="$work/out-$n-$runs"
  wall=$(awk '{ print $1 }' "$work/full-$n" | median)
  cpu=$(awk '{ print $2 + $3 }' "$work/full-$n" | median)
  user=$(awk '{ print $2 }' "$work/full-$n" | median)
  sync
  floor=$( { /usr/bin/time -f "%e" cp -r "$work/out-$n-1" "$work/copy-$n"; } 2>&1 | tail -1)
  sync
  rss=$(awk '{ print $4 }' "$work/full-$n" | sort -n | tail -1)
  changed=$(rebuilds_after_changing brief-00001)
  # The brief an editor most likely changes: the newest, first in the feeds, so both feeds are
  # written again from their start (brief-00001 stands near their end).
  newest=$(grep -o '"url":"[^"]*/briefs/[^"/]*/"' "$out/feed.json" | awk 'NR == 1' | sed 's|.*/briefs/\([^/]*\)/"|\1|')
  newestChanged=$(rebuilds_after_changing "$newest")
  : >"$work/unchanged-$n"
  for run in $(seq "$runs"); do
    measure "$bin" build "$site" -o "$out" --no-pdf --quiet | awk '{ print $1 }' >>"$work/unchanged-$n"
  done
  unchanged=$(median <"$work/unchanged-$n")
  written=$("$bin" build "$site" -o "$out" --no-pdf 2>&1 | sed -n 's/.*(\([0-9]*\) files\{0,1\} written.*/\1/p')
  awk -v n="$n" -v wall="$wall" -v cpu="$cpu" -v user="$user" -v rss="$rss" -v floor="$floor" -v changed="$changed" \
    -v unchanged="$unchanged" -v written="$written" -v newest="$newestChanged" \
    'BEGIN { printf "| %d | %.3f | %.3f | %.2f | %.2f | %.0f | %.3f | %.3f | %.1f %% | %.3f | %.1f %% | %.3f | %s |\n", n, wall, wall * 1000 / n, cpu, user, rss / 1024, floor, changed, changed * 100 / wall, newest, newest * 100 / wall, unchanged, written }'
done
# The repository's own example site (one brief, no PDFs): start-up and fixed costs.
: >"$work/example"
for run in $(seq 5); do
  measure "$bin" build "$repo" -o "$work/example-$run" --no-pdf --quiet --no-cache | awk '{ print $1 }' >>"$work/example"
done
example=$(median <"$work/example")
largest=${sizes##* }
"$bin" build "$work/site-$largest" -o "$work/jobs1" --no-pdf --quiet --no-cache --jobs 1
"$bin" build "$work/site-$largest" -o "$work/jobs2" --no-pdf --quiet --no-cache --jobs 2
if diff -r "$work/jobs1" "$work/jobs2" >/dev/null; then same="identical"; else same="DIFFERENT"; fi
echo
echo "The 1-brief example site (content/, no PDFs, no cache): $(awk -v t="$example" 'BEGIN { printf "%.0f", t * 1000 }') ms (median of 5)."
echo "Output of the $largest-brief site built with --jobs 1 and --jobs 2 (no cache): $same."
echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo); $(date -u +%F); $("$bin" --version 2>/dev/null | head -1); median of $runs runs"
