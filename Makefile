# c360-migrate: build, test, lint, migrate. `make help` lists the targets.
#
# `make test` is THE test command: CI (.ci/run) and the README call it, and
# every later suite joins it here rather than getting a target of its own.

GO ?= go

# The binary and the project-local tools live under bin/ (git-ignored).
BIN := $(CURDIR)/bin
C360 := $(BIN)/c360-migrate

# staticcheck 2026.2.2 (module version v0.8.2) supports Go 1.26. Each version
# installs into its own folder, so changing the pin reinstalls it.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(BIN)/tools/staticcheck-$(STATICCHECK_VERSION)/staticcheck

VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app.Version=$(VERSION)

# migrate: the Spark project read and the Flink project written.
SPARK_SRC ?= spark_src
FLINK_OUT ?= flink_out
PRODUCT ?= c360

# fuzz: how long each fuzz target runs, and the packages searched for them.
FUZZTIME ?= 10m
FUZZ_PKGS := ./translate/lexer ./translate/parser ./translate/load

# Go files to format-check: all but those in hidden folders (.git, .venv) and bin/.
GO_FILES = $(shell find . -mindepth 1 \( -name '.*' -o -path ./bin \) -prune -o -name '*.go' -print)

.PHONY: help build test lint fmt migrate check verify fuzz bench tools clean

help:
	@echo 'make build     build bin/c360-migrate'
	@echo 'make test      run all tests (the one test command)'
	@echo 'make lint      gofmt -l (must be empty), go vet, staticcheck'
	@echo 'make fmt       gofmt -w every Go file'
	@echo 'make migrate   run bin/c360-migrate on $(SPARK_SRC)/ into $(FLINK_OUT)/'
	@echo 'make check     fail (exit 5, with diffs) unless $(FLINK_OUT)/ is what migrate writes now'
	@echo 'make verify    run $(SPARK_SRC)/ on Spark and $(FLINK_OUT)/ on Flink, compare every table'
	@echo 'make fuzz      run each fuzz target for FUZZTIME (default $(FUZZTIME))'
	@echo 'make bench     run the translate benchmarks'
	@echo 'make tools     install staticcheck $(STATICCHECK_VERSION) into bin/tools/'
	@echo 'make clean     remove bin/'

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(C360) ./cmd/c360-migrate

# `go test ./...` includes validate/verify's end-to-end test: spark_src
# against flink_out on real Spark (pyspark installed into .venv by
# validate/sparkenv/venv.sh when missing) and the local Flink gateway.
test:
	$(GO) test ./...

lint: $(STATICCHECK)
	@echo 'gofmt -l'
	@out=$$(gofmt -l $(GO_FILES)); \
	if [ -n "$$out" ]; then echo "these files need gofmt (run 'make fmt'):"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

fmt:
	gofmt -w $(GO_FILES)

# Exit code 3 means the output was written but some tables still need the
# LLM (they are listed, and marked needs-llm); make reports it and goes on.
migrate: build
	$(C360) migrate --product $(PRODUCT) --out $(FLINK_OUT) --report $(FLINK_OUT)/report $(SPARK_SRC) || { rc=$$?; [ $$rc -eq 3 ] && echo "migrate: some tables need the LLM (exit 3): see $(FLINK_OUT)/report/report.md"; [ $$rc -eq 3 ]; }

# check writes nothing: it translates $(SPARK_SRC) (without the dry run, so
# no Flink is needed; junit.xml's dry-run cases are then not compared) and
# diffs the result with $(FLINK_OUT)/ and its report. Exit 5: out of date,
# run `make migrate` and commit.
check: build
	$(C360) migrate --product $(PRODUCT) --skip-dry-run --no-llm --check --out $(FLINK_OUT) --report $(FLINK_OUT)/report $(SPARK_SRC)

# verify runs the Spark project on local Spark and its migration on the
# local Flink (batch mode) over the same CSVs and compares every table;
# exit 6 when a table differs or could not run.
verify: build
	$(C360) verify $(SPARK_SRC) $(FLINK_OUT)

# Runs the fuzz targets one at a time (go test -fuzz takes one target per
# run). A package in FUZZ_PKGS that does not exist yet is skipped.
fuzz:
	@set -e; for pkg in $(FUZZ_PKGS); do \
	  if [ ! -d "$$pkg" ]; then echo "fuzz: $$pkg does not exist, skipped"; continue; fi; \
	  list=$$($(GO) test -list '^Fuzz' "$$pkg"); \
	  targets=$$(echo "$$list" | grep '^Fuzz' || true); \
	  if [ -z "$$targets" ]; then echo "fuzz: no fuzz targets in $$pkg"; continue; fi; \
	  for t in $$targets; do \
	    echo "== fuzz $$pkg $$t for $(FUZZTIME)"; \
	    $(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) "$$pkg"; \
	  done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./translate/...

tools: $(STATICCHECK)

$(STATICCHECK):
	GOBIN=$(dir $@) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

clean:
	rm -rf $(BIN)

# Local Apache Flink SQL Gateway for the dry-run deploy (validate/localflink):
# the first start fetches the jars from Maven Central into
# ~/.cache/c360-migrate (override with C360_FLINK_CACHE); later starts are
# offline. C360_FLINK_PORT picks the first port tried (default 8083).
.PHONY: flink-up flink-down
flink-up:
	@validate/localflink/flink.sh up

flink-down:
	@validate/localflink/flink.sh down
