#!/usr/bin/env python3
"""Train a quote tagger beside the NER head, on one encoder (#23, step 1).

The shipped NER model (``models/ner``: all-MiniLM-L6-v2 with the casing
feature, see ``train_ner.py``) gets a second token-classification head that
tags attributions in BIO over word pieces: ``O``, ``B-/I-Content``,
``B-/I-Cue``, ``B-/I-Source``. Both heads read the same encoder and train
together (multi-task), so the pipeline can run the model once per window:

* PolNeAR train (``../shared/data/polnear/train``, the first ``.ann`` of each
  article, brat standoff): every Content, Cue and Source fragment, painted
  on the characters innermost-last, so a nested report's cue and source win
  over the content around them. The windows are paragraphs (they see across
  sentences), cut into chunks of at most ``--max-len`` pieces.
* CoNLL-2003 train: the gold entity tags, as ``train_ner.py`` labels them,
  so the NER head does not drift.

Each epoch shuffles the batches of both tasks together. After each epoch
the script prints the tagger on PolNeAR dev (spans from the BIO argmax;
same-kind spans less than ``--merge-gap`` characters apart merged; Content
spans under three words dropped) and the NER head on CoNLL dev. Content is
scored as ``quotelink eval polnear`` scores content: one-to-one matches at
Dice >= 0.5 over alphanumeric characters, exact when the characters agree.

Run from the repository root (after ``pip install -r
scripts/requirements-train.txt`` into ``.venv``)::

    .venv/bin/python scripts/train_tagger.py --epochs 2 --output /tmp/ner-tagger --bf16

After the last epoch the weights shared with ``--init`` (the encoder and the
NER head) are interpolated towards it, ``--soup`` of the trained weights
and the rest of the initial ones (WiSE-FT); the tagger head stays as
trained. At 0.9 the NER head keeps CoNLL-2003 test F1 at 88.02 (int8, the
text path) where the trained weights alone read 87.90, and the combined
attribution on PolNeAR dev gains too (see ``models/ner/README.md``).

``--init`` (default ``models/ner``) gives the starting encoder and NER
head; a tagger head already in that folder is left out. The shipped
weights started from the NER-only model in git at 75df406 (see
``models/ner/README.md``).

``--limit N`` takes N articles and N sentences of each split (a smoke
test). The output folder holds ``config.json`` (with ``quote_tagger``: the
labels), ``model.safetensors`` (fp16; the NER weights under their usual
names plus ``tagger.weight`` and ``tagger.bias``) and ``tokenizer.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from safetensors.torch import load_file, save_file
from transformers import BertConfig, BertForTokenClassification, get_linear_schedule_with_warmup

from train_ner import (
    ENTITY_TYPES,
    IGNORE_INDEX,
    base_model_dir,
    bucketed_batches,
    collate,
    encode_text,
    evaluate_word_level,
    load_tokenizer,
    make_example,
    make_optimizer,
    read_conll,
    save_model,
    set_seed,
)

KINDS = ("Content", "Cue", "Source")
TAG_LABELS = ["O"] + [f"{p}-{k}" for k in KINDS for p in ("B", "I")]
TAG2ID = {label: i for i, label in enumerate(TAG_LABELS)}


# --------------------------------------------------------------------------
# PolNeAR
# --------------------------------------------------------------------------

@dataclass
class Article:
    name: str
    text: str
    #: (kind, fragments as code-point ranges) of every Content, Cue, Source.
    spans: list[tuple[str, list[tuple[int, int]]]]


def read_polnear(split_dir: Path, limit: int = 0) -> list[Article]:
    """The articles of a split with the spans of their first annotation."""
    articles = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(txt.stem + "_*.ann"))
        spans = []
        for line in anns[0].read_text(encoding="utf-8").splitlines() if anns else []:
            fields = line.split("\t")
            if not line.startswith("T") or len(fields) < 2:
                continue
            kind, _, ranges = fields[1].partition(" ")
            if kind in KINDS:
                frags = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
                spans.append((kind, frags))
        articles.append(Article(txt.stem, txt.read_text(encoding="utf-8"), spans))
        if limit and len(articles) == limit:
            break
    return articles


def char_tags(article: Article) -> tuple[list[str | None], list[bool]]:
    """Each character's kind (None outside every span) and whether a
    fragment begins there; inner (shorter) spans are painted last."""
    kinds: list[str | None] = [None] * len(article.text)
    begins = [False] * len(article.text)
    by_size = sorted(article.spans, key=lambda s: -sum(e - b for b, e in s[1]))
    for kind, frags in by_size:
        for b, e in frags:
            for i in range(b, min(e, len(kinds))):
                kinds[i] = kind
                begins[i] = i == b
    return kinds, begins


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of `text`: PolNeAR's paragraphs."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*", text)]


@dataclass
class Window:
    """One chunk of a paragraph: its pieces and where they are in the text."""
    ids: list[int]
    casing: list[int]
    #: Per piece, its code-point range in the article (None for specials).
    spans: list[tuple[int, int] | None]
    labels: list[int]


def article_windows(tokenizer, article: Article, max_len: int) -> list[Window]:
    """The article's paragraphs as labelled windows of at most max_len pieces."""
    kinds, begins = char_tags(article)
    out = []
    for start, end in paragraphs(article.text):
        enc = encode_text(tokenizer, article.text[start:end])
        cls, sep = enc.ids[0], enc.ids[-1]
        inner = range(1, len(enc.ids) - 1)
        pieces = [(enc.ids[i], enc.casing[i], (start + enc.offsets[i][0], start + enc.offsets[i][1]))
                  for i in inner if enc.offsets[i][1] > enc.offsets[i][0]]
        for k in range(0, len(pieces), max_len - 2):
            chunk = pieces[k : k + max_len - 2]
            labels, prev = [], None
            for _, _, (b, _) in chunk:
                kind = kinds[b]
                if kind is None:
                    labels.append(TAG2ID["O"])
                else:
                    first = begins[b] or prev != kind
                    labels.append(TAG2ID[("B-" if first else "I-") + kind])
                prev = kind
            out.append(Window(
                ids=[cls] + [p[0] for p in chunk] + [sep],
                casing=[0] + [p[1] for p in chunk] + [0],
                spans=[None] + [p[2] for p in chunk] + [None],
                labels=[IGNORE_INDEX] + labels + [IGNORE_INDEX],
            ))
    return out


