#!/usr/bin/env bash
# Corpus check: real npm packages' declarations become Rust that compiles under `-D warnings`
# and is clippy-clean; the smaller ones are rustdoc-clean too.
#
#   tests/corpus/check.sh                       # the CI set (below)
#   tests/corpus/check.sh NAME VERSION PATH DOCS [NAME VERSION PATH DOCS …]
#
# PATH is the file or folder inside the package that is generated; DOCS is `docs` to also
# build its rustdoc with `-D warnings`, `-` not to. The CI set is the real-world set of issue
# #9 plus openai 4.104.0 (the bindings' own SDK), all clippy-checked (clippy type-checks
# without a full build); rustdoc runs on the three whose docs are quick to build. stripe is
# left out: its 1.2 million generated lines make clippy run out of this machine's 24 GiB (it
# type-checks with `cargo check`); making bindings that size cheap to build is issue #11.
# tests/corpus/all.sh reports on the whole set as a table.
#
# Packages are fetched into the cache on first use (tests/corpus/fetch.sh); if that fails,
# this fails: it never skips.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ $# -eq 0 ]; then
  set -- openai 4.104.0 resources docs \
         @slack/types 3.2.0 dist docs \
         @google/genai 3.1.0 dist/genai.d.ts docs \
         @mistralai/mistralai 2.7.0 esm/models - \
         discord-api-types 0.38.57 . - \
         @octokit/openapi-types 29.0.1 types.d.ts - \
         openai 7.55.0 resources -
fi
cargo build -q -p dts2rs-cli
dts2rs="$root/target/debug/dts2rs"
while [ $# -ge 4 ]; do
  name=$1 version=$2 path=$3 docs=$4
  shift 4
  package=$(tests/corpus/fetch.sh "$name" "$version")
  slug=$(printf %s "$name" | sed 's/^@//; s#/#+#g')
  work="$root/target/corpus-check/$slug-$version"
  mkdir -p "$work/src"
  cp tests/corpus/crate.toml "$work/Cargo.toml"
  echo "corpus: dts2rs $name@$version $path"
  start=$(date +%s%N)
  "$dts2rs" "$package/$path" -o "$work/src/lib.rs" 2> "$work/warnings.txt" \
    || { cat "$work/warnings.txt"; echo "corpus: dts2rs failed on $name@$version" >&2; exit 1; }
  end=$(date +%s%N)
  echo "corpus: generated $(wc -l < "$work/src/lib.rs") lines in $(( (end - start) / 1000000 )) ms (debug build)"
  echo "corpus: $(grep -c '^warning' "$work/warnings.txt" || true) warning(s), by kind:"
  grep '^warning' "$work/warnings.txt" | sed 's/`[^`]*`/X/g' | sort | uniq -c | sort -rn | sed 's/^/  /' || true
  (
    cd "$work"
    # One target folder for every corpus: serde and serde_json are built once.
    export CARGO_TARGET_DIR="$root/target/corpus-check-target"
    start=$(date +%s)
    cargo clippy -q -- -D warnings
    echo "corpus: clippy-clean in $(( $(date +%s) - start )) s"
    if [ "$docs" = docs ]; then
      RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps
      echo "corpus: rustdoc-clean"
    fi
  )
  # The scratch crate's build of a million lines is large; only serde's is worth keeping.
  rm -rf "$root/target/corpus-check-target/debug/incremental"
  echo "corpus: $name@$version compiles and is clippy-clean"
done
