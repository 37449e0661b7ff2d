#!/usr/bin/env python3
"""Naive FOI classifier: the baseline a user might write in an afternoon.

Walks the folders given, reads every *.txt file, and with a handful of regexes finds the
section/regulation numbers cited, "neither confirm nor deny", and a rough outcome. Writes one CSV
row per document to standard output. Used by bench/run.sh as the Python baseline.
"""
import csv
import os
import re
import sys

SECTION = re.compile(r"\b(?:sections?|s\.?)\s*(\d+)(?:\s*\((\d+)\))?", re.I)
REGULATION = re.compile(r"\b(?:regulations?|regs?\.?)\s*(\d+)(?:\s*\((\d+)\))?", re.I)
NCND = re.compile(r"neither\s+confirm\s*(?:n)?or\s+deny", re.I)
NOT_HELD = re.compile(r"\b(?:do|does)\s+not\s+hold\b|\bnot\s+held\b", re.I)
REFUSED = re.compile(r"\b(?:exempt|refused|withheld|refusal\s+notice)\b", re.I)
PROVIDED = re.compile(r"\bplease\s+find\s+(?:attached|enclosed|below)\b|\bas\s+follows\b", re.I)
SCOTLAND = re.compile(r"\bscotland\b|\bFOISA\b", re.I)


def classify(text):
    cited = set()
    for m in SECTION.finditer(text):
        cited.add("s" + m.group(1) + (f"({m.group(2)})" if m.group(2) else ""))
    for m in REGULATION.finditer(text):
        cited.add("r" + m.group(1) + (f"({m.group(2)})" if m.group(2) else ""))
    ncnd = bool(NCND.search(text))
    if NOT_HELD.search(text):
        outcome = "not_held"
    elif REFUSED.search(text):
        outcome = "refused"
    elif PROVIDED.search(text):
        outcome = "provided"
    else:
        outcome = "unknown"
    regime = "foisa" if SCOTLAND.search(text) else "foia"
    return regime, outcome, "yes" if ncnd else "no", ";".join(sorted(cited))


def main():
    out = csv.writer(sys.stdout)
    out.writerow(["id", "regime", "outcome", "ncnd", "cited"])
    for root in sys.argv[1:]:
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".txt"):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                out.writerow([os.path.relpath(path, root)[:-4], *classify(text)])


if __name__ == "__main__":
    main()
