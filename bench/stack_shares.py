#!/usr/bin/env python3
"""Where the CPU of one service goes, from an async-profiler "collapsed" stack file (bench/README.md, Profiling).

    bench/stack_shares.py productpage-cpu.collapsed

Prints the share of samples per part of the stack, each sample counted once, for the deepest frame that belongs to
a known part (so a REST resource that renders a Qute template counts as Qute, and the Netty write under it as
Netty), then the 15 frames with the most samples of their own. Standard library only.
"""
import collections
import sys

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


def main(path):
    total, parts, own = 0, collections.Counter(), collections.Counter()
    with open(path) as f:
        for line in f:
            stack, count = line.rstrip("\n").rsplit(" ", 1)
            count = int(count)
            frames = stack.split(";")
            total += count
            own[frames[-1][:110]] += count
            part = next((name for frame in reversed(frames) for name, prefixes in PARTS.items()
                         if frame.startswith(prefixes)), OTHER)
            parts[part] += count
    print(f"{total} samples; share by the deepest frame that belongs to a known part of the stack:")
    for name, count in parts.most_common():
        print(f"{100.0 * count / total:5.1f}%  {name}")
    print("\nframes with the most samples of their own:")
    for frame, count in own.most_common(15):
        print(f"{100.0 * count / total:5.1f}%  {frame}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
