# Sourced by the corpus benchmarks (bench_corpus.sh, bench_gpu.sh): sets
# quotelink up, then reads their arguments [ROUNDS=3] [TEXT_DIR=../shared/
# data/polnear/dev/text] into $rounds and $texts (made absolute).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
rounds=${1:-3}
texts=${2:-../shared/data/polnear/dev/text}
[ -d "$texts" ] || { echo "bench: no folder $texts (give TEXT_DIR)" >&2; exit 2; }
texts=$(readlink -f "$texts")