# --------------------------------------------------------------------------
# Decoding and scoring
# --------------------------------------------------------------------------

def decode(windows: list[Window], preds: list[list[int]], merge_gap: int) -> list[tuple[str, int, int]]:
    """Spans (kind, start, end) from the pieces' argmax tags, in text order:
    a span opens at B-X or at I-X after another kind, runs while I-X
    follows; same-kind spans closer than `merge_gap` characters merge."""
    spans: list[list] = []
    for window, pred in zip(windows, preds):
        open_kind = None
        for span, tag_id in zip(window.spans, pred):
            if span is None:
                open_kind = None
                continue
            tag = TAG_LABELS[tag_id]
            kind = None if tag == "O" else tag[2:]
            if kind is not None and (tag.startswith("B-") or kind != open_kind):
                spans.append([kind, span[0], span[1]])
            elif kind is not None:
                spans[-1][2] = span[1]
            open_kind = kind
    merged: list[list] = []
    for kind, b, e in sorted(spans, key=lambda s: (s[1], s[2])):
        last = next((m for m in reversed(merged) if m[0] == kind), None)
        if last is not None and 0 <= b - last[2] < merge_gap:
            last[2] = max(last[2], e)
        else:
            merged.append([kind, b, e])
    return [tuple(m) for m in merged]


def alnum(text: str, ranges) -> frozenset[int]:
    """The positions of the alphanumeric characters in `ranges`."""
    return frozenset(i for b, e in ranges for i in range(b, e) if text[i].isalnum())


def score_spans(gold: list[frozenset], pred: list[frozenset]) -> tuple[int, int, int, int]:
    """Greedy one-to-one matches at Dice >= 0.5: (matched, exact, gold, predicted)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g and p and (g & p):
                dice = 2 * len(g & p) / (len(g) + len(p))
                if dice >= 0.5:
                    pairs.append((dice, gi, pi))
    used_g, used_p, matched, exact = set(), set(), 0, 0
    for dice, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched += 1
        exact += gold[gi] == pred[pi]
    return matched, exact, len(gold), len(pred)


def f1(matched: int, gold: int, pred: int) -> float:
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def tag_logits(model, tagger, batch: dict) -> torch.Tensor:
    """The tagger head's logits over the shared encoder."""
    hidden = model.bert(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                        token_type_ids=batch["token_type_ids"]).last_hidden_state
    return tagger(model.dropout(hidden))


