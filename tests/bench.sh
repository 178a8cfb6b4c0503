#!/usr/bin/env bash
# Whole-process benchmarks of the release `dts2rs` binary (issue 6). Prints a report; asserts
# nothing. Not part of `cargo test` or CI.
#
#   tests/bench.sh [SECTION...]      # sections: process layouts instructions scaling quicktype
#                                    # builddeps rustc (default: all but rustc, ~10 minutes)
#
# - process:   wall time and peak RSS of `dts2rs <openai 4.104.0 resources/> -o <fresh tmp>`
# - scaling:   1×, 4×, 16× copies of that tree (distinct module names), one wide file of 4,000 and
#              16,000 interfaces, and typescript's lib.dom.d.ts
# - quicktype: `quicktype@26 -s typescript -l rust` on the seed sessions.d.ts (imports, class and
#              re-export namespace stripped, which quicktype cannot read) vs. dts2rs on the real file
# - builddeps: cold `cargo build --release` of a tiny crate whose build script uses the dts2rs
#              library (no CLI: that is dts2rs-cli) vs. one whose build script uses swc_ecma_parser
#              alone, same version/features: how dts2rs is used, as a build-dependency
# - layouts:   the openai 4.104.0 tree as one file and as a folder (issue 11: one file as fast),
#              the one file against a process that only parses the tree with swc, and the
#              emit path's floor: prettyplease printing that file's syntax trees, nothing else
# - instructions: the one file's instructions under valgrind's callgrind, whole and by stage: a
#              count that a busy machine does not move (wall times here drift by a third in an
#              hour), to compare two commits by
# - rustc:     what the user waits for (issue 11): a clean debug build (non-incremental, as a
#              dependency builds) of the bindings of openai 7.55.0 `resources/` alone, its
#              dependencies built first, beside async-openai 0.43.0's `types` feature built the
#              same way, and the ratio; then the same bindings with `module_features`, with only
#              the `chat` feature, and all of them; rustc's passes (-Ztime-passes, through
#              RUSTC_BOOTSTRAP) for the whole bindings, and its time by the kind of function it
#              checks (-Zself-profile, read by tests/bench/rustc_items.rs, built in a scratch
#              crate with analyzeme from crates.io). $RUSTC_RUNS runs each (default 1).
#
# Times are the median of $RUNS runs (default 11; 5 for the bigger scaling inputs). Needs npm
# (corpora, quicktype) and GNU time (installed with apt-get when missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
RUNS=${RUNS:-11}
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(process layouts instructions scaling quicktype builddeps)
want() { local s; for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time" >&2
  (apt-get update -qq && apt-get install -y -qq time) >&2
fi

tmp=$(mktemp -d /tmp/dts2rs-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
echo "rustc: $(rustc --version)"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

cargo build --release -q -p dts2rs-cli
bin=$CARGO_TARGET_DIR/release/dts2rs
openai=$(tests/corpus/fetch.sh openai 4.104.0)/resources

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure NAME RUNS CMD...: runs CMD (its output folder $tmp/out removed before each run) and
# prints the median wall time (ms) and the median peak RSS (MiB). Sets $last_ms.
measure() {
  local name=$1 runs=$2; shift 2
  local times=() rss=() i start end
  for ((i = 0; i < runs; i++)); do
    # Timed on its own: GNU time's own start (a fork and an exec, ~1-2 ms here) would count
    # against short runs. Its peak RSS comes from a second, untimed run.
    rm -rf "$tmp/out"
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>"$tmp/stderr" || { echo "failed: $*" >&2; cat "$tmp/stderr" >&2; return 1; }
    end=$EPOCHREALTIME
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", (e - s) * 1000}')")
    rm -rf "$tmp/out"
    /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/stderr" \
      || { echo "failed: $*" >&2; cat "$tmp/stderr" >&2; return 1; }
    rss+=("$(tail -n 1 "$tmp/rss")")
  done
  last_ms=$(printf '%s\n' "${times[@]}" | median)
  local kb
  kb=$(printf '%s\n' "${rss[@]}" | median)
  printf '%-34s %10.1f ms %8.1f MiB   (median of %d; min %s ms)\n' "$name" "$last_ms" \
    "$(awk -v k="$kb" 'BEGIN {print k / 1024}')" "$runs" \
    "$(printf '%s\n' "${times[@]}" | sort -g | head -n 1)"
}

if want process; then
  echo
  echo "== whole process: dts2rs <openai resources/> -o <tmp> (targets: <= 100 ms, <= 64 MiB)"
  measure "openai resources/ (78 files)" "$RUNS" "$bin" -q "$openai" -o "$tmp/out"
fi

if want layouts; then
  echo
  echo "== layouts: openai 4.104.0 resources/ as one file and as a folder"
  measure "one file (-o out.rs)" "$RUNS" "$bin" -q "$openai" -o "$tmp/out/bindings.rs"
  one=$last_ms
  measure "folder (-o out/)" "$RUNS" "$bin" -q "$openai" -o "$tmp/out"
  awk -v a="$one" -v b="$last_ms" 'BEGIN {printf "one file / folder: %.2fx\n", a / b}'
  # The floor: a process that only reads and parses the same files with swc, on as many
  # threads, as dts2rs does (codegen/examples/parse_only.rs).
  cargo build --release -q -p dts2rs --example parse_only
  measure "swc parse only (whole process)" "$RUNS" "$CARGO_TARGET_DIR/release/examples/parse_only" "$openai"
  awk -v a="$one" -v b="$last_ms" 'BEGIN {printf "one file / swc parse-only process: %.1fx (target <= 8)\n", a / b}'
  parse_ms=$last_ms
  # The emit path's own floor: prettyplease printing the one file's syntax trees (parsed back
  # from it, docs taken out) and their drop, on as many threads (codegen/examples/print_floor.rs).
  cargo build --release -q -p dts2rs --example print_floor
  "$bin" -q "$openai" -o "$tmp/bindings.rs" 2>/dev/null
  floors=()
  for ((i = 0; i < RUNS; i++)); do
    floors+=("$("$CARGO_TARGET_DIR/release/examples/print_floor" "$tmp/bindings.rs" | cut -d' ' -f1)")
  done
  floor=$(printf '%s\n' "${floors[@]}" | median)
  printf '%-34s %10.1f ms   (median of %d; printing alone, in process)\n' "prettyplease floor of the one file" "$floor" "$RUNS"
  awk -v a="$floor" -v b="$parse_ms" 'BEGIN {printf "prettyplease floor / swc parse-only process: %.1fx\n", a / b}'
fi

if want rustc; then
  echo
  echo "== rustc on the bindings: clean debug builds of one crate, its dependencies built (target: ratio <= 1.0)"
  RUSTC_RUNS=${RUSTC_RUNS:-1}
  big=$(tests/corpus/fetch.sh openai 7.55.0)/resources
  rtarget=/tmp/dts2rs-bench-rustc-target
  # crate NAME DEPENDENCY-LINES: an empty library crate in $tmp/NAME, its dependencies built
  crate() {
    mkdir -p "$tmp/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s\n\n[workspace]\n' \
      "$1" "$2" >"$tmp/$1/Cargo.toml"
    : >"$tmp/$1/src/lib.rs"
    (cd "$tmp/$1" && CARGO_TARGET_DIR=$rtarget cargo build -q)
  }
  # build NAME PACKAGE [CARGO ARGS]: prints the median seconds of a clean build of PACKAGE
  build() {
    local name=$1 package=$2 times=() i start end
    shift 2
    for ((i = 0; i < RUSTC_RUNS; i++)); do
      (cd "$tmp/$name" && CARGO_TARGET_DIR=$rtarget cargo clean -q -p "$package")
      start=$EPOCHREALTIME
      (cd "$tmp/$name" && CARGO_INCREMENTAL=0 CARGO_TARGET_DIR=$rtarget cargo build -q "$@")
      end=$EPOCHREALTIME
      times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}')")
    done
    printf '%s\n' "${times[@]}" | median
  }
  serde_deps='serde = { version = "1", features = ["derive"] }
