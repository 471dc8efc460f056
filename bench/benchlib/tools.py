"""The three contenders, each as the commands a user would type.

gitops-sync: the repository's ./gitops-sync launcher (JVM start included), figures from its
JSON report (apiRequests, phases, totals) and from the process (wall time, peak RSS).
Flux engine: bench/flux-engine (fluxcd/pkg/ssa as kustomize-controller runs it), figures from the
JSON last line of its stdout (requests counted by its transport, change-set totals).
kubectl: `kubectl apply --server-side --prune --applyset=...` and `kubectl diff --server-side`,
requests counted from -v=6 response lines on stderr.
"""
import json
import os
import subprocess
from dataclasses import dataclass, field, asdict

from . import measure
from .cluster import ENGINE_PARENT_NAMESPACE, PARENT_RESOURCE
from .generate import CRD_DIR


@dataclass
class Result:
    tool: str
    scenario: str
    wall_s: float
    requests: int
    rss_kb: int
    cpu_s: float
    rc: int
    expected_rc: tuple
    steps: list = field(default_factory=list)  # one per process: argv, rc, wall_s, rss_kb, requests
    report: dict = field(default_factory=dict)  # engine: durationMs, phases, totals, status
    check: str = ""  # what was verified on the cluster / in the output
    ok: bool = True

    @classmethod
    def of_run(cls, tool, scenario, r, requests, expected_rc, report):
        """One measured process (measure.Run) with the requests its report counted; not ok when it timed out or
        exited otherwise than expected."""
        res = cls(tool=tool, scenario=scenario, wall_s=r.wall_s, requests=requests if isinstance(requests, int) else -1,
                  rss_kb=r.rss_kb, cpu_s=r.cpu_s, rc=r.rc, expected_rc=expected_rc,
                  steps=[{"argv": r.argv, "rc": r.rc, "wall_s": r.wall_s, "rss_kb": r.rss_kb,
                          "cpu_s": r.cpu_s, "stderr": r.stderr}],
                  report=report)
        if r.rc not in expected_rc or r.timed_out:
            res.ok = False
            res.check = f"exit {r.rc} (expected {'/'.join(map(str, expected_rc))}): {measure.tail(r.stderr, 8).strip()}"
        return res

    def to_dict(self):
        d = asdict(self)
        d["expected_rc"] = list(self.expected_rc)
        return d


class Engine:
    name = "gitops-sync"

    def __init__(self, launcher, kubeconfig, cache_dir, concurrency=None):
        self.launcher = launcher
        self.kubeconfig = kubeconfig
        self.concurrency = concurrency
        # its Git cache (a clone and a checked-out tree per repository) stays in bench/out
        self.env = dict(os.environ, GITOPS_SYNC_CACHE=cache_dir)

    def _argv(self, command, repo, set_name, report, prune, concurrency=None):
        argv = [self.launcher, command, "--repo", repo, "--path", ".", "--kubeconfig", self.kubeconfig,
                "--applyset", set_name, "--namespace", ENGINE_PARENT_NAMESPACE, "--quiet", "--report", report]
        if prune:
            argv.append("--prune")
        if command == "sync":  # measured as applied, like kubectl apply: no health wait
            argv.append("--no-wait")
        concurrency = concurrency or self.concurrency
        if concurrency and command != "status":  # status reads, it applies nothing in parallel
            argv += ["--concurrency", str(concurrency)]
        return argv

    def _run(self, scenario, command, repo, set_name, logs, prune, expected_rc, concurrency=None):
        base = os.path.join(logs, f"engine-{scenario}")
        report_path = base + ".json"
        if os.path.exists(report_path):
            os.remove(report_path)
        r = measure.run(self._argv(command, repo, set_name, report_path, prune, concurrency), base + ".out", base + ".err",
                        env=self.env)
        report = {}
        try:
            with open(report_path, encoding="utf-8") as f:
                full = json.load(f)
            report = {k: full.get(k) for k in ("status", "durationMs", "apiRequests", "phases", "totals",
                                              "errors", "driftCount", "objectCount")
                      if k in full}
        except (OSError, ValueError):
            pass
        return Result.of_run(self.name, scenario, r, report.get("apiRequests"), expected_rc, report)

    def sync(self, scenario, repo, set_name, logs, concurrency=None):
        return self._run(scenario, "sync", repo, set_name, logs, prune=True, expected_rc=(0,), concurrency=concurrency)

    def diff(self, scenario, repo, set_name, logs):
        return self._run(scenario, "diff", repo, set_name, logs, prune=False, expected_rc=(1,))

    def status(self, scenario, repo, set_name, logs):
        """The fast-path drift check (no dry-run): exit 1 when drift is found, like diff."""
        return self._run(scenario, "status", repo, set_name, logs, prune=False, expected_rc=(0, 1))


