#!/usr/bin/env python3
"""Bookinfo soak: the four services as packaged JVM apps (bench.py's staging, JVM options and ports), /productpage
loaded at half its measured peak for 10 minutes, in back-to-back windows; reports errors, p99 and the RSS of each
service per window, a chart, and whether p99 and RSS stay flat (see bench/README.md).

    flock /tmp/bookinfo-fixed-ports.lock bench/soak.py                 # 10 minutes at half the peak
    bench/soak.py --duration 120 --rate 800                            # 2 minutes at 800 req/s, no peak run
    bench/soak.py --help

Standard library only. Exits non-zero if any request fails or p99 or RSS trends upward beyond the noise.
"""
import argparse
import html
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import build, common, load, suite, wiring  # noqa: E402  (shared with bench.py)

SOAK_LUA = common.BENCH / "soak.lua"
PATH = "/productpage"


def fit(xs, ys):
    """Least-squares line: (slope, intercept, standard deviation of the residuals)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
    intercept = my - slope * mx
    residuals = [y - (slope * x + intercept) for x, y in zip(xs, ys)]
    return slope, intercept, statistics.pstdev(residuals)


def flatness(xs, ys, floor):
    """The rise the fitted line predicts over the run, against the noise around it.

    Flat when that rise is below twice the residuals' standard deviation, or below `floor` (a change nobody would
    call a trend: 5 % of the mean for RSS, 1 ms or 10 % for p99)."""
    slope, _, noise = fit(xs, ys)
    rise = slope * (xs[-1] - xs[0])
    return {"slope_per_min": round(slope * 60, 4), "rise": round(rise, 3), "noise_sd": round(noise, 3),
            "floor": round(floor, 3), "flat": rise <= max(2 * noise, floor)}


def chart(res, path):
    """Three panels over time: p99, RSS of each service, errors; the fitted lines dashed."""
    windows = res["windows"]
    t = [w["t_end_s"] for w in windows]
    colours = {"productpage": "#4e79a7", "details": "#f28e2b", "reviews": "#59a14f", "ratings": "#e15759",
               "p99": "#4e79a7", "errors": "#e15759"}
    panels = [("p99 latency per window (ms)", {"p99": [w["p99_ms"] for w in windows]}),
              ("RSS per service (MiB)", {s: [w["rss_mib"][s] for w in windows] for s in wiring.SERVICES}),
              ("Failed requests per window", {"errors": [w["errors"] for w in windows]})]
    W, PH, M = 900, 200, 60
    H = 60 + len(panels) * (PH + 60)
    tmax = max(t) or 1
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" '
           f'font-size="11"><rect width="100%" height="100%" fill="white"/>',
           f'<text x="{M}" y="22" font-size="15" font-weight="bold">Bookinfo soak: {PATH} at '
           f'{res["rate"]:,.0f} req/s for {res["duration_s"] / 60:.1f} min ({html.escape(res["date"])}, '
           f'{res["cpus"]} CPUs)</text>']
    for p, (title, series) in enumerate(panels):
        top = 60 + p * (PH + 60)
        vmax = max([v for vs in series.values() for v in vs] + [1]) * 1.15
        svg.append(f'<text x="{M}" y="{top - 8}" font-size="13" font-weight="bold">{html.escape(title)}</text>')
        for k in range(5):
            y = top + PH - PH * k / 4
            svg.append(f'<line x1="{M}" y1="{y:.1f}" x2="{W - 20}" y2="{y:.1f}" stroke="#eee"/>'
                       f'<text x="{M - 6}" y="{y + 4:.1f}" text-anchor="end">{vmax * k / 4:,.1f}</text>')
        svg.append(f'<line x1="{M}" y1="{top + PH}" x2="{W - 20}" y2="{top + PH}" stroke="#333"/>'
                   f'<text x="{W - 20}" y="{top + PH + 16}" text-anchor="end">{tmax / 60:.1f} min</text>'
                   f'<text x="{M}" y="{top + PH + 16}">0</text>')

        def xy(x, y):
            return M + (W - 20 - M) * x / tmax, top + PH - PH * y / vmax
        for i, (name, vs) in enumerate(series.items()):
            colour = colours[name]
            points = " ".join(f"{px:.1f},{py:.1f}" for px, py in (xy(x, y) for x, y in zip(t, vs)))
            svg.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="1.5">'
                       f'<title>{html.escape(name)}</title></polyline>')
            if len(series) > 1:
                svg.append(f'<rect x="{M + 10 + i * 110}" y="{top + 6}" width="10" height="10" fill="{colour}"/>'
                           f'<text x="{M + 24 + i * 110}" y="{top + 15}">{html.escape(name)}</text>')
            if name != "errors" and len(t) > 2:
                slope, intercept, _ = fit(t, vs)
                (x0, y0), (x1, y1) = xy(t[0], slope * t[0] + intercept), xy(t[-1], slope * t[-1] + intercept)
                svg.append(f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" stroke="{colour}" '
                           f'stroke-dasharray="5,4"/>')
    svg.append("</svg>")
    path.write_text("\n".join(svg) + "\n")


def markdown(res):
    lines = [f"# Soak: {PATH} at {res['rate']:,.0f} req/s for {res['duration_s'] / 60:.1f} min",
             "",
             f"{res['date']}, commit `{res['commit']}`, {res['cpus']} × {res['cpu_model']}, JDK {res['jdk']}, "
             f"JVM options `{res['jvm_opts']}`.",
             f"Rate: {res['rate_note']}; {res['connections']} connections, windows of {res['window_s']} s. "
             f"Load average before: {res['loadavg_before']}, after: {res['loadavg_after']}; other work on the "
             f"machine during the run: {res['other_cpu_pct']:.0f} % of its CPU.",
             "",
             f"**{res['requests']:,} requests, {res['errors']} failed** (status >= 400, socket errors, timeouts); "
             f"achieved {res['achieved_rps']:,.1f} req/s.",
             "",
             "| Series | First window | Last window | Trend over the run (fit) | Noise (sd) | Flat |",
             "|---|---:|---:|---:|---:|---|"]
    w = res["windows"]
    lines.append(f"| p99 (ms) | {w[0]['p99_ms']:.2f} | {w[-1]['p99_ms']:.2f} | {res['p99']['rise']:+.2f} | "
                 f"{res['p99']['noise_sd']:.2f} | {'yes' if res['p99']['flat'] else '**no**'} |")
    for svc in wiring.SERVICES:
        f = res["rss"][svc]
        lines.append(f"| RSS {svc} (MiB) | {w[0]['rss_mib'][svc]:.1f} | {w[-1]['rss_mib'][svc]:.1f} | "
                     f"{f['rise']:+.1f} | {f['noise_sd']:.1f} | {'yes' if f['flat'] else '**no**'} |")
    lines += ["", f"Verdict: **{res['verdict']}**. A series is flat when the rise its least-squares line predicts "
              f"from the end of the warm-up ({res['warmup_s']} s) to the end is below twice the standard deviation "
              "around that line, or below a floor nobody would call a trend (RSS: 5 % of its mean; p99: 1 ms or "
              "10 % of its mean).", "",
              "| Window end (s) | Requests | Errors | p50 (ms) | p99 (ms) | " +
              " | ".join(f"RSS {s}" for s in wiring.SERVICES) + " |",
              "|---:|---:|---:|---:|---:|" + "---:|" * len(wiring.SERVICES)]
    for x in w:
        lines.append(f"| {x['t_end_s']:.0f} | {x['requests']:,} | {x['errors']} | {x['p50_ms']:.2f} | "
                     f"{x['p99_ms']:.2f} | " + " | ".join(f"{x['rss_mib'][s]:.1f}" for s in wiring.SERVICES) + " |")
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--duration", type=int, default=600, help="seconds of paced load (default 600)")
    p.add_argument("--rate", type=float, default=0, help="requests per second; default: half the peak measured "
                   "first (--peak-seconds of wrk at --connections, unpaced)")
    p.add_argument("--peak-seconds", type=int, default=20, help="length of the peak measurement (default 20)")
    p.add_argument("--window", type=int, default=10, help="seconds per report window (default 10)")
    p.add_argument("--warmup", type=int, default=60, help="seconds of paced load before the trend fit starts "
                   "(reported, not fitted; default 60)")
    p.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    p.add_argument("--jvm-opts", default=os.environ.get("BENCH_JVM_OPTS", common.DEFAULT_JVM_OPTS),
                   help="JVM options for every service (default: scripts/jvm.options, as bench.py)")
    p.add_argument("--base-port", type=int, default=int(os.environ.get("BENCH_BASE_PORT", "19080")),
                   help="productpage port; details, reviews, ratings use the next three (default 19080)")
    p.add_argument("--results", default=str(common.BENCH / "results"), help="results directory (default "
                   "bench/results)")
    p.add_argument("--build", action="store_true", help="rebuild the jars even if they exist")
    args = p.parse_args()

    build.ensure_wrk()
    jhome = common.java_home()
    major, jdk = common.java_major(jhome)
    variant = build.VARIANTS["jvm"]
    if args.build or any(not variant.artifact(s).exists() for s in wiring.SERVICES):
        build.mvn(jhome, [], "the JVM jars")
    ports = wiring.ports_from(args.base_port)
    common.check_ports_free(ports)
    results_dir = Path(args.results)
    rundir, logdir = common.ROOT / "run" / "soak" / "jvm", common.ROOT / "run" / "soak" / "logs"
    for d in (results_dir, rundir, logdir):
        d.mkdir(parents=True, exist_ok=True)
    for svc in wiring.SERVICES:
        build.stage(variant, svc, rundir)
    services = suite.Suite(variant, str(jhome / "bin" / "java"), args.jvm_opts.split(), ports, rundir, logdir,
                             wiring.SERVICES)
    url = f"http://127.0.0.1:{ports['productpage']}{PATH}"
    load_before = common.loadavg()
    windows = []
    try:
        services.start_all(0, 1)
        suite.precheck(ports, [PATH])
        if args.rate > 0:
            rate, rate_note = args.rate, f"{args.rate:,.0f} req/s as given"
        else:
            common.log(f"warming up, then measuring the peak ({args.peak_seconds} s at {args.connections} "
                      "connections, unpaced)")
            load.wrk(url, args.connections, args.peak_seconds)
            peak = load.wrk(url, args.connections, args.peak_seconds)
            peak_rps = peak["requests"] / (peak["duration_us"] / 1e6)
            rate = peak_rps / 2
            rate_note = f"half of the {peak_rps:,.0f} req/s peak measured just before"
        common.log(f"soaking {PATH} at {rate:,.0f} req/s for {args.duration} s in {args.window} s windows")
        jb0, jt0 = common.cpu_jiffies()
        ticks0 = services.ticks()
        t0 = time.monotonic()
        wrk_cpu0 = os.times()
        while time.monotonic() - t0 < args.duration:
            seconds = min(args.window, max(1, round(args.duration - (time.monotonic() - t0))))
            r = load.wrk(url, args.connections, seconds, script=SOAK_LUA,
                          script_args=(rate, load.wrk_threads(args.connections)))
            errors = load.errors_of(r)
            w = {"t_end_s": round(time.monotonic() - t0, 1), "requests": r["requests"], "errors": errors,
                 "rps": round(r["requests"] / (r["duration_us"] / 1e6), 1), "p50_ms": r["p50_us"] / 1000,
                 "p99_ms": r["p99_us"] / 1000, "max_ms": r["max_us"] / 1000,
                 "rss_mib": {svc: round(common.status_kib(proc.pid, "VmRSS") / 1024, 1)
                             for svc, proc in services.procs.items()}}
            windows.append(w)
            common.log(f"{w['t_end_s']:>6.0f} s  {w['rps']:>8.1f} req/s  p99 {w['p99_ms']:7.2f} ms  errors {errors}  "
                      "RSS " + " ".join(f"{s} {v:.0f}" for s, v in w["rss_mib"].items()) + " MiB")
        elapsed = time.monotonic() - t0
        jb1, jt1 = common.cpu_jiffies()
        ticks1 = services.ticks()
        wrk_cpu1 = os.times()
    finally:
        services.stop_all()
    machine = 100.0 * (jb1 - jb0) / max(jt1 - jt0, 1)
    ours = 100.0 * ((sum(ticks1.values()) - sum(ticks0.values())) / common.CLK_TCK
                    + (wrk_cpu1.children_user - wrk_cpu0.children_user)
                    + (wrk_cpu1.children_system - wrk_cpu0.children_system)) / elapsed / os.cpu_count()
    fitted = [w for w in windows if w["t_end_s"] > args.warmup] or windows
    xs = [w["t_end_s"] for w in fitted]
    p99s = [w["p99_ms"] for w in fitted]
    res = {"date": common.now(), "commit": common.git_commit(), "jdk": jdk,
           "cpus": os.cpu_count(), "cpu_model": common.cpu_model(), "jvm_opts": args.jvm_opts, "path": PATH,
           "rate": rate, "rate_note": rate_note, "connections": args.connections, "window_s": args.window,
           "duration_s": round(elapsed), "warmup_s": args.warmup, "loadavg_before": load_before,
           "loadavg_after": common.loadavg(), "other_cpu_pct": round(max(0.0, machine - ours), 1),
           "requests": sum(w["requests"] for w in windows), "errors": sum(w["errors"] for w in windows),
           "achieved_rps": round(sum(w["requests"] for w in windows) / elapsed, 1),
           "p99": flatness(xs, p99s, max(1.0, 0.1 * statistics.fmean(p99s))),
           "rss": {}, "windows": windows}
    for svc in wiring.SERVICES:
        rss = [w["rss_mib"][svc] for w in fitted]
        res["rss"][svc] = flatness(xs, rss, 0.05 * statistics.fmean(rss))
    flat = res["p99"]["flat"] and all(f["flat"] for f in res["rss"].values())
    res["verdict"] = ("flat and error-free" if flat and res["errors"] == 0 else
                      f"{res['errors']} errors" if flat else "upward trend" if res["errors"] == 0 else
                      f"upward trend and {res['errors']} errors")
    (results_dir / "soak.json").write_text(json.dumps(res, indent=2) + "\n")
    md = markdown(res)
    (results_dir / "soak.md").write_text(md)
    chart(res, results_dir / "soak.svg")
    print("\n" + md, flush=True)
    common.log(f"wrote {results_dir}/soak.md, soak.json and soak.svg")
    sys.exit(0 if flat and res["errors"] == 0 else 1)


if __name__ == "__main__":
    main()
