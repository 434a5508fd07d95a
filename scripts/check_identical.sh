#!/usr/bin/env bash
# Checks that the current build's output is byte-identical to reference outputs.
#
#   scripts/check_identical.sh --save REF_DIR [--no-ner-only]   # write the references
#   scripts/check_identical.sh REF_DIR [--no-ner-only]          # regenerate and cmp
#
# Inputs: PolNeAR train and dev texts ($QUOTELINK_DATA, default ../shared/data) and data/samples,
# each with the model and with --no-ner. --no-ner-only skips the model runs (seconds, not minutes),
# which is enough for changes to the rule stage. QUOTELINK_BIN overrides target/release/quotelink.
set -euo pipefail
cd "$(dirname "$0")/.."

save=0
if [[ "${1:-}" == "--save" ]]; then save=1; shift; fi
ref=${1:?usage: scripts/check_identical.sh [--save] REF_DIR [--no-ner-only]}
only_rules=0
if [[ "${2:-}" == "--no-ner-only" ]]; then only_rules=1; fi

data=${QUOTELINK_DATA:-../shared/data}
if [[ ! -d "$data/polnear" && -d /work/shared/data/polnear ]]; then data=/work/shared/data; fi
bin=${QUOTELINK_BIN:-target/release/quotelink}
[[ -x "$bin" ]] || { echo "build first: cargo build --release" >&2; exit 2; }

declare -A inputs=([train]="$data/polnear/train/text" [dev]="$data/polnear/dev/text" [samples]="data/samples")
modes=(no-ner)
[[ $only_rules == 1 ]] || modes+=(ner)

mkdir -p "$ref"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
for name in train dev samples; do
  for mode in "${modes[@]}"; do
    file="$name.$mode.jsonl"
    flags=()
    [[ $mode == no-ner ]] && flags+=(--no-ner)
    target="$out/$file"
    [[ $save == 1 ]] && target="$ref/$file"
    # exit code 1 means some documents got error records; those records are compared too
    rc=0
    "$bin" "${flags[@]}" "${inputs[$name]}" -o "$target" || rc=$?
    if [[ $rc -gt 1 ]]; then echo "quotelink failed ($rc) on $name $mode" >&2; exit 2; fi
    if [[ $save == 1 ]]; then
      echo "saved $ref/$file ($(wc -l <"$target") documents)"
    elif cmp -s "$ref/$file" "$target"; then
      echo "identical  $file"
    else
      echo "DIFFERENT  $file"
      cmp "$ref/$file" "$target" || true
      failed=1
    fi
  done
done
exit $failed
