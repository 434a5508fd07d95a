#!/usr/bin/env bash
# Sets up quotelink on a fresh machine and builds it; a second run skips
# what is done. Source it (`. scripts/setup.sh`) to keep its environment.
#
# Steps, each announced on standard error with its rough cost and then its
# measured time:
#   1. PyTorch 2.4.0 from PyPI into .venv/ (first run only: about 2.5 GB of
#      wheels, 5 GB installed; libtorch for the model), with pip's progress.
#   2. The release build (first run about 5 minutes on 2 cores and 2 GB in
#      target/, plus about 300 MB of crates in ~/.cargo), with cargo's own
#      progress when standard error is a terminal.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v cargo >/dev/null || { echo "setup: needs a Rust toolchain (https://rustup.rs)" >&2; exit 2; }
python=${PYTHON:-python3}

# `_setup_say MESSAGE` prints one line; `_setup_done STEP START` its time.
_setup_say() { echo "setup: $*" >&2; }
_setup_done() { _setup_say "$1 done in $((SECONDS - $2)) s"; }

# The installed torch's version and folder, without importing it (seconds).
_setup_torch() {
    .venv/bin/python -c 'import importlib.metadata as m, importlib.util as u, os
print(m.version("torch").split("+")[0], os.path.dirname(u.find_spec("torch").origin))' 2>/dev/null
}

if [ "$(_setup_torch | cut -d' ' -f1)" != 2.4.0 ]; then
    start=$SECONDS
    _setup_say "installing torch==2.4.0 into .venv from PyPI (first run only; about 2.5 GB" \
        "to download and 5 GB on disk: a few minutes on a fast link)"
    [ -x .venv/bin/python ] || "$python" -m venv .venv
    # pip's own progress, on standard error: standard output may be data
    # (`scripts/run.sh ... > out.jsonl`).
    .venv/bin/python -m pip install --disable-pip-version-check torch==2.4.0 1>&2
    _setup_done "torch install" "$start"
fi

# torch-sys finds libtorch through the virtualenv's python.
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
export LIBTORCH_USE_PYTORCH=1

start=$SECONDS
_setup_say "building quotelink (cargo build --release: about 5 min on 2 cores the first time, seconds after)"
if [ -t 2 ]; then
    cargo build --release
else
    cargo build --release --quiet
fi
_setup_done "build" "$start"
unset start
