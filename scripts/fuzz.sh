#!/usr/bin/env bash
# Fuzzes the sentence splitter and the rule stage (no model) on N generated
# documents, checking the invariants of tests/fuzz/ on each and that one
# and three threads agree: `scripts/fuzz.sh N [SEED]`. Without SEED a
# random one is drawn and printed; a failure prints the seed of the
# failing document (rerun it with `scripts/fuzz.sh 1 SEED`) and the
# document shrunk to what still fails. `cargo test` runs 10^4 from a
# fixed seed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cases=${1:?usage: scripts/fuzz.sh N [SEED]}
seed=${2:-$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')}
echo "fuzz: $cases documents from seed $seed" >&2
start=$SECONDS
QUOTELINK_FUZZ_CASES=$cases QUOTELINK_FUZZ_SEED=$seed \
    cargo test --release --quiet --test fuzz n_generated_documents -- --ignored --nocapture
echo "fuzz: $cases documents passed in $((SECONDS - start)) s" >&2
