"""`roundtable search` and `roundtable check --reindex` from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.db.connection import connect
from tests.unit.test_cli import run


def test_search_prints_groups_with_what_to_open(
    capsys: pytest.CaptureFixture[str], seeded_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(seeded_path), "search", "陈刚")
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == ["Officials", "  Chen Gang  (chen-gang)", "    alias: 陈刚"]
    assert out.endswith("1 result\n")


def test_search_words_are_one_query(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(seeded_path), "search", "kind:official", "country:LA", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["text"] == "kind:official country:LA"
    assert [g["kind"] for g in data["groups"]] == ["person"]
    slugs = {h["slug"] for h in data["groups"][0]["hits"]}
    assert slugs == {"boviengkham-vongdara", "santisouk-simmalavong"}


def test_search_json_has_snippets_with_spans(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    _, out, _ = run(capsys, "--db", str(seeded_path), "search", '"key hub"', "--json")
    hit = json.loads(out)["groups"][0]["hits"][0]
    start, end = hit["snippet"]["spans"][0]
    assert hit["snippet"]["text"][start:end] == "key hub"
    assert {"kind", "title", "slug", "note_id", "field", "exact"} <= hit.keys()


def test_kind_and_limit(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    _, out, _ = run(
        capsys, "--db", str(seeded_path), "search", "ai", "--kind", "notes", "--limit", "3", "--json"
    )
    groups = json.loads(out)["groups"]
    assert [g["kind"] for g in groups] == ["note"] and len(groups[0]["hits"]) == 3 and groups[0]["more"]
    _, out, _ = run(capsys, "--db", str(seeded_path), "search", "ai", "--limit", "4")
    assert out.endswith("4 results\n")


def test_search_failures(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(seeded_path), "search", "ai", "--kind", "wizard")
    assert (code, out) == (2, "") and "unknown kind 'wizard'" in err  # a usage error
    code, _, err = run(capsys, "--db", str(seeded_path), "search", "country:Atlantis")
    assert code == 1 and "no country is called 'Atlantis'" in err
    assert run(capsys, "--db", str(seeded_path), "search")[0] == 2
    assert run(capsys, "--db", str(seeded_path), "search", "ai", "--limit", "0")[0] == 2
    code, out, _ = run(capsys, "--db", str(seeded_path), "search", "zzqqxx")
    assert (code, out) == (0, "Nothing found for 'zzqqxx'.\n")


def test_check_reports_a_broken_index_and_reindex_repairs_it(
    capsys: pytest.CaptureFixture[str], seeded_path: Path
) -> None:
    conn = connect(seeded_path)
    conn.execute("DELETE FROM search_doc WHERE id IN (SELECT id FROM search_doc LIMIT 5)")
    conn.close()
    code, out, _ = run(capsys, "--db", str(seeded_path), "check")
    assert code == 1
    assert "Search index: " in out and "roundtable check --reindex" in out
    code, out, err = run(capsys, "--db", str(seeded_path), "check", "--reindex")
    assert code == 0 and "Search index: ok" in out and "All good." in out
    assert "Rebuilding the search index: 100%" in err and "Search index rebuilt:" in err
    code, out, _ = run(capsys, "--db", str(seeded_path), "check", "--json")
    assert json.loads(out)["search_index"] == [] and json.loads(out)["ok"]
