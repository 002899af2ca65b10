"""What every benchmark row shares: timing, statistics, targets, the table and the machine line.

A row holds the app's samples and the floor's, measured in the same run, in the same unit
(milliseconds, or megabytes for memory). Its target is a function of the two sample sets, so
the table says pass or fail against the floor this machine allows right now, not against a
number written down on another day.
"""

from __future__ import annotations

import math
import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by the nearest-rank method (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Stats:
    median: float
    p95: float
    worst: float
    n: int

    @staticmethod
    def of(values: list[float]) -> Stats:
        return Stats(statistics.median(values), percentile(values, 0.95), max(values), len(values))


@dataclass(frozen=True)
class Verdict:
    target: str  # how it reads in the table
    passed: bool
    why: str = ""  # the numbers the target was checked with


Target = Callable[[Stats, Stats], Verdict]


@dataclass
class Row:
    what: str
    unit: str  # 'ms' or 'MB'
    app: list[float]
    floor: list[float]
    target: Target
    floor_what: str
    notes: list[str] = field(default_factory=list)  # per-case details, printed under the table

    @property
    def app_stats(self) -> Stats:
        return Stats.of(self.app)

    @property
    def floor_stats(self) -> Stats:
        return Stats.of(self.floor)

    def verdict(self) -> Verdict:
        return self.target(self.app_stats, self.floor_stats)

    def as_json(self) -> dict[str, Any]:
        verdict = self.verdict()
        return {
            "what": self.what,
            "unit": self.unit,
            "floor_what": self.floor_what,
            "app": asdict(self.app_stats),
            "floor": asdict(self.floor_stats),
            "ratio_median": self.app_stats.median / self.floor_stats.median,
            "ratio_p95": self.app_stats.p95 / self.floor_stats.p95,
            "target": verdict.target,
            "passed": verdict.passed,
            "why": verdict.why,
            "notes": self.notes,
            "app_samples": self.app,
            "floor_samples": self.floor,
        }


# --- targets -------------------------------------------------------------------------------


def _fmt(value: float, unit: str) -> str:
    return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def median_within(ratio: float, limit: float, unit: str = "ms") -> Target:
    def check(app: Stats, floor: Stats) -> Verdict:
        r = app.median / floor.median
        return Verdict(
            f"median ≤ {ratio:g}× floor and ≤ {_fmt(limit, unit)}",
            r <= ratio and app.median <= limit,
            f"median {r:.2f}× floor, {_fmt(app.median, unit)}",
        )

    return check


def p95_within(times: float, plus: float, limit: float) -> Target:
    def check(app: Stats, floor: Stats) -> Verdict:
        allowed = times * floor.p95 + plus
        return Verdict(
            f"p95 ≤ {times:g}× floor + {plus:g} ms and ≤ {limit:g} ms",
            app.p95 <= allowed and app.p95 <= limit,
            f"p95 {app.p95:.1f} ms; allowed {min(allowed, limit):.1f} ms",
        )

    return check


def p95_at_most(limit: float) -> Target:
    def check(app: Stats, _floor: Stats) -> Verdict:
        return Verdict(f"p95 ≤ {limit:g} ms", app.p95 <= limit, f"p95 {app.p95:.1f} ms")

    return check


def worst_at_most(limit: float) -> Target:
    """Every sample within `limit`: "never beyond one frame" is the worst frame, not the p95."""

    def check(app: Stats, _floor: Stats) -> Verdict:
        return Verdict(f"worst ≤ {limit:g} ms", app.worst <= limit, f"worst {app.worst:.1f} ms")

    return check


def ratio_and_p95(ratio: float, limit: float) -> Target:
    def check(app: Stats, floor: Stats) -> Verdict:
        r = app.median / floor.median
        return Verdict(
            f"median ≤ {ratio:g}× floor, p95 ≤ {limit:g} ms",
            r <= ratio and app.p95 <= limit,
            f"median {r:.2f}× floor, p95 {app.p95:.1f} ms",
        )

    return check


def peak_within(ratio: float) -> Target:
    def check(app: Stats, floor: Stats) -> Verdict:
        r = app.median / floor.median
        return Verdict(f"≤ {ratio:g}× floor", r <= ratio, f"{r:.2f}× floor")

    return check


def no_target() -> Target:
    def check(_app: Stats, _floor: Stats) -> Verdict:
        return Verdict("(for information)", True)

    return check


# --- timing --------------------------------------------------------------------------------


@contextmanager
def stopwatch(into: list[float]) -> Iterator[None]:
    """Append the block's wall time in milliseconds to `into`."""
    start = time.perf_counter()
    yield
    into.append((time.perf_counter() - start) * 1000)


# --- reporting -----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    import importlib.metadata

    try:
        qt = importlib.metadata.version("PySide6-Essentials")
    except importlib.metadata.PackageNotFoundError:
        qt = "?"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "pyside6": qt,
        "sqlite": sqlite3.sqlite_version,
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "load": f"{load:.2f}",
    }


def table(rows: list[Row]) -> str:
    header = ("what", "app median / p95 / worst", "floor median / p95", "ratio", "target", "result")
    lines = [header]
    for row in rows:
        a, f = row.app_stats, row.floor_stats
        verdict = row.verdict()
        lines.append(
            (
                row.what,
                f"{_fmt(a.median, row.unit)} / {_fmt(a.p95, row.unit)} / {_fmt(a.worst, row.unit)}",
                f"{_fmt(f.median, row.unit)} / {_fmt(f.p95, row.unit)}",
                f"{a.median / f.median:.2f}×",
                verdict.target,
                ("pass" if verdict.passed else "FAIL") + (f" ({verdict.why})" if verdict.why else ""),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(rows: list[Row]) -> str:
    """The same table for the README."""
    out = [
        "| what | app median / p95 | floor (same run) median / p95 | ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        a, f = row.app_stats, row.floor_stats
        verdict = row.verdict()
        result = ("pass" if verdict.passed else "**fail**") + (f" ({verdict.why})" if verdict.why else "")
        out.append(
            f"| {row.what} | {_fmt(a.median, row.unit)} / {_fmt(a.p95, row.unit)} | "
            f"{row.floor_what}: {_fmt(f.median, row.unit)} / {_fmt(f.p95, row.unit)} | "
            f"{a.median / f.median:.2f}× | {verdict.target} | {result} |"
        )
    return "\n".join(out)
