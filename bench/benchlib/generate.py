"""Deterministic manifests for one benchmark run: N objects in one namespace or across several.

The mix: Namespaces, one CRD (Widget) with custom resources, ConfigMaps, Secrets, ServiceAccounts,
Services and Deployments. The same (prefix, size) always gives the same files, so the engine's
set and kubectl's set differ only in their names (each tool gets its own prefix, namespaces and
CRD group, so the two never touch each other's objects).
"""
import base64
import hashlib
import math
import os
from dataclasses import dataclass, field

from . import yamlout

# Shares of the namespaced objects (everything but the Namespaces and the CRD).
KIND_SHARES = [
    ("ConfigMap", 0.30),
    ("Secret", 0.15),
    ("ServiceAccount", 0.10),
    ("Service", 0.15),
    ("Deployment", 0.15),
    ("Widget", 0.15),
]
NAME_PREFIX = {"ConfigMap": "cm", "Secret": "sec", "ServiceAccount": "sa", "Service": "svc",
               "Deployment": "web", "Widget": "wid"}
BENCH_LABEL = "gitops-sync-bench"
# kubectl applies files in path order and does not sort by kind: the directory names put the CRD and
# the Namespaces first, as kubectl users lay out their repositories.
CRD_DIR = "00-crds"
# The test cluster's 3 KWOK nodes take 250 pods each, shared by every test: the first 50 Deployments
# of a set run one pod, the others are scaled to zero (applying them costs the API server the same).
PODS_PER_SET = 50


@dataclass(frozen=True)
class Obj:
    kind: str
    api_version: str
    namespace: str  # "" for cluster-scoped
    name: str
    path: str  # file inside the repository

    def ref(self):
        return f"{self.kind}/{self.namespace}/{self.name}" if self.namespace else f"{self.kind}/{self.name}"


@dataclass
class Workload:
    prefix: str
    size: int
    shape: str  # "many" or "one" namespace(s)
    group: str  # the CRD's API group
    namespaces: list
    objects: list  # every Obj, Namespaces and CRD included
    files: dict = field(default_factory=dict)  # path -> YAML text
    drift: list = field(default_factory=list)  # Objs changed out of band in the drift scenario
    drift_patch: str = ""  # multi-document YAML applied by another field manager
    prune: list = field(default_factory=list)  # Objs removed from Git in the prune scenario

    @property
    def crd_name(self):
        return f"widgets.{self.group}"

    def write(self, root):
        for path, text in self.files.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)

    def kinds_for_kubectl_get(self):
        """Resource names for `kubectl get` that cover every kind of the set."""
        return f"namespaces,customresourcedefinitions,configmaps,secrets,serviceaccounts,services,deployments,{self.crd_name}"


def _digest(*parts, n=16):
    return hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest()[:n]


def _allocate(total, shares):
    """Largest-remainder split of total over the shares (sums to total)."""
    raw = [(kind, total * share) for kind, share in shares]
    counts = {kind: int(math.floor(x)) for kind, x in raw}
    left = total - sum(counts.values())
    for kind, x in sorted(raw, key=lambda kx: (-(kx[1] - math.floor(kx[1])), kx[0]))[:left]:
        counts[kind] += 1
    return counts


# Workload shapes: "many" spreads the objects over N/100 namespaces (at least 3, at most 20), "one" puts
# them all in a single namespace (one LIST per kind for the tools that list per namespace).
SHAPES = ("many", "one")


def namespace_count(size, shape="many"):
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r} (one of {', '.join(SHAPES)})")
    return 1 if shape == "one" else max(3, min(20, size // 100))


def _labels(prefix, app):
    return {"app.kubernetes.io/name": app, "app.kubernetes.io/part-of": prefix, BENCH_LABEL: "true"}


def _crd(group):
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"widgets.{group}", "labels": {BENCH_LABEL: "true"}},
        "spec": {
            "group": group,
            "names": {"kind": "Widget", "listKind": "WidgetList", "plural": "widgets", "singular": "widget"},
            "scope": "Namespaced",
            "versions": [{
                "name": "v1", "served": True, "storage": True,
                "schema": {"openAPIV3Schema": {"type": "object", "properties": {"spec": {
                    "type": "object",
                    "properties": {
                        "size": {"type": "integer", "minimum": 0},
                        "color": {"type": "string"},
                        "owner": {"type": "string"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    }}}}},
            }],
        },
    }


def _configmap(prefix, ns, name, i):
    props = "\n".join(f"feature.{k}.enabled={'true' if (i + k) % 3 else 'false'}" for k in range(8))
    return {"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": name, "namespace": ns, "labels": _labels(prefix, name)},
            "data": {"LOG_LEVEL": "info", "CACHE_TTL": str(30 + i % 300), "REGION": f"zone-{i % 4}",
                     "application.properties": props + f"\nbuild.id={_digest('cm', i)}\n"}}


def _secret(prefix, ns, name, i):
    value = lambda what: base64.b64encode(_digest("sec", what, i, n=24).encode()).decode()
    return {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
            "metadata": {"name": name, "namespace": ns, "labels": _labels(prefix, name)},
            "data": {"username": base64.b64encode(f"user{i}".encode()).decode(),
                     "password": value("password"), "api-token": value("token")}}


def _serviceaccount(prefix, ns, name, i):
    return {"apiVersion": "v1", "kind": "ServiceAccount",
            "metadata": {"name": name, "namespace": ns, "labels": _labels(prefix, name),
                         "annotations": {"bench.example/owner": f"team-{i % 7}"}}}


