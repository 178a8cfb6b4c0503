#!/usr/bin/env bash
# Every corpus of issue #9, generated and type-checked; reports per package the generation
# time, the warnings (fallbacks) and the rustc errors, and never stops at the first failure.
# Takes long (stripe alone is a million lines): run it by hand, not in CI.
#
#   tests/corpus/all.sh            # a table on stdout; logs under target/corpus-all/
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo build -q --release -p dts2rs || exit 1
dts2rs="$root/target/release/dts2rs"
out="$root/target/corpus-all"
mkdir -p "$out"
printf '| package | path | lines | ms | warnings | rustc errors |\n|---|---|---|---|---|---|\n'
while read -r name version path; do
  package=$(tests/corpus/fetch.sh "$name" "$version") || { echo "| $name | fetch failed |"; continue; }
  slug=$(printf %s "$name" | sed 's/^@//; s#/#+#g')
  work="$out/$slug-$version"
  mkdir -p "$work/src"
  cp "$root/tests/corpus/crate.toml" "$work/Cargo.toml"
  start=$(date +%s%N)
  "$dts2rs" "$package/$path" -o "$work/src/lib.rs" 2> "$work/warnings.txt"
  end=$(date +%s%N)
  warnings=$(grep -c '^warning' "$work/warnings.txt")
  (cd "$work" && CARGO_TARGET_DIR="$out/target" cargo check --message-format short 2> "$work/rustc.txt" >/dev/null)
  errors=$(grep -c '^src/lib.rs.*error' "$work/rustc.txt")
  printf '| %s %s | %s | %s | %s | %s | %s |\n' "$name" "$version" "$path" \
    "$(wc -l < "$work/src/lib.rs")" "$(( (end - start) / 1000000 ))" "$warnings" "$errors"
done <<'LIST'
openai 7.55.0 resources
discord-api-types 0.38.57 .
@google/genai 3.1.0 dist/genai.d.ts
@slack/types 3.2.0 dist
@octokit/openapi-types 29.0.1 types.d.ts
stripe 23.1.0 esm/resources
@mistralai/mistralai 2.7.0 esm/models
LIST
