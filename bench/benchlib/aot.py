"""Recording each service's JDK 25 AOT cache with scripts/aot-train.sh, the training the AOT images run."""
import os
import subprocess
from pathlib import Path

from .common import ROOT, die, log
from .suite import EXTRA_ENV


def train(java, jvm_opts, rundir, logdir, requests):
    """Records the AOT cache of the four services staged under `rundir` with scripts/aot-train.sh.

    The same script deploy/Dockerfile.jvm-aot runs inside the image build (the four services started together with
    the JVM options plus -XX:AOTCacheOutput, every endpoint served `requests` times, then stopped; each JVM writes its
    app.aot on the way out), here with the run's JVM options, so that the variant measures the cache the images
    ship. The cache then holds every class the requests load (not only the startup's) and the method profiles of
    the workload (JEP 515), so the measured JVM starts and warms up from there.
    """
    options = rundir / "jvm.options"
    options.write_text("\n".join(jvm_opts) + "\n")
    env = dict(os.environ, JAVA_HOME=str(Path(java).parent.parent), **EXTRA_ENV)
    logname = logdir / "aot-training.log"
    with open(logname, "w") as logf:
        rc = subprocess.run(["bash", str(ROOT / "scripts" / "aot-train.sh"), str(rundir), str(options),
                             str(requests)], env=env, stdout=logf, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        die(f"AOT training failed (exit {rc}); see {logname}")
    for line in logname.read_text().splitlines():
        if line.startswith("aot-train:"):
            log(line)
