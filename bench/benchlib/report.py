"""The results: per variant Markdown, CSV and JSON; the targets; a summary of all variants; two SVG charts."""
import csv
import html
import json

from . import wiring
from .build import VARIANTS
from .load import WARMUP_CAP_S
from .suite import ENDPOINTS

# What the suite must do on a 2-CPU machine, measured by this script (bench/README.md, Targets).
TARGETS = {"rps": 4500.0, "p99_ms": 15.0, "first10_rps": 1500.0, "t90_s": 30.0, "rss_mib": 450.0,
           "startup_ms": 500.0}
COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"]


def fmt(x, digits=1):
    return f"{x:,.{digits}f}"


def ceiling(row, cpus):
    per_request = row["cpu_ms_per_req"] + row["wrk_cpu_ms_per_req"]
    return 1000.0 * cpus / per_request if per_request > 0 else 0.0


def page_row(res):
    return next((r for r in res["rows"] if r["endpoint"] == "/productpage" and r["connections"] == 32), None)


def check_targets(res):
    """(target, met: True/False, measured and, when missed, by how much) for each target the run measured."""
    checks = []

    def check(name, value, limit, higher_is_better, unit, text=None, digits=1):
        met = value is not None and (value >= limit if higher_is_better else value <= limit)
        shown = text or f"{fmt(value, digits)} {unit}"
        if not met and value is not None:
            shown += f", {fmt(abs(value - limit), digits)} {unit} " + (
                "short" if higher_is_better else "over")
        checks.append((name, met, shown))

    page, curve = page_row(res), res.get("curve")
    if page:
        check(f"steady /productpage at 32 connections >= {fmt(TARGETS['rps'], 0)} req/s", page["rps"],
              TARGETS["rps"], True, "req/s")
        check(f"steady /productpage p99 at 32 connections <= {TARGETS['p99_ms']:.0f} ms", page["p99_ms"],
              TARGETS["p99_ms"], False, "ms")
    if curve:
        check(f"first {curve['first10_s']} s after start >= {fmt(TARGETS['first10_rps'], 0)} req/s",
              curve["first10_rps"], TARGETS["first10_rps"], True, "req/s")
        check(f"90 % of peak within {TARGETS['t90_s']:.0f} s of start", curve["t90_s"], TARGETS["t90_s"], False, "s",
              f"{curve['t90_s']} s, peak {fmt(curve['peak_rps'], 0)} req/s in {curve['slice_s']} s slices", 0)
    if len(res["services"]) == len(wiring.SERVICES):
        check(f"total RSS after load <= {TARGETS['rss_mib']:.0f} MiB", res["total_rss_mib"], TARGETS["rss_mib"],
              False, "MiB", digits=0)
    slowest = max(res["services"].items(), key=lambda kv: kv[1]["startup_ms"])
    check(f"each service ready <= {TARGETS['startup_ms'] / 1000:.1f} s after start", slowest[1]["startup_ms"],
          TARGETS["startup_ms"], False, "ms", f"slowest: {slowest[0]} {slowest[1]['startup_ms']} ms", 0)
    errors = total_errors(res)
    checks.append(("zero non-2xx responses, socket errors and timeouts", errors == 0, f"{errors} errors"))
    return checks


def total_errors(res):
    return sum(r["errors"] for r in res["rows"]) + (res["curve"]["errors"] if res.get("curve") else 0)


def targets_lines(checks):
    return [f"- {'met' if ok else 'MISSED'}: {name} ({detail})" for name, ok, detail in checks]


def curve_line(c):
    return (f"Warm-up curve: `{c['endpoint']}` at {c['connections']} connections from the first request after the "
            f"start (fresh processes, no warm-up), {c['slice_s']} s slices for {c['seconds']} s: first "
            f"{c['first10_s']} s {fmt(c['first10_rps'])} req/s, peak {fmt(c['peak_rps'])} req/s, 90 % of the peak "
            f"after {c['t90_s']} s" + (" (the peak is the last slice: the curve was still rising)"
                                      if c["slices"][-1]["rps"] == c["peak_rps"] else "")
            + f", {c['errors']} errors. Per slice (req/s): "
            + ", ".join(fmt(s["rps"], 0) for s in c["slices"]) + ".")


