"""Live content reload that keeps the last good exhibition on screen.

Staff edit the YAML files while the kiosk runs. A file-system watcher notices every save (also
saves that replace the file, new folders, and a content folder link switched to a new pull),
waits a moment for the editor to finish, then checks the whole content folder on a worker
thread. Valid content becomes a new checked copy (kiosk.ops.snapshot) and is shown from that copy
(`session.show`) as soon as nobody is visiting (at once, or when the visit ends); invalid content
changes nothing on screen and every problem is logged with its file and line.

Nothing in the folder stops the reloader: a file or folder that vanishes or cannot be read while
it is walked is skipped, and any failure of a check, even a crash inside a library, becomes a
reported problem; the next save is checked as usual.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.app.media_probe import probe_media
from kiosk.base.worker import run_in_worker
from kiosk.content.errors import ContentError
from kiosk.content.fingerprint import walk
from kiosk.content.load import LoadResult
from kiosk.ops.snapshot import Checked, check_and_copy, default_snapshot_dir, prune
from kiosk.session import ExhibitionSession, VisitEnded

log = logging.getLogger("kiosk.reload")

DEBOUNCE_MS = 300
PRUNE_DELAY_MS = 10_000
"""Copies no longer needed are deleted this much after a new one or a swap (the pictures of the
copy shown before may still be loading)."""


def watched_paths(root: Path) -> tuple[list[str], list[str]]:
    """The content folder's folders and files (hidden ones left out: editor swap files).

    Never raises: what vanishes or cannot be read during the walk is left out."""
    folders: list[str] = [str(root)]
    files: list[str] = []
    for entry in walk(root):
        if entry.kind == "folder":
            folders.append(os.path.join(root, entry.relative))
        elif entry.kind == "file":
            files.append(os.path.join(root, entry.relative))
    return folders, files


def _signature(path: str) -> tuple[int, int] | None:
    """What a save changes: the file's size and modification time (not its link count)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _identity(path: Path) -> tuple[int, int] | None:
    """Which folder `path` leads to now (a link may be switched to another one)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def check_safely(root: Path, snapshot_dir: Path | None) -> Checked:
    """check_and_copy, with any failure of the check turned into a reported problem (worker thread).

    Catches everything but KeyboardInterrupt and SystemExit: a loader bug, an OSError, a panic
    inside a compiled library (which Python sees as a BaseException)."""
    try:
        return check_and_copy(root, snapshot_dir, probe=probe_media)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # the watcher must outlive any bug in a check
        log.exception("checking the content failed")
        return Checked(_failure(root, error))


def _failure(root: Path, error: BaseException) -> LoadResult:
    result = LoadResult(None)
    result.problems.append(ContentError(
        str(root), 0, 0, f"the content could not be checked ({type(error).__name__}: {error})",
        "the kiosk checks again after the next change; the log file has the details",
    ))
    return result


class ContentReloader(QObject):
    """Watches a content folder and shows valid new content when nobody is visiting."""

    checked = Signal(object)
    """A LoadResult, after every check (valid or not)."""
    swapped = Signal(object)
    """The new Exhibition, right after it was put on screen."""

    def __init__(
        self,
        root: Path,
        session: ExhibitionSession,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        snapshot_dir: Path | None = None,
        can_swap: Callable[[], bool] | None = None,
        prune_delay_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = Path(os.path.abspath(root))  # a link switched by each pull is followed anew
        self.session = session
        self.snapshot_dir = snapshot_dir
        self.can_swap = can_swap or (lambda: not session.visiting)
        self.pending: Checked | None = None
        self.last: LoadResult | None = None
        self.last_reload: dt.datetime | None = None
        self._running = False
        self._pruning = False
        self._again = False
        self._signatures: dict[str, tuple[int, int] | None] = {}
        self._root_identity = _identity(self.root)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_changed)
        self._watcher.fileChanged.connect(self._on_changed)
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self.reload_now)
        delay = PRUNE_DELAY_MS if prune_delay_ms is None else prune_delay_ms
        self._prune = QTimer(self, singleShot=True, interval=delay)
        self._prune.timeout.connect(self.prune_old_copies)
        # after the visit, once the session has finished telling everyone it ended
        self._unsubscribe = session.subscribe(
            VisitEnded, lambda _event: QTimer.singleShot(0, self, self.try_swap))
        self._watch()

    @property
    def shown_root(self) -> Path:
        """The folder the exhibition on screen is read from (its checked copy)."""
        return self.session.root

    def close(self) -> None:
        """Stop watching the folder and following the visits (the kiosk closes)."""
        self._unsubscribe()
        self._debounce.stop()
        self._prune.stop()
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)

    # -- watching --------------------------------------------------------------------------

    def _watch(self) -> None:
        """Watch every folder and file; called again after each change (new files, replaced files)."""
        identity = _identity(self.root)
        if identity != self._root_identity:  # the content folder link now leads to a new pull
            self._root_identity = identity
            stale = self._watcher.directories() + self._watcher.files()
            if stale:
                self._watcher.removePaths(stale)
        folders, files = watched_paths(self.root)
        if self.root.is_symlink():
            folders.append(str(self.root.parent))  # where the link is switched
        known = set(self._watcher.directories()) | set(self._watcher.files())
        fresh = [path for path in folders + files if path not in known]
        if fresh:
            self._watcher.addPaths(fresh)  # paths gone meanwhile are refused quietly
        self._signatures = {path: _signature(path) for path in files}

    def _on_changed(self, path: str) -> None:
        saved = path not in self._signatures or self._signatures[path] != _signature(path)
        self._watch()
        if saved:  # not only the attributes
            self._debounce.start()

    # -- checking (worker thread) ----------------------------------------------------------

    def reload_now(self) -> None:
        """Check the content folder now (the staff panel's "Reload content now")."""
        if self._running or self._pruning:
            self._again = True
            return
        self._running = True
        root, snapshot_dir = self.root, self.snapshot_dir
        run_in_worker(lambda: check_safely(root, snapshot_dir), self._on_finished,
                      name="content-check", failed=self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        """The check itself ended abnormally (not even check_safely returned): report it."""
        self._on_finished(Checked(_failure(self.root, error)))

    def _on_finished(self, checked: Checked) -> None:
        self._running = False
        result = checked.result
        self.last = result
        if result.exhibition is None or checked.root is None:
            log.error("content changed but has %d error(s); the current exhibition stays on screen",
                      len(result.errors))
            for problem in result.problems:
                log.error("%s", problem.format())
            self.pending = None
        else:
            for problem in result.warnings:
                log.warning("%s", problem.format())
            self.pending = checked
            log.info("content changed and is valid; it will show on the attract loop")
            if checked.root != self.shown_root:
                self._prune.start()  # a copy made for an earlier check may now be superseded
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
        checked, self.pending = self.pending, None
        assert checked.root is not None
        self.session.show(checked.result.exhibition, checked.root)
        self.last_reload = dt.datetime.now()
        log.info("content reloaded from %s (checked copy of %s)", checked.root, self.root)
        self.swapped.emit(checked.result.exhibition)
        self._prune.start()
        return True

    def prune_old_copies(self) -> None:
        """Delete, in the background, the checked copies that are neither current nor on screen.

        Never at the same time as a check; a check asked for meanwhile follows."""
        if self._running or self._pruning:
            self._prune.start()
            return
        self._pruning = True
        destination = self.snapshot_dir or default_snapshot_dir(self.root)
        keep = (self.shown_root,)
        run_in_worker(lambda: prune(destination, keep), self._on_pruned, name="content-prune",
                      failed=self._on_pruned)

    def _on_pruned(self, _outcome: object) -> None:
        self._pruning = False
        if self._again:
            self._again = False
            self.reload_now()
