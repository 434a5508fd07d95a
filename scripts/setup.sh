#!/usr/bin/env bash
# Sets up quotelink on a fresh machine and builds it; a second run skips
# what is done. Source it (`. scripts/setup.sh`) to keep its environment.
#
# Downloads: PyTorch 2.4.0 from PyPI into .venv/ (about 2.5 GB of wheels,
# 5 GB installed; libtorch for the model) and the Rust crates (about
# 300 MB in ~/.cargo). The release build takes about 5 minutes on 2 cores
# and 2 GB in target/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v cargo >/dev/null || { echo "setup: needs a Rust toolchain (https://rustup.rs)" >&2; exit 2; }
python=${PYTHON:-python3}

if ! .venv/bin/python -c 'import torch, sys; sys.exit(torch.__version__.split("+")[0] != "2.4.0")' 2>/dev/null; then
    echo "setup: installing torch==2.4.0 into .venv (first run only)" >&2
    [ -x .venv/bin/python ] || "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check torch==2.4.0
fi

# torch-sys finds libtorch through the virtualenv's python.
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
export LIBTORCH_USE_PYTORCH=1

cargo build --release --quiet
