"""The tools a run needs (wrk, Maven) and the variants: how each is built, staged and launched."""
import os
import shutil
import subprocess

from .common import ROOT, die, log


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


class Variant:
    """How to build one kind of artifact and how to launch it.

    `jvm_opts` None: the run's --jvm-opts (the shipped options by default); a string: these options whatever the
    run's (the default-JVM baseline runs with none). A `baseline` is measured where the targets compare it: the
    warm-up curve and /productpage at 32 connections.
    """

    def __init__(self, name, output_dir=None, build_flags=(), native=False, jvm_opts=None, baseline=False):
        self.name, self.output_dir, self.build_flags, self.native = name, output_dir, list(build_flags), native
        self.jvm_opts, self.baseline = jvm_opts, baseline

    @property
    def aot(self):
        return self.name == "jvm-aot"

    def artifact(self, svc):
        if self.native:
            return ROOT / svc / "target" / f"{svc}-1.0.0-SNAPSHOT-runner"
        return ROOT / svc / "target" / self.output_dir / ("app.aot" if self.aot else "quarkus-run.jar")

    def options(self, run_jvm_opts):
        """The JVM options this variant runs with in a run whose --jvm-opts are `run_jvm_opts`."""
        if self.native:
            return ""
        return run_jvm_opts if self.jvm_opts is None else self.jvm_opts

    def command(self, java, jvm_opts, appdir, svc):
        if self.native:
            return [str(appdir / f"{svc}-runner")]
        if self.aot:  # the jar by its absolute path, as scripts/aot-train.sh recorded it (and the images run it)
            return [java] + jvm_opts + ["-XX:AOTCache=app.aot", "-XX:AOTMode=on", "-jar",
                                        str(appdir / "quarkus-run.jar")]
        return [java] + jvm_opts + ["-jar", "quarkus-run.jar"]


VARIANTS = {
    "jvm": Variant("jvm", "quarkus-app"),
    # Quarkus' aot-jar layout plus a JDK 25 AOT cache (JEP 483/514/515). Quarkus records one at build time (a start
    # with default JVM options and no request); aot.train() replaces it with one recorded by scripts/aot-train.sh
    # (as the AOT images record theirs) with the options the services run with, unless --aot-train 0.
    "jvm-aot": Variant("jvm-aot", "quarkus-app-aot", [
        "-Dquarkus.package.jar.aot.enabled=true", "-Dquarkus.package.jar.aot.type=AOT",
        "-Dquarkus.package.jar.aot.phase=build", "-Dquarkus.package.output-directory=quarkus-app-aot"]),
    "native": Variant("native", native=True, build_flags=["-Dnative"]),
    # What users got before the options were shipped: plain `java -jar`, the JVM's defaults (G1, a quarter of the
    # machine's memory as heap), the same jars as `jvm`.
    "default-jvm": Variant("default-jvm", "quarkus-app", jvm_opts="", baseline=True),
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
