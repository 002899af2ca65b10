"""Is a database in a place where SQLite can keep it safe?

SQLite's locking and WAL need a local disk: on a network share two machines can corrupt the
file, and a sync client (Dropbox, OneDrive, iCloud, Google Drive …) may copy the database
without its WAL, or replace it with another machine's copy while it is open. Neither is
forbidden — researchers do it — but they are told once (the window remembers it warned).

And can we write there at all? A file on a read-only disk, a folder without write permission
or a file marked read-only opens read-only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from app.i18n import T_, Text

# Folder names that sync clients create (compared case-insensitively, whole path parts).
_CLOUD_PARTS: dict[str, str] = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "icloud drive": "iCloud Drive",
    "icloud": "iCloud",
    "mobile documents": "iCloud Drive",  # macOS: ~/Library/Mobile Documents/com~apple~CloudDocs
    "com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "seafile": "Seafile",
    "megasync": "MEGA",
    "mega": "MEGA",
    "yandex.disk": "Yandex Disk",
}
# macOS keeps every provider under ~/Library/CloudStorage/<Provider-account>.
_CLOUD_PREFIXES = ("onedrive - ", "onedrive-", "dropbox-", "googledrive-", "box-")

_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "afs",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "ncpfs",
    "coda",
    "9p",  # WSL's view of Windows drives, and VM shared folders
    "drvfs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.davfs2",
    "davfs",
    "fuse.s3fs",
    "vboxsf",
    "prl_fs",
    "vmhgfs",
    "fuse.vmhgfs-fuse",
}


def cloud_service(path: Path) -> str | None:
    """The sync service whose folder holds `path`, if its folder name gives it away."""
    for part in path.parts[:-1]:
        low = part.lower()
        if low == "cloudstorage":
            return "a cloud storage provider"
        name = _CLOUD_PARTS.get(low)
        if name:
            return name
        for prefix in _CLOUD_PREFIXES:
            if low.startswith(prefix):
                return _CLOUD_PARTS.get(prefix.rstrip(" -"), prefix.strip(" -").capitalize())
    return None


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system type holding `path`, or None for a local disk.

    `mounts` is the text of /proc/self/mounts (tests pass their own)."""
    if sys.platform == "win32":
        return _windows_network(path)
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None  # macOS and the BSDs: no /proc; the cloud-folder check still applies
    target = str(path.absolute())
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type if best_type in _NETWORK_FS else None


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, ch in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, ch)
    return field


def _windows_network(path: Path) -> str | None:
    text = str(path.absolute())
    if text.startswith("\\\\"):
        return "network share"
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if drive:
        drive_remote = 4
        if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote:  # type: ignore[attr-defined]
            return "network drive"
    return None


def unsafe_location(path: Path, mounts: str | None = None) -> Text | None:
    """A warning, in plain words, if `path` is on a network share or in a synced folder."""
    network = network_filesystem(path, mounts)
    if network:
        return T_(
            "Opening",
            "This database is on a network share ({network}). SQLite cannot lock files reliably "
            "there: two computers using it at once can damage it. Keep it on this computer's own "
            "disk and back it up to the share instead.",
        ).format(network=network)
    cloud = cloud_service(path)
    if cloud:
        return T_(
            "Opening",
            "This database is in a folder that {cloud} synchronises. A sync client can copy the "
            "file while Roundtable is writing it, or replace it with another computer's copy, "
            "and damage it. Keep it outside the synced folder; Roundtable's backups can go there.",
        ).format(cloud=cloud)
    return None


def write_problem(path: Path) -> Text | None:
    """Why Roundtable could not write `path` (or create it), or None when it can.

    Tries for real — opening the file for writing and creating a file in its folder, then
    removing it — because permissions do not tell the whole story (a read-only mount refuses
    even root; Windows marks files read-only with an attribute)."""
    folder = path.parent
    probe_dir = folder
    while not probe_dir.exists() and probe_dir != probe_dir.parent:
        probe_dir = probe_dir.parent  # a new database: its folder may not exist yet
    try:
        fd, name = tempfile.mkstemp(prefix=".roundtable-probe-", dir=probe_dir)
    except OSError as exc:
        return T_("Opening", "the folder {folder} cannot be written to ({error})").format(
            folder=probe_dir, error=exc.strerror
        )
    os.close(fd)
    Path(name).unlink(missing_ok=True)
    if path.exists():
        try:
            with path.open("r+b"):
                pass
        except OSError as exc:
            return T_("Opening", "the file cannot be written to ({error})").format(error=exc.strerror)
    return None