@torch.no_grad()
def evaluate_tagger(model, tagger, articles, windows_of, merge_gap: int, batch_size: int = 32) -> dict:
    """Content, Cue and Source on `articles`: P/R/F1, and exact F1 for Content."""
    model.eval()
    tagger.eval()
    totals = {kind: [0, 0, 0, 0] for kind in KINDS}
    for article in articles:
        windows = windows_of(article)
        preds = []
        for k in range(0, len(windows), batch_size):
            chunk = windows[k : k + batch_size]
            batch = collate([w.ids for w in chunk], [w.casing for w in chunk])
            best = tag_logits(model, tagger, batch).argmax(-1).tolist()
            preds.extend(row[: len(w.ids)] for row, w in zip(best, chunk))
        spans = decode(windows, preds, merge_gap)
        for kind in KINDS:
            gold = [alnum(article.text, frags) for k, frags in article.spans if k == kind]
            found = [(b, e) for k, b, e in spans if k == kind]
            if kind == "Content":
                found = [(b, e) for b, e in found if len(article.text[b:e].split()) >= 3]
            pred = [alnum(article.text, [span]) for span in found]
            for i, n in enumerate(score_spans(gold, pred)):
                totals[kind][i] += n
    out = {}
    for kind, (matched, exact, gold, pred) in totals.items():
        out[kind] = {"f1": 100 * f1(matched, gold, pred),
                     "p": 100 * matched / pred if pred else 0.0,
                     "r": 100 * matched / gold if gold else 0.0,
                     "exact_f1": 100 * f1(exact, gold, pred), "gold": gold, "predicted": pred}
    return out


def format_tagger(res: dict) -> str:
    c = res["Content"]
    return (f"Content P {c['p']:.1f} R {c['r']:.1f} F1 {c['f1']:.1f} exact F1 {c['exact_f1']:.1f}; "
            f"Cue F1 {res['Cue']['f1']:.1f}; Source F1 {res['Source']['f1']:.1f}")


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------

def save(model, tagger, base_dir: Path, out: Path) -> None:
    """The NER model as train_ner saves it, plus the tagger head."""
    save_model(model, base_dir, out)
    weights = out / "model.safetensors"
    state = load_file(str(weights))
    state["tagger.weight"] = tagger.weight.detach().half().contiguous()
    state["tagger.bias"] = tagger.bias.detach().half().contiguous()
    save_file(state, str(weights), metadata={"format": "pt"})
    config = json.loads((out / "config.json").read_text())
    config["quote_tagger"] = {"labels": TAG_LABELS}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def load_ner(model_dir: str | Path):
    """The encoder and NER head of a model folder, for fp32 training; a
    tagger head already there (`tagger.*`, as in the shipped two-head
    model) is left out."""
    config = BertConfig.from_pretrained(str(model_dir), attn_implementation="sdpa")
    model = BertForTokenClassification(config)
    state = load_file(str(Path(model_dir) / "model.safetensors"))
    model.load_state_dict({k: v.float() for k, v in state.items() if not k.startswith("tagger.")})
    return model.eval()


def soup(model, init, alpha: float) -> None:
    """Moves `model`'s encoder and NER head back towards `init`'s, in
    weight space: alpha * trained + (1 - alpha) * init (WiSE-FT, Wortsman
    et al. 2022). The NER head keeps more of what it had on CoNLL; the
    tagger head, which `init` lacks, stays as trained."""
    base = init.state_dict()
    with torch.no_grad():
        for name, tensor in model.state_dict().items():
            if name in base and tensor.is_floating_point():
                tensor.copy_(alpha * tensor + (1 - alpha) * base[name].to(tensor.dtype))


