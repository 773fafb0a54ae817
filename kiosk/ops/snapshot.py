"""Keep the last good content: a copy of the content folder taken whenever it validates.

After a bad edit, even across a reboot, the kiosk starts from this copy instead of a blank screen.
YAML files are copied; media files are hard-linked when the state folder is on the same disk
(no extra space), copied otherwise.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.load import LoadResult, load_exhibition
from kiosk.ops.paths import state_dir

log = logging.getLogger("kiosk.snapshot")

TEXT_SUFFIXES = {".yaml", ".yml", ".json", ".vtt", ".md", ".txt"}


def default_snapshot_dir(content: Path) -> Path:
    """One snapshot per content folder, so a kiosk never falls back to another folder's content."""
    key = hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:12]
    return state_dir() / "last-good" / f"{content.resolve().name}-{key}"


def _files(root: Path) -> list[Path]:
    return sorted(
        path for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def fingerprint(root: Path) -> str:
    """A short content version: the YAML bytes and every media file's size and time."""
    digest = hashlib.sha256()
    for path in _files(root):
        relative = path.relative_to(root).as_posix()
        digest.update(relative.encode())
        if path.suffix in TEXT_SUFFIXES:
            digest.update(path.read_bytes())
        else:
            stat = path.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def save_snapshot(content: Path, destination: Path | None = None) -> Path:
    """Mirror `content` into the snapshot folder atomically (the old snapshot stays until done)."""
    destination = destination or default_snapshot_dir(content)
    destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = destination.with_name(destination.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    for path in _files(content):
        target = staging / path.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in TEXT_SUFFIXES:
            shutil.copy2(path, target)
            continue
        try:
            os.link(path.resolve(), target)
        except OSError:
            shutil.copy2(path, target)
    (staging / ".fingerprint").write_text(fingerprint(content))
    retired = destination.with_name(destination.name + ".old")
    if retired.exists():
        shutil.rmtree(retired)
    if destination.exists():
        destination.rename(retired)
    staging.rename(destination)
    if retired.exists():
        shutil.rmtree(retired)
    return destination


@dataclass
class StartupContent:
    """What the kiosk starts with: the content folder's result, and the snapshot's when used."""

    current: LoadResult
    shown: LoadResult
    from_snapshot: bool
    root: Path


def load_for_startup(content: Path, snapshot: Path | None = None) -> StartupContent:
    """Load `content`; when it has errors, fall back to the last good snapshot if there is one.

    Valid content refreshes the snapshot (only when it changed)."""
    snapshot = snapshot or default_snapshot_dir(content)
    current = load_exhibition(content)
    if current.exhibition is not None:
        try:
            marker = snapshot / ".fingerprint"
            if not marker.is_file() or marker.read_text() != fingerprint(content):
                save_snapshot(content, snapshot)
        except OSError as error:
            log.warning("could not save the last good content to %s: %s", snapshot, error)
        return StartupContent(current, current, False, content)
    if snapshot.is_dir():
        previous = load_exhibition(snapshot)
        if previous.exhibition is not None:
            log.error("content has errors; showing the last good content from %s", snapshot)
            return StartupContent(current, previous, True, snapshot)
    return StartupContent(current, current, False, content)
