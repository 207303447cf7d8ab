"""The services as processes: started one at a time and timed to their first ready 200, stopped with SIGTERM."""
import os
import re
import signal
import subprocess
import time
import urllib.error
from pathlib import Path

from . import wiring
from .common import cpu_ticks, die, http_get, log, wait_quiet

EXTRA_ENV = {}  # --env KEY=VALUE, for every service

# path -> the service that answers it
ENDPOINTS = {
    "/productpage": "productpage",
    "/api/v1/products/0/reviews": "productpage",
    "/details/0": "details",
    "/reviews/0": "reviews",
    "/ratings/0": "ratings",
}


def services_for(endpoints):
    """The services that answer the endpoints, plus their neighbours, in start order."""
    needed = {ENDPOINTS[e] for e in (endpoints or ENDPOINTS)}
    needed |= {n for svc in needed for n in wiring.NEEDS[svc]}
    return [svc for svc in wiring.SERVICES if svc in needed]


def service_env(svc, ports):
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TZ") if k in os.environ}
    env.update(wiring.environment(svc, ports))
    env.update(EXTRA_ENV)
    env["QUARKUS_HTTP_PORT"] = str(ports[svc])
    return env


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


def await_ready(svc, port, proc, logname, timeout, on_fail=lambda: None):
    """Polls /q/health/ready every 5 ms until it answers 200; dies (after `on_fail`) if the process exits first."""
    url, deadline = f"http://127.0.0.1:{port}/q/health/ready", time.monotonic() + timeout
    while True:
        try:
            if http_get(url, timeout=1.0)[0] == 200:
                return
        except (OSError, urllib.error.URLError):
            pass
        if proc.poll() is not None:
            on_fail()
            die(f"{svc} exited during startup (code {proc.returncode}); see {logname}")
        if time.monotonic() > deadline:
            on_fail()
            die(f"{svc} is not ready after {timeout} s; see {logname}")
        time.sleep(0.005)


def precheck(ports, endpoints):
    """Every endpoint answers 200 with a body (wrk counts only status >= 400 as errors)."""
    for path in endpoints:
        svc = ENDPOINTS[path]
        status, ctype, body = http_get(f"http://127.0.0.1:{ports[svc]}{path}", timeout=15)
        if status != 200 or not body:
            die(f"GET {path} answered {status} ({len(body)} bytes): refusing to benchmark")
        if path == "/productpage" and b"glyphicon-star" not in body:
            die("/productpage has no stars: reviews or ratings is not wired as expected")


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
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=appdir, env=service_env(svc, self.ports), stdout=logf,
                                stderr=subprocess.STDOUT, start_new_session=True)
        self.procs[svc] = proc
        await_ready(svc, self.ports[svc], proc, logf.name, 60, self.stop_all)
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
