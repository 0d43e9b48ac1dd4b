#!/usr/bin/env python3
"""How much of the time a test JVM waits (BENCHMARKS.md, "The test suite"): start it beside a build, stop it with
SIGTERM when the build is done.

    portal/bench/fork-idle.py /path/to/portal OUT.txt &   ./mvnw verify ...;   kill %1

Every 0.5 s, for each Surefire/Failsafe test JVM whose command line names that path (surefirebooter), it looks at
the JVM and every process it started (chromedriver and Chromium, moto, a portal under test, scripts): is any of
their threads runnable or in disk wait (R, D)? A sample where none is counts as waiting: for a timer, a socket
or a process outside the tree. A thread that waits for a core is R, so the seconds spent waiting hardly depend on
the machine's load (the share does: under load the rest takes longer).
The embedded PostgreSQL runs detached, so a JVM waiting on a query counts as waiting too. OUT.txt gets one line per
JVM: seconds sampled, seconds and share spent waiting, and the CPU seconds of the tree (with children the JVM has reaped).
"""
import os
import signal
import sys
import time

root, out = sys.argv[1], sys.argv[2]
ticks = os.sysconf("SC_CLK_TCK")
stats = {}
stopped = False


def stat_fields(pid, task=None):
    path = f"/proc/{pid}/stat" if task is None else f"/proc/{pid}/task/{task}/stat"
    with open(path) as f:
        text = f.read()
    return text[text.rindex(")") + 2:].split()


def processes():
    parents, commands = {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            parents[int(pid)] = int(stat_fields(pid)[1])
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                commands[int(pid)] = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            pass
    return parents, commands


def tree(pid, parents):
    members, grew = {pid}, True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in members and child not in members:
                members.add(child)
                grew = True
    return members


def sample(jvm, members):
    working, cpu = False, 0
    for pid in members:
        try:
            fields = stat_fields(pid)
            cpu += int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if pid == jvm else 0)
            working = working or any(stat_fields(pid, task)[0] in "RD" for task in os.listdir(f"/proc/{pid}/task"))
        except OSError:
            pass
    return working, cpu


def stop(*_):
    global stopped
    stopped = True


signal.signal(signal.SIGTERM, stop)
while not stopped:
    parents, commands = processes()
    for jvm, command in commands.items():
        # the JVM itself, not the shell Surefire starts it with (whose tree holds the same processes)
        if "surefirebooter" in command and root in command and command.split(" ", 1)[0].endswith("java"):
            working, cpu = sample(jvm, tree(jvm, parents))
            row = stats.setdefault(jvm, [0, 0, 0])
            row[0] += 1
            row[1] += 0 if working else 1
            row[2] = max(row[2], cpu)
    time.sleep(0.5)
with open(out, "w") as f:
    for jvm, (samples, waiting, cpu) in sorted(stats.items()):
        f.write(f"test JVM {jvm}: {samples / 2:.0f} s sampled, waiting {waiting / 2:.0f} s "
                f"({waiting / samples * 100:.0f}%), "
                f"{cpu / ticks:.0f} s of CPU\n")
