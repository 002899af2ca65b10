"""The export manifest: a hidden JSON file in the export folder recording what Roundtable wrote.

For each file: the hash of the bytes as written, what it holds (an entry's or a note's id) and
its role ('main' for the file an item normally lives in, 'beside' for a new version written next
to a file the researcher had edited). A re-export compares a file on disk with its recorded
hash: the same means nobody touched it and it may be replaced; different means the researcher
edited it, and it is left alone.

Beside the hashes, the size, modification time and inode each file had when Roundtable put it
there (or last read it and found it as written), as git's index keeps them: a file that still
has all three is the file of that hash, without reading it, so exporting again with nothing
changed costs a listing of the folder. A time not older than the manifest itself proves
nothing (an edit in the same tick of a coarse clock keeps it), so such a file is read. Older
Roundtable versions read the manifest as before: the statuses are a key of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
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


Status = tuple[int, int, int]  # size, modification time (ns), inode


def status_of(found: os.stat_result) -> Status:
    return (found.st_size, found.st_mtime_ns, found.st_ino)


@dataclass
class Manifest:
    folder: Path
    files: dict[str, Written] = field(default_factory=dict)  # path relative to folder, '/'-separated
    unreadable: str | None = None  # why an existing manifest could not be read
    # What each file was like on disk when it was last known to hold its recorded hash.
    statuses: dict[str, Status] = field(default_factory=dict)
    saved_ns: int = 0  # the manifest's own modification time, as loaded

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST_NAME

    def record(self, rel: str, written: Written, found: os.stat_result | None) -> None:
        """`rel` holds `written`; `found`: its status then, if known (else it is read next time)."""
        self.files[rel] = written
        if found is None:
            self.statuses.pop(rel, None)
        else:
            self.statuses[rel] = status_of(found)

    def forget(self, rel: str) -> None:
        self.files.pop(rel, None)
        self.statuses.pop(rel, None)

    def as_written(self, rel: str, found: os.stat_result) -> bool:
        """True when the file at `rel`, found so (lstat), is the one whose hash is recorded."""
        known = self.statuses.get(rel)
        return (
            known is not None
            and known == (found.st_size, found.st_mtime_ns, found.st_ino)
            and known[1] < self.saved_ns
        )

    def save(self) -> None:
        data = {
            "format": _FORMAT,
            "version": _VERSION,
            "files": {p: dict(vars(w)) for p, w in sorted(self.files.items())},  # flat: no asdict copying
            "statuses": {p: list(s) for p, s in sorted(self.statuses.items()) if p in self.files},
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
        manifest.saved_ns = os.stat(manifest.path).st_mtime_ns  # noqa: PTH116 - one call, no Path
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
    statuses = data.get("statuses")
    if isinstance(statuses, dict):  # anything odd in it: read those files, as without it
        for rel, found in statuses.items():
            if (
                rel in manifest.files
                and isinstance(found, list)
                and len(found) == 3
                and all(type(n) is int for n in found)
            ):
                manifest.statuses[rel] = (found[0], found[1], found[2])
    return manifest
