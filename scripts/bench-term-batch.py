#!/usr/bin/env python3
"""`zhauap term --batch` against Python + numpy on the same input.

Writes N JSON lines ({"start", "unit": "working_days", "amount"}; starts 2000-2026, amounts 1-60), then
times (wall clock, best of --runs):
  - zhauap term --batch < input > output (the whole process, start-up included);
  - Python: json.loads per line, numpy.busday_offset over the whole array, one JSON line per answer.
numpy's calendar gets every non-working weekday of Kazakhstan's calendar as a holiday (from
`zhauap calendar days`), but it cannot make a Saturday or Sunday a working day, so its answers differ
wherever a decreed working weekend day falls inside a term; the differences are counted and printed.

    swift build -c release --product zhauap
    python3 scripts/bench-term-batch.py --zhauap .build/release/zhauap --lines 1000000
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zhauap", default=".build/release/zhauap")
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    env = dict(os.environ, DATABASE_URL="sqlite::memory:", LOG_LEVEL="warning")
    with tempfile.TemporaryDirectory() as tmp:
        rng = random.Random(42)
        base = np.datetime64("2000-01-01")
        span = (np.datetime64("2026-12-31") - base).astype(int)
        lines = []
        for _ in range(a.lines):
            d = base + np.timedelta64(rng.randrange(span), "D")
            lines.append('{"start":"%s","unit":"working_days","amount":%d}' % (d, rng.randint(1, 60)))
        src = os.path.join(tmp, "in.jsonl")
        with open(src, "w") as f:
            f.write("\n".join(lines) + "\n")
        days = subprocess.run([a.zhauap, "calendar", "days", "--from", "2000-01-01", "--to", "2032-12-31"], env=env,
                              check=True, capture_output=True, text=True, cwd=tmp).stdout.splitlines()
        holidays = []
        for row in days[1:]:
            date, working = row.split(",")[:2]
            if working in ("false", "0", "no") and np.is_busday(np.datetime64(date)):
                holidays.append(date)
        cal = np.busdaycalendar(weekmask="1111100", holidays=holidays)

        def swift():
            with open(src) as fin, open(os.path.join(tmp, "swift.out"), "w") as fout:
                subprocess.run([a.zhauap, "term", "--batch"], stdin=fin, stdout=fout, env=env, check=True, cwd=tmp)

        def python():
            starts, amounts = [], []
            with open(src) as f:
                for line in f:
                    o = json.loads(line)
                    starts.append(o["start"])
                    amounts.append(o["amount"])
            s = np.array(starts, dtype="datetime64[D]")
            # The event day is day 1: roll to the first working day, then amount - 1 working days on.
            end = np.busday_offset(s, np.array(amounts) - 1, roll="forward", busdaycal=cal)
            with open(os.path.join(tmp, "python.out"), "w") as f:
                f.write("".join('{"end":"%s"}\n' % e for e in end.astype(str)))

        results = {}
        for name, fn in (("zhauap term --batch", swift), ("Python + numpy", python)):
            best = None
            for _ in range(a.runs):
                t = time.perf_counter()
                fn()
                dt = time.perf_counter() - t
                best = dt if best is None else min(best, dt)
            results[name] = best
            print("%-20s %.3f s for %d lines (%.0f ns per line, best of %d)" % (name, best, a.lines, best * 1e9 / a.lines, a.runs))
        with open(os.path.join(tmp, "swift.out")) as f1, open(os.path.join(tmp, "python.out")) as f2:
            diff = sum(1 for x, y in zip(f1, f2) if x != y)
        print("answers that differ (numpy cannot express a working Saturday): %d of %d" % (diff, a.lines))
        print("speed-up: %.1fx" % (results["Python + numpy"] / results["zhauap term --batch"]))


if __name__ == "__main__":
    sys.exit(main())
