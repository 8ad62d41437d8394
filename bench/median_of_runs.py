#!/usr/bin/env python3
"""Median of several nnplay_bench_core runs, per benchmark and counter.

    nnplay_bench_core --benchmark_out=run1.json --benchmark_out_format=json   # x3
    python3 bench/median_of_runs.py run1.json run2.json run3.json
"""
import json
import statistics
import sys


def main(paths):
    if not paths:
        sys.exit(__doc__)
    runs = [json.load(open(p))["benchmarks"] for p in paths]
    names = [b["name"] for b in runs[0] if b.get("run_type", "iteration") == "iteration"]
    keys = ["samples_per_s", "grids_per_s"]
    print(f"median of {len(runs)} runs")
    print(f"{'benchmark':56} {'counter':14} {'median':>12}   {'all runs':s}")
    for name in names:
        rows = [b for run in runs for b in run if b["name"] == name]
        for key in keys:
            values = [b[key] for b in rows if key in b]
            if not values:
                continue
            med = statistics.median(values)
            unit = "samples/s" if key == "samples_per_s" else "grids/s"
            print(f"{name:56} {key:14} {med:12.6g}   {', '.join(f'{v:.4g}' for v in values)} ({unit})")
        times = [b["cpu_time"] for b in rows]
        unit = rows[0]["time_unit"]
        print(f"{'':56} {'cpu_time':14} {statistics.median(times):12.4g}   {', '.join(f'{v:.4g}' for v in times)} ({unit})")


if __name__ == "__main__":
    main(sys.argv[1:])
