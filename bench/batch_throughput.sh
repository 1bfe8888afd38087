#!/usr/bin/env bash
# Throughput of `analyze` on a folder of articles with -j1 and -j2 (or the
# thread counts in $JOBS), in one run on one machine: MB/s, articles/s, the
# speed-up over -j1, peak RSS and the CPU seconds used (user + system, from
# /usr/bin/time -v: equal CPU seconds for -j1 and -j2 mean the threads cost
# nothing extra, whatever the wall clock says on a busy machine). Each setting runs
# $REPEAT times (default 3) and the fastest run counts, since the machine may
# be shared; everything runs under `nice`. The outputs of every setting must
# be byte-identical, or the script fails.
#
# The two cores of these virtual machines differ by up to 30%, so -j1 also
# runs pinned to each core (taskset), every core reported; and a same-run
# baseline reads and validates the same bytes (cat | iconv -f UTF-8), so a
# figure can be compared across machines as a ratio to it.
#
# Usage: bench/batch_throughput.sh [CORPUS [ANALYZE]]
#   CORPUS   default ../shared/data/corpus/ko (all three sources)
#   ANALYZE  default build/analyze
#   EXTRA="--dedup-articles" bench/batch_throughput.sh   to measure with options
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/corpus/ko}
analyze=${2:-build/analyze}
jobs=${JOBS:-"1 2"}
repeat=${REPEAT:-3}
extra=${EXTRA:-}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
[ -x "$analyze" ] || { echo "no program at $analyze (build first)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(find "$corpus" -type f -name '*.txt' | wc -l)
bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
find "$corpus" -type f -name '*.txt' -exec cat {} + >/dev/null  # warm the page cache

printf 'corpus: %s — %d files, %.1f MB; %s cores, load %s\n' "$corpus" "$files" \
  "$(echo "$bytes / 1000000" | bc -l)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
# The baseline: read every file and validate it as UTF-8, fastest of $repeat.
baseline=""
for _ in $(seq "$repeat"); do
  t0=$(date +%s.%N)
  find "$corpus" -type f -name '*.txt' -exec cat {} + | iconv -f UTF-8 -t UTF-8 >/dev/null
  t=$(echo "$(date +%s.%N) - $t0" | bc -l)
  if [ -z "$baseline" ] || [ "$(echo "$t < $baseline" | bc -l)" = 1 ]; then baseline=$t; fi
done
printf 'baseline (cat | iconv -f UTF-8): %.2f s, %.1f MB/s\n' "$baseline" \
  "$(echo "$bytes / 1000000 / $baseline" | bc -l)"
if command -v taskset >/dev/null; then
  for core in $(seq 0 $(( $(nproc) - 1 ))); do
    best=""
    for _ in $(seq "$repeat"); do
      t0=$(date +%s.%N)
      # shellcheck disable=SC2086
      taskset -c "$core" nice "$analyze" -q --no-progress -j1 $extra "$corpus" >/dev/null 2>&1 || true
      t=$(echo "$(date +%s.%N) - $t0" | bc -l)
      if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    printf 'core %s, -j1: %.2f s, %.2f MB/s, %.0f articles/s, %.2f%% of the baseline\n' "$core" \
      "$best" "$(echo "$bytes / 1000000 / $best" | bc -l)" "$(echo "$files / $best" | bc -l)" \
      "$(echo "100 * $baseline / $best" | bc -l)"
  done
fi
printf '%-4s %9s %9s %12s %9s %10s %8s\n' jobs seconds "MB/s" "articles/s" speed-up "peak RSS" "CPU s"
base=""
first_output=""
for j in $jobs; do
  best=""
  rss=0
  for _ in $(seq "$repeat"); do
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/time" nice "$analyze" -q --no-progress -j"$j" $extra "$corpus" \
      >"$work/out.$j" 2>/dev/null || true
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    cpu_run=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time")
    if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc -l)" = 1 ]; then best=$elapsed; cpu=$cpu_run; fi
    if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
  done
  if [ -z "$first_output" ]; then
    first_output="$work/out.$j"
  elif ! cmp -s "$first_output" "$work/out.$j"; then
    echo "output of -j$j differs from the first setting" >&2
    exit 1
  fi
  [ -n "$base" ] || base=$best
  printf '%-4s %9.2f %9.1f %12.0f %8.2fx %7.0f MB %8.2f\n' "$j" "$best" \
    "$(echo "$bytes / 1000000 / $best" | bc -l)" "$(echo "$files / $best" | bc -l)" \
    "$(echo "$base / $best" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$cpu"
done
echo "outputs identical across settings ($(wc -l <"$first_output") records)"
