#!/usr/bin/env bash
# Scores a foitag build on the cached real responses: tests/real/score.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release/foitag}
[ -d tests/real/cache ] || { echo "no cache: re-read the pages tests/real/list.sh lists" >&2; exit 1; }
out=$(mktemp)
"$bin" tag tests/real/cache -o "$out"
python3 ../shared/tools/score.py tests/real/labels.csv "$out"
"$bin" eval --gold tests/real/labels.csv tests/real/cache | sed -n '/confidence/,$p'
