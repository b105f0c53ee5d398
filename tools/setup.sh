#!/usr/bin/env bash
# Installs whatever ISFlow's build and tests need and this machine lacks.
# Idempotent: each step checks before it installs, so a warm machine passes
# through in seconds. Usage: tools/setup.sh [build|test|release|fuzz]...
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cache=${ISFLOW_CACHE:-$HOME/.cache/isflow}
tools="$cache/tools"
mkdir -p "$tools/bin"
export PATH="$tools/bin:$PATH"

log() { printf '[setup] %s\n' "$*" >&2; }

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or the
# generated glue and the compiled module disagree at run time.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' \
        "$here/Cargo.lock"
}

ensure_wasm_target() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        log "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
}

ensure_cargo_tool() { # crate version binary
    local crate=$1 version=$2 binary=$3
    local installed
    # Not installed yet is an answer, not an error (hence the `|| true`).
    installed=$({ "$tools/bin/$binary" --version 2>/dev/null || true; } | awk '{print $2}')
    if [ "$installed" = "$version" ]; then
        return
    fi
    log "installing $crate $version"
    # The lock file shipped with a crate can name a version the registry
    # has since yanked; then resolve afresh within the same semver ranges.
    cargo install --locked --quiet --root "$tools" "$crate" --version "$version" \
        || cargo install --quiet --root "$tools" "$crate" --version "$version"
}

ensure_apt() { # package...
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null \
            | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]} from Debian"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

ensure_npm() { # folder
    local folder=$1
    if [ ! -d "$folder/node_modules" ] \
        || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
        log "installing npm packages in ${folder#$here/}"
        (cd "$folder" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
    fi
}

setup_build() {
    ensure_wasm_target
    ensure_cargo_tool wasm-bindgen-cli "$(wasm_bindgen_version)" wasm-bindgen
}

setup_test() {
    setup_build
    ensure_cargo_tool leptosfmt 0.1.33 leptosfmt
    ensure_apt chromium fonts-noto-cjk
    ensure_npm "$here/end2end"
}

setup_fuzz() {
    ensure_cargo_tool cargo-fuzz 0.13.2 cargo-fuzz
}

setup_release() {
    setup_build
    ensure_npm "$here/tools/release"
}

for target in "${@:-build}"; do
    "setup_$target"
done
