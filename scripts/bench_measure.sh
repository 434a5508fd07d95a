# Sourced by the table benchmarks (bench_tables.sh, bench_clusters.sh):
# checks the binary and /usr/bin/time, makes $work (removed on exit), and
# defines `measure LABEL COMMAND...`, which prints the command's wall time,
# CPU time (user + system: the machine may be busy) and peak RSS, and
# `describe_cpu`, which prints the CPU, its cores and flags, and the load.
bin="$root/target/release/quotelink"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # LABEL COMMAND...
    local label="$1"; shift
    /usr/bin/time -v "$@" 2> "$work/time" >/dev/null || true
    local wall cpu rss
    wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
    cpu=$(grep -E '(User|System) time' "$work/time" | awk '{s += $NF} END {printf "%.1f s", s}')
    rss=$(grep 'Maximum resident' "$work/time" | awk '{print $NF}')
    printf '%-48s %10s %9s %8d MB\n' "$label" "$wall" "$cpu" $((rss / 1024))
}

describe_cpu() {
    echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
    echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|avx512f|avx512bw|avx512vl|avx512_vnni|avx512_bf16)$' | xargs)"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%-48s %10s %9s %11s\n' command wall 'user+sys' 'peak RSS'
}
