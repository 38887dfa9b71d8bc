#!/usr/bin/env bash
# Instruction counts (callgrind) of minutes::parse and pulldown-cmark's event
# iteration on the same inputs: stable on a loaded machine, where wall-clock
# time is not. Prints one row per input: instructions per byte of each parser
# (program start and file reading subtracted) and their ratio.
#
#   benches/instructions.sh            # note, notes one by one, corpus joined, 16 MiB
#
# Needs valgrind; reads ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus
if [ ! -d "$corpus" ]; then
    echo "note: $corpus not found; nothing to measure" >&2
    exit 0
fi
cargo build --release --example profile --quiet
bin=target/release/examples/profile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$corpus"/*/*.md > "$tmp/corpus.md"
# The joined corpus repeated to 16 MiB, cut at a line end (as `repeat_to` in
# benches/common does for the time benchmarks).
for _ in 1 2 3 4 5 6 7 8 9; do cat "$tmp/corpus.md"; done > "$tmp/repeated.md"
head -c $((16 << 20)) "$tmp/repeated.md" | sed '$d' > "$tmp/16mib.md"

count() { # parser files...
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 >/dev/null |
        sed -n 's/.*refs: *//p' | tr -d ,
}

row() { # name files...
    local name=$1
    shift
    local bytes none minutes pulldown
    bytes=$(cat "$@" | wc -c)
    none=$(count none "$@")
    minutes=$(($(count minutes "$@") - none))
    pulldown=$(($(count pulldown "$@") - none))
    awk -v n="$name" -v b="$bytes" -v m="$minutes" -v p="$pulldown" 'BEGIN {
        printf "%-28s %9d bytes  minutes %6.2f M (%5.1f/byte)  pulldown %6.2f M (%5.1f/byte)  pulldown/minutes %.2f\n",
            n, b, m / 1e6, m / b, p / 1e6, p / b, p / m }'
}

row "note (sample)" examples/data/dragonfly-2025-10-28.md
row "notes, one document each" "$corpus"/*/*.md
row "corpus, joined" "$tmp/corpus.md"
row "16 MiB (corpus repeated)" "$tmp/16mib.md"
