"""What a content folder holds, walked and fingerprinted without following links or reading big files.

The live reload and the last-good copy both ask whether a folder changed. The walk never follows
a link, never opens a pipe or a device and never fails: a folder that vanishes or cannot be read
while it is walked is noted as such (so a folder or file that stays unreadable gives the same
fingerprint every time) and the walk goes on. Only YAML files are read, in chunks (they are small
and may change twice within one clock tick); every other file counts by its size, modification
time and inode, so a 1.5 GB film or a stray disk image costs one `stat`.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HASHED_SUFFIXES = frozenset({".yaml", ".yml"})
MAX_HASHED_BYTES = 2 * 1024 * 1024
"""YAML files up to this size are hashed byte by byte (the loader refuses larger ones anyway)."""
CHUNK_BYTES = 64 * 1024
READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
"""Read only, never through a link, never waiting for a pipe's writer or a device."""


@dataclass(frozen=True)
class Entry:
    """One thing below the walked folder. `relative` uses '/' and is '.' for the folder itself."""

    relative: str
    kind: str
    """'folder', 'file', 'link', 'other' (a pipe, socket or device) or 'unreadable'."""
    info: os.stat_result | None = None
    error: int = 0
    """The errno that made a folder unreadable or an entry vanish."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISLNK(mode):
        return "link"
    return "other"


def walk(root: Path) -> Iterator[Entry]:
    """Every entry below `root` in a fixed order, hidden names (editor swap files, .git) left out.

    Links are reported, never followed; a folder that cannot be listed is one 'unreadable' entry."""
    pending: list[tuple[str, str]] = [(os.fspath(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield Entry(prefix.rstrip("/") or ".", "unreadable", error=error.errno or 0)
            continue
        below: list[tuple[str, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = prefix + entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:  # it vanished after the folder was listed
                yield Entry(relative, "unreadable", error=error.errno or 0)
                continue
            kind = _kind(info.st_mode)
            yield Entry(relative, kind, info)
            if kind == "folder":
                below.append((entry.path, relative + "/"))
        pending.extend(reversed(below))


def file_signature(info: os.stat_result) -> str:
    """What a save, a copy or a truncation changes about a file, without reading it."""
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}"


def _file_digest(path: str) -> bytes | None:
    """The SHA-256 of a small regular file's bytes, read in chunks; None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        descriptor = os.open(path, READ_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        os.set_blocking(descriptor, True)
        while chunk := os.read(descriptor, CHUNK_BYTES):
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return digest.digest()


def _describe(root: Path, entry: Entry) -> bytes:
    info = entry.info
    if info is None:
        return f"unreadable:{entry.error}".encode()
    if entry.kind == "link":
        try:
            return b"link:" + os.fsencode(os.readlink(root / entry.relative))
        except OSError as error:
            return f"link?:{error.errno}".encode()
    if entry.kind == "other":
        return f"other:{stat.S_IFMT(info.st_mode)}:{info.st_rdev}".encode()
    if entry.kind == "folder":
        return b"folder"
    hashed = Path(entry.relative).suffix.lower() in HASHED_SUFFIXES and info.st_size <= MAX_HASHED_BYTES
    if hashed:
        content = _file_digest(os.path.join(root, entry.relative))
        if content is not None:
            return b"yaml:" + content
        return f"unreadable-file:{file_signature(info)}".encode()
    return f"file:{file_signature(info)}".encode()


def fingerprint(root: Path) -> str:
    """A short version of the folder's content (12 hex digits); never raises.

    YAML bytes, and every other file's size, time and inode, under their names. A missing or
    unreadable folder has a fingerprint too, and the same one as long as it stays that way."""
    digest = hashlib.sha256()
    for entry in walk(root):
        digest.update(os.fsencode(entry.relative) + b"\0" + entry.kind.encode() + b"\0")
        digest.update(_describe(root, entry) + b"\0")
    return digest.hexdigest()[:12]
