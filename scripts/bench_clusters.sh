#!/usr/bin/env bash
# Time, peak memory and quality of `quotelink clusters` over N generated
# quotes (default 1,000,000) of quotelink output (scripts/gen_quotes.py:
# statements carried by several outlets with fragments, cut edges,
# ellipses, marks, case and word changes). Prints wall time and peak RSS
# (and CPU time: the machine may be busy) per command, the CPU's flags and
# load, and the pairwise precision and recall of the clusters against the
# generator's statements, with and without its common phrases.
# Usage: scripts/bench_clusters.sh [N] [SEED=7]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
seed="${2:-7}"
. "$root/scripts/bench_measure.sh"
python3 "$root/scripts/gen_quotes.py" --quotes "$n" --seed "$seed" --truth "$work/truth.tsv" > "$work/out.jsonl"
echo "input: $(du -h "$work/out.jsonl" | cut -f1), $(wc -l < "$work/out.jsonl") documents"
describe_cpu
measure "start-up only (clusters of an empty file)" "$bin" clusters /dev/null
measure "clusters -> jsonl ($n quotes)" "$bin" clusters "$work/out.jsonl" -o "$work/c.jsonl"
measure "clusters -> parquet ($n quotes)" "$bin" clusters "$work/out.jsonl" -o "$work/c.parquet"
python3 - "$work/truth.tsv" "$work/c.jsonl" <<'PY'
import json, sys
from collections import Counter
truth, kind = {}, {}
for line in open(sys.argv[1]):
    doc, quote, statement, k = line.rstrip("\n").split("\t")
    truth[(doc, int(quote))] = int(statement)
    kind[int(statement)] = k
pairs = lambda n: n * (n - 1) // 2
rows = [json.loads(line) for line in open(sys.argv[2])]

def score(keep):
    cells, clusters, statements = Counter(), Counter(), Counter()
    for row in rows:
        for m in row["members"]:
            s = truth[(m["id"], m["quote"])]
            if keep(s):
                cells[(row["cluster"], s)] += 1
                clusters[row["cluster"]] += 1
                statements[s] += 1
    tp = sum(pairs(n) for n in cells.values())
    p = tp / max(1, sum(pairs(n) for n in clusters.values()))
    r = tp / max(1, sum(pairs(n) for n in statements.values()))
    return len(clusters), len(statements), p, r

for label, keep in [("all quotes", lambda s: True),
                    ("without common phrases", lambda s: kind[s] != "phrase")]:
    c, s, p, r = score(keep)
    print(f"{label}: {c} clusters for {s} statements; pairwise precision {p:.4f}, recall {r:.4f}")
PY
