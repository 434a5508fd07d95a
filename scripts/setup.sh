#!/usr/bin/env bash
# Sets up quotelink on a fresh machine and builds it; a second run skips
# what is done. Source it (`. scripts/setup.sh`) to keep its environment.
#
# Steps, each announced on standard error with its rough cost and then its
# measured time:
#   1. PyTorch 2.4.0 from PyPI into .venv/ (first run only: about 2.5 GB of
#      wheels, 5 GB installed; libtorch for the model), with pip's progress.
#   2. .venv/libtorch-cpu/: a "CPU view" of that libtorch (symlinks to its
#      headers and to every library except the CUDA ones). torch-sys builds
#      against it (LIBTORCH in .cargo/config.toml), so the binary does not
#      link libtorch_cuda and a CPU run never loads the CUDA libraries;
#      `--device cuda` loads them at run time (src/ner/cuda.rs).
#   3. The release build (first run about 5 minutes on 2 cores and 2 GB in
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

# The CPU view of the wheel's libtorch. PyPI wheels use the pre-C++11 ABI,
# which .cargo/config.toml states (LIBTORCH_CXX11_ABI=0); check it here.
view=.venv/libtorch-cpu
torch_dir=$(readlink -f "$(_setup_torch | cut -d" " -f2-)")
if [ ! -e "$view/lib/libtorch_cpu.so" ] || [ "$(readlink -f "$view/lib/libtorch_cpu.so")" != "$(readlink -f "$torch_dir/lib/libtorch_cpu.so")" ]; then
    start=$SECONDS
    _setup_say "linking $view: the wheel's libtorch without its CUDA libraries (seconds)"
    abi=$(.venv/bin/python -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))' 2>/dev/null)
    if [ "$abi" != 0 ]; then
        _setup_say "torch in .venv uses C++11 ABI $abi; .cargo/config.toml says LIBTORCH_CXX11_ABI=0"
        exit 2
    fi
    # Built aside and moved into place, so a concurrent build never sees half a view.
    tmp=$(mktemp -d "$root/.venv/libtorch-cpu.XXXXXX")
    mkdir "$tmp/lib"
    ln -s "$torch_dir/include" "$tmp/include"
    for lib in "$torch_dir"/lib/*; do
        case "${lib##*/}" in
            *cuda* | *nvrtc* | *cusparse*) ;;
            *) ln -s "$lib" "$tmp/lib/" ;;
        esac
    done
    # torch-sys checks this against the version tch expects.
    _setup_torch | cut -d' ' -f1 >"$tmp/build-version"
    chmod 755 "$tmp"
    rm -rf "$view"
    mv "$tmp" "$view"
    _setup_done "libtorch CPU view" "$start"
fi

# Only the view: torch-sys takes LIBTORCH_USE_PYTORCH over LIBTORCH, and
# its Python route links the CUDA libraries.
unset LIBTORCH_USE_PYTORCH
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

start=$SECONDS
_setup_say "building quotelink (cargo build --release: about 5 min on 2 cores the first time, seconds after)"
if [ -t 2 ]; then
    cargo build --release
else
    cargo build --release --quiet
fi
_setup_done "build" "$start"
unset start view torch_dir abi tmp lib
