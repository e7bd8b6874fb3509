#!/bin/bash
# bench-large.sh prints the figures of BENCHMARKS.md at scale: ingest of
# 250,000 and 1,000,000 synthetic papers made from the real corpus by
# paperkg gen, and related latency at a million. The corpora are made
# once and kept in $BENCH_DIR. Expect an hour on two cores.
# Run it from the repository's root (make bench-large).
set -euo pipefail
. bench/lib.sh

machine
build

echo "| figure | value | command |"
echo "|---|---|---|"

for n in 250000 1000000; do
	f=$BENCH_DIR/synth-$n.jsonl.gz
	if [ ! -s "$f" ]; then
		say "gen $n"
		timed "$BENCH_DIR/gen-$n.log" "$BIN" gen --papers $n --seed 1 -o "$f" "$CORPUS"
		row "gen $n" "$(wall "$BENCH_DIR/gen-$n.log") s" "paperkg gen --papers $n --seed 1 -o FILE CORPUS"
	fi
done

ingest 250k "$BENCH_DIR/synth-250000.jsonl.gz"
rm -rf "$BENCH_DIR/db-250k"
ingest 1m "$BENCH_DIR/synth-1000000.jsonl.gz"
queries 1m "$BENCH_DIR/synth-1000000.jsonl.gz" 200
related 1m 30 10
