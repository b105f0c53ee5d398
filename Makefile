# ISFlow: `make run` to try it, `make test` for every check.
# Builds go to a cache outside the clone, so a fresh clone reuses compiled
# dependencies; an empty cache only makes the first run slower.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/isflow/target
export PATH := $(HOME)/.cache/isflow/tools/bin:$(CURDIR)/tools/release/node_modules/.bin:$(PATH)
export SURREAL_SURREALKV_BLOCK_CACHE_CAPACITY ?= 67108864

SITE := $(CURDIR)/target/site
E2E_PORT ?= 3107

.PHONY: run test fmt lint unit e2e site-dev site-release server-test server-release setup-test format clean

## Build in release mode and serve on the embedded database with a demo college.
run: site-release server-release
	ISFLOW_DEMO=1 ISFLOW_SITE_ROOT=$(SITE) $(CARGO_TARGET_DIR)/release/isflow serve

## Every check CI runs.
test: setup-test fmt lint unit e2e

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
