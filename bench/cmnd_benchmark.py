#!/usr/bin/env python3
"""Runs the Canad CMND instances through `middlemile cmnd` (column-generation engine and the
compact strong arc formulation in CBC, same time limit) and prints a Markdown table with the
gap to reference values.

    bench/cmnd_benchmark.py --benchmarks DIR --binary build/release/tools/middlemile \
        --time-limit 60 --jobs 2

DIR is not part of this repository (only c33, which the tests use, is: tests/data/cmnd). It
holds the instances as `C/*.dow` and `CPlus/*.dow` and a `reference.csv` with the columns
`instance,reference,status,source` (best known objective per instance stem). Get the
instances from the public repository postamar/cmnd-ssd-solver (`instances/C`,
`instances/CPlus`; originally the CommaLab "Multicommodity Network Design" page, University of
Pisa; Crainic, Frangioni, Gendron, Discrete Applied Mathematics 112, 2001) and the best known
values from ruishibasaki/Vol-BnC-FCMC (`mcnd/optimal.txt`). Instances without a row in
reference.csv are run and listed without a gap.

Each run gets --threads threads (default 1); --jobs runs that many solver processes at once;
--methods cg runs the engine only. Raw JSON lines are
kept in --raw (default out/cmnd-raw.jsonl) so the table can be rebuilt with --table-only.
"""
import argparse, concurrent.futures, csv, json, os, pathlib, subprocess, sys, time

def run(binary, dow, method, limit, threads):
    cmd = [binary, "cmnd", str(dow), "--time-limit", str(limit), "--threads", str(threads),
           "--method", method, "--quiet"]
    started = time.time()
    # CBC can overrun its own limit in root cut generation; a run still going at twice the
    # limit (+30 s) is stopped and reported as such.
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=2 * limit + 30)
    except subprocess.TimeoutExpired:
        return {"instance": dow.stem, "method": method, "status": "killed at 2x limit",
                "objective": None, "lower_bound": None, "seconds": time.time() - started,
                "exit": None}
    try:
        out = json.loads(p.stdout.strip().splitlines()[-1])
    except Exception:
        out = {"instance": dow.stem, "status": f"error (exit {p.returncode})",
               "objective": None, "lower_bound": None, "seconds": time.time() - started}
    out["method"] = method
    out["exit"] = p.returncode
    return out

def fmt(v, digits=0):
    return "-" if v is None else f"{v:,.{digits}f}"

def pct(v):
    return "-" if v is None else f"{100 * v:.2f}%"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/release/tools/middlemile")
    ap.add_argument("--benchmarks", required=True, metavar="DIR",
                    help="folder with C/*.dow, CPlus/*.dow and reference.csv (see the top of "
                         "this script for where to get them)")
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--raw", default="out/cmnd-raw.jsonl")
    ap.add_argument("--table-only", action="store_true")
    ap.add_argument("--only", nargs="*", help="instance stems to run")
    ap.add_argument("--methods", nargs="*", default=["cg", "compact"], choices=["cg", "compact"],
                    help="which to run (the table shows what the raw file holds)")
    ap.add_argument("--threads", type=int, default=1, help="threads per run")
    args = ap.parse_args()
    root = pathlib.Path(args.benchmarks)
    refs = {}
    if not (root / "C").is_dir():
        sys.exit(f"{root}: no C/ folder of .dow files (see --help for where to get them)")
    if not (root / "reference.csv").is_file():
        sys.exit(f"{root}: no reference.csv (see --help for where to get the values)")
    with open(root / "reference.csv") as f:
        for row in csv.DictReader(f):
            refs[row["instance"]] = (float(row["reference"]) if row["reference"] else None,
                                     row["status"])
    files = sorted((root / "C").glob("*.dow")) + sorted((root / "CPlus").glob("*.dow"))
    if args.only:
        files = [f for f in files if f.stem in args.only]
    raw = pathlib.Path(args.raw)
    if not args.table_only:
        raw.parent.mkdir(parents=True, exist_ok=True)
        tasks = [(f, m) for f in files for m in args.methods]
        with open(raw, "w") as out, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for r in pool.map(lambda t: run(args.binary, t[0], t[1], args.time_limit, args.threads), tasks):
                out.write(json.dumps(r) + "\n")
                out.flush()
                print(json.dumps(r), file=sys.stderr)
    results = {}
    for line in open(raw):
        r = json.loads(line)
        results[(r["instance"], r["method"])] = r
    print("| instance | reference | ref status | CG objective | CG bound | CG gap to ref | CG s "
          "| compact objective | compact bound | compact gap to ref | compact s |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    gaps = []
    wins = losses = 0
    for f in files:
        ref, status = refs.get(f.stem, (None, ""))
        cg = results.get((f.stem, "cg"), {})
        cp = results.get((f.stem, "compact"), {})
        def gap(r):
            o = r.get("objective")
            return None if (o is None or ref is None) else (o - ref) / ref
        g = gap(cg)
        if g is not None:
            gaps.append(g)
        if cg.get("objective") is not None and cp.get("objective") is not None \
                and cp.get("status") != "optimal":
            if cg["objective"] < cp["objective"] - 1e-6:
                wins += 1
            elif cg["objective"] > cp["objective"] + 1e-6:
                losses += 1
        print(f"| {f.stem} | {fmt(ref)} | {status} | {fmt(cg.get('objective'))} | "
              f"{fmt(cg.get('lower_bound'))} | {pct(g)} | {fmt(cg.get('seconds'), 1)} | "
              f"{fmt(cp.get('objective'))} | {fmt(cp.get('lower_bound'))} | {pct(gap(cp))} | "
              f"{fmt(cp.get('seconds'), 1)} |")
    if gaps:
        print(f"\nCG gap to reference over {len(gaps)} instances with a reference: average "
              f"{100 * sum(gaps) / len(gaps):.2f}%, maximum {100 * max(gaps):.2f}%. "
              f"Where compact CBC did not prove optimality: CG better on {wins}, worse on {losses}.")

if __name__ == "__main__":
    main()
