#!/usr/bin/env python3
"""Scale-out benchmark (issue 18; BENCHMARKS.md "On MPI ranks"): `evaluate --mpi` and
`simulate --mpi` on 1, 2 and 4 ranks of this machine against one process.

Sweep: 24 scenarios of the medium realistic network (t_med): every sort center and air hub
closed (12), all demand scaled by 0.8, 0.9, 1.1 and 1.3 (4), each origin's demand +20% (4), the
freighter fleet at 2 and at 6 (2), and a sort capacity of 3,000 packages an hour at Chicago and
at Atlanta (2). Written to OUT/t_med-sweep24.json. Runs: one process (--threads 1, then
--threads 2), then `mpirun -n R … --mpi --threads 1` for each R of --ranks.

Simulation: t_med planned once (OUT/t_med-plan.json, reused when present; seeds 1, 2, ... until
the plan has a vehicle trip), then `simulate` with --samples days in one process (--threads 1,
then --threads 2) and on each R of --ranks (--threads 1 each); the results must be equal but
for their `run` (the script checks it).

Wall seconds are measured around the whole command (mpirun's start and end included); rank 0's
coordination share is from the line `evaluate`/`simulate` print on ranks ("rank 0 coordinated
X s of Y s"). Prints Markdown tables; every figure is also in OUT/results.json.

    bench/mpi_benchmark.py DATA_DIR [--binary build/release/tools/middlemile] [--ranks 1,2,4]
        [--time-limit 5] [--baseline-time-limit 30] [--samples 2000] [--out out/mpi-bench]
        [--skip-evaluate] [--skip-simulate]
"""
import argparse, json, os, pathlib, re, shutil, subprocess, sys, time

RANK_LINE = re.compile(r"on (\d+) ranks? \((\d+) threads?\): rank 0 coordinated ([0-9.]+) s of "
                       r"([0-9.]+) s \(([0-9.]+)%\), ([0-9.]+) MB of setup")


def run(cmd):
    """Runs cmd; returns (wall seconds, CPU seconds of it and its children — mpirun waits for its
    ranks, so theirs count — and stdout). Exits on failure."""
    before = os.times()
    started = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.time() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system -
                                                          before.children_system)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return wall, cpu, proc.stdout


def mpirun(ranks):
    cmd = [shutil.which("mpirun") or "mpirun", "-n", str(ranks), "--oversubscribe"]
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    return cmd


def sweep(instance):
    """The 24 scenarios (middlemile-scenarios/1) on t_med."""
    facilities = json.loads(instance.read_text())["facilities"]
    ids = lambda kind: [f["id"] for f in facilities if f["kind"] == kind]
    scenarios = [{"name": f"close {f}", "changes": [{"type": "close_facility", "facility": f}]}
                 for f in ids("sort_center") + ids("air_hub")]
    for factor in (0.8, 0.9, 1.1, 1.3):
        scenarios.append({"name": f"demand x{factor}",
                          "changes": [{"type": "scale_demand", "factor": factor}]})
    for origin in ids("origin"):
        scenarios.append({"name": f"{origin} +20%", "changes": [
            {"type": "scale_demand", "factor": 1.2, "origin": origin}]})
    for fleet in (2, 6):
        scenarios.append({"name": f"{fleet} freighters", "changes": [
            {"type": "change_vehicle_type", "vehicle_type": "b767f", "fleet": fleet}]})
    for center in ("SC-Chicago-IL", "SC-Atlanta-GA"):
        scenarios.append({"name": f"{center} sorts 3000/h", "changes": [
            {"type": "set_sort_capacity", "facility": center, "sort_capacity_per_hour": 3000}]})
    return {"format": "middlemile-scenarios/1", "scenarios": scenarios}


def rank_figures(stdout):
    m = RANK_LINE.search(stdout)
    if not m:
        return {}
    return {"ranks": int(m[1]), "threads": int(m[2]), "coordination_seconds": float(m[3]),
            "rank0_seconds": float(m[4]), "coordination_share": float(m[5]) / 100,
            "setup_mb": float(m[6])}


