"""Medians, ratios, targets; the printed table, results.json and results.md."""
import json
import statistics

SCENARIOS = [
    ("first-sync", "first sync (all created)"),
    ("no-op", "no-op sync"),
    ("drift", "drift check, 1% changed"),
    ("prune", "prune, 10% removed"),
]
EXTRA_SCENARIOS = [("drift-status", "drift, fast path (`status`)")]
SHAPES = ("many", "one")  # generate.SHAPES, in table order
SHAPE_LABEL = {"many": "many namespaces", "one": "one namespace"}

# Who is measured: key in the summary rows, tool name in the results, column label.
TOOLS = [("engine", "gitops-sync", "gitops-sync"), ("flux", "flux", "Flux"), ("kubectl", "kubectl", "kubectl")]
METRICS = ["wall_s", "cpu_s", "rss_mib", "requests"]
STEPS = [("first-sync", "first sync"), ("no-op", "no-op sync"), ("drift", "drift check"), ("prune", "prune")]

# (scenario, size, row key, limit, text). wall_ratio etc. = gitops-sync / kubectl; flux_wall_ratio
# = gitops-sync / Flux engine; engine_* = gitops-sync's own figure.
TARGETS = [
    ("no-op", 1000, "wall_ratio", 0.10, "no-op sync of 1,000: wall time <= 1/10 of kubectl's"),
    ("no-op", 1000, "engine_requests", 30, "no-op sync of 1,000: <= 30 API requests"),
    ("drift", 1000, "wall_ratio", 0.20, "drift check of 1,000: wall time <= 1/5 of kubectl diff's"),
    # issue 13
    *[(s, 1000, "wall_ratio", 0.50, f"{label} of 1,000: wall time <= 1/2 of kubectl's") for s, label in STEPS],
    *[(s, 1000, "cpu_ratio", 1.0, f"{label} of 1,000: CPU seconds <= kubectl's") for s, label in STEPS],
    *[(s, 1000, "rss_ratio", 1.5, f"{label} of 1,000: peak memory <= 1.5x kubectl's") for s, label in STEPS],
    *[(s, 10000, "engine_rss_mib", 300, f"{label} of 10,000: peak memory <= 300 MiB") for s, label in STEPS],
    ("no-op", 10000, "engine_requests", 15, "no-op sync of 10,000: <= 15 API requests"),
    ("no-op", 10000, "engine_wall_s", 3.0, "no-op sync of 10,000: <= 3 s wall time"),
    ("first-sync", 10000, "wall_ratio", 0.50, "first sync of 10,000: wall time <= 1/2 of kubectl's"),
    ("drift", 10000, "wall_ratio", 0.50, "drift check of 10,000: wall time <= 1/2 of kubectl's"),
    *[(s, size, "flux_wall_ratio", 0.25, f"{label} of {size:,}: wall time <= 1/4 of the Flux engine's")
      for size in (1000, 10000) for s, label in STEPS],
    # issue 29: the API server's own limit, measured by bench/ssa-load in the same run
    *[("first-sync", size, "limit_ratio", 1.25, f"first sync of {size:,}: wall time <= 1.25x the raw SSA limit")
      for size in (1000, 10000)],
]
RAW = "raw SSA"  # limit.SsaLoad.name


def _median(values):
    values = [v for v in values if v is not None and v >= 0]
    return statistics.median(values) if values else None


def _shape(result):
    return result.get("shape", "many")  # runs recorded before the option spread over several namespaces


def _runs(results, shape, size, scenario, tool):
    """A tool's runs of a row; the `status` extra row compares with the others' drift check."""
    if scenario == "drift-status" and tool != "gitops-sync":
        scenario = "drift"
    return [r for r in results if _shape(r) == shape and r["size"] == size and r["scenario"] == scenario
            and r["tool"] == tool]


