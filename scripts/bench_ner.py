#!/usr/bin/env python3
"""Benchmark NER inference throughput in PyTorch (the reference for the Rust side).

Default mode: read ``--sentences`` (one sentence per line, UTF-8), and inside
the timed region tokenise them, compute casing classes, sort by piece length,
and run the model (fp32, ``torch.inference_mode``) in batches of
``--batch-size`` with dynamic padding. Prints one JSON line::

    {"impl": "pytorch", "sentences": N, "word_pieces": W, "seconds": S, "pieces_per_s": W/S, ...}

``word_pieces`` counts non-padding pieces including [CLS]/[SEP]. Texts longer
than ``--max-pieces`` are truncated (keeping [SEP]).

``--matmul-peak`` mode: best-of fp32 square matmul throughput (sgemm) and
int8 matmul throughput (the better of ``torch._int_mm`` and fbgemm's int8
linear, the kernel quotelink's int8 precision runs) with torch on
``--threads`` threads; prints ``{"matmul_gflops": ..., "int8_gops": ...}``.

Usage (from the repo root)::

    .venv/bin/python scripts/bench_ner.py --sentences FILE --model models/ner --threads 2 --batch-size 32
    .venv/bin/python scripts/bench_ner.py --matmul-peak --threads 2
"""

from __future__ import annotations

import argparse
import json
import os
import time


def parse_args():
    ap = argparse.ArgumentParser(description="NER inference / matmul benchmark (PyTorch, CPU).",
                                 formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--sentences", help="UTF-8 file, one sentence per line")
    ap.add_argument("--model", default="models/ner")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--max-pieces", type=int, default=512)
    ap.add_argument("--attention", choices=("sdpa", "eager"), default="sdpa",
                    help="transformers' attention implementation (eager is what rust-bert does)")
    ap.add_argument("--warmup-batches", type=int, default=2, help="untimed batches run first")
    ap.add_argument("--matmul-peak", action="store_true", help="measure fp32 matmul GFLOP/s instead")
    args = ap.parse_args()
    if not args.matmul_peak and not args.sentences:
        ap.error("--sentences is required unless --matmul-peak is given")
    return args


def matmul_peak(sizes=(1024, 1536, 2048), reps: int = 5) -> float:
    """Best fp32 GFLOP/s of square matmuls over the given sizes."""
    import torch

    best = 0.0
    gen = torch.Generator().manual_seed(0)
    for n in sizes:
        a = torch.randn(n, n, generator=gen)
        b = torch.randn(n, n, generator=gen)
        c = torch.empty(n, n)
        torch.matmul(a, b, out=c)  # warm-up
        for _ in range(reps):
            t0 = time.perf_counter()
            torch.matmul(a, b, out=c)
            dt = time.perf_counter() - t0
            best = max(best, 2 * n**3 / dt / 1e9)
    return best


def int8_peak(sizes=(1024, 1536, 2048), reps: int = 5) -> float:
    """Best int8 GOP/s (2 per multiply-add) of square int8 matmuls over the given sizes."""
    import warnings

    import torch

    best = 0.0
    gen = torch.Generator().manual_seed(0)
    for n in sizes:
        a = torch.randint(-127, 128, (n, n), dtype=torch.int8, generator=gen)
        b = torch.randint(-127, 128, (n, n), dtype=torch.int8, generator=gen)
        x, w, bias = torch.randn(n, n, generator=gen), torch.randn(n, n, generator=gen), torch.zeros(n)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wq, col, scale, zero = torch.fbgemm_linear_quantize_weight(w)
            packed = torch.fbgemm_pack_quantized_matrix(wq)
            kernels = [lambda: torch._int_mm(a, b),
                       lambda: torch.fbgemm_linear_int8_weight_fp32_activation(x, wq, packed, col, scale, zero, bias)]
            for kernel in kernels:
                kernel()  # warm-up
                for _ in range(reps):
                    t0 = time.perf_counter()
                    kernel()
                    dt = time.perf_counter() - t0
                    best = max(best, 2 * n**3 / dt / 1e9)
    return best


def truncate(ids: list[int], casing: list[int], max_pieces: int) -> tuple[list[int], list[int]]:
    if len(ids) <= max_pieces:
        return ids, casing
    return ids[: max_pieces - 1] + ids[-1:], casing[: max_pieces - 1] + [0]


def run_batches(model, tokenizer, lines: list[str], batch_size: int, max_pieces: int) -> int:
    """Tokenise, sort by length, and run every batch; returns the number of word pieces."""
    from train_ner import collate, encode_text

    encoded = []
    for line in lines:
        enc = encode_text(tokenizer, line)
        encoded.append(truncate(enc.ids, enc.casing, max_pieces))
    encoded.sort(key=lambda e: len(e[0]))
    pieces = 0
    for k in range(0, len(encoded), batch_size):
        chunk = encoded[k : k + batch_size]
        batch = collate([ids for ids, _ in chunk], [cas for _, cas in chunk])
        model(**batch).logits.argmax(-1)
        pieces += sum(len(ids) for ids, _ in chunk)
    return pieces


def bench(args) -> dict:
    import torch
    from pathlib import Path

    from train_ner import load_model, load_tokenizer

    model = load_model(args.model, args.attention)
    tokenizer = load_tokenizer(Path(args.model) / "tokenizer.json")
    with open(args.sentences, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    with torch.inference_mode():
        if args.warmup_batches:
            run_batches(model, tokenizer, lines[: args.warmup_batches * args.batch_size], args.batch_size,
                        args.max_pieces)
        t0 = time.perf_counter()
        pieces = run_batches(model, tokenizer, lines, args.batch_size, args.max_pieces)
        seconds = time.perf_counter() - t0
    return {"impl": f"pytorch-{args.attention}", "sentences": len(lines), "word_pieces": pieces, "seconds": round(seconds, 3),
            "pieces_per_s": round(pieces / seconds, 1), "threads": args.threads, "batch_size": args.batch_size,
            "torch": torch.__version__}


def main() -> None:
    args = parse_args()
    # Cap every thread pool (tokenizers' rayon pool, OpenMP/MKL) before they start.
    for var in ("RAYON_NUM_THREADS", "RAYON_RS_NUM_CPUS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    import torch

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    if args.matmul_peak:
        print(json.dumps({"matmul_gflops": round(matmul_peak(), 1), "int8_gops": round(int8_peak(), 1),
                          "threads": args.threads}))
    else:
        print(json.dumps(bench(args)))


if __name__ == "__main__":
    main()
