#!/usr/bin/env bash
# Fuzzes the whole pipeline (fuzz_targets/pipeline.rs) for SECONDS (default 60), seeded with
# input/ and the mapping fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable
# toolchain it runs with RUSTC_BOOTSTRAP=1. Crashes land in fuzz/artifacts/pipeline/.
# Exits non-zero on a crash. Extra arguments go to libFuzzer (e.g. -jobs=2).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
corpus=fuzz/corpus/pipeline
mkdir -p "$corpus"
# Seeds: every declaration file of the repository (copied under stable names; the corpus is
# not committed).
find input codegen/tests/mapping -name '*.d.ts' | sort | while read -r seed; do
    cp "$seed" "$corpus/seed-$(printf '%s' "$seed" | tr '/' '_')"
done
export RUSTC_BOOTSTRAP="${RUSTC_BOOTSTRAP:-1}"
# No sanitizer: the code under test is safe Rust, and without ASan it runs several times faster.
exec cargo fuzz run --sanitizer none pipeline "$corpus" -- \
    -max_total_time="$seconds" -dict=fuzz/dts.dict -max_len=16384 -timeout=20 -rss_limit_mb=4096 \
    -print_final_stats=1 "$@"
