#!/usr/bin/env bash
# Benchmarks quotelink on a CUDA GPU over a corpus (default: the 84
# PolNeAR dev articles): whole runs with `--device cuda`, `--device cpu`
# and `--no-ner` (the part that is not the model), alternating, ROUNDS
# rounds, each under /usr/bin/time -v; then articles/s and word pieces/s
# (the sentences of quotelink's own output, tokenised as the model sees
# them, [CLS] and [SEP] included), whole run and model stage alone
# (cuda run minus the --no-ner run), and what nvidia-smi saw during one
# more cuda run: GPU, memory used, utilisation, power, SM clock.
#
# Needs a machine with an NVIDIA GPU and driver (nvidia-smi); exits 2
# without one. The PyPI torch in .venv brings the CUDA libraries.
#
# Usage: scripts/bench_gpu.sh [ROUNDS=3] [TEXT_DIR=../shared/data/polnear/dev/text]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/bench_common.sh"
bin="$root/target/release/quotelink"

if ! command -v nvidia-smi >/dev/null || ! nvidia-smi -L >/dev/null 2>&1; then
    echo "bench: no NVIDIA GPU or driver here (nvidia-smi); nothing to benchmark" >&2
    exit 2
fi
# The tokenizer that counts word pieces, as the benchmark scripts pin it.
.venv/bin/python -c 'import tokenizers' 2>/dev/null ||
    .venv/bin/python -m pip install --quiet --disable-pip-version-check tokenizers==0.19.1 1>&2
work=$(mktemp -d)
trap 'kill "${smi:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv
echo "texts: $texts ($(find "$texts" -name '*.txt' | wc -l) files)"
# Fails here, before any timing, if the build cannot reach the device.
"$bin" --device cuda "$texts" -o "$work/cuda.jsonl"

python3 scripts/bench_alternate.py --rounds "$rounds" \
    --name cuda --cmd "'$bin' --device cuda '$texts' -o '$work/cuda.jsonl'" \
    --name cpu --cmd "'$bin' --device cpu '$texts' -o '$work/cpu.jsonl'" \
    --name no-ner --cmd "'$bin' --no-ner '$texts' -o /dev/null" | tee "$work/runs.txt"

nvidia-smi --query-gpu=utilization.gpu,memory.used,power.draw,clocks.sm \
    --format=csv,noheader,nounits -lms 100 >"$work/smi.csv" &
smi=$!
"$bin" --device cuda "$texts" -o "$work/cuda.jsonl"
kill "$smi"
wait "$smi" 2>/dev/null || true

.venv/bin/python - "$work" "$root/models/ner/tokenizer.json" <<'PY'
import json, pathlib, re, statistics, sys
from tokenizers import Tokenizer

work, tokenizer = pathlib.Path(sys.argv[1]), Tokenizer.from_file(sys.argv[2])
docs = [json.loads(line) for line in (work / "cuda.jsonl").read_text().splitlines()]
failed = [d["id"] for d in docs if "error" in d]
pieces = sentences = 0
for doc in docs:
    chars = None
    for s in doc.get("sentences", []):
        if chars is None:
            chars = pathlib.Path(doc["id"]).read_text(encoding="utf-8")
        pieces += len(tokenizer.encode(chars[s["start"]:s["end"]], add_special_tokens=False).ids) + 2
        sentences += 1
medians = {m.group(1): float(m.group(2)) for m in
           re.finditer(r"^\s+(\S+): +([\d.]+) s", (work / "runs.txt").read_text(), re.M)}
cuda, cpu, rest = medians["cuda"], medians["cpu"], medians["no-ner"]
print(f"\n{len(docs)} articles ({len(failed)} failed), {sentences} sentences, {pieces} word pieces")
print(f"cuda, whole run: {len(docs) / cuda:7.1f} articles/s {pieces / cuda:10.0f} word pieces/s ({cuda:.2f} s)")
print(f"cpu,  whole run: {len(docs) / cpu:7.1f} articles/s {pieces / cpu:10.0f} word pieces/s ({cpu:.2f} s)")
if cuda > rest:
    print(f"cuda, model stage (cuda - no-ner = {cuda - rest:.2f} s): {pieces / (cuda - rest):10.0f} word pieces/s")
rows = [[float(x) for x in line.split(",")] for line in (work / "smi.csv").read_text().splitlines()
        if line.strip() and "[" not in line]
if rows:
    util, mem, power, clock = zip(*rows)
    busy = [u for u in util if u > 0] or [0]
    print(f"nvidia-smi, one cuda run ({len(rows)} samples, 100 ms): utilisation mean {statistics.mean(util):.0f}% "
          f"(while busy {statistics.mean(busy):.0f}%), max {max(util):.0f}%; memory used max {max(mem):.0f} MiB; "
          f"power max {max(power):.0f} W; SM clock max {max(clock):.0f} MHz")
PY
