#!/usr/bin/python3
"""The related-papers job done the usual way, as a baseline for paperkg:
scikit-learn TF-IDF over title + abstract, cosine similarity, top 10.

usage: related_sklearn.py CORPUS.jsonl[.gz] IDS

Prints one JSON object: the time to read the corpus, to build the TF-IDF
index (fit_transform), and the latency of a related-papers query for each
paper id in the file IDS (one a line), as p50 and p99 in milliseconds.
Run it with Debian's /usr/bin/python3 (python3-sklearn).
"""

import gzip
import json
import resource
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    corpus, ids_path = sys.argv[1], sys.argv[2]
    opener = gzip.open if corpus.endswith(".gz") else open
    t0 = time.perf_counter()
    ids, texts = [], []
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            ids.append(str(r.get("id", "")))
            texts.append((r.get("title") or "") + ". " + (r.get("abstract") or ""))
    t1 = time.perf_counter()
    # English stop words, as paperkg's term index drops function words.
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32)
    X = vec.fit_transform(texts).tocsr()
    t2 = time.perf_counter()

    row = {pid: i for i, pid in enumerate(ids)}
    queries = [row[q.strip()] for q in open(ids_path) if q.strip() in row]
    XT = X.T.tocsr()
    lat = []
    for i in queries:
        s = time.perf_counter()
        sims = (X[i] @ XT).toarray().ravel()
        sims[i] = -1.0
        top = np.argpartition(-sims, 10)[:10]
        top = top[np.argsort(-sims[top])]
        lat.append(time.perf_counter() - s)
    lat.sort()

    def pct(q):
        return 1000 * lat[min(len(lat) - 1, int(q * len(lat)))]

    print(json.dumps({
        "papers": len(ids),
        "terms": len(vec.vocabulary_),
        "read_s": round(t1 - t0, 2),
        "index_s": round(t2 - t1, 2),
        "queries": len(lat),
        "p50_ms": round(pct(0.50), 2),
        "p99_ms": round(pct(0.99), 2),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }))


if __name__ == "__main__":
    main()
