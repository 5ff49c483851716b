#!/usr/bin/env python3
"""The benchmark peer: the compact arc-based time-expanded MIP of a middlemile instance, handed
whole to HiGHS (scipy.optimize.milp), with the vehicle-balance rows of cyclic vehicle types
(BENCHMARKS.md, issue 16; shared/benchmarks/middlemile/README.md describes the peer).

usage: bench/ten_peer.py INSTANCE.json --time-limit SECONDS [--json OUT.json]
           [--lp-only] [--build-only] [--fix-departures PLAN.json] [--verbose]

The model, in exact minutes (docs/FORMAT.md, "Instance", "Time", "Vehicle balance"):

Departures. Every departure (lane, minute d) of the instance whose arrival d + transit is
within the horizon (engine's TEN keeps the same ones).

Demand flow. Flows are FRACTIONS of a demand k (0..1), not packages. For each k an
earliest-availability search from its origin (ready minute; handling at every facility it
reaches, none at the origin) and a latest-departure search back from its destination (arrival
<= due) keep only the departures that lie on some on-time path of k; k gets
  - x[k,a] >= 0 on each such departure a (cost: packages_k x (lane cost_per_package +
    handling_cost_per_package of the facility it leaves));
  - its own event nodes (facility, minute): every minute one of its departures leaves there,
    every minute it becomes available there (arrival + handling(j) of a departure into j, not
    the destination), and its ready minute at its origin; a departure into j enters the node
    (j, arrival + handling(j)); into the destination it ends;
  - waiting columns w >= 0 (cost 0) between consecutive nodes of a facility;
  - u[k] in [0, 1], unserved (cost penalty x packages_k), and one conservation row per node:
    out - in = 0, except at k's first node at its origin where out - in + u[k] = 1.
Vehicles. y[a] integer in [0, max_vehicles_per_departure] (cost: lane cost_per_trip) for each
departure some demand can use (the rest are left out: y = 0). Rows per such departure:
  cube:   sum_k cube_k x[k,a] - cube capacity x y[a] <= 0, the same for weight;
  strong linking: x[k,a] - y[a] <= 0 for every k (valid: x <= 1 and y is integer).
Sort capacity: per facility with a sort_capacity_per_hour and whole hour h,
  sum packages_k x[k,a] over departures leaving it at a minute in [60h, 60h+60) <= capacity.
Fleet of a non-cyclic type: at every minute m at which one of its departures (with a y)
  leaves, sum of y[a] en route (d <= m < d + transit) <= fleet.
Cyclic types (balance "cyclic"; C = cycle_minutes, fold(t) = t mod C), as
engine/ten_vehicle_flow.cc states them:
  - nodes per facility: every folded minute at which a departure of the type (every kept
    departure, used or not) leaves, or at which its vehicle becomes ready
    (fold(fold(d) + transit + turn_minutes) at the head);
  - one balance row per node: loaded y leaving + empty moves leaving + waiting out
    - (y ready there + empty moves arriving + waiting in) = 0;
  - waiting columns (continuous >= 0, cost 0) between consecutive nodes of a facility, and
    from its last node to its first (across the cycle start) when it has two or more;
  - empty moves e integer >= 0 on each link (a lane of the type or its reverse) out of every
    node of its tail into the first node of its head at or after the tail minute + transit +
    turn (wrapping to the next cycle), cost empty_cost_per_trip + empty_cost_per_km x km;
  - ownership F = waiting last->first + sum crossings x (y, e) where a trip from folded minute
    m ready (or entering its head node) at real minute r crosses the cycle start floor(r / C)
    times; cost cost_per_vehicle x F, F <= fleet. No en-route fleet rows for cyclic types.
Objective: vehicles + packages + handling + unserved + repositioning + fleet, as the plan's
`objective` (FORMAT.md).

After solving, the cost split is recomputed from the solution's values and the instance (not
from the objective vector) and checked against HiGHS' objective; the rows are checked for
violations; for cyclic types the referee's rule (network/balance_check.cc: real ready
minutes, parked vehicles = the lowest level needed at each facility) recounts the fleet.

Flags: --lp-only solves the LP relaxation (integrality off); --build-only stops after
building and reports the size; --fix-departures PLAN.json fixes every y to a plan's vehicles
(0 for departures the plan does not run): the model must then admit the plan at no more than
its objective (a check that the model is not stricter than the referee); the fixed y are
then passed without integrality (their bounds are whole), because HiGHS 1.2.0's MIP presolve
(Debian 12's scipy 1.10) loses feasible solutions of that fixed model. One HiGHS thread
(scipy's default); prints a line per phase and a summary to stderr; --json writes it as JSON.
--verbose prints HiGHS' own log to stdout.

Against shared/benchmarks/middlemile/peer.json: its peer also gave a y to every departure no
demand can use (no rows: HiGHS' presolve drops them), so its variable counts exceed this
model's by exactly those (t_small: 28,225 + 4,636 = 32,861; rows 29,824 in both). HiGHS 1.2.0
checks its time limit only now and then inside the root LP: a run may overrun it by tens of
seconds, and one stopped there has no solution and no bound.
"""
import os
import sys

