#!/usr/bin/env python3
"""Run a command R times; print the median wall seconds and the median peak RSS in kB.

    python3 bench/measure.py R LOG -- COMMAND [ARG ...]

Each run is forked from this small process and reaped with wait4, whose rusage gives that one
child's peak resident set size (ru_maxrss, kB on Linux), its children included if it waited
for them. A forked child starts with this process's own peak (about 10 MB of Python), so a
figure below about 10 MB means "at most that". Standard output and error of the runs go to LOG
(each run overwrites it). A failing run (non-zero exit) stops everything with exit 1.
"""

import os
import statistics
import sys
import time


def run_once(cmd: list[str], log: str) -> tuple[float, int]:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(fd)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        with open(log, errors="replace") as f:
            tail = f.read()[-3000:]
        sys.stderr.write(f"measure: `{' '.join(cmd)}` exited {code}; end of {log}:\n{tail}\n")
        sys.exit(1)
    return wall, usage.ru_maxrss


def main() -> int:
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.stderr.write(__doc__)
        return 2
    repeat, log, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[4:]
    walls, peaks = [], []
    for _ in range(repeat):
        wall, peak = run_once(cmd, log)
        walls.append(wall)
        peaks.append(peak)
    print(f"{statistics.median(walls):.4f} {int(statistics.median(peaks))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
