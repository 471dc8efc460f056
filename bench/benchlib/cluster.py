"""Unmeasured cluster chores through kubectl: the kubectl ApplySet parent type, member counts,
waiting for the cluster to settle, and cleanup of everything the benchmark created."""
import base64
import hashlib
import json
import re
import subprocess
import time

from .generate import BENCH_LABEL

# kubectl can only span several namespaces with a cluster-scoped parent: a namespaced parent (the
# default Secret) needs --namespace, and --namespace rejects every object of another namespace.
# A cluster-scoped parent must be a custom resource whose CRD carries the parent-type label, and
# kubectl does not create custom-resource parents itself.
PARENT_GROUP = "bench.gitops-sync.example"
PARENT_KIND = "ApplySet"
PARENT_RESOURCE = f"applysets.{PARENT_GROUP}"
PARENT_CRD = {
    "apiVersion": "apiextensions.k8s.io/v1",
    "kind": "CustomResourceDefinition",
    "metadata": {"name": PARENT_RESOURCE,
                 "labels": {"applyset.kubernetes.io/is-parent-type": "true", BENCH_LABEL: "true"}},
    "spec": {"group": PARENT_GROUP,
             "names": {"kind": PARENT_KIND, "listKind": "ApplySetList", "plural": "applysets",
                       "singular": "applyset"},
             "scope": "Cluster",
             "versions": [{"name": "v1", "served": True, "storage": True,
                           "schema": {"openAPIV3Schema": {"type": "object"}}}]},
}
# Names this benchmark gives its sets: bench-<e|k|f><size>r<rep>-<run token> (gitops-sync, kubectl,
# Flux engine; j: the Jenkins step bench).
SET_NAME = re.compile(r"^bench-[ekjfs]\d+r\d+-[0-9a-z]{4}$")
# The owner label kustomize-controller (and bench/flux-engine) puts on every object it applies.
FLUX_OWNER_LABEL = "kustomize.toolkit.fluxcd.io/name"
ENGINE_PARENT_NAMESPACE = "default"


def applyset_id(name, namespace, kind, group):
    """kubectl's ApplySet id: applyset-<base64url(sha256(name.namespace.kind.group))>-v1."""
    digest = hashlib.sha256(f"{name}.{namespace}.{kind}.{group}".encode()).digest()
    return "applyset-" + base64.urlsafe_b64encode(digest).decode().rstrip("=") + "-v1"


