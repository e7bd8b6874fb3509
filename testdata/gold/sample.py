"""Draws the arXiv part of the gold set: 150 papers at random, seed 20261127.

Run from the repository root:
    python3 testdata/gold/sample.py ../shared/corpus/arxiv-2025-2026.jsonl.gz
It writes testdata/gold/arxiv-dev.txt and arxiv-test.txt (75 papers each,
id, title and abstract) for annotation; the annotations themselves are
arxiv-dev.jsonl and arxiv-test.jsonl.
"""
import gzip
import json
import random
import sys

papers = [json.loads(line) for line in gzip.open(sys.argv[1], "rt", encoding="utf-8")]
papers = [p for p in papers if p.get("title") and p.get("abstract")]
picked = random.Random(20261127).sample(papers, 150)
for name, part in (("dev", picked[:75]), ("test", picked[75:])):
    with open(f"testdata/gold/arxiv-{name}.txt", "w", encoding="utf-8") as f:
        for p in part:
            f.write(f"id: {p['id']}\ntitle: {p['title']}\nabstract: {p['abstract']}\n\n")

# A second draw, made later from the papers not drawn above, to check that
# what was learned on dev holds on abstracts no rule was made from: 60
# papers, seed 20261128, written as arxiv-val.txt.
drawn = {p["id"] for p in picked}
rest = [p for p in papers if p["id"] not in drawn]
val = random.Random(20261128).sample(rest, 60)
with open("testdata/gold/arxiv-val.txt", "w", encoding="utf-8") as f:
    for p in val:
        f.write(f"id: {p['id']}\ntitle: {p['title']}\nabstract: {p['abstract']}\n\n")

# A third draw, made after val had been developed against, for a fresh
# check of the same kind: 90 papers, seed 20261129, written as
# arxiv-val2.txt.
drawn |= {p["id"] for p in val}
rest = [p for p in papers if p["id"] not in drawn]
val2 = random.Random(20261129).sample(rest, 90)
with open("testdata/gold/arxiv-val2.txt", "w", encoding="utf-8") as f:
    for p in val2:
        f.write(f"id: {p['id']}\ntitle: {p['title']}\nabstract: {p['abstract']}\n\n")

# A fourth draw, for a fresh check after val2 had been developed against:
# 90 papers, seed 20261130, written as arxiv-val3.txt.
drawn |= {p["id"] for p in val2}
rest = [p for p in papers if p["id"] not in drawn]
val3 = random.Random(20261130).sample(rest, 90)
with open("testdata/gold/arxiv-val3.txt", "w", encoding="utf-8") as f:
    for p in val3:
        f.write(f"id: {p['id']}\ntitle: {p['title']}\nabstract: {p['abstract']}\n\n")
