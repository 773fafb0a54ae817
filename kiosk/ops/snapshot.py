"""Keep the last good content: a checked copy of each good version of the content folder.

    last-good/<folder>-<hash>/         one per content folder (default_snapshot_dir)
        current -> <version>           the newest good copy (a link switched in one rename)
        <version>/                     exhibition.yaml, the floor files and the media they name
            .snapshot.json             the folder's fingerprint and content version, and the
                                       size, time and inode each copied file had

Valid content is copied into a hidden new folder (only the files the content names; no link
followed, no pipe or device opened), checked again there, renamed into place and made current.
Visitors are shown that copy: every picture, film, caption and narration is read from it, never
from the live folder, so a file overwritten, truncated or deleted there after the check never
reaches the screen, and after a bad edit, even across a reboot, the kiosk starts from the copy.
A file unchanged since the previous copy is hard-linked from that copy (copies are never written
once made, so sharing them is safe); every other file is copied by the kernel, or cloned where
the file system can. The copy on screen stays until another one has replaced it; older ones are
deleted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.app.media_probe import probe_media
from kiosk.base.paths import state_dir
from kiosk.content.errors import ContentError, display_path
from kiosk.content.fingerprint import fingerprint
from kiosk.content.load import LoadResult, load_exhibition
from kiosk.content.streams import MediaProbe
from kiosk.content.version import SNAPSHOT_INFO, content_version
from kiosk.ops import kept_check, safe_copy
from kiosk.ops.content_files import is_picture_path, looks_like_picture, referenced_files

log = logging.getLogger("kiosk.snapshot")

__all__ = ["Checked", "StartupContent", "check_and_copy", "current_copy", "default_snapshot_dir",
           "fingerprint", "load_for_startup", "prune", "save_snapshot"]

CURRENT = "current"
STAGING_PREFIX = ".new-"
STABLE_ATTEMPTS = 5
"""How often a check starts again because files kept changing while it ran (a copy in progress)."""
FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC


def default_snapshot_dir(content: Path) -> Path:
    """One snapshot folder per content folder, so a kiosk never falls back to another folder's content.

    Named after the content folder's path as given, not where its links lead: a content folder
    that is a link switched to each new pull keeps one last good copy across pulls."""
    folder = Path(os.path.abspath(content))
    key = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
    return state_dir() / "last-good" / f"{folder.name}-{key}"


@dataclass
class Checked:
    """A content check: its result, and the folder to show it from (None: nothing to show)."""

    result: LoadResult
    root: Path | None = None


class SnapshotRefused(Exception):
    """The content cannot be copied as it is; `problems` say why, at their files."""

    def __init__(self, problems: list[ContentError]) -> None:
        super().__init__("; ".join(problem.format() for problem in problems))
        self.problems = problems


def check_and_copy(
    content: Path, destination: Path | None = None, *, probe: MediaProbe | None = None
) -> Checked:
    """Check the content folder and, when it is valid, make the checked copy visitors are shown.

    Only a folder that did not change meanwhile is judged or copied: a film still being copied
    (git, Syncthing, a USB stick) is never judged, or kept as last good, half-written. Earlier
    copies stay (one may be on screen) until `prune` removes them. With a `probe`, films and sounds
    are checked for a stream the kiosk can play."""
    destination = destination or default_snapshot_dir(content)
    for _ in range(STABLE_ATTEMPTS):
        before = fingerprint(content)
        remembered = _remembered(destination, before, probed=probe is not None)
        if remembered is not None:
            return remembered
        result = load_exhibition(content, probe=probe) if probe is not None else load_exhibition(content)
        if fingerprint(content) != before:
            log.info("content changed while it was being checked; checking again")
            continue
        if result.exhibition is None:
            return Checked(result)
        try:
            checked = save_snapshot(content, destination, result=result, expected=before)
            if checked.root is not None:
                kept_check.write(checked.root, before, checked.result, probed=probe is not None)
            return checked
        except SnapshotRefused as refused:
            problems = sorted(result.problems + refused.problems, key=lambda p: (p.path, p.line, p.col))
            return Checked(LoadResult(None, problems, result.files))
        except safe_copy.Changed:
            log.info("content changed while the last good copy was made; checking again")
        except OSError as error:
            log.warning("could not write the last good copy to %s (%s); pictures and films are shown "
                        "from the content folder itself", destination, error)
            return Checked(result, Path(os.path.abspath(content)))
    return Checked(LoadResult(None, [ContentError(
        str(content), 0, 0, "the content folder kept changing while it was checked",
        "wait until copying has finished; the kiosk checks again after the next change",
    )]))


def save_snapshot(
    content: Path,
    destination: Path | None = None,
    *,
    result: LoadResult | None = None,
    expected: str | None = None,
) -> Checked:
    """Copy the files valid content names into a new checked copy and make it current.

    `result` is the content's check (made now when not given) and `expected` its fingerprint at
    that time. Raises SnapshotRefused (links, pipes, unreadable or damaged files), Changed (the
    folder changed meanwhile) or OSError (the copy could not be written)."""
    destination = Path(os.path.abspath(destination or default_snapshot_dir(content)))
    expected = expected or fingerprint(content)
    result = result or load_exhibition(content)
    if result.exhibition is None:
        raise SnapshotRefused(result.errors)
    destination.mkdir(parents=True, exist_ok=True, mode=0o700)
    previous = current_copy(destination)
    if previous is not None and _holds(previous, read_info(previous), expected):
        # nothing changed since: the copy holds the very files just checked, so show it as it is
        return Checked(LoadResult(result.exhibition, result.problems, result.files), previous)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=destination))
    try:
        files = _copy_files(content, staging, referenced_files(result, Path(content)), previous)
        verified = load_exhibition(staging)
        if verified.exhibition is None:
            raise SnapshotRefused([_moved(problem, staging.name, Path(os.path.abspath(content)).name)
                                   for problem in verified.errors])
        _write_info(staging, {"fingerprint": expected, "version": content_version(content),
                              "source": os.path.abspath(content), "files": files})
        if fingerprint(content) != expected:
            raise safe_copy.Changed("the content folder changed while it was copied")
        final = destination / f"{expected}-{time.time_ns():x}"
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _make_current(destination, final.name)
    log.info("kept a checked copy of the content in %s", final)
    return Checked(LoadResult(verified.exhibition, result.problems, result.files), final)


def _remembered(destination: Path, expected: str, probed: bool) -> Checked | None:
    """The current copy and its kept check, when the content folder is still what was checked."""
    copy = current_copy(destination)
    if copy is None or copy == Path(os.path.abspath(destination)):
        return None
    if not _holds(copy, read_info(copy), expected):
        return None
    result = kept_check.read(copy, expected, probed)
    return Checked(result, copy) if result is not None else None


def _holds(copy: Path, info: dict[str, Any], expected: str) -> bool:
    """Whether the copy was made from the content folder as it is now (`expected` fingerprint) and
    still has every file it was made with, at its size: a restart with unchanged content then
    shows it without reading the content a second time. A copy with a file gone or cut short is
    not shown; a new copy is made instead."""
    files = info.get("files")
    if info.get("fingerprint") != expected or not isinstance(files, dict):
        return False
    for relative, signature in files.items():
        try:
            found = os.lstat(copy / relative)
        except (OSError, ValueError):
            return False
        if not isinstance(signature, list) or not signature or found.st_size != signature[0] \
                or not stat.S_ISREG(found.st_mode):
            return False
    return True


def _signature(info: os.stat_result) -> list[int]:
    """What an in-place write changes (not the link count: a pull may hard-link unchanged media)."""
    return [info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev]


def _copy_files(content: Path, staging: Path, files: dict[str, str], previous: Path | None) -> dict[str, Any]:
    """Copy (or link from the previous copy, when unchanged) every file; the copies' signatures."""
    earlier = read_info(previous).get("files", {}) if previous is not None else {}
    problems: list[ContentError] = []
    copied: dict[str, Any] = {}
    source = os.open(content, FOLDER_FLAGS)  # the content folder itself may be a link (a pull)
    target = os.open(staging, FOLDER_FLAGS)
    before = os.open(previous, FOLDER_FLAGS) if previous is not None else None
    try:
        for relative, kind in sorted(files.items()):
            shown = display_path(Path(content) / relative, Path(content))
            try:
                copied[relative] = _copy_one(source, target, before, relative, earlier.get(relative))
                if is_picture_path(kind, relative) and not looks_like_picture(
                        safe_copy.read_head(target, relative)):
                    problems.append(ContentError(
                        shown, 0, 0, f"'{relative}' is not a picture the kiosk can show: its contents are "
                        "not those of a PNG, JPEG, WebP or BMP file",
                        "save the picture again, or copy it again from the original"))
            except safe_copy.Refused as refused:
                problems.append(ContentError(shown, 0, 0, refused.message, refused.hint))
    finally:
        for descriptor in (source, target, before):
            if descriptor is not None:
                os.close(descriptor)
    if problems:
        raise SnapshotRefused(problems)
    return copied