def markdown(res):
    v, rows = res["variant"], res["rows"]
    out = [f"## {v}", "",
           f"{res['date']} · commit `{res['commit']}` · JDK {res['jdk']} · {res['cpus']} CPUs "
           f"({res['cpu_model']}) · "
           + (f"wrk {res['seconds']} s per point after a warm-up of each endpoint (at least {res['warmup']} s and "
              f"{res['warmup_requests']} requests, at most {WARMUP_CAP_S} s), services and wrk on the same CPUs · "
              if rows else "")
           + f"load average before: {res['loadavg_before']}", "",
           f"JVM options: `{res['jvm_opts'] or '(none)'}`" + (
               " · extra environment: " + " ".join(f"`{k}={v}`" for k, v in res["env"].items())
               if res.get("env") else "")
           + (f" · AOT cache: {res['aot_cache']}" if res.get("aot_cache") else ""), ""]
    if res.get("curve"):
        out += [curve_line(res["curve"]), ""]
    if rows:
        out += ["| endpoint | conns | req/s | p50 ms | p90 ms | p99 ms | CPU ms/req (services) | errors "
                "| other work % | CPU-bound ceiling req/s |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            out.append(f"| `{r['endpoint']}` | {r['connections']} | {fmt(r['rps'])} | {r['p50_ms']:.2f} | "
                       f"{r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['cpu_ms_per_req']:.3f} | {r['errors']} | "
                       f"{r['other_cpu_pct']:.0f} | {fmt(ceiling(r, res['cpus']), 0)} |")
        out += ["", "\"other work %\": CPU used on the machine by neither the services nor wrk during the point "
                "(other builds); anything above a few % makes that row noisy. \"CPU-bound ceiling\": what the "
                f"{res['cpus']} CPUs would serve if the services and wrk had them to themselves, from the CPU they "
                "used per request (an estimate, not a measurement).", ""]
    elif not res.get("curve"):
        out += ["Startup only (`--startup-only`): no load was run.", ""]
    rss_when = "after load" if rows or res.get("curve") else "after startup"
    out += [f"| service | startup to first ready 200 (ms, median) | Quarkus \"started in\" (ms) "
            f"| RSS {rss_when} (MiB) | peak RSS (MiB) | every start (ms) |", "|---|---:|---:|---:|---:|---|"]
    for svc, s in res["services"].items():
        every = ", ".join(str(x) for x in s.get("startup_samples_ms", [s["startup_ms"]]))
        out.append(f"| {svc} | {s['startup_ms']} | {s['quarkus_started_ms']} | {s['rss_mib']:.1f} | "
                   f"{s['peak_rss_mib']:.1f} | {every} |")
    out.append(f"| **total** | | | **{res['total_rss_mib']:.1f}** | | |")
    out += ["", "Targets:", ""] + targets_lines(res["targets"])
    return "\n".join(out) + "\n"


def write_csv(res, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["variant", "endpoint", "connections", "requests", "seconds", "rps", "p50_ms", "p90_ms", "p99_ms",
                    "max_ms", "cpu_ms_per_req", "wrk_cpu_ms_per_req", "errors", "other_cpu_pct"])
        for r in res["rows"]:
            w.writerow([res["variant"], r["endpoint"], r["connections"], r["requests"], r["seconds"], r["rps"],
                        r["p50_ms"], r["p90_ms"], r["p99_ms"], r["max_ms"], r["cpu_ms_per_req"],
                        r["wrk_cpu_ms_per_req"], r["errors"], r["other_cpu_pct"]])
        w.writerow([])
        w.writerow(["variant", "service", "startup_ms", "quarkus_started_ms", "rss_mib", "peak_rss_mib"])
        for svc, s in res["services"].items():
            w.writerow([res["variant"], svc, s["startup_ms"], s["quarkus_started_ms"], s["rss_mib"],
                        s["peak_rss_mib"]])
        if res.get("curve"):
            w.writerow([])
            w.writerow(["variant", "curve_endpoint", "t_end_s", "rps", "errors"])
            for s in res["curve"]["slices"]:
                w.writerow([res["variant"], res["curve"]["endpoint"], s["t_end_s"], s["rps"], s["errors"]])


