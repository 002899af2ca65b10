"""The app's UTC ISO timestamps as local date and time, written the same unambiguous way in
every locale (as dates are elsewhere in Roundtable)."""

from __future__ import annotations

from datetime import datetime


def local_time(iso: str, *, seconds: bool = False) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
