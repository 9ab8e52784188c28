# The two commands of the README: `make run` builds annals and runs its main
# job; `make test` runs every test. CI (.ci/run) calls `make test` too.

GO      ?= go
BIN     ?= ./annals
DB      ?= annals.db
ADDR    ?= 127.0.0.1:8080
INPUT   ?= examples/
export CGO_ENABLED = 0

.PHONY: run build test check bench

build:
	$(GO) build -o $(BIN) ./cmd/annals

# run ingests INPUT into the embedded SQLite store DB (a second run adds
# nothing) and serves the API on ADDR until interrupted.
run: build
	$(BIN) ingest --db $(DB) $(INPUT)
	$(BIN) serve --db $(DB) --addr $(ADDR)

test:
	$(GO) test ./...

# check is what CI runs besides the tests: formatting, vet, staticcheck.
check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1 ./...
