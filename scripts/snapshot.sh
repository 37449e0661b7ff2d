#!/usr/bin/env bash
# Writes wide and long CSV of corpus/, the shared seeds and the shared dev set into DIR, so two
# builds can be compared byte for byte: scripts/snapshot.sh DIR [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: snapshot.sh DIR [BINARY]}
bin=${2:-target/release/foitag}
mkdir -p "$out"
for set in corpus ../shared/seeds ../shared/corpus/dev tests/blind/a tests/blind/b tests/blind/c; do
  [ -d "$set" ] || continue
  name=$(echo "$set" | tr '/.' '__')
  "$bin" tag "$set" -o "$out/$name.wide.csv"
  "$bin" tag "$set" --long -o "$out/$name.long.csv"
done
