# ISFlow: `make run` to try it, `make test` for every check.
# Builds go to a cache outside the clone, so a fresh clone reuses compiled
# dependencies; an empty cache only makes the first run slower.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/isflow/target
export PATH := $(HOME)/.cache/isflow/tools/bin:$(CURDIR)/tools/release/node_modules/.bin:$(PATH)
export SURREAL_SURREALKV_BLOCK_CACHE_CAPACITY ?= 67108864

SITE := $(CURDIR)/target/site
E2E_PORT ?= 3107

.PHONY: run test fmt lint unit e2e crash-quick site-dev site-release server-test server-release \
	setup-test format clean bench crash-test fuzz

## Build in release mode and serve on the embedded database with a demo college.
run: site-release server-release
	ISFLOW_DEMO=1 ISFLOW_SITE_ROOT=$(SITE) $(CARGO_TARGET_DIR)/release/isflow serve

## Every check CI runs.
test: setup-test fmt lint unit e2e crash-quick

setup-test:
	tools/setup.sh test

fmt:
	cargo fmt --all --check
	leptosfmt --check app/src

lint:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p app --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings

unit:
	cargo test --workspace

# The integration tests build the `isflow` binary with the same features as
# the tests, so the end-to-end run reuses it instead of compiling the
# server (and SurrealDB) a second time with a different feature set.
e2e: site-dev server-test
	cd end2end && ISFLOW_BIN=$(CARGO_TARGET_DIR)/debug/isflow ISFLOW_SITE_ROOT=$(SITE) \
		E2E_PORT=$(E2E_PORT) npx playwright test

# The crash test on the binaries the test build made (isflow-bench has an
# integration test, so `cargo test` builds it with the same features and
# SurrealDB is not compiled a second time): twenty SIGKILLs under load on a
# small college. `make crash-test` runs it on a release build.
crash-quick: server-test
	$(CARGO_TARGET_DIR)/debug/isflow-bench crash --server $(CARGO_TARGET_DIR)/debug/isflow \
		--site $(SITE) --out $(CURDIR)/target/crash --rounds 20 --projects 4000 --sessions 24

## Benchmarks against the budgets on a release build, at 10,000 and
## 100,000 projects; the report goes to target/bench/report.md.
bench: site-release
	cargo build --release -p server -p bench
	$(CARGO_TARGET_DIR)/release/isflow-bench run --server $(CARGO_TARGET_DIR)/release/isflow \
		--site $(SITE) --out $(CURDIR)/target/bench $(BENCH_ARGS)

## SIGKILL the release server under load, twenty times over, checking the
## data after each.
crash-test: site-release
	cargo build --release -p server -p bench
	$(CARGO_TARGET_DIR)/release/isflow-bench crash --server $(CARGO_TARGET_DIR)/release/isflow \
		--site $(SITE) --out $(CURDIR)/target/crash --rounds 20

## Fuzz the amount and form parsers with libFuzzer (cargo fuzz), each for
## FUZZ_SECONDS.
FUZZ_SECONDS ?= 120
fuzz:
	tools/setup.sh fuzz
	cd app/fuzz && for target in amount forms; do \
		mkdir -p $(CARGO_TARGET_DIR)/fuzz-corpus/$$target; \
		RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$(CARGO_TARGET_DIR)/fuzz cargo fuzz run $$target \
			$(CARGO_TARGET_DIR)/fuzz-corpus/$$target corpus/$$target \
			-- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

site-dev:
	tools/setup.sh build
	tools/build-site.sh wasm-dev $(SITE)

site-release:
	tools/setup.sh release
	tools/build-site.sh wasm-release $(SITE)

server-test:
	cargo test --workspace --no-run

server-release:
	cargo build -p server --release

## Formats the code in place. leptosfmt first: rustfmt then settles the
## closures around the views, and both checks agree on the result.
format:
	leptosfmt app/src
	cargo fmt --all

clean:
	rm -rf $(SITE)