def load_runs(results_dir):
    runs = []
    for f in sorted(results_dir.glob("*.json")):
        try:
            run = json.loads(f.read_text())
        except ValueError:
            continue
        if isinstance(run, dict) and "variant" in run and "services" in run:
            runs.append(run)
    return sorted(runs, key=variant_order)


def variant_order(run):
    """The order of VARIANTS (the shipped configurations first, the default-JVM baseline last), then the label."""
    names = list(VARIANTS)
    base = max((n for n in names if run["variant"] == n or run["variant"].startswith(n + "-")), key=len,
               default=None)
    return (names.index(base) if base else len(names), run["variant"])


def summary(results_dir):
    """results/summary.md: every variant in results/ side by side, and the targets of each."""
    runs = load_runs(results_dir)
    if not runs:
        return None

    def cell(run, what):
        page, c = page_row(run), run.get("curve")
        if what == "rps":
            return fmt(page["rps"], 0) if page else "–"
        if what == "p99":
            return f"{page['p99_ms']:.1f}" if page else "–"
        if what == "first10":
            return fmt(c["first10_rps"], 0) if c else "–"
        if what == "t90":
            return f"{c['t90_s']} s" if c else "–"
        if what == "peak":
            return fmt(c["peak_rps"], 0) if c else "–"
        if what == "rss":
            return f"{run['total_rss_mib']:.0f}"
        if what == "errors":
            return str(total_errors(run))
        return str(run["services"][what]["startup_ms"]) if what in run["services"] else "–"

    metrics = [("steady `/productpage` req/s at 32 connections", "rps"), ("p99 ms at 32 connections", "p99"),
               ("first 10 s after start, req/s", "first10"), ("time to 90 % of peak", "t90"),
               ("peak of the curve, req/s", "peak"), ("total RSS after load, MiB", "rss")]
    metrics += [(f"{svc} ready after start, ms", svc) for svc in wiring.SERVICES]
    metrics += [("errors", "errors")]
    out = ["# Bookinfo benchmark: summary", "",
           "Every variant in this directory side by side (`bench/bench.py` writes this file after each run; "
           "`default-jvm` is plain `java -jar` with the JVM's default options, what users ran before the options "
           "in `scripts/jvm.options` were shipped).", "",
           "| | " + " | ".join(f"`{r['variant']}`" for r in runs) + " |",
           "|---|" + "---:|" * len(runs)]
    out += [f"| {label} | " + " | ".join(cell(r, key) for r in runs) + " |" for label, key in metrics]
    out += ["| measured on | " + " | ".join(f"{r['date']}, `{r['commit']}`" for r in runs) + " |", ""]
    for r in runs:
        out += [f"Targets, `{r['variant']}`:", ""] + targets_lines(r["targets"]) + [""]
    path = results_dir / "summary.md"
    path.write_text("\n".join(out))
    return path


def svg_head(width, height, title):
    return [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
            f'font-size="11"><rect width="100%" height="100%" fill="white"/>',
            f'<text x="60" y="22" font-size="15" font-weight="bold">{html.escape(title)}</text>']


def legend(svg, runs, y=32):
    for i, run in enumerate(runs):
        x = 60 + i * 190
        svg.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[i % len(COLOURS)]}"/>'
                   f'<text x="{x + 16}" y="{y + 10}">{html.escape(run["variant"])}</text>')


