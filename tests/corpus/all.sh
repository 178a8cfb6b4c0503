#!/usr/bin/env bash
# Every corpus of issue #9, generated and linted: per package the generated lines, the
# generation time, the warnings (fallbacks) and notes, the rustc/clippy errors under
# `cargo clippy -- -D warnings`, and how long clippy took. Never stops at the first failure;
# exits non-zero when any package has errors. Logs under target/corpus-all/<package>/.
#
#   tests/corpus/all.sh                 # all seven
#   tests/corpus/all.sh discord-api-types   # those whose name contains the word
#
# Slow (stripe alone is 630 000 generated lines, about 4 minutes and 9 GiB under clippy). CI
# runs tests/corpus/check.sh, which checks the same set and their rustdoc too.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo build -q --release -p dts2rs-cli || exit 1
dts2rs="$root/target/release/dts2rs"
out="$root/target/corpus-all"
mkdir -p "$out"
failed=0
printf '| package | path | lines | generation ms | warnings | notes | clippy errors | clippy s |\n'
printf '|---|---|---|---|---|---|---|---|\n'
while read -r name version path; do
  case "$name" in *"${1:-}"*) ;; *) continue ;; esac
  package=$(tests/corpus/fetch.sh "$name" "$version") || { echo "| $name | fetch failed |"; failed=1; continue; }
  slug=$(printf %s "$name" | sed 's/^@//; s#/#+#g')
  work="$out/$slug-$version"
  mkdir -p "$work/src"
  cp "$root/tests/corpus/crate.toml" "$work/Cargo.toml"
  start=$(date +%s%N)
  "$dts2rs" "$package/$path" -o "$work/src/lib.rs" 2> "$work/warnings.txt"
  end=$(date +%s%N)
  warnings=$(grep -c '^warning' "$work/warnings.txt")
  notes=$(grep -c '^note' "$work/warnings.txt")
  lint_start=$(date +%s)
  (cd "$work" && CARGO_TARGET_DIR="$out/target" cargo clippy --message-format short -- -D warnings 2> "$work/clippy.txt" >/dev/null)
  lint_end=$(date +%s)
  errors=$(grep -c '^src/lib.rs.*error' "$work/clippy.txt")
  [ "$errors" -eq 0 ] || failed=1
  printf '| %s %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$version" "$path" \
    "$(wc -l < "$work/src/lib.rs")" "$(( (end - start) / 1000000 ))" "$warnings" "$notes" \
    "$errors" "$(( lint_end - lint_start ))"
done <<'LIST'
openai 7.55.0 resources
discord-api-types 0.38.57 .
@google/genai 3.1.0 dist/genai.d.ts
@slack/types 3.2.0 dist
@octokit/openapi-types 29.0.1 types.d.ts
stripe 23.1.0 esm/resources
@mistralai/mistralai 2.7.0 esm/models
LIST
exit $failed
