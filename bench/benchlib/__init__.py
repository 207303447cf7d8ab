"""The parts of bench/bench.py and bench/soak.py (standard library only):

    common   paths, logging, /proc readings, the JVM options of scripts/jvm.options
    wiring   ports and each service's environment, from scripts/services.properties
    build    JDK and wrk lookup, the Maven build, the variants and their staged artifacts
    suite    starting and stopping the services, readiness
    load     wrk: measured points, warm-up, the throughput curve from the first request
    aot      recording the JDK 25 AOT cache with scripts/aot-train.sh
    profile  JFR recordings and where the CPU samples fall
    report   the Markdown, CSV and JSON results, targets, charts
"""