def _service(prefix, ns, name, i, app):
    return {"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": name, "namespace": ns, "labels": _labels(prefix, name)},
            # headless: the test cluster's Service range is a /24 shared by every test, too small for
            # hundreds of ClusterIPs; a headless Service costs the API server the same to apply
            "spec": {"type": "ClusterIP", "clusterIP": "None", "selector": {"app": app},
                     "ports": [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"},
                               {"name": "metrics", "port": 9090, "targetPort": 9090, "protocol": "TCP"}]}}


def _deployment(prefix, ns, name, i):
    return {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": name, "namespace": ns, "labels": _labels(prefix, name)},
            "spec": {
                "replicas": 1 if i < PODS_PER_SET else 0,
                "selector": {"matchLabels": {"app": name}},
                "template": {
                    "metadata": {"labels": {"app": name, "version": f"v{1 + i % 3}"}},
                    "spec": {"containers": [{
                        "name": "app",
                        "image": f"registry.example/bench/app:1.{i % 10}.0",
                        "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
                        "env": [{"name": "INSTANCE", "value": name},
                                {"name": "LOG_FORMAT", "value": "json"}],
                        "resources": {"requests": {"cpu": "10m", "memory": "16Mi"},
                                      "limits": {"memory": "64Mi"}},
                    }]},
                },
            }}


def _widget(prefix, ns, name, i, group):
    return {"apiVersion": f"{group}/v1", "kind": "Widget",
            "metadata": {"name": name, "namespace": ns, "labels": _labels(prefix, name)},
            "spec": {"size": i % 50, "color": ["red", "green", "blue"][i % 3], "owner": f"team-{i % 7}",
                     "tags": [f"t{i % 5}", f"t{i % 11}"]}}


def _spread(items, count):
    """count items spread evenly over the list (deterministic)."""
    if count <= 0 or not items:
        return []
    step = len(items) / count
    return [items[int(k * step)] for k in range(min(count, len(items)))]


def workload(prefix, size, shape="many"):
    """The set of `size` objects named after `prefix` (e.g. bench-e1000r1-ab12), in `shape`'s namespaces."""
    n_ns = namespace_count(size, shape)
    rest = size - n_ns - 1
    if rest < len(KIND_SHARES):
        raise ValueError(f"size {size} is too small (at least {n_ns + 1 + len(KIND_SHARES)})")
    group = f"{prefix}.bench.example"
    namespaces = [f"{prefix}-ns{j:02d}" for j in range(n_ns)]
    w = Workload(prefix=prefix, size=size, shape=shape, group=group, namespaces=namespaces, objects=[])

    def add(doc, path):
        meta = doc["metadata"]
        w.objects.append(Obj(doc["kind"], doc["apiVersion"], meta.get("namespace", ""), meta["name"], path))
        w.files[path] = yamlout.dump(doc)

    for ns in namespaces:
        add({"apiVersion": "v1", "kind": "Namespace",
             "metadata": {"name": ns, "labels": {BENCH_LABEL: "true", "team": ns[-4:]}}},
            f"01-namespaces/{ns}.yaml")
    add(_crd(group), f"{CRD_DIR}/widgets.yaml")

    counts = _allocate(rest, KIND_SHARES)
    deployments = [f"web-{i:04d}" for i in range(counts["Deployment"])]
    slot = 0
    for kind, _ in KIND_SHARES:
        for i in range(counts[kind]):
            ns = namespaces[slot % n_ns]
            slot += 1
            name = f"{NAME_PREFIX[kind]}-{i:04d}"
            if kind == "ConfigMap":
                doc = _configmap(prefix, ns, name, i)
            elif kind == "Secret":
                doc = _secret(prefix, ns, name, i)
            elif kind == "ServiceAccount":
                doc = _serviceaccount(prefix, ns, name, i)
            elif kind == "Service":
                doc = _service(prefix, ns, name, i, deployments[i % len(deployments)])
            elif kind == "Deployment":
                doc = _deployment(prefix, ns, name, i)
            else:
                doc = _widget(prefix, ns, name, i, group)
            add(doc, f"apps/{ns}/{kind.lower()}-{name}.yaml")

    # Drift: 1% of the objects (ConfigMaps and Deployments), changed by another field manager.
    cms = [o for o in w.objects if o.kind == "ConfigMap"]
    deps = [o for o in w.objects if o.kind == "Deployment"]
    n_drift = max(1, round(size / 100))
    w.drift = _spread(cms, n_drift - n_drift // 2) + _spread(deps, n_drift // 2)
    docs = []
    for o in w.drift:
        if o.kind == "ConfigMap":
            docs.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": o.name, "namespace": o.namespace},
                         "data": {"LOG_LEVEL": "debug"}})
        else:
            docs.append({"apiVersion": "apps/v1", "kind": "Deployment",
                         "metadata": {"name": o.name, "namespace": o.namespace}, "spec": {"replicas": 2}})
    w.drift_patch = "---\n".join(yamlout.dump(d) for d in docs)

    # Prune: 10% of the objects, namespaced ones only (removing a Namespace would cascade), not drifted.
    drifted = set(w.drift)
    candidates = [o for o in w.objects if o.namespace and o not in drifted]
    w.prune = _spread(candidates, size // 10)
    return w
