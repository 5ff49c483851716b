#!/usr/bin/env python3
"""Makes a cyclic (daily) variant of a middlemile instance for the vehicle-balance benchmark
(BENCHMARKS.md, "Vehicle balance"): every truck and air type gets "balance": "cyclic", a turn
time (30 minutes for trucks, 60 for aircraft) and an ownership cost per vehicle and day, and the
instance a cycle of 1,440 minutes. Everything else is kept.

usage: bench/make_cyclic.py IN.json OUT.json
"""
import json
import sys

TURN = {"truck": 30, "air": 60}
# Per vehicle and day: about one trip's fixed cost for trucks, most of one flight for aircraft.
COST_PER_VEHICLE = {"truck": 100.0, "air": 5000.0}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        instance = json.load(f)
    instance["cycle_minutes"] = 1440
    instance["name"] = instance.get("name", "instance") + "_cyclic"
    for vehicle in instance["vehicle_types"]:
        vehicle["balance"] = "cyclic"
        vehicle["turn_minutes"] = TURN[vehicle["mode"]]
        vehicle["cost_per_vehicle"] = COST_PER_VEHICLE[vehicle["mode"]]
    with open(sys.argv[2], "w") as f:
        json.dump(instance, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