def chart(results_dir):
    """chart.svg: five panels (req/s and p99 at 32 connections, RSS, startup), one bar colour per variant."""
    runs = [r for r in load_runs(results_dir) if r.get("rows")]
    if not runs:
        return None
    endpoints = [e for e in ENDPOINTS if any(r["endpoint"] == e for run in runs for r in run["rows"])]

    def pick(run, e, key):
        row = next((r for r in run["rows"] if r["endpoint"] == e and r["connections"] == 32), None)
        return row[key] if row else 0

    front = [e for e in endpoints if ENDPOINTS[e] == "productpage"]
    back = [e for e in endpoints if ENDPOINTS[e] != "productpage"]
    panels = [
        ("productpage throughput at 32 connections (req/s, higher is better)", front,
         lambda run, e: pick(run, e, "rps"), TARGETS["rps"], "target /productpage"),
        ("Backend throughput at 32 connections (req/s, higher is better)", back,
         lambda run, e: pick(run, e, "rps"), 0, ""),
        ("p99 latency at 32 connections (ms, lower is better)", endpoints, lambda run, e: pick(run, e, "p99_ms"),
         TARGETS["p99_ms"], "target /productpage"),
        ("RSS after load (MiB)", wiring.SERVICES + ["total"],
         lambda run, s: run["total_rss_mib"] if s == "total" else run["services"].get(s, {}).get("rss_mib", 0),
         TARGETS["rss_mib"], "target total"),
        ("Startup to first ready 200 (ms)", wiring.SERVICES,
         lambda run, s: run["services"].get(s, {}).get("startup_ms", 0), TARGETS["startup_ms"], "target"),
    ]
    W, PH, M = 900, 230, 60
    svg = svg_head(W, 50 + len(panels) * (PH + 70),
                   "Bookinfo on Quarkus: bench/bench.py (2 CPUs, wrk on the same CPUs)")
    legend(svg, runs)
    for p, (title, cats, value, target, tlabel) in enumerate(panels):
        top = 70 + p * (PH + 70)
        vals = [[value(run, c) for c in cats] for run in runs]
        vmax = max([v for vs in vals for v in vs] + [target]) * 1.1 or 1
        svg.append(f'<text x="{M}" y="{top - 8}" font-size="13" font-weight="bold">{html.escape(title)}</text>')
        svg.append(f'<line x1="{M}" y1="{top + PH}" x2="{W - 20}" y2="{top + PH}" stroke="#333"/>')
        for k in range(5):
            y = top + PH - PH * k / 4
            svg.append(f'<line x1="{M}" y1="{y:.1f}" x2="{W - 20}" y2="{y:.1f}" stroke="#eee"/>'
                       f'<text x="{M - 6}" y="{y + 4:.1f}" text-anchor="end">{vmax * k / 4:,.0f}</text>')
        if not cats:
            continue
        ty = top + PH - PH * target / vmax
        if target:
            svg.append(f'<line x1="{M}" y1="{ty:.1f}" x2="{W - 20}" y2="{ty:.1f}" stroke="#c00" '
                       f'stroke-dasharray="5,4"/><text x="{W - 22}" y="{ty - 4:.1f}" text-anchor="end" '
                       f'fill="#c00">{tlabel} {target:,.0f}</text>')
        gw = (W - 20 - M) / len(cats)
        bw = min(40, (gw - 16) / max(len(runs), 1))
        for j, cat in enumerate(cats):
            gx = M + j * gw + (gw - bw * len(runs)) / 2
            for i, vs in enumerate(vals):
                h = PH * vs[j] / vmax
                x = gx + i * bw
                svg.append(f'<rect x="{x:.1f}" y="{top + PH - h:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" '
                           f'fill="{COLOURS[i % len(COLOURS)]}"><title>{html.escape(runs[i]["variant"])} '
                           f'{html.escape(cat)}: {vs[j]:,.1f}</title></rect>')
                svg.append(f'<text x="{x + bw / 2 - 1:.1f}" y="{top + PH - h - 3:.1f}" text-anchor="middle" '
                           f'font-size="9">{vs[j]:,.0f}</text>')
            svg.append(f'<text x="{M + j * gw + gw / 2:.1f}" y="{top + PH + 16}" text-anchor="middle">'
                       f'{html.escape(cat)}</text>')
    svg.append("</svg>")
    path = results_dir / "chart.svg"
    path.write_text("\n".join(svg) + "\n")
    return path


