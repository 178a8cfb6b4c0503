#!/usr/bin/env bash
# Fetches an npm package's published files into a cache (not committed) and prints the folder.
#
#   tests/corpus/fetch.sh openai 4.104.0      # → <cache>/openai-4.104.0/package
#
# The cache is $DTS2RS_CORPUS_CACHE, or target/corpus-cache. A package is fetched once; later
# calls print the cached folder without touching the network. Any failure exits non-zero with a
# message: callers that need the corpus (CI) must fail loudly, never skip.
#
# Safe to run concurrently (cargo runs tests in parallel, and two of them may ask for the same
# package): each call fetches into a private temporary folder and publishes it with one
# `mv`, so no caller ever sees, or deletes, another's half-written folder. A lock (when
# `flock` exists) keeps concurrent callers from downloading the same package twice.
set -euo pipefail
name=${1:?usage: fetch.sh PACKAGE VERSION}
version=${2:?usage: fetch.sh PACKAGE VERSION}
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${DTS2RS_CORPUS_CACHE:-$root/target/corpus-cache}
# Scoped names (`@google/genai`) become one folder name (`google+genai`).
slug=$(printf %s "$name" | sed 's/^@//; s#/#+#g')
dest="$cache/$slug-$version"
mkdir -p "$cache"

if [ ! -f "$dest/.complete" ] && command -v flock >/dev/null; then
  exec 9>"$dest.lock"
  flock 9
fi
if [ -f "$dest/.complete" ]; then
  echo "$dest/package"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch.sh: npm is not installed; it is needed to fetch $name@$version" >&2; exit 1; }
work=$(mktemp -d "$cache/.fetch-$slug-$version.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! tarball=$(cd "$work" && npm pack --loglevel=error "$name@$version" 2>"$work/npm.log" | tail -n 1) || [ -z "$tarball" ]; then
  echo "fetch.sh: npm pack $name@$version failed (no network, registry unreachable, or no such version):" >&2
  cat "$work/npm.log" >&2
  exit 1
fi
mkdir "$work/out"
tar -xzf "$work/$tarball" -C "$work/out" || { echo "fetch.sh: cannot unpack $tarball" >&2; exit 1; }
# npm's own tarballs hold `package/`; DefinitelyTyped's (`@types/node`) the package's name.
if [ ! -d "$work/out/package" ]; then
  top=("$work/out"/*/)
  [ ${#top[@]} -eq 1 ] && [ -d "${top[0]}" ] \
    || { echo "fetch.sh: $tarball holds no package/ folder nor one folder alone" >&2; exit 1; }
  mv "${top[0]}" "$work/out/package"
fi
touch "$work/out/.complete"
# A stale, incomplete folder from an interrupted older run is replaced; a complete one that
# appeared meanwhile (no flock) wins, and ours is discarded.
if [ ! -f "$dest/.complete" ]; then
  rm -rf "$dest"
  mv -T "$work/out" "$dest" 2>/dev/null || [ -f "$dest/.complete" ] \
    || { echo "fetch.sh: cannot move the package into $dest" >&2; exit 1; }
fi
echo "$dest/package"