def _figures(row, who, runs):
    good = [r for r in runs if r["ok"]] or runs
    row[f"{who}_wall_s"] = _median([r["wall_s"] for r in good])
    row[f"{who}_requests"] = _median([r["requests"] for r in good])
    row[f"{who}_rss_mib"] = _median([r["rss_kb"] / 1024 for r in good])
    row[f"{who}_cpu_s"] = _median([r.get("cpu_s") for r in good])
    row[f"{who}_walls"] = [round(r["wall_s"], 3) for r in runs]


def _ratio(a, b):
    return (a / b) if a is not None and b else None


def _ratios(row):
    for metric in METRICS:
        e, f, k = row["engine_" + metric], row["flux_" + metric], row["kubectl_" + metric]
        short = metric.split("_")[0]
        row[f"{short}_ratio"] = _ratio(e, k)  # gitops-sync / kubectl
        row[f"flux_{short}_ratio"] = _ratio(e, f)  # gitops-sync / Flux engine
        row[f"flux_kubectl_{short}_ratio"] = _ratio(f, k)  # Flux engine / kubectl


def _phases(row, eng):
    phases = [r.get("report", {}).get("phases") for r in eng if r.get("report", {}).get("phases")]
    if phases:
        keys = sorted({k for p in phases for k in p})
        row["engine_phases_ms"] = {k: _median([p.get(k, 0) for p in phases]) for k in keys}
        row["engine_duration_ms"] = _median([r["report"].get("durationMs") for r in eng
                                             if isinstance(r.get("report", {}).get("durationMs"), (int, float))])


def _limit(row, results):
    """The best raw SSA run of the row's size and shape, and gitops-sync's first sync against it."""
    raw = [r for r in results if r["tool"] == RAW and r["ok"] and r["size"] == row["size"] and _shape(r) == row["shape"]]
    best = min(raw, key=lambda r: r["wall_s"]) if raw else None
    row["raw_best_s"] = best["wall_s"] if best else None
    row["raw_best_concurrency"] = best["report"].get("concurrency") if best else None
    row["limit_ratio"] = _ratio(row["engine_wall_s"], row["raw_best_s"])


def limit_rows(results):
    """Per size, shape and concurrency: the raw limit's and gitops-sync's first sync (medians)."""
    sweep = [r for r in results if "concurrency" in r.get("report", {})]
    out = []
    for size in sorted({r["size"] for r in sweep}):
        for shape in [s for s in SHAPES if s in {_shape(r) for r in sweep}]:
            runs = [r for r in sweep if r["size"] == size and _shape(r) == shape]
            for c in sorted({r["report"]["concurrency"] for r in runs}):
                raw = [r for r in runs if r["report"]["concurrency"] == c and r["tool"] == RAW]
                eng = [r for r in runs if r["report"]["concurrency"] == c and r["tool"] != RAW]
                out.append({"size": size, "shape": shape, "concurrency": c, "ok": all(r["ok"] for r in raw + eng),
                            "raw_wall_s": _median([r["wall_s"] for r in raw if r["ok"]]),
                            "engine_wall_s": _median([r["wall_s"] for r in eng if r["ok"]]),
                            "engine_apply_ms": _median([(r["report"].get("phases") or {}).get("apply") for r in eng]),
                            "engine_cpu_s": _median([r["cpu_s"] for r in eng if r["ok"]]),
                            "load1": _median([r.get("load1") for r in raw + eng])})
    return out


def limit_table(results, rows):
    """The raw limit at each concurrency beside gitops-sync's first sync (at that level, and at its default)."""
    lines = [["size", "namespaces", "concurrency", "raw SSA s", "gitops-sync s", "its apply phase s", "gitops-sync / raw",
              "default first sync / best raw", "load"]]
    for lr in limit_rows(results):
        main = next((r for r in rows if r["scenario"] == "first-sync" and r["size"] == lr["size"]
                     and r["shape"] == lr["shape"]), None)
        best = main is not None and main.get("raw_best_concurrency") == lr["concurrency"]
        apply_s = lr["engine_apply_ms"] / 1000 if lr["engine_apply_ms"] is not None else None
        lines.append([str(lr["size"]), SHAPE_LABEL[lr["shape"]], str(lr["concurrency"]) + (" (best)" if best else ""),
                      _f(lr["raw_wall_s"]), _f(lr["engine_wall_s"]), _f(apply_s),
                      _f(_ratio(lr["engine_wall_s"], lr["raw_wall_s"])),
                      _f(main.get("limit_ratio")) if best else "", _f(lr["load1"], 1) + ("" if lr["ok"] else " NO")])
    return lines


