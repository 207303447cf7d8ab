"""Recording each service's JDK 25 AOT cache (`-XX:AOTCacheOutput`) during a short workload."""
import subprocess

from .common import die, http_get, log
from .load import url_of, wrk
from .suite import await_ready, precheck, service_env, stop_processes


def train(java, jvm_opts, ports, rundir, logdir, services, endpoints, seconds):
    """Records each staged service's AOT cache during a short workload.

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
            await_ready(f"AOT training: {svc}", ports[svc], procs[svc], logf.name, 120)
        precheck(ports, endpoints)
        for path in endpoints:
            wrk(url_of(ports, path), 8, seconds)
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