try:
    import numpy as np
    import scipy.sparse as sp
    from scipy.optimize import LinearConstraint, milp
except ImportError:  # e.g. a pyenv python3 first on PATH: Debian's has python3-scipy
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("ten_peer: needs numpy and scipy >= 1.9 (apt-get install python3-scipy)")

import argparse
import bisect
import heapq
import json
import math
import time
from types import SimpleNamespace as NS

# ---------------------------------------------------------------------------------------------
# Instance: the fields of FORMAT.md with their defaults (network/derived_values.h).
# ---------------------------------------------------------------------------------------------


def geodesic_km(lon1, lat1, lon2, lat2):
    """WGS84 geodesic distance by Vincenty's inverse iteration (as network/geodesic.h)."""
    a, f = 6378137.0, 1 / 298.257223563
    b = a * (1 - f)
    L = math.radians(lon2 - lon1)
    U1 = math.atan((1 - f) * math.tan(math.radians(lat1)))
    U2 = math.atan((1 - f) * math.tan(math.radians(lat2)))
    sU1, cU1, sU2, cU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sl, cl = math.sin(lam), math.cos(lam)
        ss = math.hypot(cU2 * sl, cU1 * sU2 - sU1 * cU2 * cl)
        if ss == 0:
            return 0.0
        cs = sU1 * sU2 + cU1 * cU2 * cl
        sigma = math.atan2(ss, cs)
        sa = cU1 * cU2 * sl / ss
        c2a = 1 - sa * sa
        c2sm = cs - 2 * sU1 * sU2 / c2a if c2a != 0 else 0.0
        C = f / 16 * c2a * (4 + f * (4 - 3 * c2a))
        prev, lam = lam, L + (1 - C) * f * sa * (
            sigma + C * ss * (c2sm + C * cs * (-1 + 2 * c2sm * c2sm)))
        if abs(lam - prev) < 1e-12:
            break
    u2 = c2a * (a * a - b * b) / (b * b)
    A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    ds = B * ss * (c2sm + B / 4 * (cs * (-1 + 2 * c2sm * c2sm)
                                   - B / 6 * c2sm * (-3 + 4 * ss * ss) * (-3 + 4 * c2sm * c2sm)))
    return b * A * (sigma - ds) / 1000.0


def read_instance(path):
    """The instance with every default applied; lanes keep only departures arriving within
    the horizon (sorted); facilities, types and demands are referred to by index."""
    with open(path) as f:
        raw = json.load(f)
    horizon = int(raw["horizon_minutes"])
    step = int(raw.get("time_step_minutes", 30))
    fac_index = {fa["id"]: i for i, fa in enumerate(raw["facilities"])}
    facilities = [NS(id=fa["id"], lon=fa.get("lon", 0.0), lat=fa.get("lat", 0.0),
                     handling=int(fa.get("handling_minutes", 0)),
                     sort_cap=fa.get("sort_capacity_per_hour"),
                     handling_cost=float(fa.get("handling_cost_per_package", 0.0)))
                  for fa in raw["facilities"]]
    type_index = {v["id"]: i for i, v in enumerate(raw["vehicle_types"])}
    types = []
    for v in raw["vehicle_types"]:
        cyclic = v.get("balance", "none") == "cyclic"
        types.append(NS(id=v["id"], mode=v["mode"], cube=float(v["capacity"]["cube_m3"]),
                        weight=float(v["capacity"]["weight_kg"]),
                        cost_per_trip=float(v["cost_per_trip"]),
                        cost_per_km=float(v.get("cost_per_km", 0.0)),
                        speed=float(v["speed_kmh"]), circuity=float(v.get("circuity", 1.0)),
                        fleet=v.get("fleet"), cyclic=cyclic,
                        turn=int(v.get("turn_minutes", 0)),
                        cost_per_vehicle=float(v.get("cost_per_vehicle", 0.0)),
                        empty_per_km=float(v.get("empty_cost_per_km", v.get("cost_per_km", 0.0))),
                        empty_per_trip=float(v.get("empty_cost_per_trip", 0.0))))
    lanes = []
    for ln in raw["lanes"]:
        f, t, vt = fac_index[ln["from"]], fac_index[ln["to"]], type_index[ln["vehicle_type"]]
        typ = types[vt]
        km = ln.get("distance_km")
        if km is None:
            a, b = facilities[f], facilities[t]
            km = geodesic_km(a.lon, a.lat, b.lon, b.lat) * typ.circuity
        transit = ln.get("transit_minutes")
        if transit is None:
            minutes = km / typ.speed * 60.0
            transit = math.ceil(minutes - 1e-9 * max(1.0, minutes))
        transit = int(transit)
        deps = ln.get("departures", list(range(0, horizon, step)))
        deps = sorted(int(d) for d in deps if d + transit <= horizon)
        lanes.append(NS(id=ln.get("id", f"{ln['from']}>{ln['to']}:{ln['vehicle_type']}"),
                        frm=f, to=t, type=vt, km=float(km), transit=transit, deps=deps,
                        max_vehicles=ln.get("max_vehicles_per_departure"),
                        cost_per_trip=float(ln.get("cost_per_trip",
                                                   typ.cost_per_trip + typ.cost_per_km * km)),
                        cost_per_package=float(ln.get("cost_per_package", 0.0))))
    demands = [NS(id=k["id"], origin=fac_index[k["origin"]], dest=fac_index[k["destination"]],
                  packages=float(k["packages"]), cube=float(k["cube_m3"]),
                  weight=float(k["weight_kg"]), ready=int(k["ready_minute"]),
                  due=int(k["due_minute"])) for k in raw["demand"]]
    penalty = raw.get("unserved_penalty_per_package")
    if penalty is None:
        dearest = max([l.cost_per_trip for l in lanes] or [t.cost_per_trip for t in types] or [0])
        penalty = 100.0 * dearest if dearest > 0 else 1.0
    inst = NS(name=raw.get("name", os.path.splitext(os.path.basename(path))[0]),
              horizon=horizon, cycle=int(raw.get("cycle_minutes", horizon)),
              penalty=float(penalty), facilities=facilities, types=types, lanes=lanes,
              demands=demands)
    index_departures(inst)
    return inst


