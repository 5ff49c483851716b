#!/usr/bin/env python3
"""Planner benchmark: instances of three sizes generated from the real city list, each planned
by the column-generation engine and by the compact arc-based time-expanded MIP in CBC under the
same time limit; every plan is checked by `middlemile verify`. Prints a Markdown table.

    bench/planner_benchmark.py --binary build/release/tools/middlemile --time-limit 60

The instances use the generator's defaults except for the unserved penalty, which is set to 50
per package (FORMAT.md's example value): the format's default (100 × the largest trip cost,
about 5 million per package with planes) makes the unserved penalty of demand that has no
on-time path dwarf every other cost, so objectives and gaps would say nothing about the
vehicle plan. Demand with no on-time path is unserved in every plan alike.
"""
import argparse, json, os, pathlib, subprocess, sys, time

SIZES = {
    "small": ["--facilities", "15", "--demands", "40", "--center", "Chicago, IL",
              "--radius-km", "500"],
    "medium": ["--facilities", "80", "--demands", "500"],
    "large": ["--facilities", "400", "--demands", "8000"],
}

def peak_rss_mib(cmd):
    started = time.time()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), time.time() - started, usage.ru_maxrss / 1024.0

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/release/tools/middlemile")
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default="out/planner-bench")
    ap.add_argument("--sizes", nargs="*", default=list(SIZES))
    ap.add_argument("--methods", nargs="*", default=["cg", "compact"])
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    mm = os.path.abspath(args.binary)
    rows = []
    for size in args.sizes:
        inst = out / f"{size}.json"
        subprocess.run([mm, "generate", *SIZES[size], "--seed", "1", "--name", size, "-o",
                        str(inst)], check=True, capture_output=True)
        data = json.loads(inst.read_text())
        data["unserved_penalty_per_package"] = 50.0
        inst.write_text(json.dumps(data, indent=1))
        for method in args.methods:
            plan = out / f"{size}-{method}-plan.json"
            if plan.exists():
                plan.unlink()
            cmd = [mm, "plan", str(inst), "-o", str(plan), "--time-limit", str(args.time_limit),
                   "--threads", str(args.threads), "--method", method, "--quiet"]
            code, seconds, rss = peak_rss_mib(cmd)
            row = {"size": size, "method": method, "exit": code, "seconds": seconds,
                   "rss_mib": rss, "facilities": len(data["facilities"]),
                   "lanes": len(data["lanes"]), "demands": len(data["demand"])}
            if code == 0 and plan.exists():
                p = json.loads(plan.read_text())
                v = subprocess.run([mm, "verify", str(inst), str(plan)], capture_output=True,
                                   text=True)
                row.update(objective=p["objective"], lower_bound=p.get("lower_bound"),
                           gap=p.get("gap"), status=p["status"], kpis=p["kpis"],
                           cost=p["cost"], verified=v.returncode == 0)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    (out / "results.json").write_text(json.dumps(rows, indent=1))
    print("| size | facilities / lanes / demands | method | objective | lower bound | gap | "
          "seconds | peak MiB | truck fill (cube) | air fill (cube) | served | verify |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        k = r.get("kpis", {})
        fc = k.get("fill_cube", {})
        fmt = lambda v, d=0: "-" if v is None else f"{v:,.{d}f}"
        pc = lambda v: "-" if v is None else f"{100 * v:.1f}%"
        print(f"| {r['size']} | {r['facilities']} / {r['lanes']} / {r['demands']} | "
              f"{r['method']} | {fmt(r.get('objective'))} | {fmt(r.get('lower_bound'))} | "
              f"{pc(r.get('gap'))} | {r['seconds']:.1f} | {r['rss_mib']:.0f} | "
              f"{pc(fc.get('truck'))} | {pc(fc.get('air'))} | {pc(k.get('on_time_share'))} | "
              f"{'OK' if r.get('verified') else 'exit ' + str(r['exit'])} |")

if __name__ == "__main__":
    main()
