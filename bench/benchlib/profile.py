"""Where the CPU goes: JFR recordings of the running suite, and shares of CPU samples by part of the stack (from JFR
or from an async-profiler "collapsed" file, bench/stack_shares.py)."""
import collections
import re
import subprocess

from .common import log
from .load import url_of, wrk


def jfr(suite, jhome, seconds, outdir, path):
    """JFR (profile settings) in every service during one extra run of `path` at 32 connections."""
    jcmd, jfr_tool = str(jhome / "bin" / "jcmd"), str(jhome / "bin" / "jfr")
    outdir.mkdir(parents=True, exist_ok=True)
    for svc, p in suite.procs.items():
        subprocess.run([jcmd, str(p.pid), "JFR.start", "name=bench", "settings=profile"], capture_output=True)
    r = wrk(url_of(suite.ports, path), 32, seconds)
    log(f"profiled run: {r['requests'] / (r['duration_us'] / 1e6):.0f} req/s (JFR on)")
    for svc, p in suite.procs.items():
        jfile = outdir / f"{svc}.jfr"
        subprocess.run([jcmd, str(p.pid), "JFR.stop", "name=bench", f"filename={jfile}"], capture_output=True)
        for view in ("hot-methods", "gc", "allocation-by-class"):
            out = subprocess.run([jfr_tool, "view", "--width", "160", view, str(jfile)], capture_output=True,
                                 text=True)
            (outdir / f"{svc}-{view}.txt").write_text(out.stdout + out.stderr)
        samples = subprocess.run([jfr_tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128",
                                  str(jfile)], capture_output=True, text=True).stdout
        (outdir / f"{svc}-components.txt").write_text(components(samples))
    log(f"JFR recordings and views in {outdir}")


# Where a JFR CPU sample's stack passes through (inclusive: a sample counts for every component on its stack).
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


# The parts of the stack of an async-profiler collapsed file (frames as `io/netty/...`), by package prefix.
PARTS = {
    "netty (sockets, buffers)": ("io/netty",),
    "REST server": ("org/jboss/resteasy/reactive/server", "org/jboss/resteasy/reactive/common",
                    "io/quarkus/resteasy/reactive/server"),
    "REST client": ("org/jboss/resteasy/reactive/client", "io/quarkus/rest/client", "io/quarkus/jaxrs/client"),
    "Qute": ("io/quarkus/qute", "io/quarkus/resteasy/reactive/qute"),
    "OpenTelemetry": ("io/opentelemetry", "io/quarkus/opentelemetry"),
    "context propagation": ("io/smallrye/context",),
    "ArC (CDI, request context)": ("io/quarkus/arc",),
    "Vert.x HTTP": ("io/vertx/core/http",),
    "Vert.x web router": ("io/vertx/ext/web",),
    "Vert.x net": ("io/vertx/core/net",),
    "bookinfo code": ("dev/bookinfo",),
    "Mutiny": ("io/smallrye/mutiny",),
    "Jackson": ("com/fasterxml",),
    "security (HTTP auth, OIDC, JWT)": ("io/quarkus/vertx/http/runtime/security", "io/quarkus/security",
                                        "io/quarkus/oidc", "io/quarkus/smallrye/jwt", "io/smallrye/jwt"),
    "Micrometer": ("io/micrometer", "io/quarkus/micrometer"),
}
OTHER = "JDK, JVM (GC, JIT) and native only"


def stack_shares(lines):
    """Each sample counted once, for the deepest frame that belongs to a known part; then the 15 frames with the
    most samples of their own. `lines`: the collapsed file's lines (`frame;frame;... count`)."""
    total, parts, own = 0, collections.Counter(), collections.Counter()
    for line in lines:
        stack, count = line.rstrip("\n").rsplit(" ", 1)
        count = int(count)
        frames = stack.split(";")
        total += count
        own[frames[-1][:110]] += count
        part = next((name for frame in reversed(frames) for name, prefixes in PARTS.items()
                     if frame.startswith(prefixes)), OTHER)
        parts[part] += count
    out = [f"{total} samples; share by the deepest frame that belongs to a known part of the stack:"]
    out += [f"{100.0 * count / total:5.1f}%  {name}" for name, count in parts.most_common()]
    out += ["", "frames with the most samples of their own:"]
    out += [f"{100.0 * count / total:5.1f}%  {frame}" for frame, count in own.most_common(15)]
    return "\n".join(out)
