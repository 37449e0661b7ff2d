#!/usr/bin/env python3
"""Build a benchmark corpus from the project's texts.

Usage: gen.py [--vary] OUT_DIR MEGABYTES SOURCE_DIR...

Without --vary, each document is one to three source texts joined by a blank line (a reply with
its quoted history, as in WhatDoTheyKnow threads): the same few hundred texts over and over,
which keeps every cache of a matcher warm and so flatters it.

With --vary, no document repeats another: each message is a source text whose paragraphs are
swapped, one in three, for paragraphs of other texts, and then every paragraph is varied as it
is copied: numbers, dates, months, names after a title, a share of the other capitalised words
and of the ordinary words are drawn afresh (words from the sources' own vocabulary, weighted by
how often they occur, so the mix of words stays that of FOI letters). About one word in five
changes, so two documents rarely share a run of more than a few words.

Source folders are searched recursively for *.txt. Everything is drawn from a fixed seed, so
every run builds the same corpus. Documents go in folders of 1000.
"""
import os
import random
import re
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Dear", "Mx", "Sir", "Cllr", "Inspector", "Sergeant"}
SYLLABLES = ["ab", "al", "an", "ar", "ba", "be", "bri", "car", "da", "del", "el", "en", "fer",
             "ga", "ha", "hol", "in", "ja", "ke", "la", "lin", "ma", "mor", "na", "ne", "o", "pa",
             "per", "ra", "ri", "ro", "sa", "sha", "son", "ta", "ter", "to", "va", "wat", "wen", "y"]
TOKEN = re.compile(r"\d+|[A-Za-z]+|[^A-Za-z\d]+")
WORD_SHARE = 0.2
NAME_SHARE = 0.2


def read_texts(sources):
    texts = []
    for d in sources:
        for folder, dirs, files in os.walk(d):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".txt"):
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                        texts.append(f.read())
    if not texts:
        sys.exit("gen.py: no texts found")
    return texts


class Varier:
    """Draws fresh words, names and numbers for the tokens of a paragraph."""

    def __init__(self, texts, rng):
        self.rng = rng
        counts, caps = {}, {}
        for t in texts:
            for w in re.findall(r"[A-Za-z]+", t):
                if w.islower() and len(w) > 1:
                    counts[w] = counts.get(w, 0) + 1
                elif w[0].isupper() and w[1:].islower() and len(w) > 2:
                    caps[w] = caps.get(w, 0) + 1
        self.words, self.word_weights = list(counts), list(counts.values())
        self.caps = list(caps)
        self.pool = []

    def word(self):
        # Drawing in batches: random.choices is slow one at a time.
        if not self.pool:
            self.pool = self.rng.choices(self.words, self.word_weights, k=4096)
        return self.pool.pop()

    def name(self):
        n = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))
        return n.capitalize()

    def number(self, tok, prev):
        rng = self.rng
        if len(tok) <= 2:
            # Section and regulation numbers: mostly kept, sometimes another small number.
            return tok if rng.random() < 0.7 else str(rng.randint(1, 60))
        if len(tok) == 4 and tok[:2] in ("19", "20"):
            # A year; those after "Act" or "Regulations" name the law and stay.
            return tok if prev in ("Act", "Regulations") else str(rng.randint(1998, 2029))
        lead = str(rng.randint(1, 9)) if tok[0] != "0" else "0"
        return lead + "".join(rng.choice("0123456789") for _ in range(len(tok) - 1))

    def vary(self, para):
        rng, out, prev = self.rng, [], ""
        for tok in TOKEN.findall(para):
            c = tok[0]
            if c.isdigit():
                tok = self.number(tok, prev)
            elif c.isalpha():
                if tok in MONTHS:
                    tok = rng.choice(MONTHS)
                elif prev in TITLES and c.isupper():
                    tok = self.name()
                elif tok.islower() and len(tok) > 1:
                    if rng.random() < WORD_SHARE:
                        tok = self.word()
                elif c.isupper() and tok[1:].islower() and len(tok) > 2 and prev.strip() == "":
                    if rng.random() < NAME_SHARE:
                        tok = rng.choice(self.caps) if rng.random() < 0.5 else self.name()
                prev = tok
            elif not tok.isspace():
                prev = tok
            out.append(tok)
        return "".join(out)


def varied_message(texts, paras, varier, rng):
    own = re.split(r"\n\s*\n", rng.choice(texts))
    picked = [p if rng.random() >= 0.33 else rng.choice(paras) for p in own]
    return "\n\n".join(varier.vary(p) for p in picked)


def main():
    args = sys.argv[1:]
    vary = args[:1] == ["--vary"]
    if vary:
        args = args[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    out, megabytes, sources = args[0], float(args[1]), args[2:]
    texts = read_texts(sources)
    rng = random.Random(6)
    paras = [p for t in texts for p in re.split(r"\n\s*\n", t) if p.strip()]
    varier = Varier(texts, random.Random(7))
    target, total, i = megabytes * 1e6, 0, 0
    while total < target:
        folder = os.path.join(out, f"d{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        n = rng.choice([1, 1, 1, 2, 3])
        if vary:
            doc = "\n\n".join(varied_message(texts, paras, varier, rng) for _ in range(n))
        else:
            doc = "\n\n".join(rng.choice(texts) for _ in range(n))
        data = doc.encode("utf-8")
        with open(os.path.join(folder, f"f{i:07d}.txt"), "wb") as f:
            f.write(data)
        total += len(data)
        i += 1
    print(f"{i} documents, {total / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
