"""The API server's own limit for a first sync, and gitops-sync's first sync measured against it.

bench/ssa-load sends the set's objects, one server-side-apply PATCH each, with no client work, at a given
concurrency. The sweep runs it at each concurrency on a fresh copy of the set (own names; deleted, and its
namespaces gone, before the next level), so every level starts from the same clean state as a first sync;
with `engine` also gitops-sync's first sync at the same concurrency, side by side (the order alternates).
"""
import json
import os

from . import generate, measure
from .tools import Result, go_program

SSA_BUILD = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "ssa-load", "build")
LEVELS = (1, 2, 4, 8, 16, 32, 64)


def parse_levels(text):
    levels = sorted({int(x) for x in text.split(",") if x.strip()})
    if not levels or levels[0] < 1 or levels[-1] > 64:
        raise ValueError(f"concurrency levels must be 1 to 64: {text!r}")
    return levels


class SsaLoad:
    """One run of bench/ssa-load: its figures from the JSON line it prints."""
    name = "raw SSA"

    def __init__(self, binary, kubeconfig):
        self.binary = binary
        self.kubeconfig = kubeconfig

    def apply(self, scenario, directory, logs, concurrency):
        base = os.path.join(logs, f"ssa-load-{scenario}")
        argv = [self.binary, "--dir", directory, "--kubeconfig", self.kubeconfig, "--concurrency", str(concurrency)]
        r = measure.run(argv, base + ".out", base + ".err")
        try:
            with open(r.stdout, encoding="utf-8") as f:
                report = json.loads(f.read().strip().splitlines()[-1])
        except (OSError, ValueError, IndexError):
            report = {}
        # the PATCHes alone (first stage, CRD wait, the rest): reading files and discovery are not the limit
        wall = report.get("wallSeconds", r.wall_s)
        res = Result(tool=self.name, scenario=scenario, wall_s=wall, requests=report.get("requests", -1),
                     rss_kb=r.rss_kb, cpu_s=r.cpu_s, rc=r.rc, expected_rc=(0,),
                     steps=[{"argv": r.argv, "rc": r.rc, "wall_s": r.wall_s, "rss_kb": r.rss_kb, "cpu_s": r.cpu_s,
                             "stderr": r.stderr}], report=report)
        if r.rc != 0 or report.get("failed", 1) != 0:
            res.ok = False
            res.check = f"exit {r.rc}, {report.get('failed')} failed: {report.get('firstError') or measure.tail(r.stderr, 5)}"
        return res


class Sweep:
    """The levels of one size and shape: the raw limit at each, and gitops-sync's first sync when asked."""

    def __init__(self, bench, raw, levels, engine=False):
        self.bench = bench  # main.Bench: kubectl, engine, settle, say, record
        self.raw = raw
        self.levels = levels
        self.engine = engine

    def run(self, shape, size, rep, make_repo, token, say):
        out = []
        for i, c in enumerate(self.levels):
            tools = ["raw", "engine"] if self.engine else ["raw"]
            if i % 2:
                tools.reverse()  # neither always runs right after a cleanup
            for t in tools:
                res = self._one(t, shape, size, rep, c, make_repo, token)
                res.report["concurrency"] = c
                out.append(res)
                say(f"  {shape} {size} r{rep} concurrency {c:2d} {res.tool:<11} {res.wall_s:7.2f}s {res.requests:6d} req "
                    f"load {os.getloadavg()[0]:.1f}{'' if res.ok else '  FAILED: ' + res.check}")
        return out

    def _one(self, tool, shape, size, rep, c, make_repo, token):
        letter = "s" if tool == "raw" else "e"
        name = f"bench-{letter}{size}r{rep}-{token()}"
        work = generate.workload(name, size, shape)
        directory = os.path.join(self.bench.args.out, "work", f"limit-{shape}-{size}-c{c}-{tool}")
        logs = os.path.join(self.bench.args.out, "logs", f"limit-{shape}-{size}-r{rep}")
        os.makedirs(logs, exist_ok=True)
        make_repo(directory, work)
        try:
            if tool == "raw":
                res = self.raw.apply(f"c{c}", directory, logs, c)
            else:
                res = self.bench.engine.sync(f"first-sync-c{c}", directory, name, logs, concurrency=c)
                res.ok = res.ok and (res.report.get("totals") or {}).get("created") == size
                if not res.ok and not res.check:
                    res.check = f"created {(res.report.get('totals') or {}).get('created')}/{size}"
            self.bench.settle(work)
        finally:
            self.bench.k.delete_sets([name])  # the namespaces gone, and the ApplySet parent
        return res


def best(results, tool):
    """The fastest good run of a tool in a sweep, or None."""
    good = [r for r in results if r["tool"] == tool and r["ok"]]
    return min(good, key=lambda r: r["wall_s"]) if good else None
