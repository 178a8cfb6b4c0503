#!/usr/bin/env bash
# Corpus check: real npm packages' declarations become Rust that compiles under `-D warnings`,
# is clippy-clean and rustdoc-clean.
#
#   tests/corpus/check.sh                  # the CI set (below)
#   tests/corpus/check.sh NAME VERSION PATH [NAME VERSION PATH …]
#
# PATH is the file or folder inside the package that is generated. The CI set is the cheapest
# that still proves the point: the whole openai SDK (openai's generator) and a package written
# by hand in another style (@slack/types: 42 files of interfaces, enums, index signatures,
# tuples, `export *`). tests/corpus/all.sh runs every corpus of issue #9 and reports what does
# not compile yet.
#
# Packages are fetched into the cache on first use (tests/corpus/fetch.sh); if that fails,
# this fails: it never skips.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ $# -eq 0 ]; then
  set -- openai 4.104.0 resources \
         @slack/types 3.2.0 dist
fi
cargo build -q -p dts2rs
dts2rs="$root/target/debug/dts2rs"
while [ $# -ge 3 ]; do
  name=$1 version=$2 path=$3
  shift 3
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
    cargo clippy -q -- -D warnings
    RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps
  )
  echo "corpus: $name@$version compiles, clippy-clean and rustdoc-clean"
done
