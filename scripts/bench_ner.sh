#!/usr/bin/env bash
# Benchmarks the named-entity stage: word pieces per second of the Rust
# forward pass in fp32 and in int8 versus PyTorch (fp32, transformers' fused
# attention) on the same weights and the same sentences (the PolNeAR dev
# articles, split by quotelink), all on the same number of threads, in one
# run; then the machine's fp32 matmul peak (sgemm) and int8 matmul peak, and
# the share of the matching peak each Rust precision reaches. Prints the
# CPU's vector flags and the load average, since other jobs slow all sides.
#
# Each side runs ROUNDS times, alternating, and its best round counts, so
# that a busy machine penalises all alike.
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

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$rounds"); do
    for precision in fp32 int8; do
        target/release/examples/bench_ner "$model" "$texts" "$work/sentences.txt" "$threads" "$precision" \
            2>/dev/null | tee -a "$work/rust-$precision.json"
    done
    .venv/bin/python scripts/bench_ner.py --sentences "$work/sentences.txt" --model "$model" \
        --threads "$threads" --batch-size 32 | tail -n 1 | tee -a "$work/python.json"
done
.venv/bin/python scripts/bench_ner.py --matmul-peak --threads "$threads" 2>/dev/null | tee "$work/peak.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

.venv/bin/python - "$work" "$model" <<'PY'
import json, sys, pathlib
work, model = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
runs = lambda name: [json.loads(line) for line in (work / name).read_text().splitlines() if line.startswith("{")]
best = lambda name: max(runs(name), key=lambda r: r.get("pieces_per_s", 0))
fp32, int8, py = best("rust-fp32.json"), best("rust-int8.json"), best("python.json")
peak = runs("peak.json")[-1]
wanted = ["avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_int8"]
flags = next((l.split(":", 1)[1].split() for l in open("/proc/cpuinfo") if l.startswith("flags")), [])
model_name = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
cfg = json.loads((model / "config.json").read_text())
d, ff, layers = cfg["hidden_size"], cfg["intermediate_size"], cfg["num_hidden_layers"]
# Operations (2 per multiply-add) per piece: the linear layers, Q, K, V and
# output projections (4 d^2) and the feed-forward pair (2 d ff); attention
# scores and mixing add 2 d n for a sentence of n pieces, taken at the mean
# sentence length. In int8 only the linear layers are int8.
mean_len = fp32["word_pieces"] / fp32["sentences"]
linear = 2 * layers * (4 * d * d + 2 * d * ff)
attention = 2 * layers * 2 * d * mean_len
print(f"CPU: {model_name}; flags: {' '.join(f for f in wanted if f in flags)}")
print(f"best of {len(runs('rust-fp32.json'))} alternating rounds each")
for r in (fp32, int8):
    print(f"Rust {r['precision']} {r['pieces_per_s']:10.0f} word pieces/s ({r['word_pieces']} pieces, {r['sentences']} sentences, model load {r['model_load_s']:.2f} s)")
print(f"PyTorch fp32 {py['pieces_per_s']:7.0f} word pieces/s (transformers' fused attention, SDPA)")
print(f"ratios: int8 / fp32 {int8['pieces_per_s'] / fp32['pieces_per_s']:.2f}; Rust fp32 / PyTorch {fp32['pieces_per_s'] / py['pieces_per_s']:.2f}; Rust int8 / PyTorch {int8['pieces_per_s'] / py['pieces_per_s']:.2f}")
gflops = fp32["pieces_per_s"] * (linear + attention) / 1e9
print(f"fp32: sgemm peak {peak['matmul_gflops']:.1f} GFLOP/s; Rust fp32 reaches {gflops:.1f} = {100 * gflops / peak['matmul_gflops']:.0f}% of it ({(linear + attention) / 1e6:.1f} MFLOP per piece)")
gops = int8["pieces_per_s"] * linear / 1e9
print(f"int8: int8 gemm peak {peak['int8_gops']:.1f} GOP/s; Rust int8 runs its linear layers at {gops:.1f} GOP/s = {100 * gops / peak['int8_gops']:.0f}% of it ({linear / 1e6:.1f} MOP per piece in int8, the rest fp32)")
PY