serde_json = "1"'
  crate bindings "$serde_deps"
  "$bin" -q "$big" -o "$tmp/bindings/src/lib.rs"
  echo "bindings: $(wc -l <"$tmp/bindings/src/lib.rs") lines, $(grep -c '^ *pub struct' "$tmp/bindings/src/lib.rs") structs, $(grep -c '^ *pub enum' "$tmp/bindings/src/lib.rs") enums, $(grep -c '^ *pub type' "$tmp/bindings/src/lib.rs") aliases"
  ours=$(build bindings bindings)
  echo "dts2rs bindings of openai 7.55.0 resources/: $ours s"
  crate async-openai-types 'async-openai = { version = "=0.43.0", default-features = false, features = ["types"] }'
  theirs=$(build async-openai-types async-openai)
  echo "async-openai 0.43.0, feature types: $theirs s"
  awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "dts2rs / async-openai: %.2fx\n", a / b}'
  # Where rustc's time goes, for the whole bindings.
  (cd "$tmp/bindings" && CARGO_TARGET_DIR=$rtarget cargo clean -q -p bindings \
    && CARGO_INCREMENTAL=0 RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$rtarget cargo rustc -q -- -Ztime-passes 2>"$tmp/passes.txt")
  echo "rustc passes (s): $(grep -E '[[:space:]](total|expand_crate|type_check_crate|MIR_borrow_checking|coherence_checking|generate_crate_metadata)$' "$tmp/passes.txt" \
    | awk '{printf "%s %s; ", $NF, $2}')"
  # And by the kind of function rustc checks (`read_fields`, `serialize`, `fmt`, …).
  mkdir -p "$tmp/rustc-items/src"
  cp tests/bench/rustc_items.rs "$tmp/rustc-items/src/main.rs"
  printf '[package]\nname = "rustc-items"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nanalyzeme = "12"\n\n[workspace]\n' \
    >"$tmp/rustc-items/Cargo.toml"
  (cd "$tmp/rustc-items" && CARGO_TARGET_DIR=$rtarget cargo build -q --release)
  (cd "$tmp/bindings" && CARGO_TARGET_DIR=$rtarget cargo clean -q -p bindings \
    && CARGO_INCREMENTAL=0 RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$rtarget cargo rustc -q -- \
      -Zself-profile="$tmp/profile" -Zself-profile-events=default,args)
  "$rtarget/release/rustc-items" "$tmp"/profile/*.mm_profdata 12
  # The same bindings behind a feature per module: `chat` alone, then all.
  crate features "$serde_deps"
  printf 'module_features = true\n' >"$tmp/features.toml"
  "$bin" -q --config "$tmp/features.toml" "$big" -o "$tmp/features/src/bindings"
  printf '#[path = "bindings/mod.rs"]\npub mod bindings;\n' >"$tmp/features/src/lib.rs"
  { grep -v '^#' "$tmp/features/src/bindings/features.toml"
    printf 'all = [%s]\n' "$(grep -o '^"[^"]*"' "$tmp/features/src/bindings/features.toml" | paste -sd, -)"
  } >>"$tmp/features/Cargo.toml"
  chat=$(build features features --features chat)
  echo "module_features, chat alone: $chat s"
  all=$(build features features --features all)
  echo "module_features, every feature: $all s"
  awk -v c="$chat" -v b="$theirs" 'BEGIN {printf "chat alone / async-openai types: %.2fx\n", c / b}'
  rm -rf "$rtarget"
fi

if want instructions; then
  echo
  echo "== instructions: the one file of openai 4.104.0 resources/ under callgrind (the same on a busy machine)"
  if ! command -v valgrind >/dev/null; then
    echo "installing valgrind" >&2
    (apt-get update -qq && apt-get install -y -qq valgrind) >&2
  fi
  valgrind -q --tool=callgrind --callgrind-out-file="$tmp/callgrind.out" \
    "$bin" -q "$openai" -o "$tmp/bindings.rs" 2>/dev/null
  # Inclusive counts of the stages (all threads). Items are built, printed and dropped per run
  # of the output, on the emit threads.
  callgrind_annotate --inclusive=yes "$tmp/callgrind.out" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { gsub(",", "", $1); printf "%-44s %6.0f M\n", "whole process", $1 / 1e6 }
    / \?\?\?:dts2rs::parse::parse_file / { gsub(",", "", $1); printf "%-44s %6.0f M\n", "parse (swc, lowering)", $1 / 1e6 }
    / \?\?\?:dts2rs::model::build::build / { gsub(",", "", $1); printf "%-44s %6.0f M\n", "model", $1 / 1e6 }
    / \?\?\?:dts2rs::emit::items::item / { gsub(",", "", $1); printf "%-44s %6.0f M\n", "emit: syntax trees built", $1 / 1e6 }
    / \?\?\?:prettyplease::unparse / { gsub(",", "", $1); printf "%-44s %6.0f M\n", "emit: printed by prettyplease", $1 / 1e6 }
    / \?\?\?:dts2rs::emit::text::finish / { gsub(",", "", $1); printf "%-44s %6.0f M\n", "emit: docs put in (text::finish)", $1 / 1e6 }'
fi

if want scaling; then
  echo
  echo "== scaling (time must grow linearly)"
  for n in 1 4 16; do
    dir=$tmp/scale$n
    mkdir -p "$dir"
    for ((i = 0; i < n; i++)); do
      mkdir -p "$dir/copy_$i"
      (cd "$openai" && find . -name '*.d.ts' -exec cp --parents {} "$dir/copy_$i/" \;)
    done
    runs=$RUNS
    [ "$n" -lt 4 ] || runs=5
    measure "${n}x resources/ ($((78 * n)) files)" "$runs" "$bin" -q "$dir" -o "$tmp/out"
    eval "scale_$n=$last_ms"
    rm -rf "$dir"
  done
  awk -v a="$scale_1" -v b="$scale_4" -v c="$scale_16" 'BEGIN {
    printf "per copy: 1x %.1f ms, 4x %.1f ms, 16x %.1f ms (16x/1x per copy: %.2f)\n",
      a, b / 4, c / 16, (c / 16) / a }'
  # One wide file: many declarations in one module (each with a nested-types module) is where
  # a per-item scan over a module's items or children would show as quadratic growth.
  for n in 4000 16000; do
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "export interface Item%d { id: string; kind?: \"a\" | \"b\"; }\n", i }' >"$tmp/wide$n.d.ts"
    measure "one file, $n interfaces" 5 "$bin" -q "$tmp/wide$n.d.ts" -o "$tmp/wide.rs"
    eval "wide_$n=$last_ms"
  done
  awk -v a="$wide_4000" -v b="$wide_16000" 'BEGIN { printf "wide file: 4x the interfaces takes %.2fx the time\n", b / a }'
  dom=$(tests/corpus/fetch.sh typescript 5.8.3)/lib/lib.dom.d.ts
  printf 'lib.dom.d.ts: %s KiB\n' "$(($(stat -c %s "$dom") / 1024))"
  measure "typescript 5.8.3 lib.dom.d.ts" 5 "$bin" -q "$dom" -o "$tmp/out" \
    || echo "lib.dom.d.ts: dts2rs rejects it (see the message above)"
fi

if want quicktype; then
  echo
  echo "== against quicktype@26 (target: >= 500x)"
  seed=input/openai/resources/beta/realtime/sessions.d.ts
  # quicktype reads plain declarations only: drop the imports, the API class and the
  # `export { type … }` re-export namespace.
  awk '
    /^import / { next }
    /^export declare class / { skip = 1 }
    /^export declare namespace Sessions \{/ { skip = 1 }
    skip { if ($0 ~ /^\}/) skip = 0; next }
    { print }' "$seed" >"$tmp/sessions-plain.ts"
  # install once and time quicktype's own command, not npx's package resolution
  quicktype=$(npx -y -p quicktype@26 -c 'command -v quicktype')
  # run from the file's folder: quicktype's TypeScript program wants its inputs under the cwd
  measure "quicktype@26 (stripped seed)" 5 \
    env -C "$tmp" "$quicktype" -s typescript -l rust sessions-plain.ts -o qt.rs
  grep -q 'pub struct' "$tmp/qt.rs" || { echo "quicktype produced no Rust structs" >&2; exit 1; }
  qt=$last_ms
  measure "dts2rs (real seed)" "$RUNS" "$bin" -q "$seed" -o "$tmp/out/sessions.rs"
  awk -v q="$qt" -v d="$last_ms" 'BEGIN {printf "quicktype / dts2rs: %.0fx\n", q / d}'
fi

if want builddeps; then
  echo
  echo "== build-dependency cost: cold cargo build --release (target: <= 1.25x)"
  swc_req=$(sed -n 's/^swc_ecma_parser = //p' codegen/Cargo.toml)
  mk() { # mk NAME BUILD-DEPENDENCY-LINE BUILD-SCRIPT-SOURCE
    mkdir -p "$tmp/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\n\n[build-dependencies]\n%s\n\n[workspace]\n' \
      "$1" "$2" >"$tmp/$1/Cargo.toml"
    printf '%s\n' "$3" >"$tmp/$1/build.rs"
    printf 'fn main() {}\n' >"$tmp/$1/src/main.rs"
    cp Cargo.lock "$tmp/$1/Cargo.lock" # the versions dts2rs is tested with
  }
  mk uses-dts2rs "dts2rs = { path = \"$root/codegen\" }" \
    'fn main() { let g = dts2rs::generate_source("a.d.ts", "export interface A { x?: string }", &dts2rs::Config::default()).unwrap(); println!("{}", g.files()[0].contents); }'
  mk uses-swc "swc_ecma_parser = $swc_req" \
    'fn main() { let _ = swc_ecma_parser::Syntax::Typescript(Default::default()); }'
  cold() { # cold NAME: prints seconds
    local start end
    rm -rf "/tmp/dts2rs-bench-target-$1"
    (cd "$tmp/$1" && cargo fetch -q)
    start=$EPOCHREALTIME
    (cd "$tmp/$1" && CARGO_TARGET_DIR=/tmp/dts2rs-bench-target-$1 cargo build --release -q)
    end=$EPOCHREALTIME
    rm -rf "/tmp/dts2rs-bench-target-$1"
    awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}'
  }
  a=$(cold uses-swc)
  echo "swc_ecma_parser alone ($swc_req): $a s"
  b=$(cold uses-dts2rs)
  echo "dts2rs library: $b s"
  awk -v a="$a" -v b="$b" 'BEGIN {printf "dts2rs / swc_ecma_parser: %.2fx\n", b / a}'
fi
echo
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
