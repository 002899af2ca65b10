"""The export manifest: a hidden JSON file in the export folder recording what Roundtable wrote.

For each file: the hash of the bytes as written, what it holds (an entry's or a note's id) and
its role ('main' for the file an item normally lives in, 'beside' for a new version written next
to a file the researcher had edited). A re-export compares a file on disk with its recorded
hash: the same means nobody touched it and it may be replaced; different means the researcher
edited it, and it is left alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from app import user_files
from app.io import atomic
from app.user_files import MB, UnreadableFile

MANIFEST_NAME = ".roundtable-export.json"
_FORMAT = "roundtable-export-manifest"
_VERSION = 1
# A vault of a million entries has a manifest of about 220 MB (a path, a hash, an id and a time
# for each file); anything larger is not one Roundtable wrote, and is not read into memory.
MAX_BYTES = 1024 * MB


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Written:
    sha256: str
    item: str  # the uid of the entry or note, or 'digest'
    role: str = "main"  # 'main' | 'beside'
    exported_at: str = ""


@dataclass
class Manifest:
    folder: Path
    files: dict[str, Written] = field(default_factory=dict)  # path relative to folder, '/'-separated
    unreadable: str | None = None  # why an existing manifest could not be read

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST_NAME

    def save(self) -> None:
        data = {
            "format": _FORMAT,
            "version": _VERSION,
            "files": {p: dict(vars(w)) for p, w in sorted(self.files.items())},  # flat: no asdict copying
        }
        # compact: an indent would switch json to its pure-Python encoder (a second per 10,000 files)
        atomic.write_bytes(
            self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        )


def load(folder: Path) -> Manifest:
    """The manifest of `folder`; an empty one when there is none. A damaged manifest is treated
    as empty (every existing file then counts as edited, so nothing is overwritten)."""
    manifest = Manifest(folder)
    try:
        raw = user_files.read_bytes(manifest.path, limit=MAX_BYTES)
    except FileNotFoundError:
        return manifest
    except OSError as exc:
        manifest.unreadable = exc.strerror or str(exc)
        return manifest
    except UnreadableFile as exc:  # a FIFO would never answer; a huge file is not ours
        manifest.unreadable = str(exc)
        return manifest
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != _FORMAT:
            raise ValueError("not a Roundtable export manifest")
        manifest.files = {str(p): Written(**w) for p, w in data["files"].items()}
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        manifest.unreadable = str(exc) or exc.__class__.__name__
        manifest.files = {}
    return manifest
