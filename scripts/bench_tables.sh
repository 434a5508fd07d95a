#!/usr/bin/env bash
# Time and peak memory of `quotelink speakers` and `quotelink table` over the
# output of N generated documents (default 100,000, annotated with --no-ner),
# and, when ../shared/data/polnear/train exists, over PolNeAR train (also
# --no-ner). Prints wall time and peak RSS per command, and the CPU's flags.
# Usage: scripts/bench_tables.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100000}"
bin="$root/target/release/quotelink"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # LABEL COMMAND...
    local label="$1"; shift
    /usr/bin/time -v "$@" 2> "$work/time" >/dev/null || true
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$work/time" | awk '{print $NF}')
    printf '%-48s %10s %8d MB\n' "$label" "$wall" $((rss / 1024))
}

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|avx512f|avx512bw|avx512vl|avx512_vnni|avx512_bf16)$' | xargs)"
python3 "$root/scripts/gen_corpus.py" "$n" > "$work/in.jsonl"
printf '%-48s %10s %11s\n' command wall 'peak RSS'
measure "annotate $n documents (--no-ner)" "$bin" --no-ner --jsonl "$work/in.jsonl" -o "$work/out.jsonl"
measure "start-up only (speakers of an empty file)" "$bin" speakers /dev/null
measure "speakers -> csv" "$bin" speakers "$work/out.jsonl" -o "$work/s.csv"
measure "speakers --by outlet --by date (month) -> parquet" "$bin" speakers "$work/out.jsonl" --by outlet --by date --date-bucket month -o "$work/s.parquet"
measure "table -> parquet" "$bin" table "$work/out.jsonl" -o "$work/q.parquet"
measure "table -> csv" "$bin" table "$work/out.jsonl" -o "$work/q.csv"
train="$root/../shared/data/polnear/train/text"
if [ -d "$train" ]; then
    measure "annotate PolNeAR train (--no-ner)" "$bin" --no-ner "$train" -o "$work/train.jsonl"
    measure "speakers PolNeAR train -> csv" "$bin" speakers "$work/train.jsonl" -o "$work/ts.csv"
    measure "table PolNeAR train -> parquet" "$bin" table "$work/train.jsonl" -o "$work/tq.parquet"
fi