def train(args) -> None:
    torch.set_num_threads(args.threads)
    set_seed(args.seed)
    polnear, conll = Path(args.polnear), Path(args.conll)
    base_dir = base_model_dir()
    tokenizer = load_tokenizer(Path(args.init) / "tokenizer.json")

    train_articles = read_polnear(polnear / "train", args.limit)
    dev_articles = read_polnear(polnear / "dev", args.limit)
    conll_train = read_conll(conll / "train.txt")
    conll_dev = read_conll(conll / "dev.txt")
    if args.limit:
        conll_train, conll_dev = conll_train[: args.limit], conll_dev[: args.limit]
    windows = [w for a in train_articles for w in article_windows(tokenizer, a, args.max_len)]
    sentences = [make_example(tokenizer, s, 128, True) for s in conll_train]
    print(f"PolNeAR: {len(train_articles)} train articles ({len(windows)} windows), "
          f"{len(dev_articles)} dev; CoNLL: {len(sentences)} train sentences, {len(conll_dev)} dev", flush=True)

    model = load_ner(args.init).train()
    tagger = torch.nn.Linear(model.config.hidden_size, len(TAG_LABELS))
    params = torch.nn.ModuleDict({"model": model, "tagger": tagger})
    optimizer = make_optimizer(params, args.lr, args.weight_decay)
    rng = random.Random(args.seed)
    steps = args.epochs * (math.ceil(len(windows) / args.batch_size) + math.ceil(len(sentences) / args.batch_size))
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup * steps), steps)
    autocast = (lambda: torch.autocast("cpu", dtype=torch.bfloat16)) if args.bf16 else nullcontext

    def loss_of(task: str, idx: list[int]) -> torch.Tensor:
        if task == "ner":
            batch = collate([sentences[i].ids for i in idx], [sentences[i].casing for i in idx],
                            [sentences[i].labels for i in idx])
            return model(**batch).loss
        batch = collate([windows[i].ids for i in idx], [windows[i].casing for i in idx],
                        [windows[i].labels for i in idx])
        logits = tag_logits(model, tagger, batch)
        return F.cross_entropy(logits.float().view(-1, len(TAG_LABELS)), batch["labels"].view(-1),
                               ignore_index=IGNORE_INDEX)

    dev_windows = {a.name: article_windows(tokenizer, a, args.max_len) for a in dev_articles}

    def dev_report(label: str) -> dict:
        """Both heads on dev, printed under `label`."""
        with autocast():
            tagged = evaluate_tagger(model, tagger, dev_articles, lambda a: dev_windows[a.name], args.merge_gap)
            ner = evaluate_word_level(model, tokenizer, conll_dev, True)
        print(f"== {label} PolNeAR dev: {format_tagger(tagged)}", flush=True)
        print(f"== {label} CoNLL dev F1 {ner['overall']['f1']:.2f} "
              + " ".join(f"{t} {ner[t]['f1']:.2f}" for t in ENTITY_TYPES), flush=True)
        return {"tagger": tagged, "ner": ner}
    t0, history = time.time(), []
    for epoch in range(1, args.epochs + 1):
        model.train()
        tagger.train()
        order = [("tag", b) for b in bucketed_batches([len(w.ids) for w in windows], args.batch_size, rng)]
        order += [("ner", b) for b in bucketed_batches([len(s.ids) for s in sentences], args.batch_size, rng)]
        rng.shuffle(order)
        running = {"tag": [], "ner": []}
        for step, (task, idx) in enumerate(order, 1):
            with autocast():
                loss = loss_of(task, idx)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            running[task].append(loss.item())
            if step % args.log_every == 0:
                mean = {t: sum(v) / len(v) if v else 0.0 for t, v in running.items()}
                print(f"epoch {epoch} step {step}/{len(order)} loss tag {mean['tag']:.4f} ner {mean['ner']:.4f} "
                      f"({(time.time() - t0) / 60:.1f} min)", flush=True)
                running = {"tag": [], "ner": []}
        history.append({"epoch": epoch, **dev_report(f"epoch {epoch}"),
                        "minutes": round((time.time() - t0) / 60, 1)})
        if args.output:
            # Saved after every epoch, so a run cut short still leaves its latest model.
            save(model, tagger, base_dir, Path(args.output))
            print(f"saved epoch {epoch} to {args.output}", flush=True)
    if args.soup < 1.0:
        soup(model, load_ner(args.init), args.soup)
        history.append({"soup": args.soup, **dev_report(f"soup {args.soup}")})
        if args.output:
            save(model, tagger, base_dir, Path(args.output))
            print(f"saved the soup to {args.output}", flush=True)
    if args.metrics_out:
        Path(args.metrics_out).write_text(json.dumps({"args": vars(args), "history": history}, indent=2))


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--init", default="models/ner", help="the NER model to start from")
    ap.add_argument("--polnear", default="../shared/data/polnear", help="PolNeAR, with train/ and dev/")
    ap.add_argument("--conll", default="../shared/data/conll2003", help="CoNLL-2003 train/dev/test.txt")
    ap.add_argument("--output", default="", help="where to save the two-head model ('' to skip)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-len", type=int, default=256, help="most word pieces per paragraph window")
    ap.add_argument("--warmup", type=float, default=0.1, help="warm-up share of all steps")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--merge-gap", type=int, default=4,
                    help="merge same-kind spans fewer than this many characters apart")
    ap.add_argument("--bf16", action="store_true", help="bf16 autocast (CPUs with AVX-512 bf16 or AMX)")
    ap.add_argument("--soup", type=float, default=0.9,
                    help="keep this share of the trained weights, the rest from --init (1: none)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="N articles and sentences per split (smoke test)")
    ap.add_argument("--log-every", type=int, default=50)
    ap.add_argument("--metrics-out", default="", help="write a JSON summary here")
    return ap.parse_args(argv)


if __name__ == "__main__":
    train(parse_args())
