"""Synthetic data files of any size, for the import benchmark and scale tests. Never shipped.

    python -m benchmarks.datafiles OUT.json --entries 1000000      (or OUT.yaml)

A file of N entries holds 40 countries, 50 sources, one organization in a hundred, and officials
for the rest; one official in five names a country, one in ten a role at an organization with a
citation, one in twenty an alias in Chinese; a note for every hundredth entry links one of them
with [[slug]]. Every name is made up and says so. The same arguments always give the same bytes,
so a file imported twice is recognised. At a million entries the JSON file is about 70 MB.

YAML is written by hand, line by line (a YAML dumper takes minutes at this size), with every
value quoted as JSON, which YAML reads as the same string.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATASET_ID = "synthetic-import"
COUNTRIES = 40
SOURCES = 50
STAMP = "2026-01-01T00:00:00+00:00"
_HANZI = "人工智能合作部长会议发展技术数字经济创新东盟论坛政策安全教育研究中心网络数据平台人才"


@dataclass(frozen=True)
class Shape:
    """How many of each a file of `entries` holds."""

    entries: int

    @property
    def countries(self) -> int:
        return min(COUNTRIES, self.entries)

    @property
    def sources(self) -> int:
        return min(SOURCES, self.entries - self.countries)

    @property
    def organizations(self) -> int:
        return max(0, min(max(1, self.entries // 100), self.entries - self.countries - self.sources))

    @property
    def people(self) -> int:
        return self.entries - self.countries - self.sources - self.organizations

    @property
    def notes(self) -> int:
        return self.entries // 100


def _country_code(n: int) -> str:
    # ISO 3166's user-assigned codes (QM-QZ, XA-XZ): never a real country's.
    codes = [f"Q{chr(c)}" for c in range(ord("M"), ord("Z") + 1)] + [
        f"X{chr(c)}" for c in range(ord("A"), ord("Z") + 1)
    ]
    return codes[n]


def sections(shape: Shape) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """(section, its records) in file order; records are made as they are written."""

    def countries() -> Iterator[dict[str, Any]]:
        for n in range(shape.countries):
            yield {
                "slug": f"synthetic-country-{n}",
                "name": f"Synthetic Country {n}",
                "iso_alpha2": _country_code(n),
            }

    def sources() -> Iterator[dict[str, Any]]:
        for n in range(shape.sources):
            yield {
                "slug": f"synthetic-source-{n}",
                "name": f"Synthetic Source {n}",
                "url": f"https://example.org/synthetic/{n}",
                "reliability": ("high", "medium", "low")[n % 3],
            }

    def organizations() -> Iterator[dict[str, Any]]:
        for n in range(shape.organizations):
            rec: dict[str, Any] = {"slug": f"synthetic-org-{n}", "name": f"Synthetic Organization {n}"}
            if shape.countries:
                rec["country"] = f"synthetic-country-{n % shape.countries}"
            yield rec

    def people() -> Iterator[dict[str, Any]]:
        for n in range(shape.people):
            rec: dict[str, Any] = {"slug": f"official-{n}", "name": f"Synthetic Official {n}"}
            if n % 5 == 0 and shape.countries:
                rec["country"] = f"synthetic-country-{n % shape.countries}"
            if n % 10 == 0 and shape.organizations:
                role: dict[str, Any] = {
                    "title": "Synthetic Minister",
                    "organization": f"synthetic-org-{n % shape.organizations}",
                }
                if shape.sources:
                    role["citations"] = [{"source": f"synthetic-source-{n % shape.sources}"}]
                rec["roles"] = [role]
            if n % 20 == 0:
                rec["aliases"] = [{"value": _HANZI[n % 30 : n % 30 + 4], "language": "zh"}]
            yield rec

    def notes() -> Iterator[dict[str, Any]]:
        for n in range(shape.notes):
            target = f"official-{(n * 37) % shape.people}" if shape.people else None
            body = f"Synthetic note {n}." + (f" See [[{target}]]." if target else "")
            yield {"title": f"Synthetic note {n}", "body": body, "created_at": STAMP, "updated_at": STAMP}

    yield "countries", countries()
    yield "sources", sources()
    yield "organizations", organizations()
    yield "people", people()
    yield "notes", notes()


def write(path: Path, entries: int) -> Shape:
    """Write a data file of `entries` entries to `path` (JSON, or YAML by its suffix)."""
    shape = Shape(entries)
    yaml = path.suffix.lower() in (".yaml", ".yml")
    with path.open("w", encoding="utf-8") as out:
        head = {"format": "roundtable", "version": 1, "dataset": {"id": DATASET_ID, "version": entries}}
        if yaml:
            out.write("format: roundtable\nversion: 1\n")
            out.write(f"dataset:\n  id: {DATASET_ID}\n  version: {entries}\n")
        else:
            out.write(json.dumps(head, ensure_ascii=False)[:-1])
        for section, records in sections(shape):
            if yaml:
                out.write(f"{section}:\n")
                for rec in records:
                    out.write(_yaml_item(rec, "  "))
            else:
                out.write(f',\n"{section}": [\n')
                first = True
                for rec in records:
                    out.write(("" if first else ",\n") + json.dumps(rec, ensure_ascii=False))
                    first = False
                out.write("\n]")
        if not yaml:
            out.write("}\n")
    return shape


def _yaml_item(rec: dict[str, Any], indent: str) -> str:
    lines = []
    for n, (key, value) in enumerate(rec.items()):
        lead = indent + ("- " if n == 0 else "  ")
        if isinstance(value, list):
            lines.append(f"{lead}{key}:\n")
            for item in value:
                lines.append(_yaml_item(item, indent + "    "))
        else:
            lines.append(f"{lead}{key}: {json.dumps(value, ensure_ascii=False)}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.datafiles", description=__doc__.splitlines()[0]
    )
    parser.add_argument("out", type=Path, help="the file to write: .json or .yaml")
    parser.add_argument("--entries", type=int, default=100_000, metavar="N", help="default 100,000")
    args = parser.parse_args(argv)
    shape = write(args.out, args.entries)
    print(
        f"{args.out}: {shape.entries:,} entries ({shape.people:,} officials, {shape.organizations:,} "
        f"organizations, {shape.countries} countries, {shape.sources} sources), {shape.notes:,} notes; "
        f"{args.out.stat().st_size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
