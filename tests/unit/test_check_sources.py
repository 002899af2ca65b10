"""`roundtable check` on sources: files missing or changed in the attachments folder, named by
source and file; quotes their source's text no longer holds, with the nearest passage."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.db.database import Database
from app.io.source_text import read_source_file
from app.paths import attachments_dir
from app.records.anchors import find_quote
from app.services.checking import check, findings
from app.services.editing import Editor
from app.services.entry_forms import EntryInput
from app.services.sources import SourceTexts
from tests.unit.test_source_text import PAGE

QUOTE = "presented the national artificial intelligence strategy on Thursday"


def _source_with_file(db: Database, tmp_path: Path) -> tuple[SourceTexts, int, Path]:
    editor = Editor(db)
    texts = SourceTexts(db, lambda: editor, attachments_dir(db.path))
    source = editor.create(
        EntryInput(
            "source",
            "Laos launches national AI strategy",
            values={"publisher": "Laotian Times", "reliability": "medium"},
        )
    ).entity_id
    page = tmp_path / "laos-ai.html"
    page.write_text(PAGE, encoding="utf-8")
    found = read_source_file(page)
    texts.give_text(source, found.text, found)
    return texts, source, texts.files(source)[0].path


def test_a_library_as_seeded_has_no_problem_with_its_sources(seeded_db: Database) -> None:
    report = check(seeded_db)
    assert report.attachments == () and report.quotes == ()
    assert report.ok


def test_a_missing_or_changed_file_is_named_with_its_source(seeded_db: Database, tmp_path: Path) -> None:
    _texts, _source, kept = _source_with_file(seeded_db, tmp_path)
    assert check(seeded_db).attachments == ()
    kept.unlink()
    report = check(seeded_db)
    [problem] = report.attachments
    assert (problem.source, problem.filename, problem.state) == (
        "Laos launches national AI strategy",
        "laos-ai.html",
        "missing",
    )
    assert not report.ok
    said = [str(line) for line in findings(report)]
    assert any(
        "The file laos-ai.html of the source “Laos launches national AI strategy” is missing" in line
        and str(kept) in line
        for line in said
    )
    kept.write_text("<html>another page</html>", encoding="utf-8")
    [problem] = check(seeded_db).attachments
    assert problem.state == "changed"
    assert any("has changed since it was added" in str(line) for line in findings(check(seeded_db)))


def test_a_quote_the_text_no_longer_holds_is_listed_with_the_nearest_passage(
    seeded_db: Database, tmp_path: Path
) -> None:
    texts, source, _kept = _source_with_file(seeded_db, tmp_path)
    with seeded_db.sessions.begin() as session:
        person = session.execute(text("SELECT id FROM entity WHERE kind = 'person' LIMIT 1")).scalar_one()
        now = session.execute(
            text("SELECT archived_text FROM source WHERE id = :s"), {"s": source}
        ).scalar_one()
        start, end = find_quote(now, QUOTE) or (0, 0)
        assert end > start, "the quote is in the text when it is cited"
        # Cited as the cite form cites: anchored where its words are.
        session.execute(
            text(
                "INSERT INTO citation (source_id, entity_id, quote, quote_start, quote_end, reliability) "
                "VALUES (:source, :person, :quote, :start, :end, 'medium')"
            ),
            {"source": source, "person": person, "quote": QUOTE, "start": start, "end": end},
        )
        # A quote typed before sources had texts was never matched: check does not call it lost.
        session.execute(
            text(
                "INSERT INTO citation (source_id, entity_id, quote, reliability) "
                "VALUES (:source, :person, 'Words this text never held.', 'medium')"
            ),
            {"source": source, "person": person},
        )
    assert check(seeded_db).quotes == ()
    # A better copy of the text, in which the sentence was reworded.
    texts.give_text(
        source,
        "Laos launches national AI strategy\n\nVientiane, 29 January 2026. The ministry presented the "
        "national AI strategy on Thursday, with UNESCO's support.\n\nThe minister spoke of five years.",
    )
    report = check(seeded_db)
    [problem] = report.quotes
    assert problem.quote == QUOTE and problem.source == "Laos launches national AI strategy"
    assert "presented the national AI strategy on Thursday" in problem.nearest
    assert problem.locator == "¶ 2"
    assert 0 < problem.similarity < 1
    said = [str(line) for line in findings(report)]
    assert any(f"no longer holds the quote “{QUOTE}”" in line and "(¶ 2)" in line for line in said)
    assert not report.ok
