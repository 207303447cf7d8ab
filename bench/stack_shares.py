#!/usr/bin/env python3
"""Where the CPU of one service goes, from an async-profiler "collapsed" stack file (bench/README.md, Profiling).

    bench/stack_shares.py productpage-cpu.collapsed

Prints the share of samples per part of the stack, each sample counted once, for the deepest frame that belongs to
a known part (so a REST resource that renders a Qute template counts as Qute, and the Netty write under it as
Netty), then the 15 frames with the most samples of their own. Standard library only.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib.profile import stack_shares  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        print(stack_shares(f))
