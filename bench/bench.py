#!/usr/bin/env python3
"""Bookinfo benchmark: starts the four services as packaged apps on local ports, loads them with wrk
and reports throughput, latency, CPU per request, RSS and startup time (see bench/README.md).

    bench/bench.py                      # JVM, JVM + AOT cache, native (skipped without native-image)
    bench/bench.py --variants jvm       # one variant
    bench/bench.py --help               # everything else

Standard library only. Exits non-zero if any request fails (status 400 or more, socket error or timeout).
"""
import argparse
import csv
import datetime
import html
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SERVICES = ["ratings", "details", "reviews", "productpage"]  # start order: neighbours before their callers
OFFSET = {"productpage": 0, "details": 1, "reviews": 2, "ratings": 3}
NEEDS = {"productpage": ["details", "reviews", "ratings"], "reviews": ["ratings"], "details": [], "ratings": []}
ENDPOINTS = {  # path -> service that answers it
    "/productpage": "productpage",
    "/api/v1/products/0/reviews": "productpage",
    "/details/0": "details",
    "/reviews/0": "reviews",
    "/ratings/0": "ratings",
}
# JVM options used for every service unless --jvm-opts says otherwise: the shipped ones, from scripts/jvm.options.
DEFAULT_JVM_OPTS = " ".join(
    line.strip() for line in (ROOT / "scripts" / "jvm.options").read_text().splitlines()
    if line.strip() and not line.strip().startswith("#"))
TARGETS = {"rps": 3000.0, "p99_ms": 40.0, "cpu_ms": 0.6, "rss_mib": 600.0, "startup_ms": 1000.0}
CLK_TCK = os.sysconf("SC_CLK_TCK")
WRK_LUA = BENCH / "wrk-report.lua"
WARMUP_CAP_S = 180  # longest warm-up of one endpoint when --warmup-requests is not reached


def log(msg):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {msg}", flush=True)


