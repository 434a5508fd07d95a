#!/usr/bin/env bash
# Benchmarks start-up: the whole process on one tiny document, with the
# model and with --no-ner, wall time and peak RSS under /usr/bin/time -v,
# ROUNDS alternating rounds; with BASELINE, that binary too, in the same
# rounds (e.g. a build from before a change). Also lists the CUDA
# libraries each binary's loader pulls in (ldd).
#
# Usage: scripts/bench_startup.sh [BASELINE_BINARY] [ROUNDS=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
baseline=${1:-}
rounds=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '"We will rebuild the bridge," Mayor Ana Ruiz said on Monday.\n' >"$work/tiny.txt"

names=() cmds=()
add() { # add NAME BINARY
    names+=(--name "$1 model" --name "$1 no-ner")
    cmds+=("'$2' '$work/tiny.txt' -o '$work/$1.jsonl'" "'$2' --no-ner '$work/tiny.txt' -o /dev/null")
    echo "$1: $2; CUDA libraries from ldd: $(ldd "$2" | grep -oE 'lib(torch_cuda|c10_cuda|cu[a-z]+|nv[a-z]+)[^ ]*' | sort -u | tr '\n' ' ')"
}
add new "$root/target/release/quotelink"
[ -z "$baseline" ] || add old "$(readlink -f "$baseline")"
args=()
for i in "${!cmds[@]}"; do
    args+=("${names[2 * i]}" "${names[2 * i + 1]}" --cmd "${cmds[i]}")
done
python3 scripts/bench_alternate.py --rounds "$rounds" "${args[@]}"
grep -q '"speaker_name":"Ana Ruiz"' "$work/new.jsonl" || { echo "bench: the tiny document lost its speaker" >&2; exit 1; }
