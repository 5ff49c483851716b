#!/usr/bin/env python3
"""Planner benchmark: instances generated from the real city list, each planned by the
column-generation engine and by the compact arc-based time-expanded MIP in CBC under the same
time limit; every plan is checked by `middlemile verify`. Prints a Markdown table.

    bench/planner_benchmark.py --binary build/release/tools/middlemile --time-limit 60

Sizes (`--sizes`, default `small medium large`):
- `small`, `medium`, `large`: the sample generator's networks (`generate --facilities N
  --demands N`). Their unserved penalty is set to 50 per package (FORMAT.md's example value):
  the format's default (100 × the largest trip cost, about 5 million per package with planes)
  makes the penalty of demand that has no on-time path dwarf every other cost, so objectives
  and gaps would say nothing about the vehicle plan.
- the middle-mile family (`generate --family middle-mile`, the family of
  shared/benchmarks/middlemile; penalty 25 as generated): `g_small`, `g_cap`, `g_med`, the
  shapes of its samples t_small, t_cap and t_med (`--sizes family` is all three), and the
  national networks `n250`, `n500`, `n1000` (`--sizes national`; 250, 500 and 965 facilities,
  about 6,400, 25,000 and 93,000 demands). Plan them with the engine only:

    bench/planner_benchmark.py --sizes family --methods cg --time-limit 60
    bench/planner_benchmark.py --sizes national --methods cg --time-limit 600

"With an on-time path" is the share of packages not unserved for want of one; "may pay at full
vehicles" leaves out, too, the unserved packages whose reason proves that no plan serves them at a
profit (even with every vehicle full, their cheapest on-time path costs more than the penalty).

`--generate-only` generates and validates the instances without planning and prints, per size,
the generation time, file size, `validate` time and both peak memories (BENCHMARKS.md, "Generated networks"):

    bench/planner_benchmark.py --sizes family national --generate-only
"""
import argparse, json, os, pathlib, re, subprocess, sys, time

SIZES = {
    "small": ["--facilities", "15", "--demands", "40", "--center", "Chicago, IL",
              "--radius-km", "500"],
    "medium": ["--facilities", "80", "--demands", "500"],
    "large": ["--facilities", "400", "--demands", "8000"],
}

# The middle-mile family: generated analogues of the three samples, then national networks.
FAMILY = ["--family", "middle-mile"]
FAMILY_SIZES = {
    "g_small": [*FAMILY, "--region", "FL,GA,AL,SC,NC,TN", "--origins", "2", "--sort-centers", "5",
                "--stations", "10", "--trunk-departures", "48"],
    "g_cap": [*FAMILY, "--region", "IL,IN,OH,MI,WI,KY,MO", "--origins", "3", "--sort-centers",
              "7", "--stations", "30", "--sort-capacity", "3000"],
    "g_med": [*FAMILY, "--origins", "4", "--sort-centers", "10", "--air-hubs", "2", "--stations",
              "60", "--freighters", "3"],
    "n250": [*FAMILY, "--facilities", "250", "--freighters", "8"],
    "n500": [*FAMILY, "--facilities", "500", "--freighters", "15"],
    "n1000": [*FAMILY, "--origins", "60", "--sort-centers", "120", "--air-hubs", "8",
              "--stations", "777", "--freighters", "30"],
}
SIZES.update(FAMILY_SIZES)
GROUPS = {"family": ["g_small", "g_cap", "g_med"], "national": ["n250", "n500", "n1000"]}

def peak_rss_mib(cmd, log=None):
    """Runs cmd; returns (exit code, seconds, peak MiB). stderr goes to `log` (a path) if given."""
    started = time.time()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(os.open(str(log), os.O_WRONLY | os.O_CREAT | os.O_TRUNC) if log else devnull, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), time.time() - started, usage.ru_maxrss / 1024.0

def first_plan_and_bound(log):
    """Seconds to the first plan that serves something (a phase after "start", whose plan is
    everything unserved) and to the first lower bound, from the progress lines of `plan`."""
    first_plan = first_bound = None
    for line in pathlib.Path(log).read_text(errors="replace").replace("\r", "\n").splitlines():
        m = re.match(r"\[\s*([0-9.]+)s\]\s+(.+?)\s+it\s+\S+\s+bound\s+(\S+)\s+lp\s+\S+\s+"
                     r"incumbent\s+(\S+)", line)
        if not m:
            continue
        t, phase, bound, incumbent = float(m[1]), m[2], m[3], m[4]
        if first_plan is None and phase != "start" and incumbent != "-":
            first_plan = t
        if first_bound is None and bound != "-":
            first_bound = t
    return {"first_plan_s": first_plan, "first_bound_s": first_bound}

