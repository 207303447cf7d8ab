"""Load with wrk: measured points, the warm-up before them, and the throughput curve from the first request."""
import json
import os
import resource
import subprocess
import time

from .common import BENCH, CLK_TCK, cpu_jiffies, die, loadavg, log, wait_quiet
from .suite import ENDPOINTS

WRK_LUA = BENCH / "wrk-report.lua"
CURVE_LUA = BENCH / "curve.lua"
WARMUP_CAP_S = 180  # longest warm-up of one endpoint when --warmup-requests is not reached


def wrk_threads(connections):
    return 1 if connections == 1 else 2


def run_wrk(url, connections, seconds, rawfile=None, script=WRK_LUA, script_args=()):
    """Runs wrk with `script`; returns its stdout (wrk-report.lua's BENCH_JSON line is in it)."""
    threads = wrk_threads(connections)
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
           "-s", str(script), url] + (["--"] + [str(a) for a in script_args] if script_args else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if rawfile:
        rawfile.write_text(" ".join(cmd) + "\n" + out.stdout + out.stderr)
    if out.returncode != 0:
        die(f"wrk failed: {out.stderr.strip()}")
    return out.stdout


def json_line(stdout, tag):
    line = next((l for l in stdout.splitlines() if l.startswith(tag + " ")), None)
    if line is None:
        die(f"wrk printed no {tag} line:\n{stdout}")
    return json.loads(line[len(tag) + 1:])


def wrk(url, connections, seconds, rawfile=None, script=WRK_LUA, script_args=()):
    """Runs wrk and returns the summary that wrk-report.lua prints (latencies in microseconds)."""
    return json_line(run_wrk(url, connections, seconds, rawfile, script, script_args), "BENCH_JSON")


def errors_of(r):
    return r["status_errors"] + r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]


def url_of(ports, path):
    return f"http://127.0.0.1:{ports[ENDPOINTS[path]]}{path}"


def curve(ports, path, seconds, slice_s, connections, rawfile=None):
    """Throughput in slices of `slice_s` from the first request on, one wrk run (no gap between the slices).

    Peak: the best slice. Time to 90 % of the peak: the end of the first slice that reaches it, counted from the
    first request. First 10 s: the requests completed in the slices that end by 10 s, divided by their length.
    """
    t0_ms = int(time.time() * 1000)
    out = run_wrk(url_of(ports, path), connections, seconds, rawfile, CURVE_LUA, (t0_ms, slice_s * 1000))
    summary, raw = json_line(out, "BENCH_JSON"), json_line(out, "CURVE_JSON")
    n = max(1, seconds // slice_s)
    slices = [{"t_end_s": (i + 1) * slice_s, "rps": round((raw[i][0] if i < len(raw) else 0) / slice_s, 1),
               "errors": raw[i][1] if i < len(raw) else 0} for i in range(n)]
    peak = max(s["rps"] for s in slices)
    t90 = next((s["t_end_s"] for s in slices if s["rps"] >= 0.9 * peak), None)
    first = [s for s in slices if s["t_end_s"] <= 10] or slices[:1]
    res = {"endpoint": path, "connections": connections, "slice_s": slice_s, "seconds": seconds,
           "slices": slices, "peak_rps": peak, "t90_s": t90,
           "first10_rps": round(sum(s["rps"] for s in first) / len(first), 1),
           "first10_s": first[-1]["t_end_s"], "requests": summary["requests"], "errors": errors_of(summary),
           "p99_ms": summary["p99_us"] / 1000}
    log(f"warm-up curve {path} c={connections}: first {res['first10_s']} s {res['first10_rps']:,.0f} req/s, peak "
        f"{peak:,.0f} req/s, 90 % of it after {t90} s, errors {res['errors']}; per {slice_s} s: "
        + " ".join(f"{s['rps']:.0f}" for s in slices))
    return res


def warm_up(ports, endpoints, warmup, warmup_requests, served):
    """Loads each endpoint at 32 connections for at least `warmup` s and until it has served `warmup_requests`
    (counting `served[path]`, e.g. the curve's), at most WARMUP_CAP_S s. The JIT needs a number of requests, not a
    number of seconds: a slow endpoint on a busy machine stays interpreted for a long time, and measuring it then
    reports the warm-up, not the service."""
    for path in endpoints:
        total, spent = served.get(path, (0, 0))
        done_before = total
        while spent < warmup or (total < warmup_requests and spent < max(warmup, WARMUP_CAP_S)):
            total += wrk(url_of(ports, path), 32, warmup)["requests"]
            spent += warmup
        log(f"warmed up {path}: {total} requests in {spent} s at 32 connections"
            + (f" ({done_before} of them in the warm-up curve)" if done_before else ""))


def measure(suite, endpoints, conns, seconds, rawdir, quiet_wait):
    """One wrk run per endpoint and connection count, with the CPU the services and wrk used per request."""
    rows = []
    for path in endpoints:
        for c in conns:
            url = url_of(suite.ports, path)
            load_before = loadavg()
            if quiet_wait:
                wait_quiet(quiet_wait)
            before, ru0, t0 = suite.ticks(), resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
            jb0, jt0 = cpu_jiffies()
            safe = path.strip("/").replace("/", "_")
            r = wrk(url, c, seconds, rawdir / f"{suite.variant.name}-{safe}-c{c}.txt")
            after, ru1, t1 = suite.ticks(), resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
            jb1, jt1 = cpu_jiffies()
            n = max(r["requests"], 1)
            cpu = {svc: (after[svc] - before[svc]) * 1000.0 / CLK_TCK / n for svc in before}
            wrk_cpu_ms = ((ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)) * 1000.0 / n
            errors = errors_of(r)
            row = {
                "endpoint": path, "connections": c, "seconds": round(r["duration_us"] / 1e6, 2),
                "requests": r["requests"], "rps": round(r["requests"] / (r["duration_us"] / 1e6), 1),
                "p50_ms": r["p50_us"] / 1000, "p90_ms": r["p90_us"] / 1000, "p99_ms": r["p99_us"] / 1000,
                "max_ms": r["max_us"] / 1000, "cpu_ms_per_req": round(sum(cpu.values()), 4),
                "cpu_ms_per_req_by_service": {k: round(v, 4) for k, v in cpu.items()},
                "wrk_cpu_ms_per_req": round(wrk_cpu_ms, 4),
                "services_cpu_pct": round(100.0 * (sum(after.values()) - sum(before.values())) / CLK_TCK
                                          / (t1 - t0) / os.cpu_count(), 1),
                "machine_busy_pct": round(100.0 * (jb1 - jb0) / max(jt1 - jt0, 1), 1),
                "errors": errors, "non_2xx": r["status_errors"], "loadavg_before": load_before,
            }
            # CPU used by neither the services nor wrk while the point ran: other work on the machine (noise).
            ours = row["services_cpu_pct"] + 100.0 * wrk_cpu_ms * n / 1000.0 / (t1 - t0) / os.cpu_count()
            row["other_cpu_pct"] = round(max(0.0, row["machine_busy_pct"] - ours), 1)
            rows.append(row)
            log(f"{path:<28} c={c:<3} {row['rps']:>9.1f} req/s  p50 {row['p50_ms']:.2f}  p90 {row['p90_ms']:.2f}  "
                f"p99 {row['p99_ms']:.2f} ms  cpu {row['cpu_ms_per_req']:.3f} ms/req  errors {errors}  "
                f"(other work on the machine: {row['other_cpu_pct']:.0f}%)")
    return rows