def summarize(results):
    """results: list of Result dicts (with shape, size and rep). Returns rows keyed by (size, shape, scenario)."""
    rows = []
    shapes = [s for s in SHAPES if s in {_shape(r) for r in results}]
    keys = [(size, shape, scenario, label) for size in sorted({r["size"] for r in results}) for shape in shapes
            for scenario, label in SCENARIOS + EXTRA_SCENARIOS]
    for size, shape, scenario, label in keys:
        runs = {who: _runs(results, shape, size, scenario, tool) for who, tool, _ in TOOLS}
        every = [r for rs in runs.values() for r in rs]
        if not every:
            continue
        row = {"size": size, "shape": shape, "scenario": scenario, "label": label,
               "reps": max(len(rs) for rs in runs.values()), "ok": all(r["ok"] for r in every),
               "problems": [f"{r['tool']} {SHAPE_LABEL[shape]} rep {r['rep']}: {r['check']}" for r in every if not r["ok"]]}
        for who, rs in runs.items():
            _figures(row, who, rs)
        _phases(row, runs["engine"])
        if scenario == "first-sync":
            _limit(row, results)
        row["load1"] = _median([r.get("load1") for r in every])
        _ratios(row)
        rows.append(row)
    return rows


def targets(rows):
    """Each target for each shape in the rows (the issue's targets hold for both shapes)."""
    out = []
    shapes = [s for s in SHAPES if s in {r["shape"] for r in rows}] or ["many"]
    for (scenario, size, key, limit, text), shape in [(t, s) for t in TARGETS for s in shapes]:
        row = next((r for r in rows if r["scenario"] == scenario and r["size"] == size and r["shape"] == shape), None)
        value = row.get(key) if row is not None else None
        out.append({"target": f"{text}, {SHAPE_LABEL[shape]}", "scenario": scenario, "size": size, "shape": shape,
                    "metric": key, "limit": limit,
                    "value": value, "valid": bool(row and row["ok"]),
                    "pass": value is not None and value <= limit and bool(row and row["ok"])})
    return out


def _f(v, digits=2):
    if v is None:
        return "n/a"
    if isinstance(v, float) and v.is_integer() and digits == 0:
        return str(int(v))
    return f"{v:.{digits}f}"


def table(rows):
    """Per tool: wall seconds, CPU seconds, peak MiB, API requests."""
    head = ["size", "namespaces", "scenario"]
    for metric, unit in (("wall_s", "s"), ("cpu_s", "cpu s"), ("rss_mib", "MiB"), ("requests", "req")):
        head += [f"{label} {unit}" for _, _, label in TOOLS]
    head += ["reps", "ok"]
    lines = [head]
    for r in rows:
        line = [str(r["size"]), SHAPE_LABEL[r["shape"]], r["label"]]
        for metric, digits in (("wall_s", 2), ("cpu_s", 2), ("rss_mib", 0), ("requests", 0)):
            line += [_f(r[f"{who}_{metric}"], digits) for who, _, _ in TOOLS]
        lines.append(line + [str(r["reps"]), "yes" if r["ok"] else "NO"])
    return lines


