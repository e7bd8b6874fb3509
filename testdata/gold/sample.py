"""Draws the arXiv papers of the gold set at random from the corpus.

Run from the repository root:
    python3 testdata/gold/sample.py ../shared/corpus/arxiv-2025-2026.jsonl.gz
It writes testdata/gold/arxiv-{dev,test,val,val2,val3,val4}.txt (id, title and
abstract of each paper) for annotation; the annotations themselves are the
.jsonl files of the same names.

The draws were made one after another, each from the papers no earlier
draw took, so that each later set is abstracts no rule was made from when
it was first scored:
  - dev and test: 150 papers, seed 20261127, split in halves;
  - val: 60 papers, seed 20261128, to check that what was learned on dev
    holds on new abstracts;
  - val2: 90 papers, seed 20261129, a fresh check once val had been
    developed against;
  - val3: 90 papers, seed 20261130, the same once val2 had been;
  - val4: 60 papers, seed 20261201, the same once val3 had been.
"""
import gzip
import json
import random
import sys


def write(name, part):
    with open(f"testdata/gold/arxiv-{name}.txt", "w", encoding="utf-8") as f:
        for p in part:
            f.write(f"id: {p['id']}\ntitle: {p['title']}\nabstract: {p['abstract']}\n\n")


papers = [json.loads(line) for line in gzip.open(sys.argv[1], "rt", encoding="utf-8")]
papers = [p for p in papers if p.get("title") and p.get("abstract")]
picked = random.Random(20261127).sample(papers, 150)
write("dev", picked[:75])
write("test", picked[75:])
drawn = {p["id"] for p in picked}
for name, seed, n in (("val", 20261128, 60), ("val2", 20261129, 90), ("val3", 20261130, 90), ("val4", 20261201, 60)):
    rest = [p for p in papers if p["id"] not in drawn]
    part = random.Random(seed).sample(rest, n)
    write(name, part)
    drawn |= {p["id"] for p in part}