def load_now():
    return os.getloadavg()[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("--binary", default="build/release/tools/middlemile")
    ap.add_argument("--ranks", default="1,2,4")
    ap.add_argument("--time-limit", type=float, default=5)
    ap.add_argument("--baseline-time-limit", type=float, default=30)
    ap.add_argument("--samples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20170)
    ap.add_argument("--out", default="out/mpi-bench")
    ap.add_argument("--skip-evaluate", action="store_true")
    ap.add_argument("--skip-simulate", action="store_true")
    args = ap.parse_args()
    data = pathlib.Path(args.data_dir)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    mm = os.path.abspath(args.binary)
    ranks = [int(r) for r in args.ranks.split(",")]
    instance = data / "t_med.json"
    # A run with --skip-evaluate or --skip-simulate keeps the other part's figures from before.
    saved = out / "results.json"
    results = json.loads(saved.read_text()) if saved.exists() else {}
    results["settings"] = vars(args)
    for kind, skipped in (("evaluate", args.skip_evaluate), ("simulate", args.skip_simulate)):
        if not skipped or kind not in results:
            results[kind] = []

    if not args.skip_evaluate:
        scenario_file = out / "t_med-sweep24.json"
        scenario_file.write_text(json.dumps(sweep(instance), indent=1))
        common = ["evaluate", str(instance), "--scenarios", str(scenario_file), "--time-limit",
                  str(args.time_limit), "--baseline-time-limit", str(args.baseline_time_limit),
                  "--quiet"]
        runs = [(f"one process, {t} thread{'s' if t > 1 else ''}", [mm, *common, "--threads",
                 str(t)], f"one-t{t}") for t in (1, 2)]
        runs += [(f"{r} rank{'s' if r > 1 else ''}", [*mpirun(r), mm, *common, "--threads", "1",
                  "--mpi"], f"ranks{r}") for r in ranks]
        for label, cmd, name in runs:
            result = out / f"evaluate-{name}.json"
            load = load_now()
            wall, cpu, stdout = run([*cmd, "-o", str(result)])
            doc = json.loads(result.read_text())
            scenarios = doc["scenarios"]
            row = {"run": label, "wall": wall, "cpu": cpu, "load_before": load, "load_after": load_now(),
                   "baseline_seconds": doc["baseline"]["seconds"],
                   "baseline_objective": doc["baseline"]["objective"],
                   "scenario_seconds": sum(s.get("seconds", 0) for s in scenarios),
                   "mean_objective": sum(s.get("objective", 0) for s in scenarios) / len(scenarios),
                   "failed": sum(1 for s in scenarios if s["status"] == "failed"),
                   **rank_figures(stdout)}
            results["evaluate"].append(row)
            print(f"evaluate, {label}: {wall:.1f} s", file=sys.stderr)

    if not args.skip_simulate:
        plan = out / "t_med-plan.json"
        if not plan.exists():
            for seed in range(1, 6):
                run([mm, "plan", str(instance), "-o", str(plan), "--time-limit", "60",
                     "--threads", "2", "--seed", str(seed), "--quiet"])
                if sum(json.loads(plan.read_text())["kpis"]["vehicle_trips"].values()) > 0:
                    break
        common = ["simulate", str(instance), str(plan), "--samples", str(args.samples), "--seed",
                  str(args.seed), "--demand-cv", "0.2", "--correlation", "0.5", "--quiet"]
        runs = [(f"one process, {t} thread{'s' if t > 1 else ''}", [mm, *common, "--threads",
                 str(t)], f"one-t{t}") for t in (1, 2)]
        runs += [(f"{r} rank{'s' if r > 1 else ''}", [*mpirun(r), mm, *common, "--threads", "1",
                  "--mpi"], f"ranks{r}") for r in ranks]
        reference = None
        for label, cmd, name in runs:
            result = out / f"simulate-{name}.json"
            load = load_now()
            wall, cpu, stdout = run([*cmd, "--json", str(result)])
            doc = json.loads(result.read_text())
            doc.pop("run")
            reference = reference or doc
            row = {"run": label, "wall": wall, "cpu": cpu, "load_before": load, "load_after": load_now(),
                   "same_results": doc == reference, **rank_figures(stdout)}
            results["simulate"].append(row)
            print(f"simulate, {label}: {wall:.1f} s", file=sys.stderr)

    saved.write_text(json.dumps(results, indent=1))
    for kind in ("evaluate", "simulate"):
        rows = results[kind]
        if not rows:
            continue
        base = next((r["wall"] for r in rows if r["run"] == "1 rank"), rows[0]["wall"])
        print(f"\n{kind}\n")
        print("| run | wall s | speed-up vs 1 rank | CPU s (cores used) | rank 0 coordinating "
              "(CPU s / share of wall) | setup MB to each rank | load before / after |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            coord = (f"{r['coordination_seconds']:.2f} / {100 * r['coordination_share']:.2f}%"
                     if "coordination_seconds" in r else "-")
            setup = f"{r['setup_mb']:.1f}" if "setup_mb" in r else "-"
            print(f"| {r['run']} | {r['wall']:.1f} | {base / r['wall']:.2f}× | {r['cpu']:.1f} "
                  f"({r['cpu'] / r['wall']:.2f}) | {coord} | {setup} | "
                  f"{r['load_before']:.1f} / {r['load_after']:.1f} |")
        if kind == "evaluate":
            print("\n| run | baseline s | baseline objective | scenario s (sum) | mean scenario "
                  "objective | failed |")
            print("|---|---:|---:|---:|---:|---:|")
            for r in rows:
                print(f"| {r['run']} | {r['baseline_seconds']:.1f} | {r['baseline_objective']:,.0f}"
                      f" | {r['scenario_seconds']:.1f} | {r['mean_objective']:,.0f} | "
                      f"{r['failed']} |")
        else:
            print("\nresults equal to the first run's (but for `run`): " +
                  ", ".join(f"{r['run']}: {'yes' if r['same_results'] else 'NO'}" for r in rows))


if __name__ == "__main__":
    main()
