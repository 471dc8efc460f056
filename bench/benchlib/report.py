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

# (scenario, size, metric, limit, text). Ratios are engine / kubectl.
TARGETS = [
    ("no-op", 1000, "wall_ratio", 0.10, "no-op sync of 1,000: wall time <= 1/10 of kubectl's"),
    ("no-op", 1000, "engine_requests", 30, "no-op sync of 1,000: <= 30 API requests"),
    ("first-sync", 1000, "wall_ratio", 0.50, "first sync of 1,000: wall time <= 1/2 of kubectl's"),
    ("drift", 1000, "wall_ratio", 0.20, "drift check of 1,000: wall time <= 1/5 of kubectl diff's"),
]


def _median(values):
    values = [v for v in values if v is not None and v >= 0]
    return statistics.median(values) if values else None


def summarize(results):
    """results: list of Result dicts (with size and rep). Returns rows keyed by (size, scenario)."""
    rows = []
    sizes = sorted({r["size"] for r in results})
    for size in sizes:
        for scenario, label in SCENARIOS + EXTRA_SCENARIOS:
            eng = [r for r in results if r["size"] == size and r["scenario"] == scenario and r["tool"] == "gitops-sync"]
            kub_scenario = "drift" if scenario == "drift-status" else scenario
            kub = [r for r in results if r["size"] == size and r["scenario"] == kub_scenario and r["tool"] == "kubectl"]
            if not eng and not kub:
                continue
            row = {"size": size, "scenario": scenario, "label": label, "reps": max(len(eng), len(kub)),
                   "ok": all(r["ok"] for r in eng + kub),
                   "problems": [f"{r['tool']} rep {r['rep']}: {r['check']}" for r in eng + kub if not r["ok"]]}
            for who, rs in (("engine", eng), ("kubectl", kub)):
                good = [r for r in rs if r["ok"]] or rs
                row[f"{who}_wall_s"] = _median([r["wall_s"] for r in good])
                row[f"{who}_requests"] = _median([r["requests"] for r in good])
                row[f"{who}_rss_mib"] = _median([r["rss_kb"] / 1024 for r in good])
                row[f"{who}_cpu_s"] = _median([r.get("cpu_s") for r in good])
                row[f"{who}_walls"] = [round(r["wall_s"], 3) for r in rs]
            phases = [r.get("report", {}).get("phases") for r in eng if r.get("report", {}).get("phases")]
            if phases:
                keys = sorted({k for p in phases for k in p})
                row["engine_phases_ms"] = {k: _median([p.get(k, 0) for p in phases]) for k in keys}
                row["engine_duration_ms"] = _median([r["report"].get("durationMs") for r in eng
                                                     if isinstance(r.get("report", {}).get("durationMs"), (int, float))])
            row["load1"] = _median([r.get("load1") for r in eng + kub])
            for metric in ("wall_s", "requests", "rss_mib", "cpu_s"):
                e, k = row[f"engine_{metric}"], row[f"kubectl_{metric}"]
                row[f"{metric.split('_')[0]}_ratio"] = (e / k) if e is not None and k else None
            rows.append(row)
    return rows


def targets(rows):
    out = []
    for scenario, size, metric, limit, text in TARGETS:
        row = next((r for r in rows if r["scenario"] == scenario and r["size"] == size), None)
        value = None
        if row is not None:
            value = row["wall_ratio"] if metric == "wall_ratio" else row["engine_requests"]
        out.append({"target": text, "scenario": scenario, "size": size, "metric": metric, "limit": limit,
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
    head = ["size", "scenario", "gitops-sync s", "kubectl s", "wall ratio", "gitops-sync req", "kubectl req",
            "req ratio", "gitops-sync MiB", "kubectl MiB", "mem ratio", "gitops-sync cpu s", "kubectl cpu s",
            "cpu ratio", "reps", "ok"]
    lines = [head]
    for r in rows:
        lines.append([str(r["size"]), r["label"], _f(r["engine_wall_s"]), _f(r["kubectl_wall_s"]), _f(r["wall_ratio"], 3),
                      _f(r["engine_requests"], 0), _f(r["kubectl_requests"], 0), _f(r["requests_ratio"], 3),
                      _f(r["engine_rss_mib"], 0), _f(r["kubectl_rss_mib"], 0), _f(r["rss_ratio"], 2),
                      _f(r["engine_cpu_s"]), _f(r["kubectl_cpu_s"]), _f(r["cpu_ratio"], 2), str(r["reps"]),
                      "yes" if r["ok"] else "NO"])
    return lines


def text_table(rows):
    lines = table(rows)
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(rows):
    lines = table(rows)
    out = ["| " + " | ".join(lines[0]) + " |", "|" + "|".join("---" for _ in lines[0]) + "|"]
    out += ["| " + " | ".join(line) + " |" for line in lines[1:]]
    return "\n".join(out)


def target_lines(tgts):
    out = []
    for t in tgts:
        shown = "not measured" if t["value"] is None else (
            f"{t['value']:.3f}" if t["metric"] == "wall_ratio" else f"{t['value']:.0f}")
        verdict = "PASS" if t["pass"] else ("FAIL" if t["value"] is not None else "NOT RUN")
        if t["value"] is not None and not t["valid"]:
            verdict += " (a run of this scenario failed its check)"
        detail = "size not in this run" if t["value"] is None else f"measured {shown}, limit {t['limit']}"
        out.append(f"{verdict}: {t['target']} ({detail})")
    return out


def write(path_json, path_md, meta, results, rows, tgts):
    with open(path_json, "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "summary": rows, "targets": tgts, "runs": results}, f, indent=2)
    md = ["# gitops-sync vs kubectl: benchmark results", ""]
    md += [f"- {k}: {v}" for k, v in meta.items()]
    md += ["", "Medians over the repetitions; ratios are gitops-sync / kubectl (below 1 = gitops-sync is "
           "faster, fewer requests, less memory). s = wall-clock seconds of the whole command (JVM start "
           "included), req = API requests, MiB = peak RSS, cpu s = user+system CPU seconds of the process "
           "(less sensitive than wall time to other load on the shared machine).", "",
           markdown_table(rows), "", "## Targets", ""]
    md += [f"- {line}" for line in target_lines(tgts)]
    phase_rows = [r for r in rows if r.get("engine_phases_ms")]
    if phase_rows:
        md += ["", "## gitops-sync phases (median ms, from its JSON report)", ""]
        for r in phase_rows:
            phases = ", ".join(f"{k} {v:.0f}" for k, v in r["engine_phases_ms"].items())
            md.append(f"- {r['size']} {r['scenario']}: engine {r.get('engine_duration_ms') or 0:.0f} ms "
                      f"of {r['engine_wall_s'] * 1000:.0f} ms wall ({phases})")
    problems = [p for r in rows for p in r["problems"]]
    if problems:
        md += ["", "## Problems", ""] + [f"- {p}" for p in problems]
    with open(path_md, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
