#!/usr/bin/env bash
# Semver oracle for `dts2rs diff` (issue #13): cargo-semver-checks judges the same upgrades.
#
#   tests/corpus/semver.sh                      # the three openai upgrades below
#   tests/corpus/semver.sh OLD NEW [OLD NEW …]  # openai versions
#
# For each pair, the `resources/` folder of each openai package is generated (folder output)
# into a library crate of its own, `OUT/openai-OLD-NEW/{old,new}/`: the same crate name
# (`openai_resources`), versions 1.0.0 and 1.1.0, serde and serde_json as dependencies, and a
# lib.rs of `pub mod resources;`. Then
#
#   cargo semver-checks check-release --baseline-root old --manifest-path new/Cargo.toml \
#       --release-type minor
#
# judges the Rust API (a failure is a change that needs a major version), and
# `dts2rs diff --format json` compares the same two folders. tests/corpus/semver.mjs puts them
# side by side: each cargo-semver-checks lint with how many of its findings an API-breaking
# change of ours agrees with (the same item, and the same member when both name one), each of
# our change kinds with how many cargo-semver-checks agrees with, then every disagreement
# (with what we said instead, when we reported the item as compatible or wire-only).
#
# Files kept per pair in OUT/openai-OLD-NEW/: csc.txt (cargo-semver-checks' report), ours.txt
# and ours.json (`dts2rs diff`), compare.txt (the comparison, also printed). OUT is
# $DTS2RS_SEMVER_OUT, or target/semver. The scratch crates build in $DTS2RS_SEMVER_TARGET, or
# target/semver-target. cargo-semver-checks must be installed
# (`cargo install cargo-semver-checks --locked`; 0.51.0 was used); packages are fetched into
# the corpus cache (tests/corpus/fetch.sh). Each cargo-semver-checks run builds the rustdoc
# JSON of two 250 000-line crates: about 2 minutes and 4 GiB on 2 cores. Exit status: 0 when
# every stage ran (whatever the verdicts), non-zero when one failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ $# -eq 0 ]; then
  set -- 7.53.0 7.55.0 6.0.0 7.55.0 4.104.0 5.1.0
fi
command -v cargo-semver-checks >/dev/null \
  || { echo "semver.sh: cargo-semver-checks is not installed (cargo install cargo-semver-checks --locked)" >&2; exit 1; }
out=${DTS2RS_SEMVER_OUT:-$root/target/semver}
scratch_target=${DTS2RS_SEMVER_TARGET:-$root/target/semver-target}
(unset CARGO_TARGET_DIR; cargo build -q -p dts2rs-cli)
dts2rs="$root/target/debug/dts2rs"

# A crate of openai@VERSION's resources/ at FOLDER, with crate version CRATE_VERSION.
make_crate() {
  local version=$1 folder=$2 crate_version=$3 package
  package=$(tests/corpus/fetch.sh openai "$version")
  rm -rf "$folder"
  mkdir -p "$folder/src"
  "$dts2rs" -q "$package/resources" -o "$folder/src/resources" 2> "$folder/dts2rs.txt" \
    || { cat "$folder/dts2rs.txt" >&2; echo "semver.sh: dts2rs failed on openai@$version" >&2; exit 1; }
  printf 'pub mod resources;\n' > "$folder/src/lib.rs"
  cat > "$folder/Cargo.toml" <<EOF
[package]
name = "openai_resources"
version = "$crate_version"
edition = "2021"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"

# Not a member of the dts2rs workspace.
[workspace]
EOF
}

while [ $# -ge 2 ]; do
  old=$1 new=$2
  shift 2
  work="$out/openai-$old-$new"
  mkdir -p "$work"
  echo "semver: openai $old → $new (resources/), in $work"
  make_crate "$old" "$work/old" 1.0.0
  make_crate "$new" "$work/new" 1.1.0
  old_resources="$(tests/corpus/fetch.sh openai "$old")/resources"
  new_resources="$(tests/corpus/fetch.sh openai "$new")/resources"
  "$dts2rs" diff "$old_resources" "$new_resources" > "$work/ours.txt"
  "$dts2rs" diff --format json "$old_resources" "$new_resources" > "$work/ours.json"
  start=$(date +%s)
  # A non-zero exit with failures listed is a verdict (semver violations), not a failed stage.
  status=0
  CARGO_TARGET_DIR="$scratch_target" cargo semver-checks check-release --color never --baseline-root "$work/old" \
    --manifest-path "$work/new/Cargo.toml" --release-type minor > "$work/csc.txt" 2> "$work/csc.err" \
    || status=$?
  if [ "$status" -ne 0 ] && ! grep -q '^--- failure' "$work/csc.txt"; then
    cat "$work/csc.err" >&2
    echo "semver.sh: cargo semver-checks failed (exit $status) on openai $old → $new" >&2
    exit 1
  fi
  echo "semver: cargo-semver-checks ran in $(( $(date +%s) - start )) s"
  node tests/corpus/semver.mjs "$work/csc.txt" "$work/ours.json" "$work/old" "$work/new" \
    | tee "$work/compare.txt"
  echo
done
