#!/usr/bin/env python3
"""Where a test run's time went, from its reports (BENCHMARKS.md, "The test suite").

Run from the repository root after `.ci/run` (or `./mvnw verify`):

    portal/bench/suite-times.py [N]

For each module and phase (Surefire, Failsafe): classes, tests, failures, the wall time from the phase's first
report to its last (plus the first class's own time, as the phase starts before its first report is written), the
sum of the classes' own times, and the N slowest classes (default 10). A class's time includes the Spring contexts
it was the first to need. Reports are target/*-reports/TEST-*.xml; their modification times give the wall time, so
run it on the reports of a build that has not been copied elsewhere.

    portal/bench/suite-times.py --run-order

writes the portal's Failsafe class times (from its reports) to portal/src/test/run-order/.surefire-failsafe, the
committed list from which Failsafe starts the longest classes first (portal/pom.xml, runOrder=balanced): refresh it
from the reports of a run with the machine alone when a class becomes one of the long ones.
"""
import glob
import os
import re
import sys

if sys.argv[1:] == ["--run-order"]:
    # Surefire's statistics format, one line per class: successful runs, milliseconds, class, method (any name)
    lines = []
    for report in glob.glob("portal/target/failsafe-reports/TEST-*.xml"):
        with open(report, encoding="utf-8") as f:
            header = re.search(r"<testsuite [^>]*>", f.read(4000)).group(0)
        seconds = float(re.search(' time="([0-9.,]+)"', header).group(1).replace(",", ""))
        lines.append((round(seconds * 1000), os.path.basename(report)[5:-4]))
    os.makedirs("portal/src/test/run-order", exist_ok=True)
    with open("portal/src/test/run-order/.surefire-failsafe", "w", encoding="utf-8") as f:
        for millis, name in sorted(lines, reverse=True):
            f.write(f"1,{millis},{name},class\n")
    print(f"{len(lines)} classes written to portal/src/test/run-order/.surefire-failsafe")
    sys.exit()

slowest = int(sys.argv[1]) if len(sys.argv) > 1 else 10
for module in ("mcp-server", "portal"):
    for phase in ("surefire", "failsafe"):
        reports = glob.glob(f"{module}/target/{phase}-reports/TEST-*.xml")
        if not reports:
            continue
        rows = []
        for report in reports:
            with open(report, encoding="utf-8") as f:
                header = re.search(r"<testsuite [^>]*>", f.read(4000)).group(0)
            field = lambda name: re.search(f' {name}="([0-9.,]+)"', header).group(1).replace(",", "")
            name = os.path.basename(report)[5:-4].split(".", 3)[-1]
            rows.append((float(field("time")), int(field("tests")), int(field("failures")) + int(field("errors")),
                         name, os.path.getmtime(report)))
        rows.sort(reverse=True)
        written = sorted(row[4] for row in rows)
        first = min(rows, key=lambda row: row[4])
        wall = written[-1] - written[0] + first[0]
        print(f"{module} {phase}: {len(rows)} classes, {sum(r[1] for r in rows)} tests, "
              f"{sum(r[2] for r in rows)} failed; {wall / 60:.1f} min from start to last report, "
              f"{sum(r[0] for r in rows) / 60:.1f} min of class time")
        for time, tests, failed, name, _ in rows[:slowest]:
            print(f"  {time:7.1f} s  {tests:4d} tests  {name}" + (f"  ({failed} failed)" if failed else ""))
