#!/usr/bin/env bash
# Real-payload oracle (issue #10, "Nothing lost on the wire"): every JSON response example of
# the GitHub REST description is read into the type dts2rs generates for it and written back.
#
#   tests/corpus/payloads.sh                        # no config; exit 1 if an example tsc accepts fails
#   tests/corpus/payloads.sh --config FILE          # the same with a dts2rs.toml
#   tests/corpus/payloads.sh --report-only [...]    # print the report, exit 0 whatever it says
#                                                   # (or PAYLOADS_REPORT_ONLY=1)
#   tests/corpus/payloads.sh --sample N [...]       # every Nth example, the known failures and the
#                                                   # pinned ones (tests/corpus/payloads-pinned.tsv)
#                                                   # (CI's cheaper run; or PAYLOADS_SAMPLE=N)
#
# The description is `generated/api.github.com.json` of the npm package @octokit/openapi
# 23.0.1; @octokit/openapi-types 29.0.1 (`types.d.ts`) is generated from it. For each example
# (an operation's `responses.<code>.content["application/json"].examples.*`, `$ref`s to
# `components/examples` resolved, and the examples of `components/responses`; 1 013 in all)
# tests/corpus/payloads.mjs writes one declaration
#
#   export type Example0042 = operations["repos/get"]["responses"]["200"]["content"]["application/json"];
#
# into a file that imports `operations` and `components` from types.d.ts (so dts2rs generates
# types.d.ts under `external::` and `Example0042` as an alias of the member's Rust type), and
# the same type annotating the example as a constant (`export const e0042: … = {…};`, one
# line each) into a file that `tsc --noEmit --strict` checks: tsc is the oracle that says
# whether the example is a value of its TypeScript type at all.
#
# A scratch crate (tests/corpus/payloads.rs as its main) then deserializes each example's text
# into its `ExampleNNNN`, serializes it back and compares the two as serde_json values (with
# `preserve_order`; `1` and `1.0` differ, as they do on the wire). Each example is
#   exact        the same JSON text (keys in the same order)
#   reformatted  an equal JSON value, other text (key order)
#   failed       reading failed (serde's message, at the JSON path serde_path_to_error gives),
#                or the value written back differs (each kind of difference with its first path)
# and each failure is a "dts2rs bug" when tsc accepts the example, else "TS rejects the payload".
# The report groups failures into classes (serde's message with names taken out; the kinds of
# write-back difference) with one example each; every failure is listed in
# target/payloads/<config>/failures.txt. Exit status: 1 when an example tsc accepts fails
# (the issue's done-when: every example tsc accepts reads and writes back exactly) and is not
# listed, with its reason, in tests/corpus/payloads-known.tsv, or when a listed one passes,
# unless --report-only; 2 on a usage error; any broken stage fails loudly.
#
# Nothing is committed from a run: packages are fetched into the corpus cache
# (tests/corpus/fetch.sh), typescript 5.9.3 is installed once with npm under
# target/payloads/tsc, the work folder is target/payloads/<config>/ and the crate builds in
# target/corpus-check-target (shared with check.sh: serde is built once).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
config=${PAYLOADS_CONFIG:-}
report_only=${PAYLOADS_REPORT_ONLY:-0}
while [ $# -gt 0 ]; do
  case $1 in
    --config) config=${2:?--config needs a file}; shift 2 ;;
    --report-only) report_only=1; shift ;;
    --sample) export PAYLOADS_SAMPLE=${2:?--sample needs a number}; shift 2 ;;
    *) echo "usage: tests/corpus/payloads.sh [--report-only] [--config FILE] [--sample N]" >&2; exit 2 ;;
  esac
done
if [ -n "$config" ]; then
  config=$(cd "$(dirname "$config")" && pwd)/$(basename "$config")
  [ -f "$config" ] || { echo "payloads: no config file $config" >&2; exit 2; }
fi
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

openapi=$(tests/corpus/fetch.sh @octokit/openapi 23.0.1)
types=$(tests/corpus/fetch.sh @octokit/openapi-types 29.0.1)
api="$openapi/generated/api.github.com.json"
cargo build -q -p dts2rs-cli
work="$root/target/payloads/$(if [ -n "$config" ]; then basename "$config" .toml; else echo no-config; fi)"
rm -rf "$work"
mkdir -p "$work/in" "$work/runner/src"
ln -s "$types" "$work/octokit"
ln -s ../octokit "$work/in/octokit"

start=$(date +%s%N)
node tests/corpus/payloads.mjs extract "$api" "$work"
echo "payloads: extracted in $(ms "$start") ms"

start=$(date +%s%N)
"$root/target/debug/dts2rs" ${config:+--config "$config"} "$work/in/ex" -o "$work/runner/src/bindings.rs" \
  2> "$work/warnings.txt" || { cat "$work/warnings.txt"; echo "payloads: dts2rs failed" >&2; exit 1; }
echo "payloads: dts2rs generated $(wc -l < "$work/runner/src/bindings.rs") lines in $(ms "$start") ms" \
  "($(grep -c '^warning' "$work/warnings.txt" || true) warning(s), $work/warnings.txt)"

tsc_dir="$root/target/payloads/tsc"
if [ ! -x "$tsc_dir/node_modules/.bin/tsc" ]; then
  npm install --prefix "$tsc_dir" --no-audit --no-fund --loglevel=error typescript@5.9.3 \
    || { echo "payloads: cannot install typescript with npm" >&2; exit 1; }
fi
start=$(date +%s%N)
# tsc exits 2 when it reports errors (the rejected examples); anything it prints that is not
# an error on a line of check.ts fails the report below.
(cd "$work/ts" && "$tsc_dir/node_modules/.bin/tsc" -p . --pretty false > "$work/tsc.txt") || [ $? -eq 2 ]
echo "payloads: tsc checked the examples in $(ms "$start") ms"

cp tests/corpus/payloads.rs "$work/runner/src/main.rs"
cat > "$work/runner/Cargo.toml" <<'EOF'
# The scratch crate of tests/corpus/payloads.sh.
[package]
name = "payloads"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = { version = "1", features = ["preserve_order"] }
serde_path_to_error = "0.1"

# Not a member of the dts2rs workspace.
[workspace]
EOF
export CARGO_TARGET_DIR="$root/target/corpus-check-target"
start=$(date +%s%N)
# Not incremental: the 316k-line crate is rebuilt whole anyway, and incremental state costs memory.
(cd "$work/runner" && CARGO_INCREMENTAL=0 cargo build -q)
echo "payloads: the runner (bindings included) built in $(ms "$start") ms (debug)"

start=$(date +%s%N)
"$CARGO_TARGET_DIR/debug/payloads" "$api" "$work/examples.tsv" > "$work/results.tsv"
echo "payloads: round trips ran in $(ms "$start") ms"

PAYLOADS_REPORT_ONLY=$report_only node tests/corpus/payloads.mjs report "$work"
