#!/usr/bin/env bash
# Time and peak memory of `quotelink speakers` and `quotelink table` over the
# output of N generated documents (default 100,000, annotated with --no-ner),
# and, when ../shared/data/polnear/train exists, over PolNeAR train (also
# --no-ner). Prints wall time, CPU time and peak RSS per command, and the
# CPU's flags and load.
# Usage: scripts/bench_tables.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100000}"
. "$root/scripts/bench_measure.sh"

describe_cpu
python3 "$root/scripts/gen_corpus.py" "$n" > "$work/in.jsonl"
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
