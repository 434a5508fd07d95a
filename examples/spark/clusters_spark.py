"""Quote clusters (`quotelink clusters`) over quotelink output on Apache Spark.

Map: each partition of quotelink's JSON Lines output (whole documents) is
piped through one `quotelink clusters - --format jsonl` process, which groups
the partition's quotes. Reduce, in two steps: rows of different partitions
with the same cluster id (a hash of the representative's normalised words, so
partitions that chose the same longest text agree) are merged; then the
canonical texts of the merged rows (one per quotation and partition, far fewer
than the quotes) go through one more `quotelink clusters` process as
one-quote documents, and the rows it groups are merged too: counts added,
speakers and members joined, the first occurrence and the `--by` values taken
again over all members.

What this loses against one process over the whole corpus: the second step
compares canonical texts only, so a partition's cluster whose longest text is
a fragment that the rest of its members would have tied to another cluster
stays apart; and each process counts common shingles over its own input.
The last step runs in one task: its input is one row per quotation and
partition.

    spark-submit examples/spark/clusters_spark.py out.jsonl clusters/ \\
        --quotelink ./ql/bin/quotelink --partitions 16
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from quotelink_spark import pipe_partition, session  # noqa: E402


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="quotelink output (JSON Lines file or folder)")
    ap.add_argument("output", help="output folder (JSON Lines part files, one row per cluster)")
    ap.add_argument("--quotelink", default="quotelink", help="the quotelink binary on the executors")
    ap.add_argument("--by", default="outlet", help="as `quotelink clusters --by`")
    ap.add_argument("--first-by", default="date", help="as `quotelink clusters --first-by`")
    ap.add_argument("--partitions", type=int, help="repartition the documents first")
    ap.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    return ap.parse_args(argv)


def merger(first_by, by):
    """Merges two rows of one cluster id from different partitions."""

    def order(member):
        value = member.get(first_by)
        return (value is None, value or "", member["id"], member["quote"])

    def merge(a, b):
        members = sorted(a["members"] + b["members"], key=order)
        speakers = {}
        for row in (a, b):
            for s in row["speakers"]:
                speakers[s["name"]] = speakers.get(s["name"], 0) + s["occurrences"]
        speakers = [{"name": n, "occurrences": c}
                    for n, c in sorted(speakers.items(), key=lambda x: (-x[1], x[0]))]
        values = []
        for m in members:
            if m.get(by) is not None and m[by] not in values:
                values.append(m[by])
        longer = a if (a["words"], a["text"]) >= (b["words"], b["text"]) else b
        first = members[0]
        return {
            "cluster": a["cluster"], "text": longer["text"], "words": longer["words"],
            "speaker": speakers[0]["name"] if speakers else None, "speakers": speakers,
            "unattributed": a["unattributed"] + b["unattributed"],
            "occurrences": len(members),
            # Partitions hold whole documents, so their documents are disjoint.
            "documents": a["documents"] + b["documents"],
            f"first_{first_by}": first.get(first_by), "first_id": first["id"],
            f"first_{by}": first.get(by), f"{by}_values": values, f"{by}_count": len(values),
            "members": members,
        }

    return merge


def as_document(row):
    """A merged row as a one-quote quotelink document record, for the
    second step: its id is the row's cluster id."""
    text = row["text"]
    quote = {"start": 0, "end": len(text), "text": text, "kind": "direct", "cue": None,
             "speaker": None, "speaker_name": row["speaker"], "speaker_id": None,
             "confidence": 1.0}
    return json.dumps({"id": row["cluster"], "quotes": [quote], "speakers": []},
                      ensure_ascii=False)


def main(argv=None):
    args = parse_args(argv)
    spark = session("quotelink-clusters", args.master)
    # The executors import pipe_partition from there too.
    spark.sparkContext.addPyFile(os.path.join(HERE, "quotelink_spark.py"))
    try:
        lines = spark.sparkContext.textFile(args.input)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        cmd = [args.quotelink, "clusters", "-", "--format", "jsonl",
               "--by", args.by, "--first-by", args.first_by]
        merge = merger(args.first_by, args.by)
        rows = lines.mapPartitions(pipe_partition(cmd)).map(json.loads)
        merged = rows.keyBy(lambda row: row["cluster"]).reduceByKey(merge).cache()
        # Step two: the merged rows' texts grouped in one process; each row
        # goes to the cluster its text joins.
        second = merged.values().map(as_document).coalesce(1) \
            .mapPartitions(pipe_partition(cmd)).map(json.loads)
        target = second.flatMap(lambda row: [(m["id"], row["cluster"]) for m in row["members"]])
        final = merged.join(target) \
            .map(lambda kv: (kv[1][1], dict(kv[1][0], cluster=kv[1][1]))).reduceByKey(merge)
        final.values().sortBy(lambda row: (-row["occurrences"], row["cluster"])) \
            .map(lambda row: json.dumps(row, ensure_ascii=False)).saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
