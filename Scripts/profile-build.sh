#!/usr/bin/env bash
# Instruction counts of one build (valgrind's callgrind): repeatable on a noisy machine, where
# wall times of the same build vary by 15 %. Compare two binaries by their totals; read where the
# instructions go with `callgrind_annotate --inclusive=yes FILE | less`.
#
# Usage: Scripts/profile-build.sh [path/to/briefpress] [SITE] [OUT.callgrind]
#        (defaults: .build/release/briefpress, the repository's example site, a temporary file)
#
# valgrind 3.19 (Debian 12) gives up on the DWARF of our statically linked release binary
# ("Possibly corrupted debuginfo file"), so a copy without debug information is profiled; the
# symbol table stays, so functions keep their names.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$repo/.build/release/briefpress}
site=${2:-$repo}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${3:-$work/build.callgrind}
command -v valgrind >/dev/null || { echo "valgrind is not installed (sudo apt-get install valgrind)" >&2; exit 2; }
cp "$bin" "$work/briefpress"
strip --strip-debug "$work/briefpress"
export BRIEFPRESS_HOME="$repo"
valgrind --tool=callgrind --callgrind-out-file="$out" "$work/briefpress" build "$site" -o "$work/output" \
  --no-pdf --no-cache --quiet 2>&1 | sed -n 's/.*Collected : \([0-9]*\)/instructions: \1/p'
callgrind_annotate "$out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,22p' | cut -c1-160
[ -n "${3:-}" ] && echo "profile: $out"
exit 0
