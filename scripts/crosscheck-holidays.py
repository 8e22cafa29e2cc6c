#!/usr/bin/env python3
"""Cross-checks Zhauap's calendar against the PyPI package `holidays` (Kazakhstan), day by day.

An independent check of the shipped calendar data, for maintainers and CI; the package is never a
dependency of the product. Usage:

    pip install 'holidays==0.109'
    scripts/crosscheck-holidays.py [path/to/zhauap]    # default: .build/debug/zhauap

Exits non-zero when a day differs and the difference is not listed in KNOWN below with its reason.
"""
import csv
import datetime
import io
import subprocess
import sys

import holidays
from holidays.countries.kazakhstan import KazakhstanStaticHolidays

FIRST, LAST = 2000, 2027

# Days where Zhauap deliberately differs from the package, with the reason. Empty today: keep it
# that way unless a source better than the package says otherwise.
KNOWN: dict[datetime.date, str] = {}


def package_working_days() -> dict[datetime.date, bool]:
    worked = set()
    for year, value in KazakhstanStaticHolidays.special_public_holidays.items():
        for item in value if isinstance(value[0], tuple) else (value,):
            # (month, day, from_month, from_day[, from_year]): the "from" day became a working day.
            worked.add(datetime.date(item[4] if len(item) == 5 else year, item[2], item[3]))
    kz = holidays.KZ(years=range(FIRST - 1, LAST + 2))
    out, day = {}, datetime.date(FIRST, 1, 1)
    while day.year <= LAST:
        out[day] = day in worked or (day.weekday() < 5 and day not in kz)
        day += datetime.timedelta(days=1)
    return out


def zhauap_working_days(binary: str) -> dict[datetime.date, tuple[bool, str]]:
    text = subprocess.run([binary, "calendar", "days", "--from", f"{FIRST}-01-01", "--to", f"{LAST}-12-31",
                           "--lang", "en"], check=True, capture_output=True, text=True,
                          env={"DATABASE_URL": "sqlite::memory:", "PATH": "/usr/bin:/bin"}).stdout
    rows = csv.DictReader(io.StringIO(text))
    return {datetime.date.fromisoformat(r["date"]): (r["working"] == "true", r["reason"]) for r in rows}


def main() -> int:
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/zhauap"
    ours, theirs = zhauap_working_days(binary), package_working_days()
    unexplained = 0
    for day in sorted(theirs):
        if ours[day][0] == theirs[day]:
            continue
        note = KNOWN.get(day)
        print(f"{day} {day:%a}: zhauap {'working' if ours[day][0] else 'off'} ({ours[day][1] or '-'}), "
              f"holidays {'working' if theirs[day] else 'off'}" + (f" — known: {note}" if note else " — UNEXPLAINED"))
        unexplained += note is None
    print(f"crosscheck: {len(theirs)} days {FIRST}–{LAST} (holidays {holidays.__version__}), "
          f"{unexplained} unexplained difference(s)")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
