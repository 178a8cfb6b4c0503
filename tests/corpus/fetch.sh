#!/usr/bin/env bash
# Fetches an npm package's published files into a cache (not committed) and prints the folder.
#
#   tests/corpus/fetch.sh openai 4.104.0      # → <cache>/openai-4.104.0/package
#
# The cache is $DTS2RS_CORPUS_CACHE, or target/corpus-cache. A package is fetched once; later
# calls print the cached folder without touching the network. Any failure exits non-zero with a
# message: callers that need the corpus (CI) must fail loudly, never skip.
set -euo pipefail
name=${1:?usage: fetch.sh PACKAGE VERSION}
version=${2:?usage: fetch.sh PACKAGE VERSION}
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${DTS2RS_CORPUS_CACHE:-$root/target/corpus-cache}
dest="$cache/$name-$version"
if [ -f "$dest/.complete" ]; then
  echo "$dest/package"
  exit 0
fi
command -v npm >/dev/null || { echo "fetch.sh: npm is not installed; it is needed to fetch $name@$version" >&2; exit 1; }
rm -rf "$dest" && mkdir -p "$dest"
tarball=$(cd "$dest" && npm pack --silent "$name@$version" 2>/dev/null | tail -n 1) \
  || { echo "fetch.sh: npm pack $name@$version failed (no network or no such version)" >&2; exit 1; }
tar -xzf "$dest/$tarball" -C "$dest" || { echo "fetch.sh: cannot unpack $tarball" >&2; exit 1; }
rm -f "$dest/$tarball"
touch "$dest/.complete"
echo "$dest/package"
