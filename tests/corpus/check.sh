#!/usr/bin/env bash
# Corpus check: every declaration file of the openai npm package (4.104.0, resources/, 78 files)
# becomes one Rust file that compiles under `-D warnings`, is clippy-clean and rustdoc-clean.
# The package is fetched into the cache on first use (tests/corpus/fetch.sh); if that fails,
# this fails: it never skips.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
package=$(tests/corpus/fetch.sh openai 4.104.0)
work="$root/target/corpus-check"
mkdir -p "$work/src"
cat > "$work/Cargo.toml" <<'TOML'
[package]
name = "corpus-check"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"

[lints.rust]
warnings = "deny"

# Not a member of the dts2rs workspace.
[workspace]
TOML
echo "corpus: dts2rs $package/resources"
start=$(date +%s%N)
cargo run -q -p dts2rs -- "$package/resources" -o "$work/src/lib.rs" 2> "$work/warnings.txt" \
  || { cat "$work/warnings.txt"; echo "corpus: dts2rs failed" >&2; exit 1; }
end=$(date +%s%N)
echo "corpus: generated $(wc -c < "$work/src/lib.rs") bytes in $(( (end - start) / 1000000 )) ms (debug build, incl. cargo run)"
echo "corpus: $(grep -c '^warning' "$work/warnings.txt" || true) warning(s), by kind:"
grep '^warning' "$work/warnings.txt" | sed 's/`[^`]*`/X/g' | sort | uniq -c | sort -rn | sed 's/^/  /' || true
(
  cd "$work"
  export CARGO_TARGET_DIR="$root/target/corpus-check-target"
  cargo clippy -q -- -D warnings
  RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps
)
echo "corpus: compiles, clippy-clean and rustdoc-clean"
