"""Opening hours on screen (QML: `Hours`): outside the exhibition's hours the kiosk shows the
closed screen, which says in every language of the exhibition that it is closed and when it
next opens, over the closed slide when there is one.

With a closed slide the display stays on and the words are always there; a touch makes them
answer at once (the closed screen pulses). Without one the display is asked to sleep (the
screen settings' `display_power`: X11, Wayland, HDMI-CEC, DDC/CI or PJLink projectors, see
kiosk.ops.display_power); a touch wakes it and shows the words for `wake_ms`, then it sleeps
again. Where the display cannot sleep (no way to switch it, a window on a desktop, a switch that
failed) the words stay on a dark screen. While staff use the PIN pad or the panel the display
stays on.

A timer fires exactly when the state next changes (ScheduleState.until), and at midnight while
closed so "tomorrow" becomes "today"; the clock is injected so tests can live in any hour.
"open" and "closed" are logged as the schedule working, not as faults.

The next opening is named as "today", "tomorrow", a weekday when it is less than a week away,
or a full date further off, with days and times as each language writes them (QLocale); with
no opening time known the screen just says "Closed". The words live with the rest of the
interface's in `kiosk.words`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QDate, QDateTime, QLocale, QObject, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.images import picture_url
from kiosk.app.registry import PerEngine
from kiosk.ops.display_power import DisplayPower, set_display_power
from kiosk.ops.schedule import Schedule, ScheduleState
from kiosk.words import words

if TYPE_CHECKING:
    from kiosk.app.navigator import Navigator
    from kiosk.content.model import Exhibition
    from kiosk.content.model import Hours as HoursSettings

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Hours", "closed_at_start", "closed_notice",
           "opening_in_english", "set_display_power"]

log = logging.getLogger("kiosk.hours")

MAX_TIMER_MS = 3600 * 1000
"""Look again at least every hour (clock changes, daylight saving time)."""
WAKE_MS = 30_000
"""How long a touch on the sleeping closed screen keeps the display on with the words shown."""


# -- what the closed screen says ------------------------------------------------------------

SEPARATOR = " · "
"""Between "Closed now" and the next opening on one line."""
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def days_until(opening: dt.datetime, now: dt.datetime) -> int:
    """Calendar days from now to the opening day: 0 today, 1 tomorrow, ..."""
    return (opening.date() - now.date()).days


def opens_text(language: str, opening: dt.datetime | None, now: dt.datetime) -> str:
    """'Opens tomorrow at 9:00 AM', '周二 09:00 开放' ...; empty when no opening is known."""
    if opening is None:
        return ""
    locale = QLocale(language)
    time = locale.toString(QTime(opening.hour, opening.minute), QLocale.FormatType.ShortFormat)
    days = days_until(opening, now)
    if days <= 0:
        return words(language).text("opens_today", time=time)
    if days == 1:
        return words(language).text("opens_tomorrow", time=time)
    if days < 7:
        day = locale.dayName(opening.isoweekday(), QLocale.FormatType.LongFormat)
    else:
        day = locale.toString(QDate(opening.year, opening.month, opening.day), QLocale.FormatType.LongFormat)
    return words(language).text("opens_on", day=day, time=time)


def closed_notice(languages: Sequence[str], opening: dt.datetime | None,
                  now: dt.datetime) -> list[dict[str, str]]:
    """The closed screen's lines, one per language in the order given: the language's code,
    'Closed now' (or just 'Closed' when no opening is known), the next opening, and both in
    one line."""
    result = []
    for code in languages:
        closed = words(code).text("closed_now" if opening is not None else "closed")
        opens = opens_text(code, opening, now)
        result.append({"code": code, "closed": closed, "opens": opens,
                       "line": closed + SEPARATOR + opens if opens else closed})
    return result


def opening_in_english(opening: dt.datetime, now: dt.datetime) -> str:
    """For staff in a terminal or a log: 'today 13:00', 'tomorrow 09:00', 'Tuesday 09:00' or
    'Friday 5 February 2027 09:00' (24-hour times, as exhibition.yaml writes them)."""
    days = days_until(opening, now)
    time = opening.strftime("%H:%M")
    if days <= 0:
        return f"today {time}"
    if days == 1:
        return f"tomorrow {time}"
    weekday = WEEKDAYS_EN[opening.weekday()]
    if days < 7:
        return f"{weekday} {time}"
    return f"{weekday} {opening.day} {MONTHS_EN[opening.month - 1]} {opening.year} {time}"


# -- the display ---------------------------------------------------------------------------


def keep_display_on(on: bool) -> bool:
    """For a kiosk in a window on someone's desktop: never switch their display off."""
    return False


