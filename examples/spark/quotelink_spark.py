"""Runs quotelink over a corpus with Apache Spark.

Reads a JSON Lines corpus ({"id": ..., "text": ...} per line) or Parquet with
`id` and `text` columns, pipes each partition through
`quotelink --jsonl - --threads T`, and writes quotelink's JSON Lines output
as a folder of part files (one output line per input document, error
records included, in input order within each partition).

    spark-submit examples/spark/quotelink_spark.py corpus.jsonl out/ \\
        --quotelink ./quotelink/bin/quotelink

The binary must exist on every executor: ship the bundle from
scripts/package.sh with `--archives quotelink.tar.gz#quotelink` (the path is
then ./quotelink/bin/quotelink, relative to the executor's working folder),
or install it on each node. See the README, "Running on Spark".
"""

import argparse
import itertools
import json
import subprocess
import tempfile
import threading

from pyspark.sql import SparkSession

# quotelink's exit codes: 0 all documents succeeded, 1 some got error
# records (their lines are in the output); anything else is a failure of
# the run itself.
OK_EXIT_CODES = (0, 1)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="a .jsonl file/folder, or Parquet with id/text columns")
    ap.add_argument("output", help="output folder (JSON Lines part files)")
    ap.add_argument("--format", choices=["jsonl", "parquet"],
                    help="input format (default: parquet for *.parquet, else jsonl)")
    ap.add_argument("--quotelink", default="quotelink",
                    help="the quotelink binary on the executors (default: on PATH)")
    ap.add_argument("--threads", type=int, default=1,
                    help="quotelink threads per task; keep 1 and let Spark run one task per core")
    ap.add_argument("--partitions", type=int,
                    help="repartition the input into this many tasks first")
    ap.add_argument("--no-ner", action="store_true", help="pass --no-ner to quotelink")
    ap.add_argument("--model", help="pass --model to quotelink (a folder on the executors)")
    ap.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    return ap.parse_args(argv)


def command(args):
    cmd = [args.quotelink, "--jsonl", "-", "--threads", str(args.threads)]
    if args.no_ner:
        cmd.append("--no-ner")
    if args.model:
        cmd += ["--model", args.model]
    return cmd


def pipe_partition(cmd):
    """A mapPartitions function that streams a partition's JSONL lines
    through one quotelink process and yields its output lines."""

    def run(lines):
        lines = iter(lines)
        first = next(lines, None)
        if first is None:  # an empty partition starts no process
            return
        with tempfile.TemporaryFile() as stderr:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=stderr)
            writer = threading.Thread(target=feed,
                                      args=(proc.stdin, itertools.chain([first], lines)))
            writer.start()
            for line in proc.stdout:
                yield line.decode("utf-8").rstrip("\n")
            writer.join()
            code = proc.wait()
            if code not in OK_EXIT_CODES:
                stderr.seek(0)
                message = stderr.read().decode("utf-8", "replace")[-4000:]
                raise RuntimeError(f"{' '.join(cmd)} exited with {code}: {message}")

    return run


def feed(stdin, lines):
    """Writes the lines to quotelink's standard input, then closes it."""
    try:
        for line in lines:
            stdin.write(line.encode("utf-8") + b"\n")
    except BrokenPipeError:
        pass  # quotelink died; its exit code says why
    finally:
        try:
            stdin.close()
        except BrokenPipeError:
            pass


def input_lines(spark, args):
    """The input as an RDD of JSONL lines."""
    fmt = args.format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
    if fmt == "jsonl":
        # Lines go through as they are: quotelink reports malformed ones.
        return spark.sparkContext.textFile(args.input)
    frame = spark.read.parquet(args.input).select("id", "text")
    return frame.rdd.map(lambda row: json.dumps({"id": row["id"], "text": row["text"]},
                                                ensure_ascii=False))


def session(app, master=None):
    """The Spark session, on `master` when given (else spark-submit's)."""
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def main(argv=None):
    args = parse_args(argv)
    spark = session("quotelink", args.master)
    try:
        lines = input_lines(spark, args)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        lines.mapPartitions(pipe_partition(command(args))).saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
