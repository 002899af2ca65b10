"""Dates and timestamps as Roundtable reads them: one rule for the entry forms, the data files
and the times stored with notes.

A date is a day, month or year of the calendar with its precision (YYYY-MM-DD, YYYY-MM, YYYY);
the forms and the data files refuse the same ones (2025-02-30, 2025-13) with the same words.

A timestamp is a moment: an ISO 8601 date and time, with a time zone. One without a zone is
read as UTC (the zone Roundtable writes its own in; README, "Data files"), and every timestamp
is stored in the one form `app.clock.now_iso` writes (UTC, microseconds), so that stored
timestamps sort as text. Timestamps stored before data files were checked may name no moment
at all ('not-a-time' came in through an import); `instant` reads those as None instead of
raising, so that nothing that reads a stored time can fail on one.
"""

from __future__ import annotations

import datetime as dt
import re

from app.i18n import T_, Text

_DATE_RE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")

# The same rule as check_date, as one regular expression: the data files' JSON Schema carries it
# (resources/schema, $defs/date), so that a compiled validator checks a million dates without
# calling Python for each (tests/unit/test_datafile.py holds them equal, day by day).
_DAY = (
    r"([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-"  # a year Python's dates hold: 0001-9999
    r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
    r"|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29"  # leap days
)
DATE_PATTERN = rf"^([0-9]{{4}}(-(0[1-9]|1[0-2]))?|{_DAY})$"
# A timestamp as Roundtable stores it (app.clock.now_iso), a moment of the calendar: one the
# schema passes without asking Python (app.io.datafile, $defs/timestamp).
STORED_TIMESTAMP_PATTERN = rf"^({_DAY})T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{{6}}\+00:00$"

# ISO 8601 extended form, date and time (seconds and fraction optional), then a zone or none.
# ASCII digits only: \d would take Thai or Arabic-Indic digits, which no other program reads.
_TIMESTAMP_RE = re.compile(
    r"^(?P<moment>[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?)"
    r" ?(?P<zone>[Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?$"
)
TIMESTAMP_HINT = (
    "an ISO 8601 date and time with its time zone, e.g. 2025-09-18T10:00:00Z (without a zone: UTC)"
)


def check_date(value: str) -> Text | None:
    """None if `value` is an ISO date with its precision, else what is wrong with it."""
    if not _DATE_RE.fullmatch(value):  # match() would take a final line break for the end
        return T_("Validation", "Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-09-18).")
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return T_("Validation", "{value} is not a day of the calendar.").format(value=value)
    return None


def instant(text: str) -> dt.datetime | None:
    """The moment `text` names, in UTC (no zone: UTC), or None when it names none: not a date
    and time (the form of _TIMESTAMP_RE), not a moment of the calendar (25:61, 2025-02-30, a
    leap second), or one a datetime cannot hold once in UTC (year 1 east of Greenwich)."""
    found = _TIMESTAMP_RE.fullmatch(text) if len(text) <= 64 else None
    if found is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(found["moment"].upper() + (found["zone"] or "").upper())
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None


def written(moment: dt.datetime) -> str:
    """A moment as Roundtable stores it (the form of app.clock.now_iso)."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def stored(text: str) -> str | None:
    """`text` as Roundtable stores a timestamp, or None when it names no moment."""
    moment = instant(text)
    return written(moment) if moment is not None else None
