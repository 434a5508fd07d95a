#!/usr/bin/env python3
"""Runs named commands alternately, several rounds, and compares them.

Each run goes through ``/usr/bin/time -v``: its wall time, its CPU time
(user + system, all threads and children; steadier than wall time on a
busy machine) and its peak resident set (``Maximum resident set size``:
the largest single process of the run). A sampler also adds up the
resident sets of the command's whole process tree every 20 ms, so a
multi-process run reports its total too. Prints one line per run, then
per command the median wall and CPU times and the peak RSS, the ratio of
each median wall time to the first command's, and the machine's CPU
(model, cores, vector flags).

Usage::

    bench_alternate.py --rounds 3 --name A --cmd "SHELL LINE" --name B --cmd "SHELL LINE"

A nonzero exit status aborts the benchmark.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def cpu_line() -> str:
    model, flags = "?", set()
    with open("/proc/cpuinfo") as f:
        for line in f:
            key, _, value = line.partition(":")
            key = key.strip()
            if key == "model name":
                model = value.strip()
            elif key == "flags":
                flags = set(value.split())
    wanted = ["avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "amx_int8", "amx_bf16"]
    shown = " ".join(f for f in wanted if f in flags)
    return f"{model}; {os.cpu_count()} cores; flags: {shown}"


def tree_rss_kib(root: int) -> int:
    """The summed VmRSS of `root` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                status = f.read()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", status, re.M)
        vm = re.search(r"^VmRSS:\s+(\d+)", status, re.M)
        pid = int(entry)
        if ppid:
            children.setdefault(int(ppid.group(1)), []).append(pid)
        rss[pid] = int(vm.group(1)) if vm else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run(cmd: str) -> dict:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", report.name, "bash", "-c", cmd])
        peak_tree = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not done.is_set():
                peak_tree = max(peak_tree, tree_rss_kib(proc.pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        code = proc.wait()
        done.set()
        sampler.join()
        text = report.read()
    if code != 0:
        sys.exit(f"bench: `{cmd}` exited with {code}\n{text}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    hours, minutes, seconds = (float(g) if g else 0.0 for g in wall.groups())
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", text).group(1)) for kind in ("User", "System"))
    return {"wall": hours * 3600 + minutes * 60 + seconds, "cpu": cpu, "peak_kib": peak, "tree_kib": peak_tree}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--name", action="append", required=True)
    ap.add_argument("--cmd", action="append", required=True)
    args = ap.parse_args()
    if len(args.name) != len(args.cmd):
        ap.error("one --cmd per --name")

    results: dict[str, list[dict]] = {name: [] for name in args.name}
    for round_ in range(1, args.rounds + 1):
        for name, cmd in zip(args.name, args.cmd):
            r = run(cmd)
            results[name].append(r)
            print(f"round {round_} {name:>12}: {r['wall']:7.2f} s ({r['cpu']:6.2f} s CPU), peak RSS {r['peak_kib'] / 1024:6.0f} MiB "
                  f"(largest process), {r['tree_kib'] / 1024:6.0f} MiB (all processes)", flush=True)

    print(f"\nCPU: {cpu_line()}")
    print(f"median of {args.rounds} alternating rounds:")
    first = statistics.median(r["wall"] for r in results[args.name[0]])
    for name in args.name:
        runs = results[name]
        wall = statistics.median(r["wall"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        peak = max(r["peak_kib"] for r in runs) / 1024
        tree = max(r["tree_kib"] for r in runs) / 1024
        print(f"  {name:>12}: {wall:7.2f} s ({cpu:6.2f} s CPU)  peak RSS {peak:5.0f} MiB largest process, {tree:5.0f} MiB all processes"
              f"  time / {args.name[0]}: {wall / first:.2f}")


if __name__ == "__main__":
    main()
