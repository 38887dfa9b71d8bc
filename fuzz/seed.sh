#!/usr/bin/env bash
# Copies seed inputs into fuzz/corpus/<target>/ (gitignored): the shared
# corpus of real notes, the crate's own samples, and the saved regression
# inputs. Run from anywhere; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared/corpus"
for target in parse roundtrip options differential linear render; do
  out="$root/fuzz/corpus/$target"
  mkdir -p "$out"
  if [ -d "$shared" ]; then
    find "$shared" -name '*.md' ! -name README.md -print0 |
      while IFS= read -r -d '' f; do
        cp "$f" "$out/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
      done
  else
    echo "note: $shared is missing; seeding from the crate only" >&2
  fi
  cp "$root"/examples/data/*.md "$out/" 2>/dev/null || true
  find "$root/tests/regressions" -type f ! -name README.md -exec cp {} "$out/" \;
done
echo "seeded $(ls "$root/fuzz/corpus/parse" | wc -l) files per target into fuzz/corpus/"
