"""Paths, logging, /proc readings and the shipped JVM options, shared by bench.py and soak.py."""
import datetime
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
CLK_TCK = os.sysconf("SC_CLK_TCK")


def jvm_options(path=ROOT / "scripts" / "jvm.options"):
    """The JVM options every service is shipped with: one per line, '#' comments and blank lines skipped."""
    return " ".join(line.strip() for line in path.read_text().splitlines()
                    if line.strip() and not line.strip().startswith("#"))


DEFAULT_JVM_OPTS = jvm_options()


def log(msg):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {msg}", flush=True)


def die(msg, code=1):
    print(f"bench: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


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


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


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


def now():
    return datetime.datetime.now().strftime("%Y-%m-%d %H:%M")


def check_ports_free(ports):
    for svc, port in ports.items():
        try:
            http_get(f"http://127.0.0.1:{port}/", timeout=0.5)
            die(f"port {port} (for {svc}) is in use: stop whatever listens there or use --base-port", 1)
        except (OSError, urllib.error.URLError):
            pass


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
