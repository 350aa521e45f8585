#!/usr/bin/env bash
# The benchmark, in one command: bench/run.sh [options]   (writes bench/results.md)
#
#   1. segmentation throughput on the whole corpus's message text: kb's ChineseSegmenter (with and without its
#      cache, 1 and 2 threads), Python jieba (Debian's python3-jieba) and nodejieba, on the same text file;
#   2. BenchmarkDotNet micro-benchmarks of the reader, segmenter and exchange finder (reply linker);
#   3. end-to-end `kb build` on the corpus and on the corpus scaled x10 and x100, with wall time and peak RSS.
#
# Options:
#   --corpus DIR        chat logs to measure (default: ../shared/corpus beside the repository)
#   --work DIR          scratch folder for the message text, scaled corpora and outputs (default: /tmp/kb-bench)
#   --scales "1 10 100" end-to-end sizes to run (default: "1 10 100")
#   --skip-x100         leave out the x100 run (hours on a loaded machine while the exchange stage is slow)
#   --time-limit SEC    stop any one kb build after SEC seconds and record it as timed out (default: 3600)
#   --skip-micro        leave out the BenchmarkDotNet micro-benchmarks
#   --skip-segmentation leave out the segmentation comparison
#   --results FILE      where the Markdown goes (default: bench/results.md)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus="$repo/../shared/corpus"
work=/tmp/kb-bench
scales="1 10 100"
time_limit=3600
micro=1
segmentation=1
results=
while [[ $# -gt 0 ]]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --scales) scales=$2; shift 2 ;;
    --skip-x100) scales=${scales//100/}; shift ;;
    --time-limit) time_limit=$2; shift 2 ;;
    --skip-micro) micro=0; shift ;;
    --skip-segmentation) segmentation=0; shift ;;
    --results) results=$2; shift 2 ;;
    *) sed -n '2,21p' "$0"; exit 2 ;;
  esac
done
corpus=$(cd "$corpus" && pwd)
mkdir -p "$work"
results=${results:-$repo/bench/results.md}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== build (Release)"
dotnet build "$repo/src/KnowledgeBase.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$repo/bench/KnowledgeBase.Bench" -c Release -v quiet -nologo >/dev/null
kb="$repo/src/KnowledgeBase.Cli/bin/Release/net10.0/KnowledgeBase.Cli.dll"
bench="$repo/bench/KnowledgeBase.Bench/bin/Release/net10.0/KnowledgeBase.Bench.dll"

# Bytes of the chat logs themselves, each hard link counted (a scaled corpus is hard-linked copies).
log_bytes() { find -L "$1" -type f \( -name '*.markdown' -o -name '*.md' \) -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

machine() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$repo" rev-parse --short HEAD)"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- .NET $(dotnet --version), $(/usr/bin/python3 --version), node $(node --version)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: other builds and tests were running, so absolute figures are pessimistic and noisy; ratios within one section are fairer)"
  echo "- corpus: $corpus, $(find -L "$corpus" -name '*.markdown' -o -name '*.md' | wc -l) files, $(log_bytes "$corpus") bytes"
}

