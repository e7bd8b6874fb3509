# paperkg: make demo builds the seed map; make test runs every test.
GO      ?= go
BIN     := bin/paperkg
GOFLAGS ?=
export CGO_ENABLED ?= 0

# The tests check every export with its real consumer: Graphviz, networkx,
# jsonschema (Debian's packages, for Debian's /usr/bin/python3), and
# Cytoscape.js and graphology (npm, installed by the tests with npm ci).

.PHONY: all build demo test test-deps bench fuzz lint clean

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

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./...

fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 30s $$pkg || exit 1; \
		done; \
	done

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin paperkg-demo
