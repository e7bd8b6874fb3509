#!/bin/bash
# bench.sh prints the figures of BENCHMARKS.md at the real corpus's scale,
# in under ten minutes on two cores: extraction speed, ingest of the
# 70,092-paper corpus (time, memory, database size, a second run), related
# latency warm and cold, topics and a map, and the scikit-learn baseline.
# Run it from the repository's root (make bench).
set -euo pipefail
. bench/lib.sh

machine
build

echo "| figure | value | command |"
echo "|---|---|---|"

say "go benchmarks"
out=$(go test -run '^$' -bench '^BenchmarkExtract$' -benchtime 5x ./extract | grep '^BenchmarkExtract')
row "extraction, one core" "$(printf '%s\n' "$out" | sed -n 's/.* \([0-9.]*\) MB\/s.*/\1/p') MB/s" "go test -bench Extract -benchtime 5x ./extract"
out=$(go test -run '^$' -bench '^BenchmarkIngest' -benchtime 3x ./ingest | grep '^BenchmarkIngest')
while read -r line; do
	name=${line%% *}
	row "${name%-*} (5,000 papers, Go benchmark)" "$(printf '%s\n' "$line" | sed -n 's/.* \([0-9.]*\) papers\/s.*/\1/p') papers/s" "go test -bench Ingest -benchtime 3x ./ingest"
done <<<"$out"

ingest 70k "$CORPUS"
queries 70k "$CORPUS" 200
related 70k 100 25

say "topics and map"
db=$BENCH_DIR/db-70k
if "$BIN" help topics >/dev/null 2>&1; then
	timed "$BENCH_DIR/topics.log" "$BIN" --db "$db" topics >"$BENCH_DIR/topics.txt"
	topics=$(wall "$BENCH_DIR/topics.log")
	row "topics 70k" "$topics s, $(rss_mb "$BENCH_DIR/topics.log") MB" "paperkg --db DB topics"
else
	topics=0
	row "topics 70k" "no topics command in this build" "paperkg --db DB topics"
fi
timed "$BENCH_DIR/export.log" "$BIN" --db "$db" export --view papers --top 300 --format svg -o "$BENCH_DIR/map.svg"
row "map export 70k" "$(wall "$BENCH_DIR/export.log") s, $(rss_mb "$BENCH_DIR/export.log") MB" "paperkg --db DB export --view papers --top 300 --format svg"

say "scikit-learn baseline"
if $PY -c 'import sklearn' 2>/dev/null; then
	sk=$($PY bench/related_sklearn.py "$CORPUS" "$BENCH_DIR/ids-70k")
	row "scikit-learn TF-IDF 70k" "$sk" "/usr/bin/python3 bench/related_sklearn.py CORPUS ids"
else
	row "scikit-learn TF-IDF 70k" "python3-sklearn is not installed" "apt-get install -y python3-sklearn"
fi