def index_departures(inst):
    """Global departure ids: lane `l`'s departures are first[l] .. first[l] + len - 1; arrays
    dep_lane, dep_minute over all of them; lanes out of / into each facility."""
    first, lane_of, minute = [], [], []
    for l, ln in enumerate(inst.lanes):
        first.append(len(minute))
        lane_of += [l] * len(ln.deps)
        minute += ln.deps
    inst.first = np.array(first + [len(minute)], dtype=np.int64)
    inst.dep_lane = np.array(lane_of, dtype=np.int64)
    inst.dep_minute = np.array(minute, dtype=np.int64)
    inst.out_lanes = [[] for _ in inst.facilities]
    inst.in_lanes = [[] for _ in inst.facilities]
    for l, ln in enumerate(inst.lanes):
        inst.out_lanes[ln.frm].append(l)
        inst.in_lanes[ln.to].append(l)
    lane_attr = lambda f: np.array([f(ln) for ln in inst.lanes] or [0], dtype=float)
    inst.lane_transit = lane_attr(lambda ln: ln.transit).astype(np.int64)
    inst.lane_from = lane_attr(lambda ln: ln.frm).astype(np.int64)
    inst.lane_to = lane_attr(lambda ln: ln.to).astype(np.int64)
    inst.lane_type = lane_attr(lambda ln: ln.type).astype(np.int64)
    inst.lane_trip_cost = lane_attr(lambda ln: ln.cost_per_trip)
    inst.lane_pkg_cost = lane_attr(lambda ln: ln.cost_per_package)
    inst.fac_handling = np.array([fa.handling for fa in inst.facilities], dtype=np.int64)
    inst.fac_hcost = np.array([fa.handling_cost for fa in inst.facilities])


# ---------------------------------------------------------------------------------------------
# Time windows of one demand: which departures lie on some on-time path.
# ---------------------------------------------------------------------------------------------


def earliest_available(inst, k):
    """Facility -> earliest minute k can leave it (origin: ready; elsewhere arrival +
    handling), by a label-setting search over the departures (FIFO: waiting is free). The
    destination is not expanded: a package arriving there is delivered."""
    best = {k.origin: k.ready}
    heap = [(k.ready, k.origin)]
    while heap:
        t, f = heapq.heappop(heap)
        if t > best.get(f, math.inf) or f == k.dest:
            continue
        for l in inst.out_lanes[f]:
            ln = inst.lanes[l]
            i = bisect.bisect_left(ln.deps, t)
            if i == len(ln.deps) or ln.to == k.dest:
                continue
            avail = ln.deps[i] + ln.transit + inst.facilities[ln.to].handling
            if avail < best.get(ln.to, math.inf):
                best[ln.to] = avail
                heapq.heappush(heap, (avail, ln.to))
    return best


def latest_departure(inst, k):
    """Facility -> latest minute k can leave it and still reach its destination by its due
    minute (backward label-setting search; nothing leaves the destination)."""
    best = {}
    heap = []  # (-latest minute, facility); the destination is seeded by its in-lanes

    def relax(l, bound):
        ln = inst.lanes[l]
        if ln.frm == k.dest:
            return
        i = bisect.bisect_right(ln.deps, bound) - 1
        if i >= 0 and ln.deps[i] > best.get(ln.frm, -math.inf):
            best[ln.frm] = ln.deps[i]
            heapq.heappush(heap, (-ln.deps[i], ln.frm))

    for l in inst.in_lanes[k.dest]:
        relax(l, k.due - inst.lanes[l].transit)
    while heap:
        t, g = heapq.heappop(heap)
        if -t < best[g]:
            continue
        for l in inst.in_lanes[g]:
            ln = inst.lanes[l]
            relax(l, -t - ln.transit - inst.facilities[g].handling)
    return best