def _copy_one(source: int, target: int, before: int | None, relative: str, earlier: Any) -> list[int]:
    """Copy one file, or share the previous copy's file when it is the same: the very same file
    (an edit elsewhere), or the same bytes (a pull checks every file out anew)."""
    descriptor, info = safe_copy.open_below(source, relative)
    try:
        signature = _signature(info)
        if before is not None and isinstance(earlier, list) and earlier[:1] == [info.st_size]:
            try:
                if earlier == signature or _same_as_before(before, relative, descriptor, info.st_size):
                    safe_copy.link_below(before, target, relative)
                    return signature
            except (OSError, safe_copy.Refused, safe_copy.Changed) as error:
                log.info("copying %s again (the previous copy's file cannot be shared: %s)", relative, error)
        safe_copy.write_copy(descriptor, info, target, relative)
        return signature
    finally:
        os.close(descriptor)


def _same_as_before(before: int, relative: str, descriptor: int, size: int) -> bool:
    previous, _info = safe_copy.open_below(before, relative)
    try:
        return safe_copy.same_contents(previous, descriptor, size)
    finally:
        os.close(previous)


def _moved(problem: ContentError, staging: str, content: str) -> ContentError:
    """A problem found in the new copy, named as the file in the content folder."""
    path = problem.path
    if path.startswith(staging + "/"):
        path = content + path[len(staging):]
    return dataclasses.replace(problem, path=path)


