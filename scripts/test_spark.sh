#!/usr/bin/env bash
# Tests the Spark job of examples/spark/: runs it in local[2] mode on the
# sample articles plus 200 PolNeAR train articles (from $SHARED_DATA,
# default ../shared/data, when it is there), from JSON Lines and from Parquet, and checks that its records
# equal a direct quotelink run, order aside. Then runs the quote clusters
# job (clusters_spark.py) on 20,000 generated quotes against one process.
#
# Installs pyspark from PyPI into .spark-venv/ (first run only, about
# 320 MB) and uses the machine's Java 17+, or installs Debian's
# openjdk-17-jre-headless when running as root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"

pyspark_version=3.5.5
if ! .spark-venv/bin/python -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
    echo "test_spark: installing pyspark $pyspark_version into .spark-venv (first run only)" >&2
    [ -x .spark-venv/bin/python ] || python3 -m venv .spark-venv
    .spark-venv/bin/pip install --quiet --disable-pip-version-check "pyspark==$pyspark_version"
fi
if ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test_spark: installing openjdk-17-jre-headless (apt)" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "test_spark: needs Java 17 (apt-get install openjdk-17-jre-headless)" >&2
        exit 2
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
train=${SHARED_DATA:-../shared/data}/polnear/train/text
texts=(data/samples/*.txt)
if [ -d "$train" ]; then
    mapfile -t -O "${#texts[@]}" texts < <(ls "$train"/*.txt | sort | head -200)
else
    echo "test_spark: $train is absent: samples only" >&2
fi
# The corpus as JSON Lines, plus a line quotelink must report as malformed.
.spark-venv/bin/python - "$work/corpus.jsonl" "${texts[@]}" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            out.write(json.dumps({"id": path, "text": f.read()}, ensure_ascii=False) + "\n")
    out.write('{"id": "no text"}\n')
PY
echo "test_spark: $(wc -l < "$work/corpus.jsonl") documents" >&2

binary=$root/target/release/quotelink
# Exit code 1: the malformed line's error record.
"$binary" --jsonl "$work/corpus.jsonl" > "$work/direct.jsonl" 2> /dev/null || [ $? = 1 ]

export PYSPARK_PYTHON=$root/.spark-venv/bin/python
job=(.spark-venv/bin/python examples/spark/quotelink_spark.py --master 'local[2]' --quotelink "$binary")
"${job[@]}" "$work/corpus.jsonl" "$work/out-jsonl" --partitions 3 2> "$work/spark.log" \
    || { tail -40 "$work/spark.log" >&2; exit 1; }
# The same corpus as Parquet with id/text columns, written by Spark.
.spark-venv/bin/python - "$work/corpus.jsonl" "$work/corpus.parquet" 2>> "$work/spark.log" <<'PY'
import json, sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[2]").getOrCreate()
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
rows = [(r["id"], r.get("text")) for r in rows]
spark.createDataFrame(rows, "id string, text string").write.parquet(sys.argv[2])
spark.stop()
PY
"${job[@]}" "$work/corpus.parquet" "$work/out-parquet" 2>> "$work/spark.log" \
    || { tail -40 "$work/spark.log" >&2; exit 1; }

# Records equal the direct run's, order aside. The line number in the
# malformed line's error counts within its partition.
.spark-venv/bin/python - "$work" <<'PY'
import glob, json, re, sys
work = sys.argv[1]
def records(pattern):
    out = []
    for path in sorted(glob.glob(pattern)):
        for line in open(path, encoding="utf-8"):
            record = json.loads(line)
            if "error" in record:
                record["error"] = re.sub(r"line \d+", "line N", record["error"])
            out.append(json.dumps(record, sort_keys=True))
    return sorted(out)
direct = records(f"{work}/direct.jsonl")
for name in ["out-jsonl", "out-parquet"]:
    got = records(f"{work}/{name}/part-*")
    if got != direct:
        extra = sorted(set(got) - set(direct))
        sys.exit(f"test_spark: {name}: {len(got)} records, {len(direct)} from the direct run; "
                 f"{len(set(direct) - set(got))} missing, {len(extra)} unexpected, e.g. {extra[:1]}")
    print(f"test_spark: {name}: {len(got)} records equal the direct run's", file=sys.stderr)
PY

# Quote clusters on Spark (examples/spark/clusters_spark.py) over generated
# quotelink output, against one `quotelink clusters` process: every
# occurrence in exactly one row, each merged row consistent with its
# members, and both scored against the generator's statements.
python3 scripts/gen_quotes.py --quotes 20000 --seed 5 --truth "$work/truth.tsv" > "$work/quotes.jsonl" 2> /dev/null
"$binary" clusters "$work/quotes.jsonl" --format jsonl -o "$work/clusters-direct.jsonl"
.spark-venv/bin/python examples/spark/clusters_spark.py --master 'local[2]' --quotelink "$binary" \
    "$work/quotes.jsonl" "$work/clusters-spark" --partitions 4 2>> "$work/spark.log" \
    || { tail -40 "$work/spark.log" >&2; exit 1; }
.spark-venv/bin/python - "$work" <<'PY'
import glob, json, sys
from collections import Counter
work = sys.argv[1]
truth = {}
for line in open(f"{work}/truth.tsv"):
    doc, quote, statement, _ = line.rstrip("\n").split("\t")
    truth[(doc, int(quote))] = int(statement)
def rows(pattern):
    return [json.loads(line) for path in sorted(glob.glob(pattern)) for line in open(path)]
def score(rows):
    pairs = lambda n: n * (n - 1) // 2
    cells, clusters, statements = Counter(), Counter(), Counter()
    for row in rows:
        for m in row["members"]:
            s = truth[(m["id"], m["quote"])]
            cells[(row["cluster"], s)] += 1
            clusters[row["cluster"]] += 1
            statements[s] += 1
    tp = sum(pairs(n) for n in cells.values())
    return tp / sum(pairs(n) for n in clusters.values()), tp / sum(pairs(n) for n in statements.values())
direct, spark = rows(f"{work}/clusters-direct.jsonl"), rows(f"{work}/clusters-spark/part-*")
seen = Counter((m["id"], m["quote"]) for row in spark for m in row["members"])
if set(seen) != set(truth) or max(seen.values()) != 1:
    sys.exit(f"test_spark: clusters: {len(seen)} occurrences in the rows, {len(truth)} quotes, "
             f"{sum(n > 1 for n in seen.values())} in two rows")
for row in spark:
    members = row["members"]
    dates = [m["date"] for m in members]
    outlets = list(dict.fromkeys(m["outlet"] for m in members))
    if (row["occurrences"] != len(members) or row["documents"] != len({m["id"] for m in members})
            or row["first_date"] != min(dates) or dates != sorted(dates)
            or row["outlet_values"] != outlets or row["outlet_count"] != len(outlets)
            or sum(s["occurrences"] for s in row["speakers"]) + row["unattributed"] != len(members)):
        sys.exit(f"test_spark: clusters: a merged row disagrees with its members: {row['cluster']}")
(dp, dr), (sp, sr) = score(direct), score(spark)
print(f"test_spark: clusters: {len(truth)} quotes, {len(set(truth.values()))} statements; "
      f"one process {len(direct)} rows (pairwise P {dp:.4f} R {dr:.4f}), "
      f"Spark, 4 partitions {len(spark)} rows (P {sp:.4f} R {sr:.4f})", file=sys.stderr)
PY