def usable_departures(inst, k):
    """Global ids of the departures on some on-time path of k: leaving f at d >= earliest(f)
    and arriving at the destination by due, or at g by latest(g) - handling(g)."""
    early, late = earliest_available(inst, k), latest_departure(inst, k)
    ids = []
    for f, t0 in early.items():
        if f == k.dest:
            continue
        for l in inst.out_lanes[f]:
            ln = inst.lanes[l]
            if ln.to == k.dest:
                hi = k.due - ln.transit
            elif ln.to in late:
                hi = late[ln.to] - ln.transit - inst.facilities[ln.to].handling
            else:
                continue
            i, j = bisect.bisect_left(ln.deps, t0), bisect.bisect_right(ln.deps, hi)
            if i < j:
                ids.append(np.arange(inst.first[l] + i, inst.first[l] + j, dtype=np.int64))
    return np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# The model: columns, rows and COO entries, appended block by block.
# ---------------------------------------------------------------------------------------------


class Model:
    """Columns (cost, bounds, integrality, kind) and rows (bounds) with their COO entries."""

    def __init__(self):
        self.cost, self.lb, self.ub, self.integer, self.kind = [], [], [], [], []
        self.row_lb, self.row_ub = [], []
        self.r, self.c, self.v = [], [], []
        self.ncols = self.nrows = 0
        self.kinds = {}  # kind name -> small int

    def columns(self, kind, cost, lb, ub, integer):
        """Adds len(cost) columns of one kind; returns the index of the first."""
        n = len(cost)
        code = self.kinds.setdefault(kind, len(self.kinds))
        for lst, val in ((self.cost, cost), (self.lb, lb), (self.ub, ub)):
            lst.append(np.broadcast_to(np.asarray(val, dtype=float), (n,)))
        self.integer.append(np.full(n, 1 if integer else 0, dtype=np.int8))
        self.kind.append(np.full(n, code, dtype=np.int8))
        start, self.ncols = self.ncols, self.ncols + n
        return start

    def rows(self, lb, ub, n):
        """Adds n rows with bounds [lb, ub] (scalars or arrays); returns the first index."""
        self.row_lb.append(np.broadcast_to(np.asarray(lb, dtype=float), (n,)))
        self.row_ub.append(np.broadcast_to(np.asarray(ub, dtype=float), (n,)))
        start, self.nrows = self.nrows, self.nrows + n
        return start

    def entries(self, rows, cols, vals):
        rows = np.asarray(rows, dtype=np.int64)
        self.r.append(rows)
        self.c.append(np.broadcast_to(np.asarray(cols, dtype=np.int64), rows.shape))
        self.v.append(np.broadcast_to(np.asarray(vals, dtype=float), rows.shape))

    def finish(self):
        cat = lambda parts, dt: np.concatenate(parts).astype(dt) if parts else np.zeros(0, dt)
        self.cost, self.lb, self.ub = (cat(p, float) for p in (self.cost, self.lb, self.ub))
        self.integer, self.kind = cat(self.integer, np.int8), cat(self.kind, np.int8)
        self.row_lb, self.row_ub = cat(self.row_lb, float), cat(self.row_ub, float)
        self.A = sp.coo_matrix((cat(self.v, float), (cat(self.r, np.int64), cat(self.c, np.int64))),
                               shape=(self.nrows, self.ncols)).tocsr()
        self.r = self.c = self.v = None


