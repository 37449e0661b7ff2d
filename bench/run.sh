#!/usr/bin/env bash
# Throughput and memory benchmark of `foitag tag` against ripgrep, a naive Python classifier and
# the ceiling of the matcher's design (one Aho-Corasick pass over every rule keyword).
#
# Builds two corpora of BENCH_MB megabytes (default 50) in bench/out/ with bench/gen.py: one
# that replicates the source texts (warm caches, flattering) and one whose documents never
# repeat (the headline), plus a varied one of twice the size for the memory check. Times, in
# one run, with the medians of RUNS runs (default 3): foitag with 1 and 2 jobs on both corpora,
# the keyword pass, `rg -c -i` counting the rules' cue words, and bench/naive.py. Prints MB/s,
# peak memory (from /usr/bin/time -v) and the ratios.
# Usage: bench/run.sh [RUNS]        BENCH_MB=200 bench/run.sh   (200 and 400 MB corpora)
#        FOITAG=saved/foitag CEILING=saved/ceiling bench/run.sh   (saved builds, no build)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
MB=${BENCH_MB:-50}
OUT=bench/out
mkdir -p "$OUT"

# Tools: ripgrep and GNU time from Debian.
need=()
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The binary and the keyword-pass bench, built together (one link of the library), unless
# FOITAG and CEILING name saved builds to time instead.
if [ -z "${FOITAG:-}" ] || [ -z "${CEILING:-}" ]; then
    CEILING=$(cargo build --profile dist --quiet --bin foitag --bench ceiling --message-format=json |
        python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "ceiling" and m.get("executable"):
        print(m["executable"])')
    FOITAG=target/dist/foitag
fi

# The replicated corpus keeps to the texts it always had; the varied one draws on every text.
sources=(corpus)
[ -d ../shared/corpus/dev ] && sources+=(../shared/corpus/dev)
more=(tests/blind)
[ -d ../shared/seeds ] && more+=(../shared/seeds)
[ -d tests/real/cache ] && more+=(tests/real/cache)
corpus() { # corpus NAME MEGABYTES [--vary] SOURCES...: build bench/out/NAME once
    local dir=$OUT/$1 mb=$2
    shift 2
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"
        if [ "$1" = --vary ]; then
            python3 bench/gen.py --vary "$dir" "$mb" "${@:2}"
        else
            python3 bench/gen.py "$dir" "$mb" "$@"
        fi
        touch "$dir/.done"
    fi
}
REP=$OUT/repeat-$MB
VARY=$OUT/vary-$MB
VARY2=$OUT/vary-$((MB * 2))
corpus "repeat-$MB" "$MB" "${sources[@]}"
corpus "vary-$MB" "$MB" --vary "${sources[@]}" "${more[@]}"
corpus "vary-$((MB * 2))" "$((MB * 2))" --vary "${sources[@]}" "${more[@]}"
# The rules' cue words: every rule keyword, one per line.
python3 - > "$OUT/cue-words.txt" <<'EOF'
import glob, tomllib
words = set()
for path in glob.glob("rules/*.toml"):
    with open(path, "rb") as f:
        for rule in tomllib.load(f).get("rule", []):
            words.update(k.lower() for k in rule.get("keywords", []))
print("\n".join(sorted(words)))
EOF

# measure NAME DIR COMMAND...: median wall seconds and peak RSS (KB) over $RUNS runs.
declare -A SECS PEAK CPU
measure() {
    local name=$1 dir=$2
    shift 2
    local times=() peaks=() cpus=()
    find "$dir" -name "*.txt" -exec cat {} + >/dev/null # warm the page cache: time the programs, not the disk
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -v -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt"
        times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$OUT/time.txt")")
        peaks+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")")
        cpus+=("$(awk -F': ' '/(User|System) time \(seconds\)/ {s+=$2} END {print s}' "$OUT/time.txt")")
    done
    CPU[$name]=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    SECS[$name]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    PEAK[$name]=$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1)
}