def closed_at_start(exhibition: Exhibition | None, root: Path, now: dt.datetime | None = None) -> str | None:
    """The sentence `kiosk run` prints when it starts outside opening hours (None when open)."""
    hours = exhibition.settings.hours if exhibition is not None else None
    now = now or dt.datetime.now()
    state = Schedule(hours).state(now)
    if state.open:
        return None
    when = (f"it opens {opening_in_english(state.until, now)}" if state.until is not None
            else "no opening time is set in the coming year")
    screen = ("The closed screen is showing." if getattr(hours, "closed_slide", None) else
              "The closed screen is showing; with no closed slide, a full-screen kiosk lets the display "
              "sleep until a touch.")
    return (f"kiosk run: the exhibition is closed now (opening hours in {root / 'exhibition.yaml'}); "
            f"{when}. {screen}")


@QmlElement
@QmlSingleton
class Hours(QObject):
    """Whether the kiosk is open now, the timer that follows the opening hours, the closed
    screen's words and the display's power while closed."""

    stateChanged = Signal()
    opened = Signal()
    closed = Signal()
    slideChanged = Signal()
    noticeChanged = Signal()
    displayChanged = Signal()
    staffPresentChanged = Signal()
    touchAnswered = Signal()
    """A touch on the closed screen was answered (the screen shows it at once)."""

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        display_power: Callable[[bool], Any] = set_display_power,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.wake_ms = WAKE_MS
        self.schedule = Schedule(None)
        self.state = ScheduleState(True, None)
        self._configured = False
        self._closed_slide = ""
        self._navigator: Navigator | None = None
        self._notice: list[dict[str, str]] = []
        self._display_requested_on: bool | None = True
        self._display_power: Callable[[bool], Any] = set_display_power
        self._dark = False
        self._awake = False
        self._staff_present = False
        self._timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._wake_timer = QTimer(self, singleShot=True)
        self._wake_timer.timeout.connect(self._sleep_again)
        self.display_power = display_power

    @staticmethod
    def create(engine: object) -> Hours:
        return Hours.for_engine(engine)

    @staticmethod
    def for_engine(engine: object) -> Hours:
        hours = _HOURS.get(engine, Hours)
        if hours._navigator is None:
            from kiosk.app.navigator import Navigator

            hours.attach(Navigator.for_engine(engine))
        return hours

    def attach(self, navigator: Navigator) -> None:
        """Say the closed screen's words in the navigator's languages, its current one first."""
        self._navigator = navigator
        navigator.contentChanged.connect(self._update_notice)
        navigator.languageChanged.connect(self._update_notice)
        self._update_notice()

    def configure(self, hours: HoursSettings | None, root: Path | None = None) -> None:
        """Follow these hours (None: always open); called at start and after each reload.

        `root` is the content folder the closed slide's path is relative to."""
        self.schedule = Schedule(hours)
        self._configured = True
        slide = getattr(hours, "closed_slide", None)
        url = picture_url(root or Path.cwd(), slide) if slide else ""
        if url != self._closed_slide:
            self._closed_slide = url
            self.slideChanged.emit()
        self.refresh()

    def next_change_ms(self) -> int | None:
        if self.state.until is None:
            return None
        milliseconds = (self.state.until - self.clock()).total_seconds() * 1000
        return max(0, round(milliseconds))

    def _timer_wait_ms(self) -> int | None:
        """Until the next change; while closed at most until just after midnight (the words
        name the day)."""
        wait = self.next_change_ms()
        if self.state.open:
            return wait
        now = self.clock()
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        after_midnight = round((midnight - now).total_seconds() * 1000) + 1000
        return after_midnight if wait is None else min(wait, after_midnight)

    def refresh(self) -> None:
        """Look at the clock, switch open/closed if needed and set the timer to the next change."""
        before = self.state.open
        self.state = self.schedule.state(self.clock())
        wait = self._timer_wait_ms()
        if wait is None:
            self._timer.stop()
        else:
            self._timer.start(min(wait, MAX_TIMER_MS))
        changed = self.state.open != before
        if changed:
            until = self.state.until.strftime("%a %H:%M") if self.state.until else "further notice"
            note = f" ({self.state.note})" if self.state.note else ""
            log.info("schedule state %s until %s%s", "open" if self.state.open else "closed", until, note)
            if self.state.open:
                self._awake = False
                self._wake_timer.stop()
        self._apply_display()
        self._update_notice()
        if changed:
            self.stateChanged.emit()
            self.displayChanged.emit()
            (self.opened if self.state.open else self.closed).emit()

    # -- the display while closed ----------------------------------------------------------

    @property
    def display_power(self) -> Callable[[bool], Any]:
        """What switches the display: called with True (on) or False (off); a true result means
        the display really goes dark."""
        return self._display_power

    @display_power.setter
    def display_power(self, power: Callable[[bool], Any]) -> None:
        """Real displays and projectors (a DisplayPower) are in an unknown state at start (a
        projector someone switched off, a monitor left asleep): they are told the wanted state
        at once, and a switch that failed shows the closed screen's words again."""
        if isinstance(self._display_power, DisplayPower):
            self._display_power.finished.disconnect(self._display_answered)
        self._display_power = power
        if isinstance(power, DisplayPower):
            power.finished.connect(self._display_answered)
            self._display_requested_on = None
            if self._configured:
                self._apply_display()

    def display_power_states(self) -> list[tuple[str, str, bool]]:
        """For the health metrics: each device's label, method and whether its last switch worked."""
        power = self._display_power
        return power.states() if isinstance(power, DisplayPower) else []

    def _display_answered(self, on: bool, ok: bool) -> None:
        """Every device answered: a display that did not go dark shows the words again."""
        if on or on != self._display_requested_on:
            return
        if ok != self._dark:
            self._dark = ok
            self.displayChanged.emit()

    def _display_wanted(self) -> bool:
        return self.state.open or bool(self._closed_slide) or self._awake or self._staff_present

    def _apply_display(self) -> None:
        """Ask for the display on or off when that changes; remember whether it went dark."""
        wanted = self._display_wanted()
        if wanted == self._display_requested_on:
            return
        self._display_requested_on = wanted
        dark = bool(self._display_power(wanted)) and not wanted
        if dark != self._dark:
            self._dark = dark
            self.displayChanged.emit()

    @Slot()
    def answerTouch(self) -> None:
        """A touch on the closed screen: wake a sleeping display and show the words for a while."""
        if self.state.open:
            return
        if self._dark or self._awake:
            self._awake = True
            self._wake_timer.start(self.wake_ms)
            self._apply_display()
        self.touchAnswered.emit()

    def _sleep_again(self) -> None:
        self._awake = False
        self._apply_display()

    def _get_staff_present(self) -> bool:
        return self._staff_present

    def _set_staff_present(self, present: bool) -> None:
        """Staff at the PIN pad or the panel keep the display on; when they leave it stays on for
        `wake_ms`, like after a touch."""
        if present == self._staff_present:
            return
        self._staff_present = present
        if not present and not self.state.open and self._display_requested_on:
            self._awake = True
            self._wake_timer.start(self.wake_ms)
        self._apply_display()
        self.staffPresentChanged.emit()

    # -- what the closed screen says -------------------------------------------------------

    def languages(self) -> list[str]:
        """The exhibition's languages, the current one first (English before any content)."""
        if self._navigator is None:
            return ["en"]
        codes = [entry["code"] for entry in self._navigator.property("languages") or []] or ["en"]
        current = str(self._navigator.property("language") or codes[0])
        return [current] + [code for code in codes if code != current]

    def notice(self) -> list[dict[str, str]]:
        """'Closed now · Opens tomorrow at 09:00' in each language (empty while open)."""
        return self._notice

    def _update_notice(self) -> None:
        notice = [] if self.state.open else closed_notice(self.languages(), self.state.until, self.clock())
        if notice != self._notice:
            self._notice = notice
            self.noticeChanged.emit()

    @property
    def is_open(self) -> bool:
        return self.state.open

    @property
    def notice_shown(self) -> bool:
        """Whether the closed screen shows its words now (not while the display sleeps)."""
        return not self.state.open and not self._dark

    def describe(self, language: str = "en") -> str:
        """For the staff panel, in the staff's language: 'open until Tue 17:00', 'closed until
        Wed 09:00', or just 'open' when the exhibition never closes."""
        said, state = words(language), self.state
        if state.until is None:
            return said.text("staff_open" if state.open else "staff_closed")
        until = state.until
        moment = QDateTime(QDate(until.year, until.month, until.day), QTime(until.hour, until.minute))
        when = QLocale(language).toString(moment, "ddd HH:mm")
        return said.text("staff_open_until" if state.open else "staff_closed_until", when=when)

    isOpen = Property(bool, lambda self: self.state.open, notify=stateChanged)
    closedSlide = Property(str, lambda self: self._closed_slide, notify=slideChanged)
    closedNotice = Property("QVariantList", notice, notify=noticeChanged)  # type: ignore[arg-type]
    noticeShown = Property(bool, lambda self: self.notice_shown, notify=displayChanged)
    staffPresent = Property(bool, _get_staff_present, _set_staff_present, notify=staffPresentChanged)


_HOURS: PerEngine[Hours] = PerEngine()
