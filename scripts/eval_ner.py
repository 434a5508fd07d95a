#!/usr/bin/env python3
"""Evaluate the saved NER model on a CoNLL-2003 file, decoding as the Rust side does.

Pipeline per sentence (mirrors ``quotelink eval ner``):

1. join the CoNLL tokens with single spaces into a text;
2. tokenise the text with ``tokenizer.json`` (with char offsets) and give each
   piece the casing class of the whitespace chunk containing it
   (``train_ner.casing_class``; [CLS]/[SEP] get 0);
3. run the model (fp16 weights loaded as fp32) and take the argmax label of
   every piece; texts longer than the window are cut into consecutive
   windows of at most ``--max-pieces`` pieces, each with its own [CLS]/[SEP];
4. decode piece-level BIO into entities: an entity starts at a B-X, or at an
   I-X whose previous piece is not of type X; it continues while the next
   piece is I-X;
5. map each entity's char span (start of its first piece .. end of its last
   piece) to the CoNLL tokens it overlaps, giving (type, first, last) token
   indices; duplicates collapse;
6. compare with the gold IOB2 entities strictly (same type, same boundaries).

Prints P/R/F1 overall and per type, then one JSON line with the same figures.

Usage (from the repo root)::

    .venv/bin/python scripts/eval_ner.py --model models/ner --conll ../shared/data/conll2003/test.txt
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch

from train_ner import (
    LABELS,
    Scorer,
    Sentence,
    bio_spans,
    encode_text,
    format_result,
    join_tokens,
    load_model,
    load_tokenizer,
    predict_pieces,
    read_conll,
)


def windows(ids: list[int], casing: list[int], max_pieces: int) -> list[tuple[list[int], list[int]]]:
    """Split an encoded text ([CLS] body [SEP]) into windows of <= max_pieces pieces."""
    cls, sep = ids[0], ids[-1]
    body_ids, body_casing = ids[1:-1], casing[1:-1]
    size = max_pieces - 2
    out = []
    for k in range(0, max(len(body_ids), 1), size):
        out.append(([cls] + body_ids[k : k + size] + [sep], [0] + body_casing[k : k + size] + [0]))
    return out


def entities_to_token_spans(piece_tags: list[str], offsets: list[tuple[int, int]],
                            token_spans: list[tuple[int, int]]) -> set[tuple[str, int, int]]:
    """Decode piece BIO tags and map each entity's char span onto token indices."""
    out = set()
    for etype, first, last in bio_spans(piece_tags):
        start, end = offsets[first][0], offsets[last][1]
        hit = [i for i, (s, e) in enumerate(token_spans) if s < end and e > start]
        if hit:
            out.add((etype, hit[0], hit[-1]))
    return out


def evaluate(model, tokenizer, sentences: list[Sentence], batch_size: int, max_pieces: int) -> dict:
    """Strict entity-level scores with the Rust-side decoding."""
    seqs, casings, owners = [], [], []
    encoded = []
    for n, sent in enumerate(sentences):
        text, token_spans = join_tokens(sent.tokens)
        enc = encode_text(tokenizer, text)
        encoded.append((enc, token_spans))
        for ids, cas in windows(enc.ids, enc.casing, max_pieces):
            seqs.append(ids)
            casings.append(cas)
            owners.append(n)
    preds = predict_pieces(model, seqs, casings, batch_size)

    body: list[list[int]] = [[] for _ in sentences]  # piece predictions without [CLS]/[SEP]
    for n, pred in zip(owners, preds):
        body[n].extend(pred[1:-1])

    scorer = Scorer()
    for sent, (enc, token_spans), labels in zip(sentences, encoded, body):
        piece_tags = [LABELS[i] for i in labels]
        pred = entities_to_token_spans(piece_tags, enc.offsets[1:-1], token_spans)
        scorer.add(set(bio_spans(sent.tags)), pred)
    return scorer.result()


def main() -> None:
    ap = argparse.ArgumentParser(description="Evaluate the NER model with Rust-style decoding.",
                                 formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--model", default="models/ner")
    ap.add_argument("--conll", default="../shared/data/conll2003/test.txt")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--max-pieces", type=int, default=512, help="model window, incl. [CLS]/[SEP]")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    model = load_model(args.model)
    tokenizer = load_tokenizer(Path(args.model) / "tokenizer.json")
    sentences = read_conll(args.conll)
    t0 = time.time()
    res = evaluate(model, tokenizer, sentences, args.batch_size, args.max_pieces)
    seconds = time.time() - t0
    print(format_result(Path(args.conll).stem, res))
    print(json.dumps({"impl": "pytorch", "file": args.conll, "sentences": len(sentences),
                      "seconds": round(seconds, 2), **res}))


if __name__ == "__main__":
    main()
