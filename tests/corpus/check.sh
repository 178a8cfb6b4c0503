#!/usr/bin/env bash
# Corpus check: real npm packages' declarations become Rust that compiles under `-D warnings`
# and is clippy-clean and rustdoc-clean, and `dts2rs diff` of each with itself is empty.
#
#   tests/corpus/check.sh                       # the CI set (below)
#   tests/corpus/check.sh NAME VERSION PATH DOCS [NAME VERSION PATH DOCS …]
#
# PATH is the file or folder inside the package that is generated; DOCS is `docs` to also
# build its rustdoc with `-D warnings`, `-` not to. The CI set is the real-world set of issue
# #9 plus openai 4.104.0 (the bindings' own SDK), every one clippy-checked (clippy type-checks
# without a full build) and rustdoc-checked. The biggest, stripe (1 000 000 generated lines;
# at 630 000 it peaked at about 9 GiB under clippy and 5.5 GiB under rustdoc).
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
         @mistralai/mistralai 2.7.0 esm/models docs \
         discord-api-types 0.38.57 . docs \
         @octokit/openapi-types 29.0.1 types.d.ts docs \
         openai 7.55.0 resources docs \
         stripe 23.1.0 esm/resources docs
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
  # `dts2rs diff` of the package with itself reports nothing (issue #13).
  "$dts2rs" diff "$package/$path" "$package/$path" > "$work/diff.txt" 2> "$work/diff-warnings.txt" \
    || { cat "$work/diff-warnings.txt" "$work/diff.txt"; echo "corpus: dts2rs diff failed on $name@$version" >&2; exit 1; }
  [ "$(cat "$work/diff.txt")" = "no changes" ] \
    || { head -40 "$work/diff.txt"; echo "corpus: dts2rs diff of $name@$version with itself reports changes" >&2; exit 1; }
  echo "corpus: dts2rs diff of it with itself: no changes"
  (
    cd "$work"
    # One target folder for every corpus: serde and serde_json are built once.
    export CARGO_TARGET_DIR="$root/target/corpus-check-target"
    start=$(date +%s)
    cargo clippy -q -- -D warnings
    echo "corpus: clippy-clean in $(( $(date +%s) - start )) s"
    if [ "$docs" = docs ]; then
      start=$(date +%s)
      RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps
      echo "corpus: rustdoc-clean in $(( $(date +%s) - start )) s"
    fi
  )
  # The scratch crate's build and docs of a million lines are large; only serde's build is worth
  # keeping.
  rm -rf "$root/target/corpus-check-target/debug/incremental" "$root/target/corpus-check-target/doc"
  echo "corpus: $name@$version compiles and is clippy-clean"
done