def warmup_chart(results_dir):
    """warmup.svg: req/s per slice from the first request after start, one line per variant, with the targets."""
    runs = [r for r in load_runs(results_dir) if r.get("curve")]
    if not runs:
        return None
    W, H, M, top = 900, 420, 60, 70
    PH = H - top - 50
    tmax = max(r["curve"]["slices"][-1]["t_end_s"] for r in runs)
    vmax = max([s["rps"] for r in runs for s in r["curve"]["slices"]] + [TARGETS["rps"]]) * 1.1
    c0 = runs[0]["curve"]
    svg = svg_head(W, H, f"Warm-up: {c0['endpoint']} req/s from the first request after start "
                         f"({c0['connections']} connections, {c0['slice_s']} s slices, fresh processes)")
    legend(svg, runs)

    def xy(t, v):
        return M + (W - 20 - M) * t / tmax, top + PH - PH * v / vmax
    for k in range(5):
        y = top + PH - PH * k / 4
        svg.append(f'<line x1="{M}" y1="{y:.1f}" x2="{W - 20}" y2="{y:.1f}" stroke="#eee"/>'
                   f'<text x="{M - 6}" y="{y + 4:.1f}" text-anchor="end">{vmax * k / 4:,.0f}</text>')
    for t in range(0, int(tmax) + 1, 10):
        x, _ = xy(t, 0)
        svg.append(f'<text x="{x:.1f}" y="{top + PH + 16}" text-anchor="middle">{t} s</text>')
    svg.append(f'<line x1="{M}" y1="{top + PH}" x2="{W - 20}" y2="{top + PH}" stroke="#333"/>')
    # The steady target across the chart; the first-10-s one over the first 10 s only (the mean of those slices).
    for value, label, until in ((TARGETS["rps"], "target steady", tmax), (TARGETS["first10_rps"],
                                                                           "target first 10 s", min(10, tmax))):
        x1, y = xy(until, value)
        svg.append(f'<line x1="{M}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" stroke="#c00" stroke-dasharray="5,4"/>'
                   f'<text x="{M + 4 if until < tmax else x1 - 2:.1f}" y="{y - 4:.1f}" '
                   f'text-anchor="{"start" if until < tmax else "end"}" fill="#c00">{label} {value:,.0f}</text>')
    x30, _ = xy(TARGETS["t90_s"], 0)
    svg.append(f'<line x1="{x30:.1f}" y1="{top}" x2="{x30:.1f}" y2="{top + PH}" stroke="#c00" '
               f'stroke-dasharray="5,4"/><text x="{x30 + 4:.1f}" y="{top + 12}" fill="#c00">90 % of peak by '
               f'{TARGETS["t90_s"]:.0f} s</text>')
    for i, run in enumerate(runs):
        colour, c = COLOURS[i % len(COLOURS)], run["curve"]
        points = [(0, 0)] + [(s["t_end_s"], s["rps"]) for s in c["slices"]]
        svg.append('<polyline points="' + " ".join("%.1f,%.1f" % xy(t, v) for t, v in points)
                   + f'" fill="none" stroke="{colour}" stroke-width="2"><title>{html.escape(run["variant"])}'
                   f'</title></polyline>')
        if c["t90_s"] is not None:
            x, y = xy(c["t90_s"], next(s["rps"] for s in c["slices"] if s["t_end_s"] == c["t90_s"]))
            svg.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"><title>'
                       f'{html.escape(run["variant"])}: 90 % of peak after {c["t90_s"]} s</title></circle>')
    svg.append("</svg>")
    path = results_dir / "warmup.svg"
    path.write_text("\n".join(svg) + "\n")
    return path


def write_all(results_dir):
    """summary.md and both charts, from every result in `results_dir`."""
    return [p for p in (summary(results_dir), chart(results_dir), warmup_chart(results_dir)) if p]