def ratio_table(rows):
    """gitops-sync against kubectl and against the Flux engine (below 1: gitops-sync is ahead)."""
    head = ["size", "namespaces", "scenario", "wall vs kubectl", "wall vs Flux", "cpu vs kubectl", "cpu vs Flux",
            "mem vs kubectl", "mem vs Flux", "req vs kubectl", "req vs Flux", "Flux/kubectl wall"]
    lines = [head]
    for r in rows:
        lines.append([str(r["size"]), SHAPE_LABEL[r["shape"]], r["label"], _f(r["wall_ratio"], 3), _f(r["flux_wall_ratio"], 3),
                      _f(r["cpu_ratio"], 2), _f(r["flux_cpu_ratio"], 2), _f(r["rss_ratio"], 2),
                      _f(r["flux_rss_ratio"], 2), _f(r["requests_ratio"], 3), _f(r["flux_requests_ratio"], 3),
                      _f(r["flux_kubectl_wall_ratio"], 2)])
    return lines


def text_table(lines):
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(lines):
    out = ["| " + " | ".join(lines[0]) + " |", "|" + "|".join("---" for _ in lines[0]) + "|"]
    out += ["| " + " | ".join(line) + " |" for line in lines[1:]]
    return "\n".join(out)


def target_lines(tgts):
    out = []
    for t in tgts:
        shown = "not measured" if t["value"] is None else (
            f"{t['value']:.0f}" if t["metric"] in ("engine_requests", "engine_rss_mib") else f"{t['value']:.3f}")
        verdict = "PASS" if t["pass"] else ("FAIL" if t["value"] is not None else "NOT RUN")
        if t["value"] is not None and not t["valid"]:
            verdict += " (a run of this scenario failed its check)"
        detail = "size not in this run" if t["value"] is None else f"measured {shown}, limit {t['limit']}"
        out.append(f"{verdict}: {t['target']} ({detail})")
    return out


def write(path_json, path_md, meta, results, rows, tgts):
    with open(path_json, "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "summary": rows, "targets": tgts, "runs": results}, f, indent=2)
    md = ["# gitops-sync, the Flux engine and kubectl: benchmark results", ""]
    md += [f"- {k}: {v}" for k, v in meta.items()]
    md += ["", "Medians over the repetitions. s = wall-clock seconds of the whole command (JVM start "
           "included), cpu s = user+system CPU seconds of the process and its children (less sensitive than "
           "wall time to other load on the shared machine), MiB = peak RSS, req = API requests.", "",
           markdown_table(table(rows)), "",
           "Ratios: gitops-sync / kubectl and gitops-sync / Flux engine (below 1 = gitops-sync is faster, "
           "uses less CPU or memory, makes fewer requests); the last column is Flux engine / kubectl.", "",
           markdown_table(ratio_table(rows)), "", "## Targets", ""]
    md += [f"- {line}" for line in target_lines(tgts)]
    if limit_rows(results):
        md += ["", "## The first sync against the API server's limit", "",
               "raw SSA: bench/ssa-load, one server-side-apply PATCH per object at that concurrency, no client work "
               "(CRDs and Namespaces first, CRDs Established before the rest; its time is from the first PATCH to the "
               "last answer). gitops-sync: its whole first sync (`--concurrency` set to the level), as in the table "
               "above. The last column: gitops-sync's first sync at its default concurrency (the table above) over the "
               "best raw time.", "", markdown_table(limit_table(results, rows))]
    phase_rows = [r for r in rows if r.get("engine_phases_ms")]
    if phase_rows:
        md += ["", "## gitops-sync phases (median ms, from its JSON report)", ""]
        for r in phase_rows:
            phases = ", ".join(f"{k} {v:.0f}" for k, v in r["engine_phases_ms"].items())
            md.append(f"- {r['size']} {SHAPE_LABEL[r['shape']]} {r['scenario']}: engine {r.get('engine_duration_ms') or 0:.0f} ms "
                      f"of {r['engine_wall_s'] * 1000:.0f} ms wall ({phases})")
    problems = [p for r in rows for p in r["problems"]]
    if problems:
        md += ["", "## Problems", ""] + [f"- {p}" for p in problems]
    with open(path_md, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
