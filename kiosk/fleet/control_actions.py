"""What `kiosk ctl` can ask of the running kiosk: status, screenshot, reload, restart, identify,
volume and go (the socket itself is kiosk.fleet.control).

Each command takes the request (a JSON object) and whoever asked, and replies once, at once or
when its work is done: `{"ok": true, ...}` or a refusal, `{"ok": false, "error": "..."}`.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QImage
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk import __version__
from kiosk.base.worker import run_in_worker
from kiosk.content.version import content_version
from kiosk.fleet.metrics import memory_rss_bytes
from kiosk.ops.crash import RESTART_EXIT_CODE

if TYPE_CHECKING:
    from kiosk.app.screens import KioskWindow
    from kiosk.content.load import LoadResult
    from kiosk.ops.hours import Hours
    from kiosk.ops.reload import ContentReloader
    from kiosk.ops.staff import Staff
    from kiosk.session import ExhibitionSession

log = logging.getLogger("kiosk.control")

IDENTIFY_MS = 10_000
IDENTIFY_QML = Path(__file__).resolve().parent.parent / "qml" / "ops" / "IdentifyScreen.qml"
FIRST_ERRORS = 5
"""How many content errors `status` and `reload` spell out (all are counted)."""
_LOADED = time.monotonic()


class ControlledKiosk(Protocol):
    """The parts of the running kiosk (`kiosk.composition.Kiosk`) that `kiosk ctl` reaches."""

    @property
    def kiosk_window(self) -> KioskWindow: ...

    @property
    def session(self) -> ExhibitionSession: ...

    @property
    def staff(self) -> Staff: ...

    @property
    def hours(self) -> Hours: ...

    @property
    def reloader(self) -> ContentReloader: ...

    def quit(self, code: int) -> None: ...


class Asker(Protocol):
    """Whoever sent the request (a connection of kiosk.fleet.control)."""

    def reply(self, answer: dict[str, Any], after: Callable[[], None] | None = None) -> None: ...

    def reply_failure(self, error: BaseException) -> None: ...


Request = dict[str, Any]


def refusal(error: str) -> dict[str, Any]:
    return {"ok": False, "error": error}


def process_uptime() -> float:
    """Seconds since this process started (from /proc; else since this module was loaded)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])  # field 22, starttime
        with open("/proc/uptime", encoding="ascii") as uptime:
            since_boot = float(uptime.read().split()[0])
        return max(0.0, since_boot - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _LOADED


def write_png(image: QImage, target: Path, grab_ms: float) -> dict[str, Any]:
    """Encode the screenshot and put it at `target` whole (a temporary file, then renamed); the
    reply. Runs on a worker thread."""
    started = time.perf_counter()
    descriptor, temporary = tempfile.mkstemp(prefix=".screenshot-", suffix=".png", dir=target.parent)
    os.close(descriptor)
    try:
        if not image.save(temporary):  # PNG, from the name
            raise OSError(f"the PNG could not be written to {target.parent}")
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        return refusal(f"The screenshot could not be saved as {target}: {error.strerror or error}.")
    return {"ok": True, "path": str(target), "width": image.width(), "height": image.height(),
            "bytes": target.stat().st_size, "grab_ms": round(grab_ms, 1),
            "encode_ms": round((time.perf_counter() - started) * 1000, 1)}


class ControlActions(QObject):
    """The commands of `kiosk ctl`, carried out on the running kiosk."""

    def __init__(self, kiosk: ControlledKiosk, screen_name: str, *, identify_ms: int = IDENTIFY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kiosk, self.screen_name = kiosk, screen_name
        self.commands: dict[str, Callable[[Request, Asker], None]] = {
            "status": self.status, "screenshot": self.screenshot, "reload": self.reload,
            "restart": self.restart, "identify": self.identify, "volume": self.volume, "go": self.go,
        }
        self._versions: dict[str, str] = {}
        self._reload_waiting: list[Asker] = []
        kiosk.reloader.checked.connect(self._on_checked)
        self._identify_item: QQuickItem | None = None
        self._identify_timer = QTimer(self, singleShot=True, interval=identify_ms)
        self._identify_timer.timeout.connect(self._hide_name)

    # -- status ----------------------------------------------------------------------------

    def _version(self) -> str:
        session = self.kiosk.session
        if session.exhibition is None:
            return ""
        key = os.fspath(session.root)
        if key not in self._versions:  # a checked copy records its version; a folder is hashed once
            self._versions[key] = content_version(session.root)
        return self._versions[key]

    def status_reply(self) -> dict[str, Any]:
        kiosk = self.kiosk
        place = kiosk.kiosk_window.navigator.journey.place
        errors = [str(error) for error in kiosk.staff.status.get("contentErrors", [])]
        return {
            "ok": True,
            "screen": self.screen_name,
            "place": {"screen": place.screen, "floor": place.floor, "section": place.section,
                      "exhibit": place.exhibit},
            "language": kiosk.session.language,
            "content": {"version": self._version(), "valid": not errors, "errors": len(errors),
                        "first_errors": errors[:FIRST_ERRORS],
                        "last_good_copy": bool(kiosk.staff.status.get("showingSnapshot", False)),
                        "showing": kiosk.session.exhibition is not None},
            "uptime_seconds": round(process_uptime(), 1),
            "memory_mib": round(memory_rss_bytes() / 1024 / 1024, 1),
            "visits_today": kiosk.session.visits_today(),
            "open": kiosk.hours.is_open,
            "volume": round(float(kiosk.staff.status.get("volume", 1.0)), 3),
            "kiosk_version": __version__,
            "pid": os.getpid(),
        }

    def status(self, _request: Request, asker: Asker) -> None:
        asker.reply(self.status_reply())

    # -- screenshot ------------------------------------------------------------------------

    def screenshot(self, request: Request, asker: Asker) -> None:
        """Capture the window on the GUI thread; encode and write the PNG on a worker thread."""
        path = request.get("path")
        if not isinstance(path, str) or not path:
            asker.reply(refusal('screenshot needs a "path": the absolute path of the PNG file to write.'))
            return
        target = Path(path)
        if not target.is_absolute():
            asker.reply(refusal(f"The screenshot path must be absolute, not '{path}'."))
            return
        if not target.parent.is_dir() or target.is_dir():
            asker.reply(refusal(f"Cannot write {target}: there is no folder {target.parent}, "
                                "or the path is a folder."))
            return
        window = self.kiosk.kiosk_window.window
        started = time.perf_counter()
        image = window.grabWindow()
        grab_ms = (time.perf_counter() - started) * 1000
        if image.isNull():
            asker.reply(refusal("The screen could not be captured: the kiosk window is not shown yet."))
            return
        run_in_worker(lambda: write_png(image, target, grab_ms), asker.reply, name="screenshot",
                      failed=asker.reply_failure)

    # -- reload and restart ----------------------------------------------------------------

    def reload(self, _request: Request, asker: Asker) -> None:
        """Check the content folder now; reply when the check is done (the next one to finish)."""
        self._reload_waiting.append(asker)
        self.kiosk.reloader.reload_now()

    @Slot(object)
    def _on_checked(self, result: LoadResult) -> None:
        waiting, self._reload_waiting = self._reload_waiting, []
        if not waiting:
            return
        errors = [problem.format() for problem in result.problems if problem.is_error]
        if errors:
            answer = refusal(f"The content has {len(errors)} error(s); visitors still see the content "
                             f"shown before. First: {errors[0]}")
            answer["errors"] = errors[:FIRST_ERRORS]
        else:
            warnings = len(result.problems)
            answer = {"ok": True, "errors": [], "warnings": warnings,
                      "message": "The content is valid; it shows now, or when the current visit ends"
                                 + (f" ({warnings} warning(s) in the log)." if warnings else ".")}
        for asker in waiting:
            if shiboken6.isValid(asker):
                asker.reply(answer)

    def restart(self, _request: Request, asker: Asker) -> None:
        """Reply first, then close with the restart exit code (systemd starts the kiosk again)."""
        log.info("kiosk ctl asked for a restart")
        asker.reply({"ok": True, "message": f"The kiosk is restarting (it closes with exit code "
                                            f"{RESTART_EXIT_CODE}; systemd starts it again)."},
                    after=lambda: self.kiosk.quit(RESTART_EXIT_CODE))

    # -- identify --------------------------------------------------------------------------

    def identify(self, _request: Request, asker: Asker) -> None:
        item = self._name_layer()
        if item is None:
            asker.reply(refusal("The screen's name could not be shown; the log file has the details."))
            return
        item.setProperty("screenName", self.screen_name)
        item.setVisible(True)
        self._identify_timer.start()
        seconds = self._identify_timer.interval() / 1000
        asker.reply({"ok": True, "screen": self.screen_name, "seconds": seconds,
                     "message": f"The name '{self.screen_name}' shows on the screen for {seconds:g} s."})

    def _name_layer(self) -> QQuickItem | None:
        """The screen's name over everything (kiosk/qml/ops/IdentifyScreen.qml), made once."""
        if self._identify_item is not None and shiboken6.isValid(self._identify_item):
            return self._identify_item
        engine, window = self.kiosk.kiosk_window.engine, self.kiosk.kiosk_window.window
        component = QQmlComponent(engine, QUrl.fromLocalFile(str(IDENTIFY_QML)))
        if component.isError():
            for error in component.errors():
                log.error("screen name layer: %s", error.toString())
            return None
        item = component.beginCreate(engine.rootContext())
        if not isinstance(item, QQuickItem):
            log.error("the screen name layer could not be created")
            return None
        item.setParentItem(window.contentItem())
        item.setParent(window.contentItem())  # goes with the window
        component.setParent(item)
        component.completeCreate()
        self._identify_item = item
        return item

    @Slot()
    def _hide_name(self) -> None:
        if self._identify_item is not None and shiboken6.isValid(self._identify_item):
            self._identify_item.setVisible(False)

    # -- volume and places -----------------------------------------------------------------

    def volume(self, request: Request, asker: Asker) -> None:
        """Set the volume as the staff panel does (every new visitor starts with it); the level."""
        staff = self.kiosk.staff
        if "level" in request and request["level"] is not None:
            level = request["level"]
            if isinstance(level, bool) or not isinstance(level, int | float) or not 0 <= level <= 1:
                asker.reply(refusal(f"The volume is a number from 0 to 1, not {str(level)[:40]}."))
                return
            staff.setVolume(float(level))
        asker.reply({"ok": True, "level": round(float(staff.status.get("volume", 1.0)), 3)})

    def go(self, request: Request, asker: Asker) -> None:
        """Open a floor, section or exhibit by its id, as a visitor would."""
        place_id = request.get("place")
        if not isinstance(place_id, str) or not place_id:
            asker.reply(refusal('go needs a "place": the id of a floor, section or exhibit.'))
            return
        navigator = self.kiosk.kiosk_window.navigator
        place = navigator.journey.place_of(place_id)
        if place is None:
            asker.reply(refusal(f"There is no floor, section or exhibit '{place_id[:80]}' "
                                "in the exhibition shown."))
            return
        opening = {"floor": navigator.openFloor, "section": navigator.openSection,
                   "exhibit": navigator.openExhibit}[place.screen]
        opening(place_id)
        asker.reply({"ok": True, "place": {"screen": place.screen, "floor": place.floor,
                                           "section": place.section, "exhibit": place.exhibit},
                     "message": f"The screen shows {place.screen} '{place_id}'."})

    def close(self) -> None:
        self._identify_timer.stop()
        self._reload_waiting = []
        self.kiosk.reloader.checked.disconnect(self._on_checked)
