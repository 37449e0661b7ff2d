#!/usr/bin/env bash
# Lists what to re-read into the git-ignored cache (tests/real/cache/ID.txt): one line per page,
# "ID<TAB>URL<TAB>QUERY". Each text is the first ~2 KB of the stored page that the search tool's
# `pages` corpus returns for QUERY at URL. Pages that ../shared/tools/held_out.py filters out were
# never used; the check is repeated here so a reserved page is never re-read by mistake.
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
import csv, hashlib, pathlib
held = pathlib.Path("../../../shared/eval/held-out-urls.sha256")
reserved = set(held.read_text().split()) if held.exists() else set()
def norm(u):
    u = u.strip().split("#")[0]
    if u.startswith("http://"):
        u = "https://" + u[7:]
    return u.rstrip("/").lower()
for r in csv.DictReader(open("sources.csv")):
    if hashlib.sha256(norm(r["url"]).encode()).hexdigest() in reserved:
        continue
    cached = "cached" if pathlib.Path("cache", r["id"] + ".txt").exists() else "missing"
    print(f'{r["id"]}\t{r["url"]}\t{r["query"]}\t{cached}')
PY