class KubectlApplySet:
    name = "kubectl"

    def __init__(self, kubectl):
        self.k = kubectl

    def _env(self):
        env = dict(os.environ)
        env["KUBECTL_APPLYSET"] = "true"
        env.pop("KUBECTL_EXTERNAL_DIFF", None)
        return env

    def _apply_argv(self, directory, set_name):
        # --force-conflicts: like the engine (and Flux, Argo CD), take back fields another manager
        # changed; without it the apply after drift fails with a conflict and prunes nothing.
        return self.k.argv("apply", "--server-side", "--force-conflicts", "--prune",
                           f"--applyset={PARENT_RESOURCE}/{set_name}", "-f", directory, "-R", "-v=6")

    def _steps(self, tool_scenario, argvs, logs, expected_rcs):
        steps = []
        for i, (argv, expected) in enumerate(zip(argvs, expected_rcs)):
            base = os.path.join(logs, f"kubectl-{tool_scenario}-{i}")
            r = measure.run(argv, base + ".out", base + ".err", env=self._env())
            steps.append({"argv": r.argv, "rc": r.rc, "wall_s": r.wall_s, "rss_kb": r.rss_kb, "cpu_s": r.cpu_s,
                          "requests": measure.count_requests(r.stderr), "stderr": r.stderr, "stdout": r.stdout,
                          "expected_rc": list(expected), "timed_out": r.timed_out})
            if r.rc not in expected or r.timed_out:
                break
        res = Result(tool=self.name, scenario=tool_scenario, wall_s=sum(s["wall_s"] for s in steps),
                     requests=sum(s["requests"] for s in steps), rss_kb=max(s["rss_kb"] for s in steps),
                     cpu_s=sum(s["cpu_s"] for s in steps),
                     rc=steps[-1]["rc"], expected_rc=tuple(expected_rcs[-1]), steps=steps)
        bad = [s for s in steps if s["rc"] not in s["expected_rc"] or s["timed_out"]]
        if bad or len(steps) < len(argvs):
            res.ok = False
            s = bad[0] if bad else steps[-1]
            errors = [line for line in open(s["stderr"], encoding="utf-8", errors="replace")
                      if not line.startswith("I")][-8:]
            res.check = f"exit {s['rc']}: {''.join(errors).strip()[:1500]}"
        return res

    def first_sync(self, scenario, directory, set_name, logs):
        """kubectl cannot map a custom resource whose CRD it creates in the same run ("ensure CRDs
        are installed first"), so a working first sync is: CRDs, wait until Established, the set."""
        crds = os.path.join(directory, CRD_DIR)
        return self._steps(scenario, [
            self.k.argv("apply", "--server-side", "--force-conflicts", "-f", crds, "-v=6"),
            self.k.argv("wait", "--for=condition=Established", "-f", crds, "--timeout=120s", "-v=6"),
            self._apply_argv(directory, set_name),
        ], logs, [(0,), (0,), (0,)])

    def sync(self, scenario, directory, set_name, logs):
        return self._steps(scenario, [self._apply_argv(directory, set_name)], logs, [(0,)])

    def diff(self, scenario, directory, set_name, logs):
        # kubectl diff has no --applyset: with apply's field manager every object would show the
        # member label as removed, so a separate manager keeps the output to the real drift;
        # --force-conflicts, else fields changed by another manager fail the dry-run.
        return self._steps(scenario, [self.k.argv("diff", "--server-side", "--force-conflicts",
                                                  "--field-manager=gitops-bench-diff", "-f", directory, "-R",
                                                  "-v=6")], logs, [(1,)])


class FluxEngine:
    """bench/flux-engine: one kustomize-controller reconcile (apply) or `flux diff` (diff)."""
    name = "flux"

    def __init__(self, binary, kubeconfig, no_client_limits=False):
        self.binary = binary
        self.kubeconfig = kubeconfig
        self.no_client_limits = no_client_limits

    def _argv(self, command, directory, set_name, inventory):
        argv = [self.binary, command, "--dir", directory, "--name", set_name, "--inventory", inventory,
                "--kubeconfig", self.kubeconfig]
        if command == "apply":
            argv.append("--prune")
        if self.no_client_limits:
            argv.append("--no-client-limits")
        return argv

    def _run(self, scenario, command, directory, set_name, inventory, logs, expected_rc):
        base = os.path.join(logs, f"flux-{scenario}")
        r = measure.run(self._argv(command, directory, set_name, inventory), base + ".out", base + ".err")
        report = _last_json_line(r.stdout)
        return Result.of_run(self.name, scenario, r, report.get("requests"), expected_rc, report)

    def sync(self, scenario, directory, set_name, inventory, logs):
        return self._run(scenario, "apply", directory, set_name, inventory, logs, expected_rc=(0,))

    def diff(self, scenario, directory, set_name, inventory, logs):
        return self._run(scenario, "diff", directory, set_name, inventory, logs, expected_rc=(1,))


def go_program(build):
    """Builds one of bench/'s Go programs with its build script on first use (bench/gobuild caches it by its
    sources) and returns the binary's path."""
    out = subprocess.run([build], capture_output=True, text=True, timeout=1800)
    path = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    if out.returncode != 0 or not os.access(path, os.X_OK):
        raise SystemExit(f"bench: {build} failed: {out.stderr.strip()[-2000:]}")
    return path


def _last_json_line(path):
    """The JSON object on the last non-empty line of a file ({} when there is none)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [line for line in f if line.strip()]
        return json.loads(lines[-1]) if lines else {}
    except (OSError, ValueError):
        return {}