class Kubectl:
    """kubectl for chores (not measured); `argv` is also used for the measured commands."""

    def __init__(self, binary, kubeconfig, cache_dir):
        self.binary = binary
        self.kubeconfig = kubeconfig
        self.cache_dir = cache_dir

    def argv(self, *args):
        return [self.binary, "--kubeconfig", self.kubeconfig, "--cache-dir", self.cache_dir, *args]

    def run(self, *args, stdin=None, check=True, timeout=300):
        p = subprocess.run(self.argv(*args), input=stdin, capture_output=True, text=True, timeout=timeout)
        if check and p.returncode != 0:
            raise RuntimeError(f"kubectl {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()[:2000]}")
        return p

    def json(self, *args, timeout=300):
        return json.loads(self.run(*args, "-o", "json", timeout=timeout).stdout)

    def version(self):
        return self.json("version", "--client")["clientVersion"]["gitVersion"]

    def server_version(self):
        return self.json("version")["serverVersion"]["gitVersion"]

    # --- kubectl's ApplySet parent -------------------------------------------------------------

    def ensure_parent_type(self):
        self.run("apply", "--server-side", "--field-manager=gitops-bench", "-f", "-", stdin=json.dumps(PARENT_CRD))
        self.run("wait", "--for=condition=Established", f"crd/{PARENT_RESOURCE}", "--timeout=60s")

    def create_kubectl_parent(self, name, tooling):
        """An empty parent as kubectl itself would write it (it refuses to create CR parents)."""
        parent = {"apiVersion": f"{PARENT_GROUP}/v1", "kind": PARENT_KIND,
                  "metadata": {"name": name,
                               "labels": {"applyset.kubernetes.io/id": kubectl_set_id(name), BENCH_LABEL: "true"},
                               "annotations": {"applyset.kubernetes.io/tooling": tooling,
                                               "applyset.kubernetes.io/contains-group-kinds": ""}}}
        self.run("apply", "--server-side", "--field-manager=kubectl-applyset", "-f", "-", stdin=json.dumps(parent))

    # --- checks --------------------------------------------------------------------------------

    def members(self, workload, set_id):
        """How many objects of the workload's kinds carry the ApplySet member label."""
        return self.labelled(workload, f"applyset.kubernetes.io/part-of={set_id}")

    def flux_members(self, workload, set_name):
        """How many objects of the workload's kinds carry the Flux engine's owner label."""
        return self.labelled(workload, f"{FLUX_OWNER_LABEL}={set_name}")

    def labelled(self, workload, selector):
        p = self.run("get", workload.kinds_for_kubectl_get(), "-A", "-l", selector, "-o", "name", check=False)
        if p.returncode != 0 and "the server doesn't have a resource type" not in p.stderr:
            raise RuntimeError(f"kubectl get members failed: {p.stderr.strip()[:500]}")
        return sum(1 for line in p.stdout.splitlines() if line.strip())

    def engine_set_id(self, name):
        secret = self.json("get", "secret", "-n", ENGINE_PARENT_NAMESPACE, name)
        return secret["metadata"]["labels"]["applyset.kubernetes.io/id"]

    def settle(self, workload, timeout_s=240):
        """Waits until the set's Deployments are rolled out (or gone) and its Namespaces are not
        terminating, so the next measurement does not share the CPU with the controllers'
        follow-up work (ReplicaSets, Pods on the KWOK nodes, garbage collection)."""
        deadline = time.monotonic() + timeout_s
        selector = f"app.kubernetes.io/part-of={workload.prefix}"
        while time.monotonic() < deadline:
            deps = self.json("get", "deployments", "-A", "-l", selector)["items"]
            pending = [d for d in deps
                       if d.get("status", {}).get("observedGeneration", 0) < d["metadata"].get("generation", 0)
                       or d.get("status", {}).get("updatedReplicas", 0) != d["spec"].get("replicas", 1)
                       or d.get("status", {}).get("availableReplicas", 0) != d["spec"].get("replicas", 1)
                       or d.get("status", {}).get("replicas", 0) != d["spec"].get("replicas", 1)]
            pods = self.run("get", "pods", "-A", "--no-headers", "-o", "custom-columns=NS:.metadata.namespace,DEL:.metadata.deletionTimestamp",
                            check=False).stdout.splitlines()
            terminating = [line for line in pods if line.startswith(workload.prefix) and not line.rstrip().endswith("<none>")]
            if not pending and not terminating:
                return True
            time.sleep(1)
        return False

    # --- cleanup -------------------------------------------------------------------------------

    def delete_sets(self, names, wait_s=420):
        """Deletes the benchmark's Namespaces, CRDs and parents for the given set names (all
        leftovers of earlier runs when names is None) and waits until the Namespaces are gone."""
        def ours(set_name):
            return (set_name is not None and SET_NAME.match(set_name) is not None
                    and (names is None or set_name in names))

        nss = [i["metadata"]["name"] for i in self.json("get", "namespaces", "-l", f"{BENCH_LABEL}=true")["items"]]
        nss = [n for n in nss if ours(n.rsplit("-ns", 1)[0] if "-ns" in n else None)]
        crds = [i["metadata"]["name"] for i in self.json("get", "crd", "-l", f"{BENCH_LABEL}=true")["items"]]
        crds = [c for c in crds if c.startswith("widgets.") and c.endswith(".bench.example")
                and ours(c[len("widgets."):-len(".bench.example")])]
        if nss:
            self.run("delete", "namespace", "--wait=false", "--ignore-not-found", *nss)
        if crds:
            self.run("delete", "crd", "--wait=false", "--ignore-not-found", *crds)
        try:
            parents = [i["metadata"]["name"] for i in self.json("get", PARENT_RESOURCE)["items"]]
        except RuntimeError:
            parents = []
        parents = [p for p in parents if SET_NAME.match(p) and (names is None or p in names)]
        if parents:
            self.run("delete", PARENT_RESOURCE, "--ignore-not-found", *parents)
        for resource in ("secrets", "leases.coordination.k8s.io"):
            items = [i["metadata"]["name"] for i in self.json("get", resource, "-n", ENGINE_PARENT_NAMESPACE)["items"]]
            items = [i for i in items if SET_NAME.match(i) and (names is None or i in names)]
            if items:
                self.run("delete", resource, "-n", ENGINE_PARENT_NAMESPACE, "--ignore-not-found", *items)
        deadline = time.monotonic() + wait_s
        while nss and time.monotonic() < deadline:
            left = {i["metadata"]["name"] for i in self.json("get", "namespaces", "-l", f"{BENCH_LABEL}=true")["items"]}
            nss = [n for n in nss if n in left]
            if nss:
                time.sleep(1)
        return not nss


def kubectl_set_id(name):
    return applyset_id(name, "", PARENT_KIND, PARENT_GROUP)
