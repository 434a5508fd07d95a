#!/usr/bin/env bash
# Sets quotelink up if needed, then runs it: `scripts/run.sh data/samples`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
exec "$root/target/release/quotelink" "$@"