def die(msg, code=1):
    print(f"bench: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


# ---------------------------------------------------------------- tools

def java_home():
    out = subprocess.run([str(ROOT / "scripts" / "java-home.sh")], capture_output=True, text=True)
    if out.returncode != 0:
        die(out.stderr.strip() or "no JDK 21+ found")
    return Path(out.stdout.strip())


def java_major(home):
    out = subprocess.run([str(home / "bin" / "java"), "-XshowSettings:properties", "-version"],
                         capture_output=True, text=True).stderr
    m = re.search(r"java\.specification\.version = (\d+)", out)
    v = re.search(r"java\.runtime\.version = (\S+)", out)
    return int(m.group(1)) if m else 0, v.group(1) if v else "?"


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk is missing: apt-get install -y wrk")
        subprocess.run(["apt-get", "update", "-q"], check=False)
        if subprocess.run(["apt-get", "install", "-y", "-q", "wrk"]).returncode == 0 and shutil.which("wrk"):
            return
    die("wrk is not installed and could not be installed: run `sudo apt-get install -y wrk` (Debian/Ubuntu) "
        "or put a wrk 4.x binary on PATH")


def mvn(jhome, extra, what):
    cmd = [str(ROOT / "mvnw"), "-B", "-q", "-ntp", "package", "-DskipTests",
           "-pl", "details,ratings,reviews,productpage", "-am"] + extra
    log(f"building {what}: {' '.join(cmd[1:])}")
    env = dict(os.environ, JAVA_HOME=str(jhome))
    if subprocess.run(cmd, cwd=ROOT, env=env).returncode != 0:
        die(f"the {what} build failed (see the Maven output above)")


# ---------------------------------------------------------------- variants

class Variant:
    """How to build one kind of artifact and how to launch it."""

    def __init__(self, name, output_dir=None, build_flags=(), native=False):
        self.name, self.output_dir, self.build_flags, self.native = name, output_dir, list(build_flags), native

    def artifact(self, svc):
        if self.native:
            return ROOT / svc / "target" / f"{svc}-1.0.0-SNAPSHOT-runner"
        return ROOT / svc / "target" / self.output_dir / ("app.aot" if self.name == "jvm-aot" else "quarkus-run.jar")

    def command(self, java, jvm_opts, appdir, svc):
        if self.native:
            return [str(appdir / f"{svc}-runner")]
        extra = ["-XX:AOTCache=app.aot", "-XX:AOTMode=on"] if self.name == "jvm-aot" else []
        return [java] + jvm_opts + extra + ["-jar", "quarkus-run.jar"]


VARIANTS = {
    "jvm": Variant("jvm", "quarkus-app"),
    # Quarkus' aot-jar layout plus a JDK 25 AOT cache (JEP 483/514/515). Quarkus records one at build time (a start
    # with default JVM options and no request); train_aot() replaces it with one recorded under load with the
    # options the services run with, unless --aot-train 0.
    "jvm-aot": Variant("jvm-aot", "quarkus-app-aot", [
        "-Dquarkus.package.jar.aot.enabled=true", "-Dquarkus.package.jar.aot.type=AOT",
        "-Dquarkus.package.jar.aot.phase=build", "-Dquarkus.package.output-directory=quarkus-app-aot"]),
    "native": Variant("native", native=True, build_flags=["-Dnative"]),
}


def stage(variant, svc, rundir):
    """Copies the artifact next to the other staged ones so that a rebuild during the run cannot change it."""
    dest = rundir / svc
    if dest.exists():
        shutil.rmtree(dest)
    if variant.native:
        dest.mkdir(parents=True)
        shutil.copy2(variant.artifact(svc), dest / f"{svc}-runner")
    else:
        shutil.copytree(ROOT / svc / "target" / variant.output_dir, dest)  # copy2 keeps mtimes (AOT cache checks)
    return dest


# ---------------------------------------------------------------- processes

EXTRA_ENV = {}  # --env KEY=VALUE, for every service


def service_env(svc, ports, reviews_version="v2"):
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TZ") if k in os.environ}
    env.update(EXTRA_ENV)
    env["QUARKUS_HTTP_PORT"] = str(ports[svc])
    if svc == "ratings":
        env["SERVICE_VERSION"] = "v1"
    elif svc == "reviews":
        env.update(ENABLE_RATINGS="true", STAR_COLOR="black", HOSTNAME=f"reviews-{reviews_version}-bench",
                   RATINGS_HOSTNAME="localhost", RATINGS_SERVICE_PORT=str(ports["ratings"]))
    elif svc == "productpage":
        for name in ("details", "reviews", "ratings"):
            env[f"{name.upper()}_HOSTNAME"] = "localhost"
            env[f"{name.upper()}_SERVICE_PORT"] = str(ports[name])
    return env


def http_get(url, timeout=2.0):
    req = urllib.request.Request(url, headers={"User-Agent": "bookinfo-bench"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of proc(5))


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def cpu_jiffies():
    """(busy, total) jiffies of the whole machine from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def wait_quiet(max_wait, threshold=20.0):
    """Waits (at most max_wait s) until the machine is below threshold % busy over 3 s; returns the last reading."""
    deadline = time.monotonic() + max_wait
    while True:
        b0, t0 = cpu_jiffies()
        time.sleep(3)
        b1, t1 = cpu_jiffies()
        busy = 100.0 * (b1 - b0) / max(t1 - t0, 1)
        if busy <= threshold or time.monotonic() >= deadline:
            if busy > threshold:
                log(f"the machine is still {busy:.0f}% busy (other work): measuring anyway, results will be noisy")
            return round(busy, 1)
        log(f"the machine is {busy:.0f}% busy with other work; waiting for it to calm down")
        time.sleep(5)


def stop_processes(procs, timeout=15):
    """SIGTERM to all, then waits for each; one that does not exit within `timeout` seconds is killed."""
    procs = list(procs)
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


class Suite:
    def __init__(self, variant, java, jvm_opts, ports, rundir, logdir, services):
        self.variant, self.java, self.jvm_opts, self.ports = variant, java, jvm_opts, ports
        self.services = services
        self.rundir, self.logdir = rundir, logdir
        self.procs, self.startup_ms, self.started_log, self.busy_before_start = {}, {}, {}, {}
        self.startup_samples = {}

    def start_all(self, quiet_wait, runs):
        """Starts each service alone; with runs > 1, starts and stops it runs - 1 times first (median reported)."""
        for svc in self.services:
            samples = []
            for i in range(runs):
                busy = wait_quiet(quiet_wait) if quiet_wait else None
                self.start(svc)
                samples.append(self.startup_ms[svc])
                if i < runs - 1:
                    self.stop(svc)
            self.busy_before_start[svc] = busy
            self.startup_samples[svc] = samples
            self.startup_ms[svc] = sorted(samples)[len(samples) // 2]

    def start(self, svc):
        appdir = self.rundir / svc
        cmd = self.variant.command(self.java, self.jvm_opts, appdir, svc)
        logf = open(self.logdir / f"{self.variant.name}-{svc}.log", "w")
        url = f"http://127.0.0.1:{self.ports[svc]}/q/health/ready"
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=appdir, env=service_env(svc, self.ports), stdout=logf,
                                stderr=subprocess.STDOUT, start_new_session=True)
        self.procs[svc] = proc
        deadline = t0 + 60
        while True:
            try:
                if http_get(url, timeout=1.0)[0] == 200:
                    break
            except (OSError, urllib.error.URLError):
                pass
            if proc.poll() is not None:
                self.stop_all()
                die(f"{svc} exited during startup (code {proc.returncode}); see {logf.name}")
            if time.monotonic() > deadline:
                self.stop_all()
                die(f"{svc} is not ready after 60 s; see {logf.name}")
            time.sleep(0.005)
        self.startup_ms[svc] = round((time.monotonic() - t0) * 1000)
        deadline = time.monotonic() + 2  # the "started in" line may reach the log just after the first 200
        while True:
            m = re.search(r"started in ([0-9.]+)s", Path(logf.name).read_text(errors="replace"))
            if m or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self.started_log[svc] = round(float(m.group(1)) * 1000) if m else None
        log(f"{svc:<12} ready in {self.startup_ms[svc]} ms (Quarkus says {self.started_log[svc]} ms) "
            f"on :{self.ports[svc]}")

    def stop(self, svc):
        stop_processes([self.procs.pop(svc)])

    def stop_all(self):
        stop_processes(self.procs.values())

    def ticks(self):
        return {svc: cpu_ticks(p.pid) for svc, p in self.procs.items()}


# ---------------------------------------------------------------- load

def wrk_threads(connections):
    return 1 if connections == 1 else 2


def wrk(url, connections, seconds, rawfile=None, script=WRK_LUA, script_args=()):
    """Runs wrk and returns the summary that `script` prints (wrk-report.lua's BENCH_JSON line)."""
    threads = wrk_threads(connections)
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
           "-s", str(script), url] + (["--"] + [str(a) for a in script_args] if script_args else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if rawfile:
        rawfile.write_text(" ".join(cmd) + "\n" + out.stdout + out.stderr)
    if out.returncode != 0:
        die(f"wrk failed: {out.stderr.strip()}")
    line = next((l for l in out.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
    if line is None:
        die(f"wrk printed no summary:\n{out.stdout}")
    return json.loads(line[len("BENCH_JSON "):])


def precheck(ports, endpoints):
    """Every endpoint answers 200 with a body before any load (wrk counts only status >= 400 as errors)."""
    for path in endpoints:
        svc = ENDPOINTS[path]
        status, ctype, body = http_get(f"http://127.0.0.1:{ports[svc]}{path}", timeout=15)
        if status != 200 or not body:
            die(f"GET {path} answered {status} ({len(body)} bytes) before the load: refusing to benchmark")
        if path == "/productpage" and b"glyphicon-star" not in body:
            die("/productpage has no stars: reviews or ratings is not wired as expected")


def train_aot(java, jvm_opts, ports, rundir, logdir, services, endpoints, seconds):
    """Records each staged service's AOT cache (JDK 25 `-XX:AOTCacheOutput`) during a short workload.

    All services run at once in record mode with the JVM options of the measurement (the cache must match them:
    Quarkus' build-time cache is recorded with the default G1 heap), every endpoint gets `seconds` of wrk at
    8 connections plus a few health checks, and each JVM writes its app.aot when it is stopped. The cache then
    holds every class the requests load (not only the startup's) and the method profiles of the workload
    (JEP 515), so the measured JVM starts and warms up from there.
    """
    procs = {}
    try:
        for svc in services:
            appdir = rundir / svc
            (appdir / "app.aot").unlink(missing_ok=True)
            logf = open(logdir / f"aot-training-{svc}.log", "w")
            cmd = [java] + jvm_opts + ["-XX:AOTCacheOutput=app.aot", "-jar", "quarkus-run.jar"]
            procs[svc] = subprocess.Popen(cmd, cwd=appdir, env=service_env(svc, ports), stdout=logf,
                                          stderr=subprocess.STDOUT, start_new_session=True)
            url, deadline = f"http://127.0.0.1:{ports[svc]}/q/health/ready", time.monotonic() + 120
            while True:
                try:
                    if http_get(url, timeout=1.0)[0] == 200:
                        break
                except (OSError, urllib.error.URLError):
                    pass
                if procs[svc].poll() is not None or time.monotonic() > deadline:
                    die(f"AOT training: {svc} did not start (see {logf.name})")
                time.sleep(0.05)
        precheck(ports, endpoints)
        for path in endpoints:
            wrk(f"http://127.0.0.1:{ports[ENDPOINTS[path]]}{path}", 8, seconds)
        for svc in services:
            for probe in ("/q/health/ready", "/q/health/live", "/q/health"):
                http_get(f"http://127.0.0.1:{ports[svc]}{probe}")
    finally:
        stop_processes(procs.values(), timeout=300)  # each cache is assembled at exit, in a child JVM
    for svc in services:
        cache = rundir / svc / "app.aot"
        if not cache.exists():
            die(f"AOT training: {svc} wrote no {cache} (see {logdir}/aot-training-{svc}.log)")
        log(f"AOT cache of {svc}: {cache.stat().st_size / 1048576:.0f} MiB, recorded under load")


def measure(suite, endpoints, conns, seconds, warmup, warmup_requests, rawdir, quiet_wait):
    ports = suite.ports
    if warmup > 0:
        # The JIT needs a number of requests, not a number of seconds: a slow endpoint on a busy machine stays
        # interpreted for a long time, and measuring it then reports the warm-up, not the service.
        for path in endpoints:
            url, total, spent = f"http://127.0.0.1:{ports[ENDPOINTS[path]]}{path}", 0, 0
            while spent < warmup or (total < warmup_requests and spent < max(warmup, WARMUP_CAP_S)):
                total += wrk(url, 32, warmup)["requests"]
                spent += warmup
            log(f"warmed up {path}: {total} requests in {spent} s at 32 connections")
    rows = []
    for path in endpoints:
        for c in conns:
            url = f"http://127.0.0.1:{ports[ENDPOINTS[path]]}{path}"
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
            errors = r["status_errors"] + r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
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


def profile(suite, jhome, seconds, outdir, path):
    """JFR (profile settings) in every service during one extra run of the first endpoint at 32 connections."""
    jcmd, jfr = str(jhome / "bin" / "jcmd"), str(jhome / "bin" / "jfr")
    outdir.mkdir(parents=True, exist_ok=True)
    for svc, p in suite.procs.items():
        subprocess.run([jcmd, str(p.pid), "JFR.start", "name=bench", "settings=profile"], capture_output=True)
    r = wrk(f"http://127.0.0.1:{suite.ports[ENDPOINTS[path]]}{path}", 32, seconds)
    log(f"profiled run: {r['requests'] / (r['duration_us'] / 1e6):.0f} req/s (JFR on)")
    for svc, p in suite.procs.items():
        jfile = outdir / f"{svc}.jfr"
        subprocess.run([jcmd, str(p.pid), "JFR.stop", "name=bench", f"filename={jfile}"], capture_output=True)
        for view in ("hot-methods", "gc", "allocation-by-class"):
            out = subprocess.run([jfr, "view", "--width", "160", view, str(jfile)], capture_output=True, text=True)
            (outdir / f"{svc}-{view}.txt").write_text(out.stdout + out.stderr)
        samples = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", str(jfile)],
                                 capture_output=True, text=True).stdout
        (outdir / f"{svc}-components.txt").write_text(components(samples))
    log(f"JFR recordings and views in {outdir}")


# Where a CPU sample's stack passes through (inclusive: a sample counts for every component on its stack).
COMPONENTS = {
    "Vert.x/Netty HTTP server": r"Http1xServerConnection|Http1xServerRequest",
    "Quarkus REST server (resteasy reactive)": r"resteasy\.reactive\.server",
    "REST client (resteasy reactive client)": r"resteasy\.reactive\.client",
    "Vert.x HTTP client and pool": r"Http1xClientConnection|HttpClientImpl|SimpleConnectionPool",
    "Qute template rendering": r"io\.quarkus\.qute",
    "Jackson JSON": r"com\.fasterxml\.jackson",
    "OpenTelemetry (spans, propagation)": r"opentelemetry",
    "Micrometer/Prometheus metrics": r"micrometer|prometheus",
    "SmallRye context propagation (capture/restore)":
        r"smallrye\.context\.impl\.(\w+ContextState|ThreadContextProviderPlan)|SmallRyeThreadContext\.captureContext",
    "cross-thread event-loop wake-ups": r"NioEventLoop\.wakeup|SelectedSelectionKeySetSelector\.wakeup",
    "logging": r"org\.jboss\.logging|org\.jboss\.logmanager",
    "bookinfo code (dev.bookinfo.*)": r"dev\.bookinfo",
}


def components(jfr_print_output):
    """A table of JFR CPU samples by component, from `jfr print --events jdk.ExecutionSample` text."""
    events = jfr_print_output.split("jdk.ExecutionSample")[1:]
    counts = dict.fromkeys(COMPONENTS, 0)
    for event in events:
        stack = " ".join(re.findall(r"^\s+([\w$.<>]+)\(", event, re.M))
        for name, pattern in COMPONENTS.items():
            if re.search(pattern, stack):
                counts[name] += 1
    n = max(len(events), 1)
    lines = [f"{len(events)} CPU samples (jdk.ExecutionSample); share of samples whose stack passes through:"]
    lines += [f"{100.0 * c / n:5.1f}%  {name}" for name, c in sorted(counts.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- reports

def fmt(x, digits=1):
    return f"{x:,.{digits}f}"


def ceiling(row, cpus):
    per_request = row["cpu_ms_per_req"] + row["wrk_cpu_ms_per_req"]
    return 1000.0 * cpus / per_request if per_request > 0 else 0.0


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
           + (f" · AOT cache: {res['aot_cache']}" if res.get("aot_cache") else ""), "",
           "| endpoint | conns | req/s | p50 ms | p90 ms | p99 ms | CPU ms/req (services) | errors | other work % "
           "| CPU-bound ceiling req/s |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    if not rows:
        out = out[:-2] + ["Startup only (`--startup-only`): no load was run."]
    for r in rows:
        out.append(f"| `{r['endpoint']}` | {r['connections']} | {fmt(r['rps'])} | {r['p50_ms']:.2f} | "
                   f"{r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['cpu_ms_per_req']:.3f} | {r['errors']} | "
                   f"{r['other_cpu_pct']:.0f} | {fmt(ceiling(r, res['cpus']), 0)} |")
    out.append("")
    if rows:
        out += ["\"other work %\": CPU used on the machine by neither the services nor wrk during the point "
                "(other builds); anything above a few % makes that row noisy. \"CPU-bound ceiling\": what the "
                f"{res['cpus']} CPUs would serve if the services and wrk had them to themselves, from the CPU they "
                "used per request (an estimate, not a measurement).", ""]
    rss_when = "after load" if rows else "after startup"
    out += [f"| service | startup to first ready 200 (ms, median) | Quarkus \"started in\" (ms) "
            f"| RSS {rss_when} (MiB) | peak RSS (MiB) | every start (ms) |", "|---|---:|---:|---:|---:|---|"]
    for svc, s in res["services"].items():
        every = ", ".join(str(x) for x in s.get("startup_samples_ms", [s["startup_ms"]]))
        out.append(f"| {svc} | {s['startup_ms']} | {s['quarkus_started_ms']} | {s['rss_mib']:.1f} | "
                   f"{s['peak_rss_mib']:.1f} | {every} |")
    out.append(f"| **total** | | | **{res['total_rss_mib']:.1f}** | | |")
    out += ["", "Targets:", ""]
    for name, ok, detail in res["targets"]:
        out.append(f"- {'reported' if ok is None else 'met' if ok else 'NOT met'}: {name} ({detail})")
    return "\n".join(out) + "\n"


def check_targets(res):
    checks = []
    page = next((r for r in res["rows"] if r["endpoint"] == "/productpage" and r["connections"] == 32), None)
    if page:
        checks.append(("/productpage >= 3,000 req/s at 32 connections", page["rps"] >= TARGETS["rps"],
                       f"{fmt(page['rps'])} req/s"))
        checks.append(("/productpage p99 <= 40 ms at 32 connections", page["p99_ms"] <= TARGETS["p99_ms"],
                       f"{page['p99_ms']:.1f} ms"))
        checks.append(("<= 0.6 ms CPU per page (4 services)", page["cpu_ms_per_req"] <= TARGETS["cpu_ms"],
                       f"{page['cpu_ms_per_req']:.3f} ms"))
    if len(res["services"]) == 4:
        checks.append(("total RSS after load <= 600 MiB", res["total_rss_mib"] <= TARGETS["rss_mib"],
                       f"{res['total_rss_mib']:.0f} MiB"))
    slowest = max(res["services"].items(), key=lambda kv: kv[1]["startup_ms"])
    if res["variant"].startswith("jvm") and not res["variant"].startswith("jvm-aot"):
        # The startup target is for the AOT cache; the plain JVM's startup is reported for comparison only.
        checks.append(("each service ready <= 1.0 s after start (the target is for the AOT cache; without it, "
                       "reported only)", None, f"slowest: {slowest[0]} {slowest[1]['startup_ms']} ms"))
    else:
        checks.append(("each service ready <= 1.0 s after start", slowest[1]["startup_ms"] <= TARGETS["startup_ms"],
                       f"slowest: {slowest[0]} {slowest[1]['startup_ms']} ms"))
    checks.append(("zero non-2xx responses and socket errors", all(r["errors"] == 0 for r in res["rows"]),
                   f"{sum(r['errors'] for r in res['rows'])} errors"))
    return checks


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


def chart(results_dir):
    """One SVG with four panels (req/s and p99 at 32 connections, RSS, startup), one bar colour per variant."""
    runs = []
    for f in sorted(results_dir.glob("*.json")):
        try:
            runs.append(json.loads(f.read_text()))
        except ValueError:
            continue
    runs = [r for r in runs if r.get("rows")]
    if not runs:
        return None
    colours = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"]
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
        ("RSS after load (MiB)", SERVICES + ["total"],
         lambda run, s: run["total_rss_mib"] if s == "total" else run["services"].get(s, {}).get("rss_mib", 0),
         TARGETS["rss_mib"], "target total"),
        ("Startup to first ready 200 (ms)", SERVICES,
         lambda run, s: run["services"].get(s, {}).get("startup_ms", 0), TARGETS["startup_ms"], "target"),
    ]
    W, PH, M = 900, 230, 60
    H = 50 + len(panels) * (PH + 70)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" '
           f'font-size="11"><rect width="100%" height="100%" fill="white"/>',
           f'<text x="{M}" y="22" font-size="15" font-weight="bold">Bookinfo on Quarkus: bench/bench.py '
           f'(2 CPUs, wrk on the same CPUs)</text>']
    for i, run in enumerate(runs):
        x = M + i * 190
        svg.append(f'<rect x="{x}" y="32" width="12" height="12" fill="{colours[i % len(colours)]}"/>'
                   f'<text x="{x + 16}" y="42">{html.escape(run["variant"])}</text>')
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
                           f'fill="{colours[i % len(colours)]}"><title>{html.escape(runs[i]["variant"])} '
                           f'{html.escape(cat)}: {vs[j]:,.1f}</title></rect>')
                svg.append(f'<text x="{x + bw / 2 - 1:.1f}" y="{top + PH - h - 3:.1f}" text-anchor="middle" '
                           f'font-size="9">{vs[j]:,.0f}</text>')
            svg.append(f'<text x="{M + j * gw + gw / 2:.1f}" y="{top + PH + 16}" text-anchor="middle">'
                       f'{html.escape(cat)}</text>')
    svg.append("</svg>")
    path = results_dir / "chart.svg"
    path.write_text("\n".join(svg) + "\n")
    return path


# ---------------------------------------------------------------- main

def git_commit():
    if os.environ.get("BENCH_COMMIT"):
        return os.environ["BENCH_COMMIT"]
    out = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def services_for(endpoints):
    """The services that answer the endpoints, plus their neighbours, in start order."""
    needed = {ENDPOINTS[e] for e in (endpoints or ENDPOINTS)}
    needed |= {n for svc in needed for n in NEEDS[svc]}
    return [svc for svc in SERVICES if svc in needed]


def run_variant(variant, args, jhome, jdk, ports, results_dir):
    rundir = ROOT / "run" / "bench" / variant.name
    logdir = ROOT / "run" / "bench" / "logs"
    rawdir = results_dir / "raw"
    for d in (rundir, logdir, rawdir):
        d.mkdir(parents=True, exist_ok=True)
    endpoints = [e for e in ENDPOINTS if not args.endpoints or e in args.endpoints]
    services_run = services_for(endpoints)
    for svc in services_run:
        stage(variant, svc, rundir)
    jvm_opts = args.jvm_opts.split()
    if variant.name == "jvm-aot" and args.aot_train > 0:
        log(f"== {variant.name}: recording the AOT caches under load ({args.aot_train} s per endpoint)")
        train_aot(str(jhome / "bin" / "java"), jvm_opts, ports, rundir, logdir, services_run, endpoints,
                  args.aot_train)
    label = variant.name + (f"-{args.label}" if args.label else "")
    suite = Suite(variant, str(jhome / "bin" / "java"), jvm_opts, ports, rundir, logdir, services_run)
    load_before = loadavg()
    log(f"== {label}: starting the services (load average {load_before})")
    try:
        suite.start_all(args.wait_quiet, args.startup_runs)
        precheck(ports, endpoints)
        if args.hold:
            log(f"holding the services for {args.hold} s (pids: "
                f"{', '.join(f'{svc} {p.pid}' for svc, p in suite.procs.items())}); "
                f"no measurement")
            time.sleep(args.hold)
            return None
        rows = [] if args.startup_only else measure(
            suite, endpoints, args.connections, args.duration, args.warmup, args.warmup_requests, rawdir,
            args.wait_quiet)
        services = {}
        for svc in services_run:
            pid = suite.procs[svc].pid
            services[svc] = {"startup_ms": suite.startup_ms[svc], "startup_samples_ms": suite.startup_samples[svc],
                             "quarkus_started_ms": suite.started_log[svc],
                             "rss_mib": round(status_kib(pid, "VmRSS") / 1024, 1),
                             "peak_rss_mib": round(status_kib(pid, "VmHWM") / 1024, 1),
                             "machine_busy_pct_before_start": suite.busy_before_start.get(svc)}
        if args.profile and not variant.native and not args.startup_only:
            profile(suite, jhome, args.duration, results_dir / "profile" / label, endpoints[0])
    finally:
        suite.stop_all()
    res = {"variant": label, "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": git_commit(),
           "jdk": jdk, "cpus": os.cpu_count(), "cpu_model": cpu_model(), "seconds": args.duration,
           "warmup": args.warmup, "warmup_requests": args.warmup_requests, "env": dict(EXTRA_ENV),
           "jvm_opts": "" if variant.native else args.jvm_opts,
           "aot_cache": (None if variant.name != "jvm-aot" else
                         f"recorded under load, {args.aot_train} s of wrk per endpoint" if args.aot_train > 0 else
                         "recorded by Quarkus at build time (a start, no request)"),
           "loadavg_before": load_before, "rows": rows, "services": services,
           "total_rss_mib": round(sum(s["rss_mib"] for s in services.values()), 1)}
    res["targets"] = check_targets(res)
    (results_dir / f"{label}.json").write_text(json.dumps(res, indent=2) + "\n")
    write_csv(res, results_dir / f"{label}.csv")
    md = markdown(res)
    (results_dir / f"{label}.md").write_text(md)
    print("\n" + md, flush=True)
    return res


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--variants", default="jvm,jvm-aot,native", help="comma-separated: jvm, jvm-aot, native")
    p.add_argument("--duration", type=int, default=10, help="seconds of wrk per measured point (default 10)")
    p.add_argument("--warmup", type=int, default=10, help="seconds of warm-up per endpoint, at least (default 10)")
    p.add_argument("--warmup-requests", type=int, default=200000,
                   help="keep warming an endpoint up (in --warmup steps, at most %d s) until it has served this "
                        "many requests (default 200000)" % WARMUP_CAP_S)
    p.add_argument("--startup-runs", type=int, default=3,
                   help="start each service this many times, alone, and report the median startup (default 3)")
    p.add_argument("--startup-only", action="store_true",
                   help="measure startup (and RSS right after it) only, no load")
    p.add_argument("--connections", default="1,32", help="comma-separated connection counts (default 1,32)")
    p.add_argument("--endpoints", default="", help="comma-separated subset of: " + ", ".join(ENDPOINTS))
    p.add_argument("--jvm-opts", default=os.environ.get("BENCH_JVM_OPTS", DEFAULT_JVM_OPTS),
                   help="JVM options for every service (default: the tuned set in bench/README.md; '' for none)")
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                   help="environment variable for every service, e.g. MALLOC_ARENA_MAX=2 (repeatable)")
    p.add_argument("--label", default="", help="suffix for the result files, e.g. 'untuned'")
    p.add_argument("--base-port", type=int, default=int(os.environ.get("BENCH_BASE_PORT", "19080")),
                   help="productpage port; details, reviews, ratings use the next three (default 19080)")
    p.add_argument("--wait-quiet", type=int, default=120, metavar="SECONDS",
                   help="before each point, wait up to this long for other work on the machine to stop "
                        "(below 20%% CPU); 0 to not wait (default 120)")
    p.add_argument("--build", action="store_true", help="rebuild the artifacts even if they exist")
    p.add_argument("--aot-train", type=int, default=5, metavar="SECONDS",
                   help="jvm-aot: record the AOT caches under load, this many seconds of wrk per endpoint, with "
                        "the --jvm-opts of the run (default 5); 0 keeps the cache Quarkus recorded at build time")
    p.add_argument("--profile", action="store_true", help="also record JFR in every service during one extra "
                   "/productpage run and write hot-method views under results/profile/")
    p.add_argument("--hold", type=int, default=0, metavar="SECONDS",
                   help="only start the services and keep them up this long (for manual profiling), then stop")
    p.add_argument("--report", action="store_true",
                   help="measure nothing: rewrite the .md/.csv files and the chart from the .json files in --results")
    p.add_argument("--results", default=str(BENCH / "results"), help="results directory (default bench/results)")
    args = p.parse_args()
    args.connections = [int(c) for c in args.connections.split(",") if c]
    for item in args.env:
        key, sep, value = item.partition("=")
        if not sep or not key:
            die(f"--env takes KEY=VALUE, not '{item}'", 2)
        EXTRA_ENV[key] = value
    args.endpoints = [e for e in args.endpoints.split(",") if e]
    unknown = [e for e in args.endpoints if e not in ENDPOINTS]
    if unknown:
        die(f"unknown endpoints {unknown}; choose from {list(ENDPOINTS)}", 2)
    names = [v for v in args.variants.split(",") if v]
    if any(v not in VARIANTS for v in names):
        die(f"--variants takes {', '.join(VARIANTS)}", 2)

    # Stop the services on SIGTERM/SIGHUP too (SystemExit runs the finally blocks), not only on Ctrl-C.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if args.report:
        for f in sorted(Path(args.results).glob("*.json")):
            res = json.loads(f.read_text())
            res["targets"] = check_targets(res)
            f.write_text(json.dumps(res, indent=2) + "\n")
            f.with_suffix(".md").write_text(markdown(res))
            write_csv(res, f.with_suffix(".csv"))
            log(f"rewrote {f.with_suffix('.md')}")
        log(f"chart: {chart(Path(args.results))}")
        return
    ensure_wrk()
    jhome = java_home()
    major, jdk = java_major(jhome)
    ports = {svc: args.base_port + OFFSET[svc] for svc in SERVICES}
    for svc, port in ports.items():
        try:
            http_get(f"http://127.0.0.1:{port}/", timeout=0.5)
            die(f"port {port} (for {svc}) is in use: stop whatever listens there or use --base-port", 1)
        except (OSError, urllib.error.URLError):
            pass
    results_dir = Path(args.results)
    results_dir.mkdir(parents=True, exist_ok=True)

    done, skipped = [], []
    for name in names:
        variant = VARIANTS[name]
        if name == "native" and not (shutil.which("native-image") or os.environ.get("GRAALVM_HOME")):
            msg = ("native: skipped, no GraalVM/Mandrel here (native-image is not on PATH and GRAALVM_HOME is "
                   "unset); build with ./mvnw package -Pnative on a machine that has one, or with "
                   "-Dquarkus.native.container-build=true where Docker or Podman exists")
            log(msg)
            skipped.append(msg)
            continue
        if name == "jvm-aot" and major < 25:
            msg = f"jvm-aot: skipped, the AOT cache needs JDK 25+ to build and run (found {jdk} at {jhome})"
            log(msg)
            skipped.append(msg)
            continue
        if args.build or any(not variant.artifact(svc).exists() for svc in services_for(args.endpoints)):
            mvn(jhome, variant.build_flags, name)
        res = run_variant(variant, args, jhome, jdk, ports, results_dir)
        if res:
            done.append(res)

    path = chart(results_dir)
    if path:
        log(f"chart: {path}")
    for msg in skipped:
        print(msg)
    failed = [r["variant"] for r in done if any(row["errors"] for row in r["rows"])]
    if failed:
        die(f"FAILED: non-2xx responses or socket errors in {', '.join(failed)} (see {results_dir}/raw/)")


if __name__ == "__main__":
    main()
