#!/usr/bin/env bash
# Throughput and memory benchmark of `foitag tag` against ripgrep and a naive Python classifier.
#
# Builds a corpus of at least 200 MB in bench/out/ (and 400 MB for the memory check) by
# replicating corpus/ and ../shared/corpus/dev, then times, in one run, with the medians
# of RUNS runs (default 3): foitag with 1 and 2 jobs, `rg -c -i` counting the rules' cue words,
# and bench/naive.py. Prints MB/s, peak memory (from /usr/bin/time -v) and the ratios.
# Usage: bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
OUT=bench/out
mkdir -p "$OUT"

# Tools: ripgrep and GNU time from Debian.
need=()
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --profile dist --quiet
FOITAG=target/dist/foitag

sources=(corpus)
[ -d ../shared/corpus/dev ] && sources+=(../shared/corpus/dev)
for mb in 200 400; do
    if [ ! -f "$OUT/corpus-$mb/.done" ]; then
        rm -rf "$OUT/corpus-$mb"
        python3 bench/gen.py "$OUT/corpus-$mb" "$mb" "${sources[@]}"
        touch "$OUT/corpus-$mb/.done"
    fi
done

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

C200=$OUT/corpus-200
C400=$OUT/corpus-400
MB200=$(du -sb --exclude=.done "$C200" | awk '{print $1/1e6}')
MB400=$(du -sb --exclude=.done "$C400" | awk '{print $1/1e6}')

measure foitag-j1 "$C200" "$FOITAG" tag -j 1 -o "$OUT/tags-j1.csv" "$C200"
measure foitag-j2 "$C200" "$FOITAG" tag -j 2 -o "$OUT/tags-j2.csv" "$C200"
cmp -s "$OUT/tags-j1.csv" "$OUT/tags-j2.csv" || { echo "run.sh: 1 and 2 jobs disagree" >&2; exit 1; }
measure ripgrep "$C200" rg -c -i -F -f "$OUT/cue-words.txt" "$C200"
measure naive-python "$C200" python3 bench/naive.py "$C200"
measure foitag-j2-400 "$C400" "$FOITAG" tag -j 2 -o "$OUT/tags-400.csv" "$C400"

div() { awk -v a="$1" -v b="$2" 'BEGIN {print a / b}'; }
ratio() { div "$1" "$2"; }
echo
echo "corpus: $MB200 MB ($(find "$C200" -name '*.txt' | wc -l) files); 400 MB run: $MB400 MB; median of $RUNS runs; $(nproc) cores"
printf '%-16s %10s %10s %10s %14s %10s\n' tool seconds MB/s "CPU s" "MB per CPU s" "peak MB"
for name in foitag-j1 foitag-j2 ripgrep naive-python foitag-j2-400; do
    mb=$MB200
    [ "$name" = foitag-j2-400 ] && mb=$MB400
    printf '%-16s %10.2f %10.1f %10.2f %14.1f %10.1f\n' "$name" "${SECS[$name]}" "$(div "$mb" "${SECS[$name]}")" "${CPU[$name]}" "$(div "$mb" "${CPU[$name]}")" "$(div "${PEAK[$name]}" 1024)"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows wall times)"
echo
printf 'foitag -j2 / naive python:  %6.2f x  (target >= 10)\n' "$(ratio "${SECS[naive-python]}" "${SECS[foitag-j2]}")"
printf 'foitag -j2 / ripgrep:       %6.2f x  (target >= 0.25)\n' "$(ratio "${SECS[ripgrep]}" "${SECS[foitag-j2]}")"
printf 'foitag -j2 / -j1:           %6.2f x  (target >= 1.7)\n' "$(ratio "${SECS[foitag-j1]}" "${SECS[foitag-j2]}")"
printf 'peak memory 200 MB:         %6.1f MB (target <= 100)\n' "$(div "${PEAK[foitag-j2]}" 1024)"
printf 'peak memory 400 / 200 MB:   %6.2f    (target <= 1.10)\n' "$(ratio "${PEAK[foitag-j2-400]}" "${PEAK[foitag-j2]}")"
printf 'per CPU second, foitag -j1 / naive python: %6.2f x\n' "$(ratio "${CPU[naive-python]}" "${CPU[foitag-j1]}")"
printf 'per CPU second, foitag -j1 / ripgrep:      %6.2f x\n' "$(ratio "${CPU[ripgrep]}" "${CPU[foitag-j1]}")"
