#!/usr/bin/env bash
# Makes a corpus FACTOR times larger: FACTOR copies of every group folder, as new groups <group>-copyN.
# Files are hard-linked where the file system allows (same bytes, no extra disk), copied otherwise.
# Usage: bench/scale-corpus.sh SOURCE FACTOR TARGET
set -euo pipefail
source_dir=$1 factor=$2 target=$3
rm -rf "$target"
mkdir -p "$target"
for group in "$source_dir"/*/; do
  name=$(basename "$group")
  for ((copy = 1; copy <= factor; copy++)); do
    cp -al "$group" "$target/$name-copy$copy" 2>/dev/null || cp -r "$group" "$target/$name-copy$copy"
  done
done
echo "$(find "$target" -name '*.markdown' -o -name '*.md' | wc -l) files, $(du -sblL "$target" | cut -f1) bytes in $target"
