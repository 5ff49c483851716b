#!/usr/bin/env python3
"""Planner benchmark on a family of middle-mile networks against a peer's results.

Plans every network `NAME.json` of a benchmark folder with `middlemile plan` at each time
limit (one run at a time), checks every plan with `middlemile verify`, and prints one Markdown
row per network and limit: objective, lower bound, gap on the cost the plan controls
(network/gap.h), truck and air fill by cube, on-time share, seconds, peak memory, and — when the
folder has a `peer.json` (per network: the peer's objective and bound at "60s" and "600s") —
the ratio of our objective to the peer's at ten times our limit (or its longest run).

    bench/family_benchmark.py --benchmarks DIR --binary build/release/tools/middlemile \
        --time-limits 60 300 [--engine-option NAME=VALUE ...]

DIR is the family of shared/benchmarks/middlemile (t_small, t_cap, t_med with peer.json;
ask the project's owners for it) or any folder of instances.
"""
import argparse, json, os, pathlib, subprocess, sys

from planner_benchmark import peak_rss_mib as run_measured  # (exit code, seconds, MiB)


def peer_at(peer, name, limit):
    """The peer's run at ten times `limit` if it has one, else its longest."""
    runs = {float(k[:-1]): v for k, v in peer.get("networks", {}).get(name, {}).items()
            if k.endswith("s") and k[:-1].isdigit()}
    if not runs:
        return None, None
    want = 10 * limit
    key = want if want in runs else max(runs)
    return key, runs[key]


def fmt(x, pattern="{:,.0f}"):
    return "—" if x is None else pattern.format(x)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", required=True, help="folder of NAME.json (+ peer.json)")
    ap.add_argument("--binary", default="build/release/tools/middlemile")
    ap.add_argument("--time-limits", type=float, nargs="+", default=[60])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--networks", nargs="*", help="names (default: every NAME.json)")
    ap.add_argument("--out", default="out/family-bench")
    ap.add_argument("--engine-option", action="append", default=[], metavar="NAME=VALUE",
                    help="passed to every plan (repeatable)")
    args = ap.parse_args()
    folder = pathlib.Path(args.benchmarks)
    if not folder.is_dir():
        sys.exit(f"family_benchmark: no folder {folder}")
    peer_file = folder / "peer.json"
    peer = json.loads(peer_file.read_text()) if peer_file.exists() else {}
    names = args.networks or sorted(p.stem for p in folder.glob("*.json")
                                    if p.name != "peer.json" and ".plan" not in p.name)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    mm = os.path.abspath(args.binary)
    print("| network | limit s | objective | lower bound | gap | truck fill | air fill | "
          "on time | seconds | peak MiB | verify | peer (limit) | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for limit in args.time_limits:
        for name in names:
            inst = folder / f"{name}.json"
            plan = out / f"{name}-{limit:g}s.plan.json"
            if plan.exists():
                plan.unlink()
            code, seconds, rss = run_measured(
                [mm, "plan", str(inst), "-o", str(plan), "--time-limit", f"{limit:g}",
                 "--threads", str(args.threads), "--quiet"]
                + [a for o in args.engine_option for a in ("--engine-option", o)])
            if code != 0 or not plan.exists():
                print(f"| {name} | {limit:g} | exit {code} | | | | | | {seconds:.1f} | "
                      f"{rss:.0f} | — | | |")
                continue
            verified = subprocess.run([mm, "verify", str(inst), str(plan)],
                                      capture_output=True).returncode == 0
            p = json.loads(plan.read_text())
            k = p.get("kpis", {})
            fill = k.get("fill_cube", {})
            peer_limit, run = peer_at(peer, name, limit)
            peer_obj = run.get("objective") if run else None
            ratio = p["objective"] / peer_obj if peer_obj else None
            print(f"| {name} | {limit:g} | {p['objective']:,.0f} | "
                  f"{fmt(p.get('lower_bound'))} | {fmt(p.get('gap'), '{:.2%}')} | "
                  f"{fmt(fill.get('truck'), '{:.1%}')} | {fmt(fill.get('air'), '{:.1%}')} | "
                  f"{fmt(k.get('on_time_share'), '{:.1%}')} | {seconds:.1f} | {rss:.0f} | "
                  f"{'ok' if verified else 'FAIL'} | "
                  f"{fmt(peer_obj)} ({fmt(peer_limit, '{:.0f}')} s) | {fmt(ratio, '{:.3f}')} |",
                  flush=True)


if __name__ == "__main__":
    main()
