"""The service wiring of scripts/services.properties: start order, ports, and the environment of each service.

    python3 bench/benchlib/wiring.py SERVICE VERSION PORT_RATINGS PORT_DETAILS PORT_REVIEWS PORT_PRODUCTPAGE

prints that service's environment, one KEY=VALUE a line, sorted (robustness' ServiceWiringTest compares it with the
bash and Java readers).
"""
import re
import sys
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent.parent / "scripts" / "services.properties"


def load(path=FILE):
    props = {}
    for n, line in enumerate(path.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"{path}:{n}: not KEY=VALUE: {line}")
        props[key.strip()] = value.strip()
    return props


PROPS = load()
SERVICES = PROPS["services"].split()  # start order: neighbours before their callers
LOCAL_PORTS = {svc: int(PROPS[f"port.{svc}"]) for svc in SERVICES}
REVIEWS_VERSION = PROPS["reviews.version"]
REVIEWS_VERSIONS = sorted({k.split(".")[1][len("reviews-"):] for k in PROPS if k.startswith("env.reviews-")})
# The services each one calls, from the ports its environment names.
NEEDS = {svc: [n for n in SERVICES if any(v == "{port.%s}" % n for k, v in PROPS.items()
                                          if k.startswith(f"env.{svc}."))] for svc in SERVICES}


def ports_from(base):
    """The local ports' layout moved to start at `base` (productpage's port)."""
    first = LOCAL_PORTS["productpage"]
    return {svc: base + port - first for svc, port in LOCAL_PORTS.items()}


def environment(service, ports, version=REVIEWS_VERSION):
    """The environment variables `service` gets when the services listen on `ports` and reviews is `version`."""
    if version not in REVIEWS_VERSIONS:
        raise ValueError(f"reviews version {version!r}: {FILE} knows {', '.join(REVIEWS_VERSIONS)}")
    env = {}
    for scope in (service, f"{service}-{version}"):
        prefix = f"env.{scope}."
        for key, value in PROPS.items():
            if key.startswith(prefix):
                env[key[len(prefix):]] = _substitute(value, ports, version)
    return env


def _substitute(value, ports, version):
    def one(m):
        name = m.group(1)
        if name == "version":
            return version
        if name.startswith("port.") and name[5:] in ports:
            return str(ports[name[5:]])
        raise ValueError(f"{FILE}: unknown placeholder {{{name}}} in {value}")
    return re.sub(r"\{([\w.]+)\}", one, value)


if __name__ == "__main__":
    if len(sys.argv) != 3 + len(SERVICES):
        sys.exit(__doc__)
    for key, value in sorted(environment(sys.argv[1], dict(zip(SERVICES, map(int, sys.argv[3:]))),
                                         sys.argv[2]).items()):
        print(f"{key}={value}")