def measure_generation(mm, sizes, out):
    """Generates and validates each size; prints the Markdown table of BENCHMARKS.md, "Generated networks"."""
    print("| size | facilities (O / SC / hubs / DS) | lanes | departures | demands | packages | "
          "generate s | peak MiB | file MB | validate s | peak MiB | valid |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for size in sizes:
        inst = out / f"{size}.json"
        gen = [mm, "generate", *SIZES[size], "--seed", "1", "--name", size, "-o", str(inst)]
        code, gen_s, gen_rss = peak_rss_mib(gen)
        if code != 0:
            print(f"| {size} | generate exit {code} |")
            continue
        val_code, val_s, val_rss = peak_rss_mib([mm, "validate", str(inst)])
        data = json.loads(inst.read_text())
        kinds = [sum(f["kind"] == k for f in data["facilities"])
                 for k in ("origin", "sort_center", "air_hub", "delivery_station")]
        departures = sum(len(l.get("departures", [])) for l in data["lanes"])
        packages = sum(d["packages"] for d in data["demand"])
        print(f"| {size} | {len(data['facilities'])} ({' / '.join(map(str, kinds))}) | "
              f"{len(data['lanes']):,} | {departures:,} | {len(data['demand']):,} | "
              f"{packages:,.0f} | {gen_s:.1f} | {gen_rss:.0f} | "
              f"{inst.stat().st_size / 1e6:.1f} | {val_s:.1f} | {val_rss:.0f} | "
              f"{'yes' if val_code == 0 else 'exit ' + str(val_code)} |", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/release/tools/middlemile")
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default="out/planner-bench")
    ap.add_argument("--sizes", nargs="*", default=["small", "medium", "large"],
                    help="names of SIZES, or the groups family and national")
    ap.add_argument("--methods", nargs="*", default=["cg", "compact"])
    ap.add_argument("--generate-only", action="store_true",
                    help="generate and validate; measure, do not plan")
    args = ap.parse_args()
    sizes = [s for name in args.sizes for s in GROUPS.get(name, [name])]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        ap.error(f"unknown sizes {unknown}; known: {list(SIZES)} and {list(GROUPS)}")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    mm = os.path.abspath(args.binary)
    rows = []
    if args.generate_only:
        return measure_generation(mm, sizes, out)
    for size in sizes:
        inst = out / f"{size}.json"
        subprocess.run([mm, "generate", *SIZES[size], "--seed", "1", "--name", size, "-o",
                        str(inst)], check=True, capture_output=True)
        data = json.loads(inst.read_text())
        if size not in FAMILY_SIZES:
            data["unserved_penalty_per_package"] = 50.0
            inst.write_text(json.dumps(data, indent=1))
        for method in args.methods:
            plan = out / f"{size}-{method}-plan.json"
            if plan.exists():
                plan.unlink()
            cmd = [mm, "plan", str(inst), "-o", str(plan), "--time-limit", str(args.time_limit),
                   "--threads", str(args.threads), "--method", method]
            log = out / f"{size}-{method}.log"
            code, seconds, rss = peak_rss_mib(cmd, log)
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
                total = sum(d["packages"] for d in data["demand"])
                no_path = sum(u["packages"] for u in p.get("unserved", [])
                              if u.get("reason", "").startswith("no path"))
                # Unserved with a proof that no plan serves them at a profit: even with every
                # vehicle full their cheapest on-time path costs more than the penalty.
                cannot_pay = sum(u["packages"] for u in p.get("unserved", [])
                                 if u.get("reason", "").startswith(
                                     "not worth serving: even with every vehicle full"))
                row.update(reachable_share=(total - no_path) / total if total else 1.0,
                           may_pay_share=(total - no_path - cannot_pay) / total if total else 1.0,
                           **first_plan_and_bound(log))
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    (out / "results.json").write_text(json.dumps(rows, indent=1))
    print("| size | facilities / lanes / demands | method | objective | lower bound | gap | "
          "seconds | first plan s | first bound s | peak MiB | truck fill (cube) | "
          "air fill (cube) | served | with an on-time path | may pay at full vehicles | verify |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        k = r.get("kpis", {})
        fc = k.get("fill_cube", {})
        fmt = lambda v, d=0: "-" if v is None else f"{v:,.{d}f}"
        pc = lambda v: "-" if v is None else f"{100 * v:.1f}%"
        print(f"| {r['size']} | {r['facilities']} / {r['lanes']} / {r['demands']} | "
              f"{r['method']} | {fmt(r.get('objective'))} | {fmt(r.get('lower_bound'))} | "
              f"{pc(r.get('gap'))} | {r['seconds']:.1f} | {fmt(r.get('first_plan_s'), 1)} | "
              f"{fmt(r.get('first_bound_s'), 1)} | {r['rss_mib']:.0f} | "
              f"{pc(fc.get('truck'))} | {pc(fc.get('air'))} | {pc(k.get('on_time_share'))} | "
              f"{pc(r.get('reachable_share'))} | {pc(r.get('may_pay_share'))} | "
              f"{'OK' if r.get('verified') else 'exit ' + str(r['exit'])} |")

if __name__ == "__main__":
    main()
