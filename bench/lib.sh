# Functions the benchmark scripts share; sourced by bench.sh and
# bench-large.sh, run from the repository's root.

CORPUS=${CORPUS:-../shared/corpus/arxiv-2025-2026.jsonl.gz}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/paperkg-bench}
BIN=$BENCH_DIR/paperkg
PY=/usr/bin/python3 # Debian's, which sees python3-sklearn
mkdir -p "$BENCH_DIR"

say() { printf '%s\n' "$*" >&2; }

# row NAME VALUE COMMAND: one line of the figures table.
row() { printf '| %s | %s | `%s` |\n' "$1" "$2" "$3"; }

machine() {
	say "machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)," \
		"$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3)," \
		"$(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

build() {
	say "building $BIN"
	CGO_ENABLED=0 go build -o "$BIN" ./cmd/paperkg
}

# seconds "h:mm:ss" or "m:ss.ss" from /usr/bin/time -v.
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'; }

# timed LOG CMD...: runs CMD under /usr/bin/time -v, its standard error in LOG.
timed() {
	log=$1
	shift
	/usr/bin/time -v "$@" 2>"$log"
}

wall() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | seconds; }
rss_mb() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{printf "%.0f", $1/1024}'; }
cpu_s() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$1"; }

# sample PID DB OUT: while PID runs, follows the paperkg process that
# works on DB and writes the peaks of its anonymous and file-backed
# resident memory, in MB, to OUT: Badger maps its tables into memory, and
# the pages of those files that it touched count in RSS as well.
sample() {
	local tp=$1 db=$2 out=$3 child="" a=0 f=0 ca cf p
	while kill -0 "$tp" 2>/dev/null; do
		if [ -z "$child" ]; then
			for p in $(pgrep -f -- "--db $db " || true); do
				if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = paperkg ]; then child=$p; fi
			done
		fi
		if [ -n "$child" ] && [ -r "/proc/$child/status" ]; then
			read -r ca cf < <(awk '/^RssAnon/ {a = $2} /^RssFile/ {f = $2} END {print a + 0, f + 0}' "/proc/$child/status" 2>/dev/null || echo 0 0)
			if ((ca > a)); then a=$ca; fi
			if ((cf > f)); then f=$cf; fi
		fi
		sleep 1
	done
	echo "$((a / 1024)) $((f / 1024))" >"$out"
}

# rawsize FILE: its size in bytes, decompressed.
rawsize() {
	case $1 in
	*.gz) gzip -dc "$1" | wc -c ;;
	*) wc -c <"$1" ;;
	esac
}

# ingest NAME INPUT: a fresh ingest of INPUT into $BENCH_DIR/db-NAME, then
# the same ingest again; prints the figures table's rows.
ingest() {
	name=$1 input=$2 db=$BENCH_DIR/db-$1
	rm -rf "$db"
	say "ingest $name: $input"
	timed "$BENCH_DIR/ingest-$name.log" "$BIN" --db "$db" ingest "$input" &
	sample $! "$db" "$BENCH_DIR/mem-$name"
	wait $!
	read -r anon file <"$BENCH_DIR/mem-$name"
	papers=$(sed -n 's/^paperkg: \([0-9]*\) papers read in.*/\1/p' "$BENCH_DIR/ingest-$name.log")
	t=$(wall "$BENCH_DIR/ingest-$name.log")
	bytes=$(du -sb "$db" | cut -f1)
	raw=$(rawsize "$input")
	cmd="paperkg --db DB ingest $(basename "$input")"
	row "ingest $name: wall (CPU)" "$t s ($(cpu_s "$BENCH_DIR/ingest-$name.log") s CPU, load $(cut -d' ' -f1 /proc/loadavg))" "$cmd"
	row "ingest $name: papers/s" "$(awk -v p="$papers" -v t="$t" 'BEGIN {printf "%.0f", p/t}')" "$cmd"
	row "ingest $name: peak RSS" "$(rss_mb "$BENCH_DIR/ingest-$name.log") MB (peaks: $anon MB anonymous, $file MB mapped files)" "$cmd"
	row "ingest $name: database" "$(awk -v b="$bytes" -v r="$raw" -v p="$papers" 'BEGIN {printf "%.0f MB, %.0f B/paper, %.2f× the %.0f MB input", b/1e6, b/p, b/r, r/1e6}')" "du -sb DB"
	timed "$BENCH_DIR/again-$name.log" "$BIN" --db "$db" ingest -q "$input"
	row "ingest $name again (no-op)" "$(wall "$BENCH_DIR/again-$name.log") s, $(rss_mb "$BENCH_DIR/again-$name.log") MB" "$cmd"
}

# queries NAME INPUT N: writes N paper ids of INPUT, spread over it, to
# $BENCH_DIR/ids-NAME.
queries() {
	n=$(gzip -dcf "$2" | wc -l)
	gzip -dcf "$2" | awk -v k=$((n / $3)) -v n="$3" 'NR % k == 1 && m++ < n' | $PY -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line)["id"])' >"$BENCH_DIR/ids-$1"
}

# related NAME WARM COLD: warm latency (WARM queries in one process, a Go
# benchmark) and cold latency (COLD queries, each twice, a process a query,
# hyperfine) of related on database NAME.
related() {
	name=$1 db=$BENCH_DIR/db-$1 ids=$BENCH_DIR/ids-$1
	say "related $name, warm"
	out=$(PAPERKG_BENCH_DB=$db PAPERKG_BENCH_IDS=$ids go test -run '^$' -bench '^BenchmarkRelatedLatency$' -benchtime "$2x" -timeout 0 ./graph | grep '^BenchmarkRelatedLatency')
	p50=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9.]*\) p50-ms.*/\1/p')
	p99=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9.]*\) p99-ms.*/\1/p')
	row "related $name warm: p50 / p99" "$p50 / $p99 ms ($2 queries)" "PAPERKG_BENCH_DB=DB PAPERKG_BENCH_IDS=ids go test -bench RelatedLatency -benchtime $2x ./graph"
	say "related $name, cold"
	list=$(head -n "$3" "$ids" | paste -sd, -)
	hyperfine -N --style none --runs 2 --export-json "$BENCH_DIR/cold-$name.json" -L id "$list" \
		"$BIN --db $db related {id}" >/dev/null 2>&1
	cold=$($PY -c '
import json, sys
t = sorted(x for r in json.load(open(sys.argv[1]))["results"] for x in r["times"])
q = lambda p: 1000 * t[min(len(t) - 1, int(p * len(t)))]
print("%.0f / %.0f ms (%d runs)" % (q(0.5), q(0.99), len(t)))' "$BENCH_DIR/cold-$name.json")
	row "related $name cold: p50 / p99" "$cold" "hyperfine -N --runs 2 -L id ID,... 'paperkg --db DB related {id}'"
}
