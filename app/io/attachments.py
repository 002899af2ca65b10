"""The files a source's text came from, kept by their content.

Each file is stored once under the hex SHA-256 of its bytes, with the extension of its media
type so that the system viewer opens it (`3f9a…c2.pdf`), in the library's attachments folder
(app/paths.attachments_dir). A name that is its own checksum cannot collide, cannot be
overwritten by a different file, and tells `roundtable check` whether the file changed. Files
are written through app/io/atomic.py, this user's only, and are never changed in place.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from app.io import atomic
from app.paths import make_private_folder

# The kinds of file a source's text may come from, and the extension each is stored with.
EXTENSIONS: dict[str, str] = {
    "text/html": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class FileState(Enum):
    PRESENT = "present"
    MISSING = "missing"
    CHANGED = "changed"  # the bytes no longer have the checksum they are named by


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_name(sha256: str, media_type: str) -> str:
    if not _SHA256.match(sha256):
        raise ValueError(f"not a SHA-256 in hex: {sha256!r}")
    return sha256 + EXTENSIONS.get(media_type, "")


class AttachmentStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, sha256: str, media_type: str) -> Path:
        return self.folder / file_name(sha256, media_type)

    def add(self, data: bytes, media_type: str) -> StoredFile:
        """Keep `data`; a file already kept with these bytes is left as it is."""
        sha = sha256_of(data)
        target = self.path(sha, media_type)
        if self.state(sha, media_type) is not FileState.PRESENT:
            make_private_folder(self.folder)
            atomic.write_bytes(target, data)
        return StoredFile(sha, len(data), target)

    def state(self, sha256: str, media_type: str) -> FileState:
        """Whether the file named `sha256` is there with the bytes its name promises."""
        path = self.path(sha256, media_type)
        digest = hashlib.sha256()
        try:
            with path.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
        except FileNotFoundError:
            return FileState.MISSING
        except OSError:
            return FileState.CHANGED
        return FileState.PRESENT if digest.hexdigest() == sha256 else FileState.CHANGED

    def names(self) -> set[str]:
        """The names of the files in the folder (none when it does not exist)."""
        try:
            return {p.name for p in self.folder.iterdir() if not p.name.startswith(".")}
        except FileNotFoundError:
            return set()
