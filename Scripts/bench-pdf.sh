#!/usr/bin/env bash
# PDF benchmark: 20 briefs rendered by the worker pool with a cold cache, then rebuilt with a
# warm cache (nothing changed: zero PDFs may be rendered). Prints a Markdown table row for
# BENCHMARKS.md. Usage: Scripts/bench-pdf.sh [path/to/briefpress]
set -euo pipefail
bin=${1:-.build/release/briefpress}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/content/briefs"
cp "$repo/content/site.yaml" "$work/content/"
for i in $(seq -w 1 20); do
  sed -e "s|^title: Integrationschampions|title: Integrationschampions $i|" \
      -e "s|^doi: .*|doi: 10.59350/bench.$i|" \
      "$repo/content/briefs/integrationschampions.md" > "$work/content/briefs/brief-$i.md"
done
export BRIEFPRESS_HOME="$repo"
seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
"$bin" build "$work" --no-pdf --quiet            # warm the file cache, measure HTML only
html=$(seconds "$bin" build "$work" --no-pdf --quiet)
rm -rf "$work/.briefpress"
cold=$(seconds "$bin" build "$work" --quiet)
warm_out=$("$bin" build "$work" 2>&1 | grep "PDFs rendered")
warm=$(seconds "$bin" build "$work" --quiet)
rendered=$(echo "$warm_out" | sed -n 's/.*, \([0-9]*\) PDFs rendered.*/\1/p')
pdf_cold=$(echo "$cold $html" | awk '{ printf "%.3f", ($1 - $2) / 20 }')
# The baseline the pool replaces: one WeasyPrint process per PDF (4 PDFs, one after another).
"$bin" build "$work" --quiet -o "$work/out"
cli_start=$(date +%s.%N)
for html_file in $(ls "$work"/.briefpress/pdf-cache/*.html | head -4); do
  "$repo/.venv/bin/weasyprint" --pdf-variant pdf/ua-1 --base-url "$work/out/briefs/brief-01/" "$html_file" "$work/cli.pdf" 2>/dev/null
done
cli=$(echo "$cli_start $(date +%s.%N)" | awk '{ printf "%.3f", ($2 - $1) / 4 }')
echo "| machine | date | briefs | HTML only (s) | cold build with PDFs (s) | s per PDF, pool, cold | s per PDF, one process each | warm rebuild (s) | PDFs rendered on warm rebuild |"
echo "|---|---|---|---|---|---|---|---|---|"
echo "| $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo) | $(date -u +%F) | 20 | $html | $cold | $pdf_cold | $cli | $warm | ${rendered:-?} |"