{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` (see bench/README.md). Re-run it to reproduce."
  echo
  machine
} > "$work/results.md"
publish() { cp "$work/results.md" "$results"; }
publish

if [[ $segmentation == 1 ]]; then
  echo "== message text"
  text="$work/messages.txt"
  dotnet "$bench" extract "$corpus" "$text"

  echo "== peers: python3-jieba and nodejieba"
  if ! /usr/bin/python3 -c 'import jieba' 2>/dev/null; then
    apt-get install -y -qq python3-jieba >/dev/null || { apt-get update -qq && apt-get install -y -qq python3-jieba >/dev/null; }
  fi
  # nodejieba compiles natively against the system's node headers (no prebuilt binary is downloaded).
  (cd "$repo/bench/node" && npm_config_yes=true npm_config_nodedir=/usr npm ci --no-audit --no-fund >/dev/null)

  echo "== segmentation throughput"
  : > "$work/segment.tsv"
  dotnet "$bench" segment "$text" --no-cache | tee -a "$work/segment.tsv"
  dotnet "$bench" segment "$text" | tee -a "$work/segment.tsv"
  dotnet "$bench" segment "$text" --no-cache --threads 2 | tee -a "$work/segment.tsv"
  dotnet "$bench" segment "$text" --threads 2 | tee -a "$work/segment.tsv"
  /usr/bin/python3 "$repo/bench/python/segment.py" "$text" | tee -a "$work/segment.tsv"
  node "$repo/bench/node/segment.js" "$text" | tee -a "$work/segment.tsv"
  {
    echo
    echo "## Segmentation throughput"
    echo
    echo "The same file, every message body of the corpus one a line ($(stat -c %s "$text") bytes of UTF-8). Loading the"
    echo "dictionaries is timed apart and left out of MB/s. Ratios are MB/s over the peer's MB/s in this same run."
    echo "kb's segmenter adds a 455-term payment dictionary and keeps emoji, WeChat codes and URLs whole; the peers use"
    echo "their default dictionaries. \"cache\" is kb's bounded segment cache (repeated short messages are cut once), as kb build uses it."
    echo
    echo "| segmenter | seconds | MB/s | tokens | vs nodejieba | vs Python jieba | load |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
    awk -F'\t' '
      /^RESULT/ { n++; name[n] = $2; bytes[n] = $3; secs[n] = $4; tokens[n] = $5; load[n] = $6; rate[n] = $3 / 1e6 / $4
                  if ($2 ~ /^nodejieba/) node = rate[n]; if ($2 ~ /^Python/) py = rate[n] }
      END { for (i = 1; i <= n; i++) printf "| %s | %.2f | %.3f | %d | %s | %s | %s |\n", name[i], secs[i], rate[i], tokens[i],
                 node ? sprintf("%.2fx", rate[i] / node) : "-", py ? sprintf("%.2fx", rate[i] / py) : "-", load[i] }' "$work/segment.tsv"
  } >> "$work/results.md"
  publish
fi

if [[ $micro == 1 ]]; then
  echo "== BenchmarkDotNet micro-benchmarks"
  (cd "$work" && KB_BENCH_CORPUS="$corpus" dotnet "$bench" micro --filter '*' --exporters github > "$work/micro.log" 2>&1) || echo "micro-benchmarks failed: see $work/micro.log"
  report=$(find "$work/BenchmarkDotNet.Artifacts/results" -name '*-report-github.md' 2>/dev/null | head -1)
  {
    echo
    echo "## Micro-benchmarks (BenchmarkDotNet, short in-process run, the corpus's largest day)"
    echo
    if [[ -n $report ]]; then sed -n '/^|/,$p' "$report"; else echo "Not produced: see $work/micro.log."; fi
  } >> "$work/results.md"
  publish
fi

echo "== end-to-end kb build"
{
  echo
  echo "## End-to-end \`kb build\`"
  echo
  echo "Each run starts from an empty out folder (fresh kb.db). Scaled corpora are copies of every group into new group"
  echo "folders (bench/scale-corpus.sh), so the segment cache sees more repeats than real new groups would give."
  echo "Wall time and peak RSS from \`/usr/bin/time -f '%e %M'\`; stage times from kb build's own \`stages:\` line."
  echo "A run stopped at the time limit ($time_limit s) is marked as such."
  echo
  echo "| input | files | MB | wall s | MB/s | peak RSS MB | stages | result |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
} >> "$work/results.md"
publish
for scale in $scales; do
  if [[ $scale == 1 ]]; then input=$corpus; else input="$work/corpus-x$scale"; "$repo/bench/scale-corpus.sh" "$corpus" "$scale" "$input"; fi
  bytes=$(log_bytes "$input")
  files=$(find -L "$input" -name '*.markdown' -o -name '*.md' | wc -l)
  out="$work/out-x$scale"
  rm -rf "$out"
  echo "-- x$scale: $files files, $bytes bytes (limit $time_limit s)"
  set +e
  timeout --signal=KILL "$time_limit" /usr/bin/time -f '%e %M' -o "$work/time-x$scale" \
    dotnet "$kb" build "$input" --out "$out" > "$work/stdout-x$scale" 2> "$work/stderr-x$scale" &
  build=$!
  # /usr/bin/time reports nothing for a run killed at the limit: sample the build's RSS meanwhile.
  echo 0 > "$work/rss-x$scale"
  while kill -0 "$build" 2>/dev/null; do
    rss=$(ps -o rss= --ppid "$(pgrep -P "$build" -x time | head -1)" 2>/dev/null | sort -n | tail -1)
    [[ -n $rss && $rss -gt $(cat "$work/rss-x$scale") ]] && echo "$rss" > "$work/rss-x$scale"
    sleep 2
  done
  wait "$build"
  status=$?
  set -e
  stages=$(grep '^stages:' "$work/stderr-x$scale" | sed 's/^stages: //' || true)
  if [[ $status == 137 ]]; then
    echo "| x$scale | $files | $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') | > $time_limit | < $(awk -v b="$bytes" -v t="$time_limit" 'BEGIN { printf "%.3f", b / 1e6 / t }') | ≥ $(( $(cat "$work/rss-x$scale") / 1024 )) (sampled) | - | timed out |" >> "$work/results.md"
  else
    read -r wall rss < <(tail -1 "$work/time-x$scale")
    echo "| x$scale | $files | $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') | $wall | $(awk -v b="$bytes" -v t="$wall" 'BEGIN { printf "%.3f", b / 1e6 / t }') | $((rss / 1024)) | $stages | exit $status: $(tail -1 "$work/stdout-x$scale" | sed 's/ -> .*//') |" >> "$work/results.md"
  fi
  publish
  [[ $scale == 1 ]] || rm -rf "$input"
done
echo "results: $results"
