#!/usr/bin/env python3
"""Scenario evaluation benchmark (issue 6): warm against cold on every scenario of a sweep.

Generates the planner benchmark's medium instance (80 facilities, 500 demands, seed 1, unserved
penalty 50), then runs `middlemile evaluate --sweep close-each=sort_center` three times:
  cold         every scenario planned from scratch, --time-limit T
  warm         every scenario warm from the baseline, --time-limit T
  warm-short   warm, --time-limit T/3
Per scenario it prints the objectives, and from the warm run's incumbent trace the time warm
took to reach the cold run's final objective within 0.5% ("time to cold quality"). Every plan
is verified by `evaluate` itself (it refuses to finish otherwise).

    bench/evaluate_benchmark.py --binary build/release/tools/middlemile --time-limit 30
"""
import argparse, json, os, pathlib, subprocess, sys, time

def run(cmd):
    started = time.time()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.time() - started

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/release/tools/middlemile")
    ap.add_argument("--time-limit", type=float, default=30)
    ap.add_argument("--baseline-time-limit", type=float, default=60)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--sweep", default="close-each=sort_center")
    ap.add_argument("--out", default="out/evaluate-bench")
    ap.add_argument("--reuse", action="store_true",
                    help="re-tabulate the results already in --out instead of running")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    mm = os.path.abspath(args.binary)
    inst = out / "medium.json"
    if not args.reuse:
        subprocess.run([mm, "generate", "--facilities", "80", "--demands", "500", "--seed", "1",
                    "--name", "medium", "-o", str(inst)], check=True, capture_output=True)
        data = json.loads(inst.read_text())
        data["unserved_penalty_per_package"] = 50.0
        inst.write_text(json.dumps(data, indent=1))
    runs = {}
    walls = {}
    for name, extra, limit in [("cold", ["--cold"], args.time_limit),
                               ("warm", [], args.time_limit),
                               ("warm-short", [], args.time_limit / 3)]:
        result = out / f"{name}.json"
        cmd = [mm, "evaluate", str(inst), "--sweep", args.sweep, "-o", str(result),
               "--time-limit", str(limit), "--baseline-time-limit",
               str(args.baseline_time_limit), "--threads", str(args.threads), "--quiet", *extra]
        walls[name] = float("nan") if args.reuse else run(cmd)
        runs[name] = json.loads(result.read_text())
        print(f"{name}: {walls[name]:.0f} s wall", file=sys.stderr)
    cold = {s["name"]: s for s in runs["cold"]["scenarios"]}
    warm = {s["name"]: s for s in runs["warm"]["scenarios"]}
    short = {s["name"]: s for s in runs["warm-short"]["scenarios"]}
    print("| scenario | cold objective | cold s | cold s to its final (0.5%) | warm objective | "
          "warm vs cold | warm s to cold's final (0.5%) | speed-up | warm T/3 objective | "
          "warm T/3 vs cold | warm T/3 s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    reach = lambda trace, target: next((sec for sec, obj in trace if obj <= target * 1.005 + 1e-9), None)
    speedups, short_gaps, warm_gaps = [], [], []
    for name, c in cold.items():
        w, s = warm[name], short[name]
        target = c["objective"]
        tc, tw = reach(c["incumbents"], target), reach(w["incumbents"], target)
        speed = tc / max(tw, 0.01) if tw is not None else None
        if speed:
            speedups.append(speed)
        warm_gaps.append(100 * (w["objective"] - target) / target)
        short_gaps.append(100 * (s["objective"] - target) / target)
        print(f"| {name} | {target:,.0f} | {c['seconds']:.1f} | {tc:.1f} | {w['objective']:,.0f} | "
              f"{warm_gaps[-1]:+.2f}% | {('%.1f' % tw) if tw is not None else 'not reached'} | "
              f"{('%.1f×' % speed) if speed else '-'} | {s['objective']:,.0f} | "
              f"{short_gaps[-1]:+.2f}% | {s['seconds']:.1f} |")
    n = len(cold)
    speedups.sort()
    median = speedups[len(speedups) // 2] if speedups else float("nan")
    print(f"\n{n} scenarios. Warm reached cold's final objective (within 0.5%) in {len(speedups)} "
          f"of {n}; speed-up to that point (cold's time to the same target / warm's): median "
          f"{median:.1f}×, {sum(1 for v in speedups if v >= 3)} of {n} at least 3×. Warm at the "
          f"same limit: mean {sum(warm_gaps)/n:+.2f}% vs cold (best {min(warm_gaps):+.2f}%, worst "
          f"{max(warm_gaps):+.2f}%). Warm at a third of the limit: mean {sum(short_gaps)/n:+.2f}% "
          f"(worst {max(short_gaps):+.2f}%). Wall time of the three runs (baseline included): cold "
          f"{walls['cold']:.0f} s, warm {walls['warm']:.0f} s, warm T/3 {walls['warm-short']:.0f} s.")

if __name__ == "__main__":
    main()
