#!/usr/bin/env bash
# Peak memory against corpus size: does a run keep anything per document?
#
#   scripts/bench_memory.sh [SMALL=1000] [LARGE=100000] [MODEL_SMALL=1000] [MODEL_LARGE=10000]
#
# Generates JSON Lines corpora of short news documents (one to three
# paragraphs drawn from PolNeAR train in $SHARED_DATA, default
# ../shared/data, or from data/samples when it is absent; a fixed seed), runs quotelink on the SMALL and
# LARGE corpora with --no-ner, then MODEL_SMALL and MODEL_LARGE with the
# model, alternating the sides for ROUNDS rounds (default 1), and prints
# the peak RSS and time of each and the large/small ratio of peak RSS
# (flat memory: within 1.10). Then one 10 MB document (--no-ner; with the
# model too when MODEL_10MB=1). THREADS (default 2) is passed to --threads;
# QUOTELINK (default target/release/quotelink) is the binary measured.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"
small=${1:-1000} large=${2:-100000} model_small=${3:-1000} model_large=${4:-10000}
rounds=${ROUNDS:-1} threads=${THREADS:-2} binary=${QUOTELINK:-target/release/quotelink}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source_dir=${SHARED_DATA:-../shared/data}/polnear/train/text
[ -d "$source_dir" ] || source_dir=data/samples
python3 - "$work" "$source_dir" "$small" "$large" "$model_small" "$model_large" <<'PY'
import glob, json, random, sys
work, source, *sizes = sys.argv[1:]
paragraphs = []
for path in sorted(glob.glob(f"{source}/*.txt")):
    text = open(path, encoding="utf-8", errors="replace").read()
    paragraphs += [p for p in text.split("\n\n") if p.strip() and "\x1b" not in p]
rng = random.Random(14)
for n in sorted(set(map(int, sizes))):
    with open(f"{work}/docs-{n}.jsonl", "w", encoding="utf-8") as out:
        for i in range(n):
            text = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(1, 3)))
            out.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")
# One 10 MB document: paragraphs until 10,000,000 bytes.
parts, size = [], 0
while size < 9_999_000:
    p = rng.choice(paragraphs)
    parts.append(p)
    size += len(p.encode("utf-8")) + 2
text = "\n\n".join(parts).encode("utf-8")[:10_000_000].decode("utf-8", "ignore")
with open(f"{work}/10mb.jsonl", "w", encoding="utf-8") as out:
    out.write(json.dumps({"id": "10mb", "text": text}) + "\n")
print(f"bench_memory: {len(paragraphs)} source paragraphs from {source}", file=sys.stderr)
PY

flags=$(grep -o -w -E 'avx2|avx512f|avx512bw|avx512_vnni|avx512_bf16|amx_tile' /proc/cpuinfo | sort -u | tr '\n' ' ')
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; flags: $flags; --threads $threads"

# Runs quotelink on a corpus; prints "PEAK_KB SECONDS".
measure() {
    local corpus=$1; shift
    /usr/bin/time -f "%M %e" -o "$work/time" "$binary" --threads "$threads" \
        --max-bytes 20000000 "$@" --jsonl "$corpus" -o "$work/out.jsonl"
    cat "$work/time"
}

compare() {
    local label=$1 a=$2 b=$3; shift 3
    local peak_a=() peak_b=()
    for ((r = 1; r <= rounds; r++)); do
        read -r kb_a s_a < <(measure "$work/docs-$a.jsonl" "$@")
        read -r kb_b s_b < <(measure "$work/docs-$b.jsonl" "$@")
        printf '%-9s round %d: %7d docs %6.0f MiB %7.1f s | %7d docs %6.0f MiB %7.1f s | peak ratio %.3f\n' \
            "$label" "$r" "$a" "$((kb_a / 1024))" "$s_a" "$b" "$((kb_b / 1024))" "$s_b" \
            "$(echo "$kb_b / $kb_a" | bc -l)"
    done
}

compare "--no-ner" "$small" "$large" --no-ner
compare "model" "$model_small" "$model_large"
read -r kb s < <(measure "$work/10mb.jsonl" --no-ner)
printf '%-9s one 10 MB document: %6.0f MiB %7.1f s\n' "--no-ner" "$((kb / 1024))" "$s"
if [ "${MODEL_10MB:-0}" = 1 ]; then
    read -r kb s < <(measure "$work/10mb.jsonl")
    printf '%-9s one 10 MB document: %6.0f MiB %7.1f s\n' "model" "$((kb / 1024))" "$s"
fi
