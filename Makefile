# paperkg: make demo builds the seed map; make test runs every test.
GO      ?= go
BIN     := bin/paperkg
GOFLAGS ?=
FUZZTIME ?= 30s
export CGO_ENABLED ?= 0

# The tests check every export with its real consumer: Graphviz, networkx,
# jsonschema (Debian's packages, for Debian's /usr/bin/python3), and
# Cytoscape.js and graphology (npm, installed by the tests with npm ci).

.PHONY: all build demo test test-deps bench bench-large bench-go fuzz lint clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/paperkg

demo: build
	./$(BIN) demo

test: test-deps
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# test-deps installs what the tests need when it is missing and the
# machine allows it (root, or sudo without a password).
test-deps:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	command -v rsvg-convert >/dev/null 2>&1 || missing="$$missing librsvg2-bin"; \
	/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || missing="$$missing python3-networkx"; \
	/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$$missing python3-jsonschema"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
			|| echo "could not install$$missing: the tests that need them will be skipped"; \
	fi

# bench prints the figures of BENCHMARKS.md at the real corpus's scale, in
# under ten minutes on two cores; bench-large those of 250,000 and a
# million synthetic papers, in about an hour. CORPUS is the real corpus,
# BENCH_DIR where databases and corpora go. bench-go runs every Go
# benchmark once.
CORPUS ?= ../shared/corpus/arxiv-2025-2026.jsonl.gz
bench:
	CORPUS=$(CORPUS) bench/bench.sh

bench-large:
	CORPUS=$(CORPUS) bench/bench-large.sh

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./...

# fuzz runs every fuzz target for FUZZTIME each; a package whose tests do
# not build fails it rather than being skipped.
fuzz:
	@pkgs=$$($(GO) list ./...) || exit 1; \
	for pkg in $$pkgs; do \
		list=$$($(GO) test -list '^Fuzz' $$pkg) || { echo "$$list"; exit 1; }; \
		for f in $$(echo "$$list" | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin paperkg-demo
