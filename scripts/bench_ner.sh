#!/usr/bin/env bash
# Benchmarks the named-entity stage: word pieces per second of the Rust
# pipeline versus PyTorch on the same weights and the same sentences (the
# PolNeAR dev articles, split by quotelink), both on the same number of
# threads, in one run; then the machine's fp32 matmul peak and the share of
# it the Rust stage reaches.
#
# Each side runs ROUNDS times, alternating, and its best round counts, so
# that a busy machine penalises both alike.
#
# Usage: scripts/bench_ner.sh [THREADS=2] [TEXT_DIR=../shared/data/polnear/dev/text] [ROUNDS=3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
threads=${1:-2}
texts=${2:-../shared/data/polnear/dev/text}
rounds=${3:-3}
model="$root/models/ner"
.venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements-train.txt
cargo build --release --quiet --example bench_ner
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for _ in $(seq "$rounds"); do
    target/release/examples/bench_ner "$model" "$texts" "$work/sentences.txt" "$threads" | tee -a "$work/rust.json"
    .venv/bin/python scripts/bench_ner.py --sentences "$work/sentences.txt" --model "$model" \
        --threads "$threads" --batch-size 32 | tail -n 1 | tee -a "$work/python.json"
    .venv/bin/python scripts/bench_ner.py --sentences "$work/sentences.txt" --model "$model" \
        --threads "$threads" --batch-size 32 --attention eager | tail -n 1 | tee -a "$work/eager.json"
done
.venv/bin/python scripts/bench_ner.py --matmul-peak --threads "$threads" | tee "$work/peak.json"

.venv/bin/python - "$work" "$model" <<'PY'
import json, sys, pathlib
work, model = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
runs = lambda name: [json.loads(line) for line in (work / name).read_text().splitlines() if line.startswith("{")]
best = lambda name: max(runs(name), key=lambda r: r.get("pieces_per_s", 0))
rust, py, eager = best("rust.json"), best("python.json"), best("eager.json")
peak = runs("peak.json")[-1]
cfg = json.loads((model / "config.json").read_text())
d, ff, layers = cfg["hidden_size"], cfg["intermediate_size"], cfg["num_hidden_layers"]
# Multiply-adds per piece and layer: Q, K, V and output projections (4 d^2),
# the feed-forward pair (2 d ff); attention scores and mixing add 2 d n for
# a sentence of n pieces, taken at the mean sentence length.
mean_len = rust["word_pieces"] / rust["sentences"]
flops_per_piece = 2 * layers * (4 * d * d + 2 * d * ff + 2 * d * mean_len)
gflops = rust["pieces_per_s"] * flops_per_piece / 1e9
print(f"best of {len(runs('rust.json'))} alternating rounds each")
print(f"Rust    {rust['pieces_per_s']:10.0f} word pieces/s ({rust['word_pieces']} pieces, {rust['sentences']} sentences, model load {rust['model_load_s']:.2f} s)")
print(f"PyTorch {py['pieces_per_s']:10.0f} word pieces/s (transformers' default fused attention, SDPA)")
print(f"PyTorch {eager['pieces_per_s']:10.0f} word pieces/s (eager attention, the algorithm rust-bert runs)")
print(f"ratio Rust / PyTorch: {rust['pieces_per_s'] / py['pieces_per_s']:.2f} (vs eager: {rust['pieces_per_s'] / eager['pieces_per_s']:.2f})")
print(f"fp32 matmul peak: {peak['matmul_gflops']:.1f} GFLOP/s; Rust NER reaches {gflops:.1f} GFLOP/s "
      f"= {100 * gflops / peak['matmul_gflops']:.0f}% of it ({flops_per_piece / 1e6:.1f} MFLOP per piece)")
PY
