#!/usr/bin/env python3
"""Design-balanced CMND (issue 16; BENCHMARKS.md "`cmnd --balanced`").

For each instance: the compact strong model with the balance rows in CBC (`cmnd --balanced
--method compact`, one thread) for the reference — its optimum where it closes, else its best
plan and bound — and the engine (`cmnd --balanced`, 2 threads), both with their time limits.
The engine's gap is measured against the best known balanced value (the better of the two
plans) and, where the compact run proved nothing, also against the compact bound (a gap that
holds for sure, however loose).

    bench/cmnd_balanced_benchmark.py --benchmarks DIR [--set CPlus] [--only STEM ...]
        [--binary build/release/tools/middlemile] [--time-limit 60]
        [--compact-time-limit 60] [--threads 2] [--raw out/cmnd-balanced.jsonl]

Runs one solver at a time (two at once on 2 cores distort both). Prints a Markdown table; every
run is also appended to --raw as one JSON line, and runs already there are reused.
"""
import argparse, json, os, pathlib, subprocess, sys


def solve(binary, path, extra, time_limit):
    cmd = [binary, "cmnd", str(path), "--balanced", "--time-limit", str(time_limit), "--quiet",
           *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    # Exit 3: no solution within the time limit (the JSON says so, the reason is on stderr).
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    if proc.returncode == 3:
        r["reason"] = proc.stderr.strip()
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--benchmarks", required=True, metavar="DIR",
                    help="the cmnd folder (C/ and CPlus/)")
    ap.add_argument("--set", default="CPlus", choices=["C", "CPlus"])
    ap.add_argument("--only", nargs="*", help="instance stems to run")
    ap.add_argument("--binary", default="build/release/tools/middlemile")
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--compact-time-limit", type=float, default=60)
    ap.add_argument("--threads", type=int, default=2, help="the engine's threads")
    ap.add_argument("--raw", default="out/cmnd-balanced.jsonl")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    raw = pathlib.Path(args.raw)
    raw.parent.mkdir(parents=True, exist_ok=True)
    done = {}
    if raw.exists():
        for line in raw.read_text().splitlines():
            r = json.loads(line)
            done[(r["instance"], r["method"])] = r
    files = sorted(pathlib.Path(args.benchmarks, args.set).glob("*.dow"))
    if args.only:
        files = [f for f in files if f.stem in args.only]
    rows = []
    for f in files:
        runs = {}
        for method, extra, limit in (
                ("compact", ["--method", "compact", "--threads", "1"], args.compact_time_limit),
                ("cg", ["--threads", str(args.threads)], args.time_limit)):
            key = (f.stem, method)
            if key not in done:
                r = solve(binary, f, extra, limit)
                r.update({"instance": f.stem, "method": method, "time_limit": limit})
                with raw.open("a") as out:
                    out.write(json.dumps(r) + "\n")
                done[key] = r
                print(json.dumps(r), file=sys.stderr)
            runs[method] = done[key]
        rows.append((f.stem, runs["compact"], runs["cg"]))

    print("| instance | compact: objective (status, s) | compact bound | engine, "
          f"{args.time_limit:.0f} s | best known | engine gap to best known | "
          "engine gap to the compact bound |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    gaps, sure, failed = [], [], []
    money = lambda v: f"{v:,.0f}" if v is not None else "none"
    for stem, compact, cg in rows:
        values = [v for v in (compact["objective"], cg["objective"]) if v is not None]
        best = min(values) if values else None
        bound = compact.get("lower_bound")
        gap = to_bound = None
        if cg["objective"] is None:
            failed.append(stem)
        elif best:
            gap = (cg["objective"] - best) / best
            gaps.append(gap)
            if bound:
                to_bound = (cg["objective"] - bound) / cg["objective"]
                sure.append(to_bound)
        pct = lambda v: f"{100 * v:.2f}%" if v is not None else "-"
        print(f"| {stem} | {money(compact['objective'])} ({compact['status']}, "
              f"{compact['seconds']:.1f}) | {money(bound)} | "
              f"{money(cg['objective']) if cg['objective'] is not None else 'no solution'} | "
              f"{money(best)} | {pct(gap)} | {pct(to_bound)} |")
    if gaps:
        print(f"\nmean gap to the best known {100 * sum(gaps) / len(gaps):.2f}%, "
              f"max {100 * max(gaps):.2f}%, over the {len(gaps)} instances the engine solved; "
              f"mean gap to the compact bound {100 * sum(sure) / max(1, len(sure)):.2f}%")
    if failed:
        print(f"no engine solution within the time limit: {', '.join(failed)}")


if __name__ == "__main__":
    main()
