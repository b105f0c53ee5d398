#!/usr/bin/env bash
# Builds the browser half of ISFlow into a site folder the server serves:
# pkg/isflow.js and pkg/isflow_bg.wasm (the names Leptos's hydration
# script asks for), pkg/isflow.css, and the files of public/.
# Usage: tools/build-site.sh PROFILE SITE_DIR
set -euo pipefail

profile=${1:?profile}
site=${2:?site folder}
here=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$here/target}
[ "$profile" = dev ] && profile_dir=debug || profile_dir=$profile

cargo build -p app --lib --target wasm32-unknown-unknown --features hydrate \
    --profile "$profile"

rm -rf "$site"
mkdir -p "$site/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name isflow \
    "$target/wasm32-unknown-unknown/$profile_dir/app.wasm"

if [ "$profile" = wasm-release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        "$site/pkg/isflow_bg.wasm" -o "$site/pkg/isflow_bg.wasm"
fi

cat "$here"/style/*.css > "$site/pkg/isflow.css"
cp -r "$here"/public/. "$site/"

# Served as-is to browsers that accept them, so the server spends no time
# compressing static files.
if [ "$profile" = wasm-release ]; then
    find "$site" -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg' \) \
        -exec gzip -9 -k -f {} \; -exec node "$here/tools/release/brotli.js" {} \;
fi
