#!/usr/bin/env python3
"""Bookinfo benchmark: starts the four services as packaged apps on local ports, records the throughput curve from
the first request after start, loads them with wrk, and reports throughput, latency, CPU per request, RSS and
startup time against the targets (see bench/README.md).

    bench/bench.py                      # jvm, jvm + AOT cache, native (skipped without native-image), default-jvm
    bench/bench.py --variants jvm       # one variant
    bench/bench.py --curve-only         # only the warm-up curves (and startup, RSS, errors)
    bench/bench.py --help               # everything else

Standard library only (the parts are in bench/benchlib/). Exits non-zero if any request fails (status 400 or more,
socket error or timeout).
"""
import argparse
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path

from benchlib import aot, build, load, profile, report, suite, wiring
from benchlib.common import (BENCH, DEFAULT_JVM_OPTS, ROOT, check_ports_free, cpu_model, die, git_commit,
                             java_home, java_major, loadavg, log, now, status_kib)

CURVE_PATH = "/productpage"


def run_variant(variant, args, jhome, jdk, ports, results_dir):
    rundir = ROOT / "run" / "bench" / variant.name
    logdir = ROOT / "run" / "bench" / "logs"
    rawdir = results_dir / "raw"
    for d in (rundir, logdir, rawdir):
        d.mkdir(parents=True, exist_ok=True)
    endpoints = [e for e in suite.ENDPOINTS if not args.endpoints or e in args.endpoints]
    conns = args.connections
    if variant.baseline:
        # The baseline is measured where the targets compare it: the curve and /productpage at 32 connections.
        endpoints = [e for e in endpoints if e == CURVE_PATH] or endpoints
        conns = [c for c in conns if c == 32] or conns
    do_curve = args.curve > 0 and CURVE_PATH in endpoints and not args.startup_only
    if args.curve_only:
        endpoints = [CURVE_PATH]
    services_run = suite.services_for(endpoints)
    train = variant.aot and args.aot_train > 0
    for svc in wiring.SERVICES if train else services_run:  # the training runs all four
        build.stage(variant, svc, rundir)
    jvm_opts_text = variant.options(args.jvm_opts)
    jvm_opts = jvm_opts_text.split()
    java = str(jhome / "bin" / "java")
    if train:
        log(f"== {variant.name}: recording the AOT caches with scripts/aot-train.sh ({args.aot_train} requests per "
            "endpoint)")
        aot.train(java, jvm_opts, rundir, logdir, args.aot_train)
    label = variant.name + (f"-{args.label}" if args.label else "")
    s = suite.Suite(variant, java, jvm_opts, ports, rundir, logdir, services_run)
    load_before = loadavg()
    log(f"== {label}: starting the services (load average {load_before})")
    curve, rows = None, []
    try:
        s.start_all(args.wait_quiet, args.startup_runs)
        if args.hold:
            suite.precheck(ports, endpoints)
            log(f"holding the services for {args.hold} s (pids: "
                f"{', '.join(f'{svc} {p.pid}' for svc, p in s.procs.items())}); no measurement")
            time.sleep(args.hold)
            return None
        if do_curve:
            # The first request after the start is the curve's: the precheck comes after it.
            curve = load.curve(ports, CURVE_PATH, args.curve, args.curve_slice, 32,
                               rawdir / f"{variant.name}-curve.txt")
        suite.precheck(ports, endpoints)
        if not (args.startup_only or args.curve_only):
            if args.warmup > 0:
                served = {CURVE_PATH: (curve["requests"], curve["seconds"])} if curve else {}
                load.warm_up(ports, endpoints, args.warmup, args.warmup_requests, served)
            rows = load.measure(s, endpoints, conns, args.duration, rawdir, args.wait_quiet)
        services = {}
        for svc in services_run:
            pid = s.procs[svc].pid
            services[svc] = {"startup_ms": s.startup_ms[svc], "startup_samples_ms": s.startup_samples[svc],
                             "quarkus_started_ms": s.started_log[svc],
                             "rss_mib": round(status_kib(pid, "VmRSS") / 1024, 1),
                             "peak_rss_mib": round(status_kib(pid, "VmHWM") / 1024, 1),
                             "machine_busy_pct_before_start": s.busy_before_start.get(svc)}
        if args.profile and not variant.native and rows:
            profile.jfr(s, jhome, args.duration, results_dir / "profile" / label, endpoints[0])
    finally:
        s.stop_all()
    res = {"variant": label, "date": now(), "commit": git_commit(), "jdk": jdk, "cpus": os.cpu_count(),
           "cpu_model": cpu_model(), "seconds": args.duration, "warmup": args.warmup,
           "warmup_requests": args.warmup_requests, "env": dict(suite.EXTRA_ENV), "jvm_opts": jvm_opts_text,
           "aot_cache": (None if not variant.aot else
                         f"recorded by scripts/aot-train.sh, {args.aot_train} requests per endpoint" if args.aot_train > 0 else
                         "recorded by Quarkus at build time (a start, no request)"),
           "loadavg_before": load_before, "curve": curve, "rows": rows, "services": services,
           "total_rss_mib": round(sum(x["rss_mib"] for x in services.values()), 1)}
    res["targets"] = report.check_targets(res)
    (results_dir / f"{label}.json").write_text(json.dumps(res, indent=2) + "\n")
    report.write_csv(res, results_dir / f"{label}.csv")
    md = report.markdown(res)
    (results_dir / f"{label}.md").write_text(md)
    print("\n" + md, flush=True)
    return res


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--variants", default="jvm,jvm-aot,native,default-jvm",
                   help="comma-separated: " + ", ".join(build.VARIANTS) + " (default: all); default-jvm is plain "
                   "`java -jar` without options, measured on the warm-up curve and /productpage at 32 connections")
    p.add_argument("--curve", type=int, default=120, metavar="SECONDS",
                   help=f"record {CURVE_PATH}'s throughput at 32 connections for this long from the first request "
                        "after start (default 120); 0 for none")
    p.add_argument("--curve-slice", type=int, default=5, metavar="SECONDS",
                   help="the curve's resolution (default 5)")
    p.add_argument("--curve-only", action="store_true",
                   help="the warm-up curve only (plus startup, RSS after it, errors): no warm-up, no other point")
    p.add_argument("--duration", type=int, default=10, help="seconds of wrk per measured point (default 10)")
    p.add_argument("--warmup", type=int, default=10, help="seconds of warm-up per endpoint, at least (default 10)")
    p.add_argument("--warmup-requests", type=int, default=200000,
                   help="keep warming an endpoint up (in --warmup steps, at most %d s) until it has served this "
                        "many requests, the curve's included (default 200000)" % load.WARMUP_CAP_S)
    p.add_argument("--startup-runs", type=int, default=3,
                   help="start each service this many times, alone, and report the median startup (default 3)")
    p.add_argument("--startup-only", action="store_true",
                   help="measure startup (and RSS right after it) only, no load")
    p.add_argument("--connections", default="1,32", help="comma-separated connection counts (default 1,32)")
    p.add_argument("--endpoints", default="", help="comma-separated subset of: " + ", ".join(suite.ENDPOINTS))
    p.add_argument("--jvm-opts", default=os.environ.get("BENCH_JVM_OPTS", DEFAULT_JVM_OPTS),
                   help="JVM options for every service except default-jvm's (default: scripts/jvm.options, the "
                        "shipped ones; '' for none)")
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                   help="environment variable for every service, e.g. MALLOC_ARENA_MAX=2 (repeatable)")
    p.add_argument("--label", default="", help="suffix for the result files, e.g. 'untuned'")
    p.add_argument("--base-port", type=int, default=int(os.environ.get("BENCH_BASE_PORT", "19080")),
                   help="productpage port; the others keep their offsets from scripts/services.properties "
                        "(default 19080)")
    p.add_argument("--wait-quiet", type=int, default=120, metavar="SECONDS",
                   help="before each point, wait up to this long for other work on the machine to stop "
                        "(below 20%% CPU); 0 to not wait (default 120)")
    p.add_argument("--build", action="store_true", help="rebuild the artifacts even if they exist")
    p.add_argument("--aot-train", type=int, default=2000, metavar="REQUESTS",
                   help="jvm-aot: record the AOT caches with scripts/aot-train.sh (as the AOT images do), this many "
                        "requests per endpoint, with the --jvm-opts of the run (default 2000, the images'); 0 keeps "
                        "the cache Quarkus recorded at build time")
    p.add_argument("--profile", action="store_true", help="also record JFR in every service during one extra "
                   "/productpage run and write hot-method views under results/profile/")
    p.add_argument("--hold", type=int, default=0, metavar="SECONDS",
                   help="only start the services and keep them up this long (for manual profiling), then stop")
    p.add_argument("--report", action="store_true", help="measure nothing: rewrite the .md/.csv files, "
                   "summary.md and the charts from the .json files in --results")
    p.add_argument("--results", default=str(BENCH / "results"), help="results directory (default bench/results)")
    args = p.parse_args()
    args.connections = [int(c) for c in args.connections.split(",") if c]
    for item in args.env:
        key, sep, value = item.partition("=")
        if not sep or not key:
            die(f"--env takes KEY=VALUE, not '{item}'", 2)
        suite.EXTRA_ENV[key] = value
    args.endpoints = [e for e in args.endpoints.split(",") if e]
    unknown = [e for e in args.endpoints if e not in suite.ENDPOINTS]
    if unknown:
        die(f"unknown endpoints {unknown}; choose from {list(suite.ENDPOINTS)}", 2)
    if args.curve_only and (args.curve <= 0 or (args.endpoints and CURVE_PATH not in args.endpoints)):
        die(f"--curve-only needs --curve > 0 and {CURVE_PATH} among the endpoints", 2)
    if args.curve > 0 and (args.curve_slice <= 0 or args.curve % args.curve_slice):
        die("--curve must be a multiple of --curve-slice", 2)
    names = [v for v in args.variants.split(",") if v]
    if any(v not in build.VARIANTS for v in names):
        die(f"--variants takes {', '.join(build.VARIANTS)}", 2)

    # Stop the services on SIGTERM/SIGHUP too (SystemExit runs the finally blocks), not only on Ctrl-C.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    results_dir = Path(args.results)
    if args.report:
        for f in sorted(results_dir.glob("*.json")):
            res = json.loads(f.read_text())
            if "variant" not in res:
                continue
            res["targets"] = report.check_targets(res)
            f.write_text(json.dumps(res, indent=2) + "\n")
            f.with_suffix(".md").write_text(report.markdown(res))
            report.write_csv(res, f.with_suffix(".csv"))
            log(f"rewrote {f.with_suffix('.md')}")
        for path in report.write_all(results_dir):
            log(f"wrote {path}")
        return
    build.ensure_wrk()
    jhome = java_home()
    major, jdk = java_major(jhome)
    ports = wiring.ports_from(args.base_port)
    check_ports_free(ports)
    results_dir.mkdir(parents=True, exist_ok=True)

    done, skipped, built = [], [], set()
    for name in names:
        variant = build.VARIANTS[name]
        if variant.native and not (shutil.which("native-image") or os.environ.get("GRAALVM_HOME")):
            msg = ("native: skipped, no GraalVM/Mandrel here (native-image is not on PATH and GRAALVM_HOME is "
                   "unset); build with ./mvnw package -Pnative on a machine that has one, or with "
                   "-Dquarkus.native.container-build=true where Docker or Podman exists")
            log(msg)
            skipped.append(msg)
            continue
        if variant.aot and major < 25:
            msg = f"jvm-aot: skipped, the AOT cache needs JDK 25+ to build and run (found {jdk} at {jhome})"
            log(msg)
            skipped.append(msg)
            continue
        if args.build or any(not variant.artifact(svc).exists() for svc in suite.services_for(args.endpoints)):
            if variant.native or variant.output_dir not in built:  # default-jvm runs jvm's jars
                build.mvn(jhome, variant.build_flags, name)
                built.add(variant.output_dir)
        res = run_variant(variant, args, jhome, jdk, ports, results_dir)
        if res:
            done.append(res)

    for path in report.write_all(results_dir):
        log(f"wrote {path}")
    for msg in skipped:
        print(msg)
    failed = [r["variant"] for r in done if report.total_errors(r)]
    if failed:
        die(f"FAILED: non-2xx responses or socket errors in {', '.join(failed)} (see {results_dir}/raw/)")


if __name__ == "__main__":
    main()
