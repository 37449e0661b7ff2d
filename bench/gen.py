#!/usr/bin/env python3
"""Build a benchmark corpus by replicating the project's texts.

Usage: gen.py OUT_DIR MEGABYTES SOURCE_DIR...

Each document is one to three source texts joined by a blank line (a reply with its quoted
history, as in WhatDoTheyKnow threads), chosen with a fixed seed, so every run builds the same
corpus. Documents go in folders of 1000.
"""
import os
import random
import sys


def main():
    out, megabytes, sources = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    texts = []
    for d in sources:
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt"):
                with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
                    texts.append(f.read())
    if not texts:
        sys.exit("gen.py: no texts found")
    rng = random.Random(6)
    target, total, i = megabytes * 1e6, 0, 0
    while total < target:
        folder = os.path.join(out, f"d{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        doc = "\n\n".join(rng.choice(texts) for _ in range(rng.choice([1, 1, 1, 2, 3])))
        data = doc.encode("utf-8")
        with open(os.path.join(folder, f"f{i:07d}.txt"), "wb") as f:
            f.write(data)
        total += len(data)
        i += 1
    print(f"{i} documents, {total / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