def _write_info(folder: Path, info: dict[str, Any]) -> None:
    descriptor = os.open(folder / SNAPSHOT_INFO, safe_copy.WRITE_FLAGS, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump(info, file)
        file.flush()
        os.fsync(file.fileno())


def read_info(copy: Path) -> dict[str, Any]:
    """What a checked copy records about itself ({} when it records nothing readable)."""
    try:
        info = json.loads((copy / SNAPSHOT_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _make_current(destination: Path, name: str) -> None:
    link = destination / f".current-{os.getpid()}-{time.time_ns():x}"
    os.symlink(name, link)
    os.replace(link, destination / CURRENT)
    descriptor = os.open(destination, FOLDER_FLAGS)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _current_name(destination: Path) -> str | None:
    try:
        name = os.readlink(destination / CURRENT)
    except OSError:
        return None
    return name if name and "/" not in name and not name.startswith(".") else None


def current_copy(destination: Path) -> Path | None:
    """The newest checked copy in a snapshot folder, None when there is none.

    A snapshot written by an earlier kiosk version (the content mirrored into the folder
    itself) counts as a copy until the next good content replaces it."""
    destination = Path(os.path.abspath(destination))
    name = _current_name(destination)
    if name is not None and (destination / name).is_dir():
        return destination / name
    if (destination / ".fingerprint").is_file() and (destination / "exhibition.yaml").is_file():
        return destination
    return None


def _ours(entry: os.DirEntry[str], legacy: bool) -> bool:
    """Whether an entry of a snapshot folder was made by the kiosk (nothing else is ever deleted)."""
    if entry.name.startswith((STAGING_PREFIX, ".current-")) or legacy:
        return True
    return entry.is_dir(follow_symlinks=False) and os.path.isfile(os.path.join(entry.path, SNAPSHOT_INFO))


def prune(destination: Path, keep: Iterable[Path] = ()) -> None:
    """Delete every copy in the snapshot folder but the current one and those in `keep`; never raises."""
    destination = Path(os.path.abspath(destination))
    kept = {Path(os.path.abspath(path)) for path in keep}
    if destination in kept:
        return  # an earlier kiosk version's snapshot is on screen
    names = {path.name for path in kept if path.parent == destination} | {CURRENT, _current_name(destination)}
    legacy = (destination / ".fingerprint").is_file()
    try:
        entries = list(os.scandir(destination))
    except OSError:
        return
    for entry in entries:
        if entry.name in names or not _ours(entry, legacy):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except OSError as error:
            log.warning("could not delete the old content copy %s: %s", entry.path, error)


@dataclass
class StartupContent:
    """What the kiosk starts with: the content folder's result, and what is shown, from where."""

    current: LoadResult
    shown: LoadResult
    from_snapshot: bool
    root: Path


def load_for_startup(content: Path, snapshot: Path | None = None) -> StartupContent:
    """Check `content` and show it from its checked copy; when it has errors or cannot be read at
    all, show the last good copy if there is one. Never raises for anything in the folder."""
    snapshot = snapshot or default_snapshot_dir(content)
    try:
        checked = check_and_copy(content, snapshot, probe=probe_media)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # anything the loader raises: the last good copy still shows
        log.exception("the content folder %s could not be checked", content)
        checked = Checked(LoadResult(None, [ContentError(
            str(content), 0, 0, f"the content folder could not be read: {error}",
            "check that the kiosk's user may read every file and folder in it")]))
    current = checked.result
    if current.exhibition is not None and checked.root is not None:
        prune(snapshot, keep=(checked.root,))
        return StartupContent(current, current, False, checked.root)
    previous_root = current_copy(snapshot)
    if previous_root is not None:
        previous = _load_quietly(previous_root)
        if previous.exhibition is not None:
            log.error("content has errors; showing the last good content from %s", previous_root)
            prune(snapshot, keep=(previous_root,))
            return StartupContent(current, previous, True, previous_root)
    return StartupContent(current, current, False, Path(os.path.abspath(content)))


def _load_quietly(root: Path) -> LoadResult:
    try:
        return load_exhibition(root)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        log.exception("the last good copy in %s could not be read", root)
        return LoadResult(None)