def add_demand(inst, m, k, kidx, ids, flows):
    """k's x, waiting and unserved columns and its conservation rows (see the docstring).
    Appends (x columns, departure ids, demand index) to `flows`."""
    if len(ids) == 0:  # no on-time path: unserved, a constant
        m.columns("unserved", [inst.penalty * k.packages], 1.0, 1.0, False)
        return
    lane = inst.dep_lane[ids]
    d = inst.dep_minute[ids]
    tail_f, head_f = inst.lane_from[lane], inst.lane_to[lane]
    big = inst.horizon + int(inst.lane_transit.max()) + int(inst.fac_handling.max()) + 2
    inner = head_f != k.dest
    avail = d + inst.lane_transit[lane] + inst.fac_handling[head_f]
    # k's nodes, by facility then minute: departures, availability minutes, its ready minute.
    keys = np.unique(np.concatenate([tail_f * big + d, head_f[inner] * big + avail[inner],
                                     [k.origin * big + k.ready]]))
    source = int(np.searchsorted(keys, k.origin * big + k.ready))
    supply = np.zeros(len(keys))
    supply[source] = 1.0
    nodes = m.rows(supply, supply, len(keys))
    # x: out of its tail node, into the node at its head at arrival + handling.
    cost = k.packages * (inst.lane_pkg_cost[lane] + inst.fac_hcost[tail_f])
    x0 = m.columns("x", cost, 0.0, 1.0, False)
    xs = np.arange(x0, x0 + len(ids))
    m.entries(nodes + np.searchsorted(keys, tail_f * big + d), xs, 1.0)
    head = np.searchsorted(keys, head_f[inner] * big + avail[inner])
    m.entries(nodes + head, xs[inner], -1.0)
    # Waiting between consecutive nodes of a facility.
    same = np.flatnonzero(keys[:-1] // big == keys[1:] // big)
    w0 = m.columns("wait", np.zeros(len(same)), 0.0, np.inf, False)
    ws = np.arange(w0, w0 + len(same))
    m.entries(nodes + same, ws, 1.0)
    m.entries(nodes + same + 1, ws, -1.0)
    # Supply at k's first node at its origin: out - in + u = 1.
    u = m.columns("unserved", [inst.penalty * k.packages], 0.0, 1.0, False)
    m.entries([nodes + source], u, 1.0)
    flows.append((xs, ids, np.full(len(ids), kidx, dtype=np.int64)))


def add_vehicles(inst, m, x, dep, kk, fixed=None):
    """y per departure some demand uses, with its cube, weight and strong-linking rows.
    Returns (y columns, their departure ids)."""
    used, pos = np.unique(dep, return_inverse=True)
    lane = inst.dep_lane[used]
    ub = np.array([inst.lanes[l].max_vehicles or np.inf for l in lane], dtype=float)
    lb = np.zeros(len(used))
    if fixed is not None:  # --fix-departures
        lb = ub = np.array([fixed.get((int(l), int(t)), 0) for l, t in
                            zip(lane, inst.dep_minute[used])], dtype=float)
    y0 = m.columns("y", inst.lane_trip_cost[lane], lb, ub, True)
    ys = np.arange(y0, y0 + len(used))
    cube = np.array([t.cube for t in inst.types])[inst.lane_type[lane]]
    weight = np.array([t.weight for t in inst.types])[inst.lane_type[lane]]
    pk = lambda attr: np.array([getattr(k, attr) for k in inst.demands])[kk]
    for cap, attr in ((cube, "cube"), (weight, "weight")):
        r0 = m.rows(-np.inf, 0.0, len(used))
        m.entries(r0 + pos, x, pk(attr))
        m.entries(r0 + np.arange(len(used)), ys, -cap)
    r0 = m.rows(-np.inf, 0.0, len(x))  # x[k,a] - y[a] <= 0
    m.entries(r0 + np.arange(len(x)), x, 1.0)
    m.entries(r0 + np.arange(len(x)), ys[pos], -1.0)
    return ys, used


def add_sort_capacity(inst, m, x, dep, kk):
    """Per facility with a sort capacity and whole hour: packages leaving <= capacity."""
    f = inst.lane_from[inst.dep_lane[dep]]
    cap = np.array([fa.sort_cap if fa.sort_cap is not None else np.inf
                    for fa in inst.facilities])
    keep = np.isfinite(cap[f])
    if not keep.any():
        return 0
    hour_key = f[keep] * (inst.horizon // 60 + 2) + inst.dep_minute[dep[keep]] // 60
    keys, pos = np.unique(hour_key, return_inverse=True)
    r0 = m.rows(-np.inf, cap[keys // (inst.horizon // 60 + 2)], len(keys))
    packages = np.array([k.packages for k in inst.demands])
    m.entries(r0 + pos, x[keep], packages[kk[keep]])
    return len(keys)


def add_fleet_en_route(inst, m, ys, used):
    """Non-cyclic types with a fleet: at each minute one of their departures leaves, the
    vehicles en route (departure <= minute < arrival) <= fleet."""
    count = 0
    for t, typ in enumerate(inst.types):
        mine = inst.lane_type[inst.dep_lane[used]] == t
        if typ.cyclic or typ.fleet is None or not mine.any():
            continue
        start = inst.dep_minute[used[mine]]
        end = start + inst.lane_transit[inst.dep_lane[used[mine]]]
        events = np.unique(start)
        lo, hi = np.searchsorted(events, start), np.searchsorted(events, end)  # [lo, hi)
        r0 = m.rows(-np.inf, float(typ.fleet), len(events))
        n = hi - lo
        col = np.repeat(ys[mine], n)
        row = np.repeat(lo - np.cumsum(n) + n, n) + np.arange(n.sum())
        m.entries(r0 + row, col, 1.0)
        count += len(events)
    return count


def fold(t, cycle):
    return np.mod(t, cycle)


def add_cyclic_type(inst, m, t, ys, used, cyc):
    """The vehicle flow of cyclic type t on the folded cycle (see the docstring). Records in
    `cyc` what the solution summary and the referee check need."""
    typ, C = inst.types[t], inst.cycle
    lanes = [l for l, ln in enumerate(inst.lanes) if ln.type == t]
    all_deps = np.concatenate([np.arange(inst.first[l], inst.first[l + 1]) for l in lanes]) \
        if lanes else np.zeros(0, dtype=np.int64)
    if len(all_deps) == 0:
        return
    span = C + 1
    dl = inst.dep_lane[all_deps]
    dur = inst.lane_transit[dl] + typ.turn
    fd = fold(inst.dep_minute[all_deps], C)
    keys = np.unique(np.concatenate([inst.lane_from[dl] * span + fd,
                                     inst.lane_to[dl] * span + fold(fd + dur, C)]))
    fac, minute = keys // span, keys % span
    nodes = m.rows(0.0, 0.0, len(keys))
    own = []  # (columns, crossings) for F
    # Loaded departures with a y.
    mine = np.flatnonzero(inst.lane_type[inst.dep_lane[used]] == t)
    ul = inst.dep_lane[used[mine]]
    ufd = fold(inst.dep_minute[used[mine]], C)
    ready = ufd + inst.lane_transit[ul] + typ.turn
    m.entries(nodes + np.searchsorted(keys, inst.lane_from[ul] * span + ufd), ys[mine], 1.0)
    m.entries(nodes + np.searchsorted(keys, inst.lane_to[ul] * span + fold(ready, C)),
              ys[mine], -1.0)
    own.append((ys[mine], ready // C))
    # Waiting: consecutive nodes of a facility, and the last to the first across the start.
    same = np.flatnonzero(fac[:-1] == fac[1:])
    starts = np.flatnonzero(np.r_[True, fac[1:] != fac[:-1]])
    ends = np.r_[starts[1:], len(keys)] - 1
    multi = ends > starts
    tails = np.concatenate([same, ends[multi]])
    heads = np.concatenate([same + 1, starts[multi]])
    w0 = m.columns("cwait", np.zeros(len(tails)), 0.0, np.inf, False)
    ws = np.arange(w0, w0 + len(tails))
    m.entries(nodes + tails, ws, 1.0)
    m.entries(nodes + heads, ws, -1.0)
    crossing = np.r_[np.zeros(len(same), dtype=np.int64), np.ones(multi.sum(), dtype=np.int64)]
    own.append((ws, crossing))
    # Empty moves on every link (lane or reverse; duplicates merged) out of every tail node.
    links = sorted({(a, b, inst.lanes[l].transit, typ.empty_per_trip + typ.empty_per_km *
                     inst.lanes[l].km, l) for l in lanes
                    for a, b in ((inst.lanes[l].frm, inst.lanes[l].to),
                                 (inst.lanes[l].to, inst.lanes[l].frm))})
    seen, e_meta = set(), []
    for a, b, transit, cost, l in links:
        ta, tb = np.flatnonzero(fac == a), np.flatnonzero(fac == b)
        if (a, b, transit, cost) in seen or len(ta) == 0 or len(tb) == 0:
            continue
        seen.add((a, b, transit, cost))
        r = minute[ta] + transit + typ.turn
        base, fr = r - fold(r, C), fold(r, C)
        idx = np.searchsorted(minute[tb], fr)
        wrap = idx == len(tb)
        head = np.where(wrap, tb[0], tb[np.minimum(idx, len(tb) - 1)])
        at = np.where(wrap, base + C + minute[tb[0]], base + minute[head])
        e0 = m.columns("empty", np.full(len(ta), cost), 0.0, np.inf, True)
        es = np.arange(e0, e0 + len(ta))
        m.entries(nodes + ta, es, 1.0)
        m.entries(nodes + head, es, -1.0)
        own.append((es, at // C))
        e_meta.append((es, l, a, b, minute[ta], r))
    # Ownership: F - sum crossings x columns = 0, F <= fleet, cost per vehicle.
    fleet = float(typ.fleet) if typ.fleet is not None else np.inf
    F = m.columns("fleet", [typ.cost_per_vehicle], 0.0, fleet, False)
    row = m.rows(0.0, 0.0, 1)
    m.entries([row], F, 1.0)
    for cols, k in own:
        nz = k > 0
        m.entries(np.full(nz.sum(), row), cols[nz], -k[nz].astype(float))
    cyc[t] = NS(F=F, y=(ys[mine], used[mine]), empty=e_meta, wrap=ws[len(same):],
                wrap_fac=fac[ends[multi]], nodes=len(keys))


def build(inst, fixed=None):
    """The whole model; returns (Model, metadata for the summary)."""
    m = Model()
    flows = []
    for kidx, k in enumerate(inst.demands):
        add_demand(inst, m, k, kidx, usable_departures(inst, k), flows)
    x = np.concatenate([f[0] for f in flows]) if flows else np.zeros(0, dtype=np.int64)
    dep = np.concatenate([f[1] for f in flows]) if flows else np.zeros(0, dtype=np.int64)
    kk = np.concatenate([f[2] for f in flows]) if flows else np.zeros(0, dtype=np.int64)
    ys, used = add_vehicles(inst, m, x, dep, kk, fixed)
    meta = NS(x=x, dep=dep, kk=kk, ys=ys, used=used, cyc={})
    meta.sort_rows = add_sort_capacity(inst, m, x, dep, kk)
    meta.fleet_rows = add_fleet_en_route(inst, m, ys, used)
    for t, typ in enumerate(inst.types):
        if typ.cyclic:
            add_cyclic_type(inst, m, t, ys, used, meta.cyc)
    m.finish()
    return m, meta


# ---------------------------------------------------------------------------------------------
# The solution: cost split recomputed from the instance, rows checked, fleets recounted.
# ---------------------------------------------------------------------------------------------


def cost_split(inst, m, meta, v):
    """The objective's parts from the solution's values and the instance's data."""
    packages = np.array([k.packages for k in inst.demands])
    lane_x = inst.dep_lane[meta.dep]
    carried = packages[meta.kk] * v[meta.x]
    served = np.bincount(meta.kk, weights=v[meta.x] * (inst.lane_to[lane_x] ==
                         np.array([k.dest for k in inst.demands])[meta.kk]),
                         minlength=len(inst.demands))
    split = {
        "vehicles": float(np.sum(inst.lane_trip_cost[inst.dep_lane[meta.used]] * v[meta.ys])),
        "packages": float(np.sum(carried * inst.lane_pkg_cost[lane_x])),
        "handling": float(np.sum(carried * inst.fac_hcost[inst.lane_from[lane_x]])),
        "unserved": float(inst.penalty * np.sum(packages * (1.0 - served))),
        "repositioning": 0.0, "fleet": 0.0}
    for t, c in meta.cyc.items():
        typ = inst.types[t]
        for es, l, *_ in c.empty:
            split["repositioning"] += float(np.sum(v[es]) * (
                typ.empty_per_trip + typ.empty_per_km * inst.lanes[l].km))
        split["fleet"] += typ.cost_per_vehicle * float(v[c.F])
    return split, float(np.sum(packages * served))


def row_violation(m, v):
    """Largest violation of a row or bound by the solution (absolute)."""
    ax = m.A @ v
    rows = max(np.max(m.row_lb - ax, initial=0), np.max(ax - m.row_ub, initial=0))
    cols = max(np.max(m.lb - v, initial=0), np.max(v - m.ub, initial=0))
    return float(max(rows, cols))


def referee_fleet(inst, meta, v, t):
    """The cyclic type's vehicles by the referee's rule (network/balance_check.cc): trips at
    their real ready minutes, vehicles parked at the start = the least level keeping every
    facility's count >= 0 with ready vehicles before departures, plus en-route crossings.
    Returns (vehicles, facilities out of balance)."""
    C, typ, c = inst.cycle, inst.types[t], meta.cyc[t]
    trips = []  # (from, to, folded departure, real ready, vehicles)
    ycols, deps = c.y
    for col, dep in zip(ycols, deps):
        n = int(round(v[col]))
        if n:
            ln = inst.lanes[inst.dep_lane[dep]]
            d = int(inst.dep_minute[dep]) % C
            trips.append((ln.frm, ln.to, d, d + ln.transit + typ.turn, n))
    for es, l, a, b, tail_minute, ready in c.empty:
        for col, d, r in zip(es, tail_minute, ready):
            n = int(round(v[col]))
            if n:
                trips.append((a, b, int(d), int(r), n))
    events, en_route = {}, 0
    for a, b, d, r, n in trips:
        events.setdefault(a, []).append((d, -n))
        events.setdefault(b, []).append((r % C, n))
        en_route += n * (r // C)
    parked, unbalanced = 0, 0
    for f, lst in events.items():
        unbalanced += sum(e[1] for e in lst) != 0
        lst.sort(key=lambda e: (e[0], -e[1]))
        level = np.cumsum([e[1] for e in lst])
        parked += max(0, -int(level.min()))
    return parked + en_route, unbalanced


def summarize(inst, m, meta, res, seconds, integral):
    """The summary dictionary of a solved (or unsolved) model; `integral`: y and empty moves
    are whole (not the LP relaxation)."""
    out = {"status": int(res.status), "message": res.message,
           "objective": None, "bound": getattr(res, "mip_dual_bound", None),
           "mip_gap": getattr(res, "mip_gap", None), "solve_seconds": round(seconds, 2)}
    if res.x is None:
        return out
    v = res.x
    split, served = cost_split(inst, m, meta, v)
    total = sum(split.values())
    out.update(objective=float(res.fun), cost=split, cost_recomputed=total,
               cost_agrees=abs(total - res.fun) <= 1e-6 * max(1.0, abs(res.fun)),
               max_violation=row_violation(m, v), packages_served=served,
               packages=float(sum(k.packages for k in inst.demands)))
    whole = (lambda a: int(round(a))) if integral else float  # LP: fractional counts
    trips = {}
    for col, dep in zip(meta.ys, meta.used):
        mode = inst.types[inst.lanes[inst.dep_lane[dep]].type].mode
        trips[mode] = trips.get(mode, 0) + v[col]
    out["vehicle_trips"] = {mode: whole(n) for mode, n in trips.items()}
    out["empty_moves"] = whole(sum(v[es].sum() for c in meta.cyc.values() for es, *_ in c.empty))
    out["fleet"] = {}
    for t, c in meta.cyc.items():
        out["fleet"][inst.types[t].id] = {"model": float(v[c.F])}
        if integral:  # the referee's count needs whole vehicles
            vehicles, unbalanced = referee_fleet(inst, meta, v, t)
            out["fleet"][inst.types[t].id].update(referee=vehicles,
                                                  unbalanced_facilities=unbalanced)
    return out


# ---------------------------------------------------------------------------------------------
# Command line.
# ---------------------------------------------------------------------------------------------


def plan_vehicles(inst, path):
    """(lane index, departure minute) -> vehicles of a middlemile plan."""
    with open(path) as f:
        plan = json.load(f)
    lane_index = {ln.id: i for i, ln in enumerate(inst.lanes)}
    return {(lane_index[d["lane"]], int(d["departure_minute"])): int(d["vehicles"])
            for d in plan["departures"]}


def log(msg):
    print(f"ten_peer: {msg}", file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, required=True, help="HiGHS time limit, s")
    ap.add_argument("--json", help="write the summary here as JSON")
    ap.add_argument("--lp-only", action="store_true", help="solve the LP relaxation")
    ap.add_argument("--build-only", action="store_true", help="build and report the size")
    ap.add_argument("--fix-departures", metavar="PLAN", help="fix y to a plan's vehicles")
    ap.add_argument("--verbose", action="store_true", help="HiGHS' log (to stdout)")
    args = ap.parse_args()
    wall = time.time()
    log(f"building {args.instance}")
    inst = read_instance(args.instance)
    fixed = plan_vehicles(inst, args.fix_departures) if args.fix_departures else None
    if fixed:
        known = set(zip(inst.dep_lane.tolist(), inst.dep_minute.tolist()))
        log(f"plan: {len(fixed)} departures, {sum(k not in known for k in fixed)} not in "
            "the instance's departures")
    m, meta = build(inst, fixed)
    if fixed:
        have = set(zip(inst.dep_lane[meta.used].tolist(), inst.dep_minute[meta.used].tolist()))
        log(f"plan departures without a y (no demand can use them): "
            f"{sum(k not in have for k in fixed)}")
    integrality = np.zeros(m.ncols) if args.lp_only else m.integer.astype(float)
    if fixed:  # fixed integer columns stay integer without integrality: HiGHS 1.2.0's MIP
        integrality[meta.ys] = 0  # presolve loses feasible solutions of the fixed model
    size = {"variables": m.ncols, "rows": m.nrows, "integer_variables": int(integrality.sum()),
            "nonzeros": int(m.A.nnz),
            "columns": {name: int(np.sum(m.kind == code)) for name, code in m.kinds.items()},
            "sort_rows": meta.sort_rows, "fleet_rows": meta.fleet_rows,
            "cyclic_nodes": {inst.types[t].id: c.nodes for t, c in meta.cyc.items()},
            "build_seconds": round(time.time() - wall, 2)}
    log("size: " + ", ".join(f"{k} {v}" for k, v in size.items()))
    summary = {"instance": inst.name, "file": args.instance, "time_limit": args.time_limit,
               "lp_only": args.lp_only, "fixed_departures": args.fix_departures, **size}
    if not args.build_only:
        log(f"solving ({'LP relaxation' if args.lp_only else 'MIP'}, "
            f"time limit {args.time_limit:g} s)")
        t0 = time.time()
        res = milp(m.cost, integrality=integrality, bounds=(m.lb, m.ub),
                   constraints=LinearConstraint(m.A, m.row_lb, m.row_ub),
                   options={"time_limit": args.time_limit, "disp": args.verbose,
                            "presolve": True})
        summary.update(summarize(inst, m, meta, res, time.time() - t0, not args.lp_only))
        if args.lp_only and res.x is not None:
            summary["bound"] = summary["objective"]
    summary["wall_seconds"] = round(time.time() - wall, 2)
    for key, value in summary.items():
        log(f"{key}: {value}")
    if summary.get("objective") is None and not args.build_only:
        log("no feasible solution within the time limit")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=1, default=str)
            f.write("\n")


if __name__ == "__main__":
    main()