size() { du -sb --exclude=.done "$1" | awk '{print $1/1e6}'; }
declare -A SIZE
SIZE[$REP]=$(size "$REP")
SIZE[$VARY]=$(size "$VARY")
SIZE[$VARY2]=$(size "$VARY2")
declare -A DIR

# run NAME DIR COMMAND...: measure, and remember which corpus it read.
run() {
    DIR[$1]=$2
    measure "$@"
}
run foitag-j1 "$VARY" "$FOITAG" tag -j 1 -o "$OUT/tags-j1.csv" "$VARY"
run foitag-j2 "$VARY" "$FOITAG" tag -j 2 -o "$OUT/tags-j2.csv" "$VARY"
cmp -s "$OUT/tags-j1.csv" "$OUT/tags-j2.csv" || { echo "run.sh: 1 and 2 jobs disagree" >&2; exit 1; }
run keyword-pass "$VARY" "$CEILING" "$VARY"
run naive-python "$VARY" python3 bench/naive.py "$VARY"
run ripgrep "$VARY" rg -c -i -F -f "$OUT/cue-words.txt" "$VARY"
run rep-foitag-j1 "$REP" "$FOITAG" tag -j 1 -o "$OUT/tags-rep.csv" "$REP"
run rep-foitag-j2 "$REP" "$FOITAG" tag -j 2 -o "$OUT/tags-rep.csv" "$REP"
run foitag-j2-2x "$VARY2" "$FOITAG" tag -j 2 -o "$OUT/tags-2x.csv" "$VARY2"

div() { awk -v a="$1" -v b="$2" 'BEGIN {print a / b}'; }
ratio() { div "$1" "$2"; }
files() { find "$1" -name '*.txt' | wc -l; }
echo
echo "varied corpus (no document repeats another; the headline): ${SIZE[$VARY]} MB, $(files "$VARY") files"
echo "replicated corpus (rep-*): ${SIZE[$REP]} MB, $(files "$REP") files; memory check (-2x): ${SIZE[$VARY2]} MB"
echo "median of $RUNS runs; $(nproc) cores; keyword-pass: one thread, one Aho-Corasick pass over every rule keyword"
printf '%-16s %10s %10s %10s %14s %10s\n' tool seconds MB/s "CPU s" "MB per CPU s" "peak MB"
for name in foitag-j1 foitag-j2 keyword-pass naive-python ripgrep rep-foitag-j1 rep-foitag-j2 foitag-j2-2x; do
    mb=${SIZE[${DIR[$name]}]}
    printf '%-16s %10.2f %10.1f %10.2f %14.1f %10.1f\n' "$name" "${SECS[$name]}" "$(div "$mb" "${SECS[$name]}")" "${CPU[$name]}" "$(div "$mb" "${CPU[$name]}")" "$(div "${PEAK[$name]}" 1024)"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows wall times)"
echo
printf 'foitag -j2 / naive python:        %6.2f x  (target >= 3)\n' "$(ratio "${SECS[naive-python]}" "${SECS[foitag-j2]}")"
printf 'foitag -j1 / keyword pass (CPU):  %6.2f x  (the ceiling is 1)\n' "$(ratio "${CPU[keyword-pass]}" "${CPU[foitag-j1]}")"
printf 'foitag -j2 / -j1:                 %6.2f x  (target >= 1.8)\n' "$(ratio "${SECS[foitag-j1]}" "${SECS[foitag-j2]}")"
printf 'replicated / varied, -j1 MB/CPU s: %5.2f x  (how much repetition flatters)\n' "$(ratio "$(div "${SIZE[$REP]}" "${CPU[rep-foitag-j1]}")" "$(div "${SIZE[$VARY]}" "${CPU[foitag-j1]}")")"
printf 'foitag -j2 / ripgrep:             %6.2f x\n' "$(ratio "${SECS[ripgrep]}" "${SECS[foitag-j2]}")"
printf 'peak memory, -j2:                 %6.1f MB (target <= 100)\n' "$(div "${PEAK[foitag-j2]}" 1024)"
printf 'peak memory, twice the corpus:    %6.2f    (target <= 1.10)\n' "$(ratio "${PEAK[foitag-j2-2x]}" "${PEAK[foitag-j2]}")"
