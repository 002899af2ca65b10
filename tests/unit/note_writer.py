"""A process that saves notes as fast as it can until it is killed (tests/unit/test_note_crash.py).

    python -m tests.unit.note_writer DB RUN

Every text it writes is `text_for(key)`, whose first line names the key, so a checker can tell
from any stored body which text it should be, character for character. Before each write it
prints `intent NOTE KEY`, after the commit `ack NOTE KEY`, unbuffered, so the parent knows the
last acknowledged save of every note even after SIGKILL.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from app.db.database import Database
from app.services.notes import Notes

_LINKS = ("[[alpha]]", "[[The Meeting]]", "[[阿尔法]]", "[[ລາວ]]", "[[Nobody Known]]", "[[bloc|the bloc]]")
_WORDS = ("roundtable", "合作", "人工智能", "ความร่วมมือ", "ປັນຍາປະດິດ", "Nanning", "ASEAN", "đối tác")


def text_for(key: str) -> str:
    """The one text that belongs to `key` ('RUN-SEQ'): 50 bytes to ~60 KB, several scripts, links."""
    rng = random.Random(key)
    size = rng.choice((1, 3, 10, 40, 400, 4000))
    links = " ".join(rng.sample(_LINKS, rng.randint(0, 3)))
    words = " ".join(rng.choice(_WORDS) for _ in range(size))
    return f"save {key}\n{links}\n\n{words}\n"


def key_of(body: str) -> str | None:
    first = body.split("\n", 1)[0]
    return first[5:] if first.startswith("save ") else None


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def main(db_path: str, run: str) -> None:
    db = Database(Path(db_path))
    notes = Notes(db)
    ids = [r[0] for r in db.read().execute("SELECT id FROM note ORDER BY id")]
    rng = random.Random(f"writer-{run}")
    _say("ready")
    seq = 0
    while True:
        note_id = rng.choice(ids)
        revisions = notes.revisions(note_id)
        if revisions and rng.random() < 0.1:
            revision = notes.revision(rng.choice(revisions).id)
            key = key_of(revision.body)
            _say(f"intent {note_id} {key}")
            notes.restore_revision(note_id, revision.id)
        else:
            seq += 1
            key = f"{run}-{seq}"
            _say(f"intent {note_id} {key}")
            notes.save(note_id, text_for(key))
        _say(f"ack {note_id} {key}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
