#!/usr/bin/env bash
# The incremental-build measurement, in one command: bench/incremental.sh [--corpus DIR] [--work DIR]
#
# Copies the corpus, holds out its newest day (the last file by date of any group), and runs:
#   1. a cold build of the rest, which fills the build cache (<out>/build-cache.db);
#   2. the same build again with the held-out day added: only the new day is read and analysed again;
#   3. a full build of the same input with --no-cache into a copy of build 1's output without its cache, the reference
#      (both continue build 1's topics);
# then checks that 2 and 3 wrote byte-identical faq.json files, and prints wall time and peak RSS of each as a
# Markdown table.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus="$repo/../shared/corpus"
work=/tmp/kb-incremental
while [[ $# -gt 0 ]]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
corpus=$(cd "$corpus" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 SOURCE_DATE_EPOCH=1700000000
dotnet build "$repo/src/KnowledgeBase.Cli" -c Release -v quiet -nologo >/dev/null
kb="$repo/src/KnowledgeBase.Cli/bin/Release/net10.0/KnowledgeBase.Cli.dll"

rm -rf "$work"
mkdir -p "$work"
cp -r "$corpus" "$work/input"
# The newest day: file names carry the date, so the last name in date order across groups.
newest=$(cd "$work/input" && find . -type f \( -name '*.markdown' -o -name '*.md' \) | awk -F/ '{ print $NF "\t" $0 }' | sort | tail -n 1 | cut -f2)
mkdir -p "$work/held"
mv "$work/input/$newest" "$work/held/day"

# run LABEL OUT [options]: one kb build with wall time and peak RSS, both to stderr and to $work/LABEL.time.
run() {
  local label=$1 out=$2
  shift 2
  /usr/bin/time -f '%e %M' -o "$work/$label.time" dotnet "$kb" build "$work/input" --out "$out" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
  echo "$label: $(cat "$work/$label.time") ($(grep -h 'build cache\|stages' "$work/$label.err" | tr '\n' ' '))" >&2
}

run cold "$work/out"
# The reference builds on the same previous build (whose topics both continue), without its cache.
cp -r "$work/out" "$work/full"
rm -f "$work/full/build-cache.db"
mv "$work/held/day" "$work/input/$newest"
run incremental "$work/out"
run full "$work/full" --no-cache

if cmp -s "$work/out/faq.json" "$work/full/faq.json"; then same="byte-identical"; else same="DIFFERENT"; fi
row() { read -r seconds kb_rss <"$work/$1.time"; printf '| %s | %.1f s | %d MB |\n' "$2" "$seconds" $((kb_rss / 1024)); }
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$repo" rev-parse --short HEAD), load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- input: $(find "$work/input" -type f | wc -l) files; new day: ${newest#./}"
echo "- incremental faq.json against the full build's: $same"
echo
echo "| build | wall time | peak RSS |"
echo "| --- | --- | --- |"
row cold "cold, all days but the newest (fills the cache)"
row incremental "incremental, the newest day added"
row full "full, same input, --no-cache"
read -r full _ <"$work/full.time"
read -r incremental _ <"$work/incremental.time"
awk -v f="$full" -v i="$incremental" 'BEGIN { printf "\nspeed-up of the incremental build over the full build: %.2fx\n", f / i }'
[[ $same == byte-identical ]]
