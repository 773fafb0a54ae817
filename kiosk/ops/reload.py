"""Live content reload that keeps the last good exhibition on screen.

Staff edit the YAML files while the kiosk runs. A file-system watcher notices every save (also
saves that replace the file, and new folders), waits a moment for the editor to finish, then
checks the whole content folder on a worker thread. Valid content refreshes the last-good
snapshot and is shown as soon as no visitor is using the kiosk (on the attract loop); invalid
content changes nothing on screen and every problem is logged with its file and line.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.content.load import LoadResult, load_exhibition
from kiosk.ops.snapshot import fingerprint, save_snapshot
from kiosk.ops.worker import run_in_worker

log = logging.getLogger("kiosk.reload")

DEBOUNCE_MS = 300
STABLE_ATTEMPTS = 5
"""How often a check starts again because files kept changing while it ran (a copy in progress)."""


def watched_paths(root: Path) -> tuple[list[str], list[str]]:
    """The content folder's folders and files (hidden ones left out: editor swap files)."""
    folders: list[str] = [str(root)]
    files: list[str] = []
    for path in sorted(root.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        (folders if path.is_dir() else files).append(str(path))
    return folders, files


def _signature(path: str) -> tuple[int, int] | None:
    """What a save changes: the file's size and modification time (not its link count)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _version(root: Path) -> str | None:
    """The folder's content version (None while a file vanishes under our feet)."""
    try:
        return fingerprint(root)
    except OSError:
        return None


def check_when_still(root: Path, snapshot_dir: Path | None) -> LoadResult:
    """Check the folder, and refresh the last-good copy when it is valid, but only from a folder
    that did not change meanwhile: a film still being copied (git, Syncthing, a USB stick) is
    never judged, or kept as last good, half-written."""
    for _ in range(STABLE_ATTEMPTS):
        before = _version(root)
        result = load_exhibition(root)
        if before is None or _version(root) != before:
            log.info("content changed while it was being checked; checking again")
            continue
        if result.exhibition is None:
            return result
        try:
            save_snapshot(root, snapshot_dir)
        except OSError as error:
            log.warning("could not refresh the last good content: %s", error)
            return result
        if _version(root) == before:
            return result
        log.info("content changed while the last good copy was made; checking again")
    from kiosk.content.errors import ContentError

    unsettled = LoadResult(None)
    unsettled.problems.append(ContentError(
        str(root), 0, 0, "the content folder kept changing while it was checked",
        "wait until copying has finished; the kiosk checks again after the next change",
    ))
    return unsettled


def check_safely(root: Path, snapshot_dir: Path | None) -> LoadResult:
    """check_when_still, with a loader bug turned into a reported problem (worker thread)."""
    try:
        return check_when_still(root, snapshot_dir)
    except Exception as error:  # a loader bug must not kill the watcher
        log.exception("checking the content failed")
        from kiosk.content.errors import ContentError

        result = LoadResult(None)
        result.problems.append(ContentError(str(root), 0, 0, f"internal error: {error}"))
        return result


class ContentReloader(QObject):
    """Watches a content folder and swaps valid new content in when the kiosk is free."""

    checked = Signal(object)
    """A LoadResult, after every check (valid or not)."""
    swapped = Signal(object)
    """The new Exhibition, right after it was put on screen."""

    def __init__(
        self,
        root: Path,
        navigator: Any,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        snapshot_dir: Path | None = None,
        can_swap: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = root.resolve()
        self.navigator = navigator
        self.snapshot_dir = snapshot_dir
        self.can_swap = can_swap or (lambda: navigator.property("screen") == "attract")
        self.pending: LoadResult | None = None
        self.last: LoadResult | None = None
        self.last_reload: dt.datetime | None = None
        self._generation = 0
        self._running = False
        self._again = False
        self._signatures: dict[str, tuple[int, int] | None] = {}
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_changed)
        self._watcher.fileChanged.connect(self._on_changed)
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self.reload_now)
        navigator.screenChanged.connect(self.try_swap)
        self._watch()

    # -- watching --------------------------------------------------------------------------

    def _watch(self) -> None:
        """Watch every folder and file; called again after each change (new files, replaced files)."""
        if not self.root.is_dir():
            return
        folders, files = watched_paths(self.root)
        known = set(self._watcher.directories()) | set(self._watcher.files())
        fresh = [path for path in folders + files if path not in known]
        if fresh:
            self._watcher.addPaths(fresh)
        self._signatures = {path: _signature(path) for path in files}

    def _on_changed(self, path: str) -> None:
        saved = path not in self._signatures or self._signatures[path] != _signature(path)
        self._watch()
        if saved:  # not only the attributes (the snapshot hard-links media files)
            self._debounce.start()

    # -- checking (worker thread) ----------------------------------------------------------

    def reload_now(self) -> None:
        """Check the content folder now (the staff panel's "Reload content now")."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._generation += 1
        root, snapshot_dir, generation = self.root, self.snapshot_dir, self._generation
        run_in_worker(lambda: (check_safely(root, snapshot_dir), generation), self._on_result,
                      name="content-check")

    def _on_result(self, outcome: tuple[LoadResult, int]) -> None:
        self._on_finished(*outcome)

    def _on_finished(self, result: LoadResult, generation: int) -> None:
        self._running = False
        self.last = result
        if result.exhibition is None:
            log.error("content changed but has %d error(s); the current exhibition stays on screen",
                      len(result.errors))
            for problem in result.problems:
                log.error("%s", problem.format())
            self.pending = None
        else:
            for problem in result.warnings:
                log.warning("%s", problem.format())
            self.pending = result
            log.info("content changed and is valid; it will show on the attract loop")
        self.checked.emit(result)
        if self._again:
            self._again = False
            self.reload_now()
            return
        self.try_swap()

    # -- swapping --------------------------------------------------------------------------

    def try_swap(self) -> bool:
        """Put pending valid content on screen if nobody is using the kiosk."""
        if self.pending is None or self._running or not self.can_swap():
            return False
        result, self.pending = self.pending, None
        self.navigator.load(result.exhibition, self.root)
        self.last_reload = dt.datetime.now()
        log.info("content reloaded from %s", self.root)
        self.swapped.emit(result.exhibition)
        return True
