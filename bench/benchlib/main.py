"""bench/run: gitops-sync against kubectl's ApplySet on the test cluster (see bench/README.md)."""
import argparse
import json
import os
import platform
import random
import signal
import string
import subprocess
import sys
import time
from dataclasses import dataclass, field

from . import generate, limit, report
from .cluster import ENGINE_PARENT_NAMESPACE, Kubectl, kubectl_set_id
from .tools import Engine, FluxEngine, KubectlApplySet, go_program

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH_DIR)
CLUSTER = os.path.join(ROOT, "test-cluster", "cluster")
FLUX_BUILD = os.path.join(BENCH_DIR, "flux-engine", "build")
# Each tool's sets are named bench-<letter><size>r<rep>-<token> (see cluster.SET_NAME).
TOOLS = ["engine", "flux", "kubectl"]
SET_LETTER = {"engine": "e", "flux": "f", "kubectl": "k"}
GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
           "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}


def say(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    p.add_argument("--sizes", default="100,1000", help="object counts, comma-separated (default 100,1000; 3000 and 10000 also work)")
    p.add_argument("--shapes", default="many,one",
                   help="workload shapes, comma-separated: many (N/100 namespaces, 3 to 20) and one (a single namespace); default both")
    p.add_argument("--reps", type=int, default=3, help="repetitions per size (default 3); medians are reported")
    p.add_argument("--reps-large", type=int, default=1,
                   help="repetitions for sizes above 1000 (default 1, to keep the run short)")
    p.add_argument("--kubeconfig", help="admin kubeconfig (default: from test-cluster/cluster status)")
    p.add_argument("--kubectl", help="kubectl binary (default: the test cluster's, same version as the server)")
    p.add_argument("--engine", default=os.path.join(ROOT, "gitops-sync"), help="gitops-sync launcher")
    p.add_argument("--concurrency", type=int, help="passed to gitops-sync --concurrency (default: its own)")
    p.add_argument("--limit", default=",".join(map(str, limit.LEVELS)),
                   help="concurrency levels of the raw SSA limit (bench/ssa-load) measured before each repetition's "
                        "first syncs, comma-separated (default 1,2,4,8,16,32,64; 'none': not measured)")
    p.add_argument("--limit-engine", action="store_true",
                   help="also measure gitops-sync's first sync at each of those levels, side by side")
    p.add_argument("--limit-only", action="store_true",
                   help="only the limit's sweep (with --limit-engine: and gitops-sync's); no other scenario")
    p.add_argument("--flux-no-client-limits", action="store_true",
                   help="run the Flux engine without client-side rate limits (default: Flux's QPS 50, burst 300)")
    p.add_argument("--out", default=os.path.join(BENCH_DIR, "out"), help="output directory (default bench/out)")
    p.add_argument("--time-limit", type=float, default=60, help="minutes; no new repetition starts after it (default 60)")
    p.add_argument("--keep", action="store_true", help="leave the last repetition's objects on the cluster")
    p.add_argument("--cleanup", action="store_true", help="only delete leftovers of earlier runs, then exit")
    a = p.parse_args(argv)
    a.sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    a.shapes = [s.strip() for s in a.shapes.split(",") if s.strip()]
    try:
        a.limit = [] if a.limit.strip() == "none" else limit.parse_levels(a.limit)
    except ValueError as e:
        p.error(f"--limit: {e}")
    if a.limit_only and not a.limit:
        p.error("--limit-only needs --limit levels")
    for s in a.shapes:
        if s not in generate.SHAPES:
            p.error(f"--shapes: unknown shape {s!r} (one of {', '.join(generate.SHAPES)})")
    return a


def cluster_kubeconfig():
    out = subprocess.run([CLUSTER, "status"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("KUBECONFIG="):
            return line.split("=", 1)[1].strip()
    raise SystemExit(f"bench: the test cluster is not up ({CLUSTER} status); start it with: {CLUSTER} up")


def cluster_kubectl():
    out = subprocess.run([CLUSTER, "build"], capture_output=True, text=True)
    path = os.path.join(out.stdout.strip().splitlines()[-1], "kubectl") if out.stdout.strip() else ""
    if out.returncode != 0 or not os.access(path, os.X_OK):
        raise SystemExit(f"bench: no kubectl from {CLUSTER} build: {out.stderr.strip()[-500:]}")
    return path


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def make_repo(path, workload):
    if os.path.exists(path):
        subprocess.run(["rm", "-rf", path], check=True)
    os.makedirs(path)
    workload.write(path)
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", f"{workload.size} objects")


def remove_from_git(path, objs):
    git(path, "rm", "-q", *[o.path for o in objs])
    git(path, "commit", "-q", "-m", f"remove {len(objs)} objects")


@dataclass
class Rep:
    """One repetition's sets: names, workloads, repositories, logs, per-tool set ids."""
    shape: str
    size: int
    rep: int
    sets: dict
    loads: dict
    repos: dict
    logs: str
    flux_inventory: str  # the Flux engine's inventory file (the controller keeps it in its status)
    ids: dict = field(default_factory=dict)


def token():
    return "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(4))


class Bench:
    def __init__(self, args):
        self.args = args
        self.kubeconfig = os.path.abspath(args.kubeconfig or cluster_kubeconfig())
        self.k = Kubectl(os.path.abspath(args.kubectl or cluster_kubectl()), self.kubeconfig,
                         os.path.join(args.out, "kubectl-cache"))
        self.engine = Engine(os.path.abspath(args.engine), self.kubeconfig, os.path.join(args.out, "gitops-sync-cache"),
                             args.concurrency)
        self.kubectl = KubectlApplySet(self.k)
        self.flux = None  # built in prepare()
        self.sweep = None  # the raw SSA limit's sweep, built in prepare()
        self.results = []
        self.notes = []
        self.started = time.monotonic()

    # ------------------------------------------------------------------------------------------

    def prepare(self):
        os.makedirs(self.args.out, exist_ok=True)
        subprocess.run(["rm", "-rf", self.engine.env["GITOPS_SYNC_CACHE"]], check=True)
        self.kubectl_version, self.server_version = self.k.version(), self.k.server_version()
        say(f"kubectl {self.kubectl_version} ({self.k.binary}), server {self.server_version}")
        say("removing leftovers of earlier benchmark runs")
        if not self.k.delete_sets(None):
            say("warning: some old benchmark namespaces are still terminating")
        self.k.ensure_parent_type()
        # Unmeasured warm-ups, as on a machine where the tools ran before: the launcher builds its jar
        # when stale, and its first cluster command after a build writes a class-data archive; kubectl
        # fills its discovery cache.
        say(f"warming up {self.engine.launcher} (builds the jar if needed)")
        w = subprocess.run([self.engine.launcher, "--version"], capture_output=True, text=True, timeout=900)
        if w.returncode != 0:
            raise SystemExit(f"bench: {self.engine.launcher} --version failed: {(w.stderr or w.stdout).strip()[-2000:]}")
        self.engine_version = w.stdout.strip().splitlines()[-1] if w.stdout.strip() else "?"
        self.warm_up_sync()
        self.k.run("api-resources", "-o", "name")
        say(f"building {FLUX_BUILD} if needed (first build: a few minutes)")
        self.flux = FluxEngine(go_program(FLUX_BUILD), self.kubeconfig, self.args.flux_no_client_limits)
        if self.args.limit:
            say(f"building {limit.SSA_BUILD} if needed")
            raw = limit.SsaLoad(go_program(limit.SSA_BUILD), self.kubeconfig)
            self.sweep = limit.Sweep(self, raw, self.args.limit, engine=self.args.limit_engine)

    def warm_up_sync(self):
        name = f"bench-e100r0-{token()}"
        repo = os.path.join(self.args.out, "work", "warm-up")
        make_repo(repo, generate.workload(name, 100))
        logs = os.path.join(self.args.out, "logs", "warm-up")
        os.makedirs(logs, exist_ok=True)
        say(f"warm-up sync of 100 objects ({name}), not measured")
        try:
            res = self.engine.sync("warm-up", repo, name, logs)
            if not res.ok:
                say(f"warning: the warm-up sync failed: {res.check}")
        finally:
            self.k.delete_sets([name])

    def record(self, res, r, quiet=False):
        size, rep = r.size, r.rep
        d = res.to_dict()
        d["shape"], d["size"], d["rep"] = r.shape, size, rep
        d["load1"] = os.getloadavg()[0]  # how busy the shared machine was
        self.results.append(d)
        if quiet:
            return
        extra = ""
        if res.tool == "gitops-sync" and res.report.get("phases"):
            extra = " phases " + ",".join(f"{k}={v}" for k, v in res.report["phases"].items())
        say(f"  {r.shape} {size} r{rep} {res.scenario:<12} {res.tool:<11} {res.wall_s:7.2f}s {res.requests:6d} req "
            f"{res.rss_kb / 1024:6.0f} MiB {res.cpu_s:6.2f} cpu-s load {d['load1']:.1f} rc={res.rc}{'' if res.ok else '  FAILED: ' + res.check}{extra}")

    def one_rep(self, shape, size, rep):
        if self.sweep:
            say(f"{shape} namespace(s), size {size} rep {rep}: the raw SSA limit at concurrency "
                f"{','.join(map(str, self.args.limit))}{' and gitops-sync at each' if self.args.limit_engine else ''}")
            at = Rep(shape, size, rep, {}, {}, {}, "", "")
            for res in self.sweep.run(shape, size, rep, make_repo, token, say):
                self.record(res, at, quiet=True)
            if self.args.limit_only:
                return
        tok = token()
        sets = {t: f"bench-{SET_LETTER[t]}{size}r{rep}-{tok}" for t in TOOLS}
        loads = {t: generate.workload(name, size, shape) for t, name in sets.items()}
        work = os.path.join(self.args.out, "work", f"{shape}-{size}-r{rep}")
        logs = os.path.join(self.args.out, "logs", f"{shape}-{size}-r{rep}")
        os.makedirs(logs, exist_ok=True)
        repos = {t: os.path.join(work, t) for t in sets}
        for t in sets:
            make_repo(repos[t], loads[t])
        r = Rep(shape, size, rep, sets, loads, repos, logs, os.path.join(work, "flux-inventory.json"))
        if os.path.exists(r.flux_inventory):  # left by an earlier run of this size and repetition
            os.remove(r.flux_inventory)
        self.k.create_kubectl_parent(sets["kubectl"], f"kubectl/{self.kubectl_version}")
        r.ids["kubectl"] = kubectl_set_id(sets["kubectl"])
        # the order rotates between repetitions, so no tool always runs right after another
        order = TOOLS[rep % len(TOOLS):] + TOOLS[:rep % len(TOOLS)]
        say(f"{shape} namespace(s), size {size} rep {rep}: sets {', '.join(sets[t] for t in order)}")
        try:
            for t in order:  # 1. first sync
                self.record(self.first_sync(t, r), r)
                self.settle(loads[t])
            for t in order:  # 2. no-op
                self.record(self.no_op(t, r), r)
            # 3. drift: the same 1% changed in every set by another field manager
            for t in order:
                self.k.run("apply", "--server-side", "--force-conflicts", "--field-manager=bench-drift", "-f", "-",
                           stdin=loads[t].drift_patch)
            for t in order:
                self.settle(loads[t])
            for t in order:
                for res in self.drift(t, r):
                    self.record(res, r)
            # 4. prune: 10% removed from Git
            for t in order:
                remove_from_git(repos[t], loads[t].prune)
            for t in order:
                self.record(self.prune(t, r), r)
                self.settle(loads[t])
        finally:
            if not self.args.keep:
                self.delete_sets(size, rep, list(sets.values()))

    # --- the scenarios, per tool ------------------------------------------------------------------

    def first_sync(self, t, r):
        if t == "engine":
            res = self.engine.sync("first-sync", r.repos[t], r.sets[t], r.logs)
            r.ids["engine"] = self._engine_id(r.sets[t])
        elif t == "flux":
            res = self.flux.sync("first-sync", r.repos[t], r.sets[t], r.flux_inventory, r.logs)
            self.check_flux_totals(res, "created", r.size)
        else:
            res = self.kubectl.first_sync("first-sync", r.repos[t], r.sets[t], r.logs)
        self.check_set(res, t, r, r.size)
        return res

    def no_op(self, t, r):
        if t == "engine":
            res = self.engine.sync("no-op", r.repos[t], r.sets[t], r.logs)
            unchanged = (res.report.get("totals") or {}).get("unchanged")
            res.check = f"{unchanged}/{r.size} unchanged"
            res.ok = res.ok and unchanged == r.size
        elif t == "flux":
            res = self.flux.sync("no-op", r.repos[t], r.sets[t], r.flux_inventory, r.logs)
            self.check_flux_totals(res, "unchanged", r.size)
        else:
            res = self.kubectl.sync("no-op", r.repos[t], r.sets[t], r.logs)
            self.check_set(res, t, r, r.size)
        return res

    def drift(self, t, r):
        """The drift check's result (and for gitops-sync also its fast-path `status`)."""
        expected = len(r.loads[t].drift)
        if t == "engine":
            res = self.engine.diff("drift", r.repos[t], r.sets[t], r.logs)
            totals = res.report.get("totals") or {}
            res.check = f"{totals.get('drifted')}/{expected} drifted, {totals.get('configured')} configured"
            res.ok = res.ok and totals.get("drifted") == expected
            st = self.engine.status("drift-status", r.repos[t], r.sets[t], r.logs)
            st.check = f"report: {json.dumps({k: st.report.get(k) for k in ('status', 'driftCount', 'objectCount') if k in st.report})}"
            return [res, st]
        if t == "flux":
            res = self.flux.diff("drift", r.repos[t], r.sets[t], r.flux_inventory, r.logs)
            self.check_flux_totals(res, "drifted", expected)
            return [res]
        res = self.kubectl.diff("drift", r.repos[t], r.sets[t], r.logs)
        out = res.steps[-1]["stdout"]
        shown = sum(1 for line in open(out, encoding="utf-8", errors="replace") if line.startswith("diff -u -N "))
        res.check = f"{shown}/{expected} objects in the diff"
        res.ok = res.ok and shown == expected
        return [res]

    def prune(self, t, r):
        pruned = len(r.loads[t].prune)
        if t == "engine":
            res = self.engine.sync("prune", r.repos[t], r.sets[t], r.logs)
            res.check = f"{(res.report.get('totals') or {}).get('pruned')}/{pruned} pruned"
        elif t == "flux":
            res = self.flux.sync("prune", r.repos[t], r.sets[t], r.flux_inventory, r.logs)
            self.check_flux_totals(res, "deleted", pruned)
        else:
            res = self.kubectl.sync("prune", r.repos[t], r.sets[t], r.logs)
        self.check_set(res, t, r, r.size - pruned)
        return res

    def check_set(self, res, t, r, expected):
        """The set's objects on the cluster: ApplySet members, or the Flux owner label."""
        if t == "flux":
            self.check_count(res, lambda: self.k.flux_members(r.loads[t], r.sets[t]), expected, "owned objects")
        else:
            self.check_count(res, lambda: self.k.members(r.loads[t], r.ids.get(t)), expected, "members")

    def check_count(self, res, count, expected, what):
        try:
            n = count()
        except RuntimeError as e:
            n, res.check = -1, str(e)
        res.check = (res.check + "; " if res.check else "") + f"{n}/{expected} {what} on the cluster"
        if n != expected:
            res.ok = False

    @staticmethod
    def check_flux_totals(res, key, expected):
        got = res.report.get(key)
        res.check = (res.check + "; " if res.check else "") + f"{got}/{expected} {key}"
        res.ok = res.ok and got == expected

    def delete_sets(self, size, rep, names):
        say(f"size {size} rep {rep}: deleting the sets and waiting until their namespaces are gone")
        t0 = time.monotonic()
        try:
            gone = self.k.delete_sets(names)
            say(f"  cleanup took {time.monotonic() - t0:.0f}s{'' if gone else ' (namespaces still terminating)'}")
        except (RuntimeError, subprocess.SubprocessError) as e:  # keep the figures already taken
            note = f"size {size} rep {rep}: cleanup failed ({str(e)[-300:]}); run bench/run --cleanup"
            say("warning: " + note)
            self.notes.append(note)

    def settle(self, workload):
        if not self.k.settle(workload):
            note = f"{workload.prefix}: the cluster did not settle within 240 s (pods pending?); measured anyway"
            say("warning: " + note)
            self.notes.append(note)

    def _engine_id(self, name):
        try:
            return self.k.engine_set_id(name)
        except (RuntimeError, KeyError) as e:
            say(f"  no ApplySet parent Secret {ENGINE_PARENT_NAMESPACE}/{name}: {e}")
            return None

    def run(self):
        self.prepare()
        limit = self.args.time_limit * 60
        for size in self.args.sizes:
            for shape in self.args.shapes:
                reps = self.args.reps if size <= 1000 else min(self.args.reps, self.args.reps_large)
                last = 0.0
                for rep in range(1, reps + 1):
                    elapsed = time.monotonic() - self.started
                    if elapsed + last > limit:
                        note = (f"{shape} namespace(s), size {size}: stopped after {rep - 1} of {reps} repetitions "
                                f"(time limit {self.args.time_limit:g} min)")
                        say(note)
                        self.notes.append(note)
                        break
                    t0 = time.monotonic()
                    try:
                        self.one_rep(shape, size, rep)
                    finally:
                        self.save()  # what was measured is written even when the repetition broke off
                    last = time.monotonic() - t0
                    say(f"{shape} namespace(s), size {size} rep {rep} took {last:.0f}s")
        return self.save(final=True)

    def save(self, final=False):
        rows = report.summarize(self.results)
        tgts = report.targets(rows)
        meta = {
            "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
            "command": "bench/run " + " ".join(sys.argv[1:]),
            "machine": f"{os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), shared with the cluster",
            "cluster": f"test-cluster (kube-apiserver {self.server_version}, etcd, KWOK nodes) on 127.0.0.1",
            "kubectl": self.kubectl_version,
            "gitops-sync": self.engine_version,
            "gitops-sync concurrency": self.args.concurrency or "default",
            "raw SSA limit": (f"{self.sweep.raw.binary} at concurrency {','.join(map(str, self.args.limit))}"
                              + (", gitops-sync too" if self.args.limit_engine else "") if self.sweep else "not measured"),
            "flux engine": (f"{self.flux.binary if self.flux else FLUX_BUILD} (fluxcd/pkg/ssa v0.78.0, concurrency 4, "
                            + ("no client limits)" if self.args.flux_no_client_limits else "client QPS 50, burst 300)")),
            "GITOPS_SYNC_JAVA_OPTS": os.environ.get("GITOPS_SYNC_JAVA_OPTS", "(unset: the launcher's JVM defaults)"),
            "duration": f"{(time.monotonic() - self.started) / 60:.1f} min",
        }
        if self.notes:
            meta["notes"] = "; ".join(self.notes)
        report.write(os.path.join(self.args.out, "results.json"), os.path.join(self.args.out, "results.md"),
                     meta, self.results, rows, tgts)
        if final:
            print()
            print(report.text_table(report.table(rows)))
            print()
            print(report.text_table(report.ratio_table(rows)))
            print()
            if report.limit_rows(self.results):
                print(report.text_table(report.limit_table(self.results, rows)))
                print()
            for line in report.target_lines(tgts):
                print(line)
            print(f"\nwritten: {os.path.join(self.args.out, 'results.md')} and results.json")
            return 0 if all(t["pass"] for t in tgts if t["value"] is not None) else 1
        return 0


def main(argv):
    # SIGTERM ends the run like Ctrl-C: the current repetition's objects are still deleted
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    args = parse_args(argv)
    args.out = os.path.abspath(args.out)
    if args.cleanup:
        k = Kubectl(os.path.abspath(args.kubectl or cluster_kubectl()),
                    os.path.abspath(args.kubeconfig or cluster_kubeconfig()), os.path.join(args.out, "kubectl-cache"))
        return 0 if k.delete_sets(None) else 1
    return Bench(args).run()
