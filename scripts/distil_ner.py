#!/usr/bin/env python3
"""Distil a smaller NER student from the shipped model (#10 item 7).

The student is the teacher with fewer encoder layers: embeddings, the chosen
layers (``--layers``, 0-based teacher indices) and the classifier head are
copied from the teacher, so training starts close to it. It then learns from

* CoNLL-2003 train: the gold piece labels (as in ``train_ner.py``) and the
  teacher's soft labels;
* PolNeAR train text (in-domain news, no NER labels): the teacher's soft
  labels only, sentence by sentence.

Loss per piece: ``alpha * CE(gold) + (1 - alpha) * T^2 * KL(teacher_T || student_T)``
on CoNLL, and the KL term alone on PolNeAR. The teacher's logits are computed
once, before training (fp32, the shipped fp16 weights).

Everything else (casing feature, every piece labelled, length-bucketed
batches, AdamW with linear warm-up and decay, fp16 weights on disk, the
epoch with the best CoNLL dev F1 kept) is ``train_ner.py``'s.

Run from the repository root::

    .venv/bin/python scripts/distil_ner.py --layers 1,3,5 --output models/ner-student

then score the student as the pipeline runs it::

    target/release/quotelink eval ner --model models/ner-student --conll ../shared/data/conll2003/test.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from transformers import BertForTokenClassification, get_linear_schedule_with_warmup

from train_ner import (
    IGNORE_INDEX,
    base_model_dir,
    bucketed_batches,
    collate,
    encode_text,
    evaluate_word_level,
    final_scores,
    fit,
    load_model,
    load_tokenizer,
    make_example,
    make_optimizer,
    read_conll,
    save_model,
    set_seed,
)

# A sentence ends at . ! or ? (optionally closed by a quotation mark or
# bracket) followed by white space and an upper-case letter or an opening mark.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])")


def news_sentences(folder: Path, share: float, seed: int) -> list[str]:
    """Sentences of the PolNeAR ``text/*.txt`` files (a ``share`` of the
    articles, chosen at random with ``seed``)."""
    files = sorted((folder / "text").glob("*.txt"))
    random.Random(seed).shuffle(files)
    files = files[: max(1, round(len(files) * share))]
    out = []
    for path in files:
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            out.extend(s.strip() for s in SENTENCE_END.split(paragraph) if s.strip())
    return out


def clip(ids: list[int], casing: list[int], max_len: int) -> tuple[list[int], list[int]]:
    """Keep [CLS] ... [SEP] within ``max_len`` pieces."""
    if len(ids) <= max_len:
        return ids, casing
    return ids[: max_len - 1] + ids[-1:], casing[: max_len - 1] + [0]


@torch.inference_mode()
def teacher_logits(model, seqs, casings, batch_size: int) -> list[torch.Tensor]:
    """The teacher's logits for every sequence, as fp16 [len, labels]."""
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    out: list[torch.Tensor] = [None] * len(seqs)  # type: ignore[list-item]
    for k in range(0, len(order), batch_size):
        idx = order[k : k + batch_size]
        batch = collate([seqs[i] for i in idx], [casings[i] for i in idx])
        logits = model(**batch).logits
        for row, i in zip(logits, idx):
            out[i] = row[: len(seqs[i])].half().clone()
    return out


def cached_teacher_logits(teacher, seqs, casings, cache: str) -> list[torch.Tensor]:
    """The teacher's logits, read from ``cache`` when it holds them for these
    very sequences, else computed (and written there when a path is given)."""
    key = hashlib.sha256(json.dumps([seqs, casings]).encode()).hexdigest()
    if cache and Path(cache).exists():
        stored = torch.load(cache)
        if stored["key"] == key:
            print(f"teacher logits: read from {cache}", flush=True)
            return stored["logits"]
    t0 = time.time()
    soft = teacher_logits(teacher, seqs, casings, 64)
    pieces = sum(len(s) for s in seqs)
    print(f"teacher logits: {time.time() - t0:.0f} s ({pieces / (time.time() - t0):.0f} pieces/s)", flush=True)
    if cache:
        torch.save({"key": key, "logits": soft}, cache)
    return soft


def soft_targets(soft: list[torch.Tensor], width: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The teachers' logits of a batch padded to ``width`` pieces with
    zeros, and the mask of the pieces they count on (not [CLS]/[SEP], not
    padding)."""
    targets = torch.zeros((len(soft), width, soft[0].shape[-1]))
    mask = torch.zeros((len(soft), width), dtype=torch.bool)
    for i, row in enumerate(soft):
        targets[i, : len(row)] = row.float()
        mask[i, 1 : len(row) - 1] = True
    return targets, mask


def make_student(teacher: BertForTokenClassification, layers: list[int]) -> BertForTokenClassification:
    """The teacher with only ``layers`` of its encoder, weights copied."""
    config = type(teacher.config).from_dict(teacher.config.to_dict())
    config.num_hidden_layers = len(layers)
    student = BertForTokenClassification(config)
    state = teacher.state_dict()
    own = {}
    for name in student.state_dict():
        source = name
        if name.startswith("bert.encoder.layer."):
            rest = name[len("bert.encoder.layer.") :]
            j, tail = rest.split(".", 1)
            source = f"bert.encoder.layer.{layers[int(j)]}.{tail}"
        own[name] = state[source].clone()
    student.load_state_dict(own, strict=True)
    return student


def distillation_loss(logits, batch, temperature: float, alpha: float) -> torch.Tensor:
    """alpha * CE on gold pieces + (1 - alpha) * T^2 * KL on every body piece."""
    mask = batch["soft_mask"]
    student = F.log_softmax(logits[mask] / temperature, dim=-1)
    teacher = F.softmax(batch["soft"][mask] / temperature, dim=-1)
    kd = F.kl_div(student, teacher, reduction="batchmean") * temperature**2
    gold = batch["labels"] != IGNORE_INDEX
    if not gold.any():
        return (1 - alpha) * kd
    ce = F.cross_entropy(logits[gold], batch["labels"][gold])
    return alpha * ce + (1 - alpha) * kd


def distil(args) -> None:
    torch.set_num_threads(args.threads)
    set_seed(args.seed)
    t_start = time.time()
    data_dir = Path(args.data_dir)
    tokenizer = load_tokenizer(Path(args.teacher) / "tokenizer.json")
    teacher = load_model(args.teacher)

    limit = args.limit or None
    conll = [make_example(tokenizer, s, args.max_len, True) for s in read_conll(data_dir / "train.txt")[:limit]]
    news = []
    for text in news_sentences(Path(args.news), args.news_share, args.seed)[:limit]:
        enc = encode_text(tokenizer, text)
        ids, casing = clip(enc.ids, enc.casing, args.max_len)
        news.append((ids, casing, [IGNORE_INDEX] * len(ids)))
    seqs = [e.ids for e in conll] + [n[0] for n in news]
    casings = [e.casing for e in conll] + [n[1] for n in news]
    labels = [e.labels for e in conll] + [n[2] for n in news]
    pieces = sum(len(s) for s in seqs)
    print(f"{len(conll)} CoNLL sentences, {len(news)} news sentences, {pieces} pieces", flush=True)

    soft = cached_teacher_logits(teacher, seqs, casings, args.cache)

    layers = [int(x) for x in args.layers.split(",")]
    model = make_student(teacher, layers)
    del teacher
    dev_sents = read_conll(data_dir / "dev.txt")[:limit]
    test_sents = read_conll(data_dir / "test.txt")[:limit]
    start = evaluate_word_level(model, tokenizer, dev_sents, True)
    print(f"student before training ({len(layers)} layers {layers}): dev F1 {start['overall']['f1']:.2f}", flush=True)

    optimizer = make_optimizer(model, args.lr, args.weight_decay)
    rng = random.Random(args.seed)
    lengths = [len(s) for s in seqs]
    total = math.ceil(len(seqs) / args.batch_size) * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup * total), total)

    def batch_loss(idx: list[int]) -> torch.Tensor:
        batch = collate([seqs[i] for i in idx], [casings[i] for i in idx], [labels[i] for i in idx])
        batch["soft"], batch["soft_mask"] = soft_targets([soft[i] for i in idx], batch["input_ids"].shape[1])
        inputs = {k: batch[k] for k in ("input_ids", "token_type_ids", "attention_mask")}
        return distillation_loss(model(**inputs).logits, batch, args.temperature, args.alpha)

    history, best_epoch = fit(
        model, optimizer, scheduler, args.epochs, args.log_every,
        batches=lambda: bucketed_batches(lengths, args.batch_size, rng),
        batch_loss=batch_loss,
        evaluate=lambda: evaluate_word_level(model, tokenizer, dev_sents, True),
    )
    final = final_scores(model, tokenizer, dev_sents, test_sents, True)
    minutes = round((time.time() - t_start) / 60, 1)
    print(f"total {minutes} min on {args.threads} threads", flush=True)
    if args.output:
        save_model(model, base_model_dir(), Path(args.output))
        print(f"saved student to {args.output}")
    if args.metrics_out:
        summary = {"args": vars(args), "history": history, "best_epoch": best_epoch, "final": final,
                   "total_minutes": minutes}
        Path(args.metrics_out).write_text(json.dumps(summary, indent=2))


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--teacher", default="models/ner", help="the model to distil")
    ap.add_argument("--layers", default="1,3,5", help="teacher layers the student starts from (0-based)")
    ap.add_argument("--data-dir", default="../shared/data/conll2003", help="CoNLL-2003 train/dev/test.txt")
    ap.add_argument("--news", default="../shared/data/polnear/train", help="folder with text/*.txt")
    ap.add_argument("--news-share", type=float, default=1.0, help="share of the news articles used")
    ap.add_argument("--output", default="", help="where to save the student ('' to skip)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--temperature", type=float, default=2.0)
    ap.add_argument("--alpha", type=float, default=0.5, help="weight of the gold-label loss on CoNLL")
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--log-every", type=int, default=100)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences of each source (smoke test)")
    ap.add_argument("--cache", default="", help="file keeping the teacher's logits between runs")
    ap.add_argument("--metrics-out", default="")
    return ap.parse_args(argv)


if __name__ == "__main__":
    distil(parse_args())
