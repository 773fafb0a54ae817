"""`kiosk doctor [DIR]`: is this computer ready to run the kiosk? One line per check.

    ok: display: xcb
    warn: touch screen: none found — fix: plug in the touch screen's USB cable ...
    fail: content: 2 errors — fix: run `kiosk validate content` and correct the lines it names

Exit code 1 when any check fails (warnings do not fail).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.base.paths import state_dir
from kiosk.content.model import Exhibition
from kiosk.ops import pjlink
from kiosk.ops.power_settings import INSTALL, TOOLS, DevicePower, resolve, why_auto_found_nothing


@dataclass(frozen=True)
class Check:
    level: str  # "ok", "warn" or "fail"
    name: str
    detail: str
    fix: str = ""

    def line(self) -> str:
        text = f"{self.level}: {self.name}: {self.detail}"
        return text + (f" — fix: {self.fix}" if self.fix and self.level != "ok" else "")


def check_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> Check:
    from kiosk.app.placement import has_display

    if not has_display(environ):
        return Check("fail", "display", "no display (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM)",
                     "run inside the kiosk session, e.g. `cage -- kiosk doctor`, or see deploy/README.md")
    from PySide6.QtGui import QGuiApplication

    platform = QGuiApplication.platformName()
    screens = QGuiApplication.screens()
    if not screens:
        return Check("fail", "display", f"{platform}: no screen", "connect and switch on the display")
    size = screens[0].size()
    level = "warn" if platform in ("offscreen", "minimal") else "ok"
    detail = f"{platform}, {len(screens)} screen(s), first {size.width()}x{size.height()}"
    return Check(level, "display", detail, "this platform shows nothing: run inside the kiosk session")


def check_touch() -> Check:
    from PySide6.QtGui import QInputDevice

    touch = [d.name() for d in QInputDevice.devices()
             if d.type() in (QInputDevice.DeviceType.TouchScreen, QInputDevice.DeviceType.TouchPad)]
    if touch:
        return Check("ok", "touch screen", ", ".join(touch))
    return Check("warn", "touch screen", "none found",
                 "plug in the touch screen's USB cable; check `libinput list-devices`")


def check_graphics(setting: str = "auto") -> Check:
    """Which OpenGL this computer has and how `kiosk run` will draw (kiosk.app.drawing)."""
    from kiosk.app import drawing

    answer = drawing.Probe(cache=None).answer_now()
    chosen = drawing.decide("gpu" if setting == "gpu" else "software" if setting == "software" else "auto",
                            answer)
    if chosen is None:
        return Check("ok", "graphics", "QT_QUICK_BACKEND in the environment chooses how Qt Quick draws")
    if not chosen.software:
        return Check("ok", "graphics", chosen.reason)
    if answer.renderer is None:
        return Check("warn", "graphics", chosen.reason,
                     "install the graphics driver (Mesa: libgl1-mesa-dri, libegl1); "
                     "the kiosk works either way")
    return Check("ok", "graphics", chosen.reason)


def check_models() -> Check:
    """Whether 3D model exhibits turn in 3D on this screen, or show their still picture, and why."""
    from kiosk.app.drawing import Probe
    from kiosk.app.model3d import three_d

    found = three_d("auto", Probe.start().answer())
    if found.shown:
        return Check("ok", "3D models", found.reason)
    return Check("warn", "3D models", found.reason,
                 "fine for visitors (they see the picture); for 3D, use a computer with a graphics processor")


def check_fonts(exhibition: Exhibition | None) -> list[Check]:
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    theme = exhibition.settings.theme if exhibition is not None else None
    wanted = {theme.font_family if theme else "Noto Sans": "Latin text"}
    languages = list(exhibition.settings.languages) if exhibition is not None else ["en"]
    if any(code.startswith("zh") for code in languages):
        wanted[theme.cjk_font_family if theme else "Noto Sans CJK SC"] = "Chinese text"
        wanted["Noto Sans CJK SC"] = "Chinese text"
    checks = []
    for family, purpose in wanted.items():
        if family in families:
            checks.append(Check("ok", "font", f"{family} ({purpose})"))
        else:
            checks.append(Check("fail", "font", f"{family} ({purpose}) is not installed",
                                "sudo apt install fonts-noto-core fonts-noto-cjk"))
    return checks


def check_audio() -> Check:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as error:
        return Check("fail", "audio", f"QtMultimedia cannot load ({error})", "sudo apt install libpulse0")
    outputs = QMediaDevices.audioOutputs()
    if outputs:
        return Check("ok", "audio", ", ".join(device.description() for device in outputs))
    return Check("warn", "audio", "no sound output: films and narrations will be silent",
                 "connect speakers; check `pactl list sinks short` (PipeWire or PulseAudio must run)")


SPEECH_FIX = "sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"


def check_speech(exhibition: Exhibition | None) -> list[Check]:
    """The text-to-speech engines, and a voice for each language of the exhibition (read-aloud mode)."""
    from kiosk.app.speech import FIELD_ENGINE, engine_voices

    languages = list(exhibition.settings.languages) if exhibition is not None else ["en"]
    found = engine_voices(FIELD_ENGINE, languages)
    engines = ", ".join(found.engines) or "none"
    if found.problem:
        return [Check("warn", "read aloud", f"engines: {engines}; {found.problem}: read-aloud mode is silent",
                      SPEECH_FIX)]
    checks = [Check("ok", "read aloud", f"engines: {engines}; reading with {FIELD_ENGINE}")]
    for code, names in found.voices.items():
        if names:
            count = f"{len(names)} voice" + ("s" if len(names) > 1 else "")
            checks.append(Check("ok", "read aloud", f"{code}: {count} ({', '.join(names)})"))
        else:
            checks.append(Check("warn", "read aloud", f"{code}: no voice, read-aloud mode says nothing in it",
                                "install a voice for it: " + SPEECH_FIX))
    return checks


def check_content(root: Path) -> tuple[Check, Exhibition | None]:
    from kiosk.content.errors import summary
    from kiosk.content.load import load_exhibition

    if not root.is_dir():
        missing = Check("fail", "content", f"'{root}' is not a folder", "name the folder: kiosk doctor DIR")
        return missing, None
    from kiosk.app.media_probe import probe_media

    result = load_exhibition(root, probe=probe_media)
    if result.has_errors:
        return Check("fail", "content", summary(result.problems),
                     f"run `kiosk validate {root}` and correct the lines it names"), None
    return Check("ok", "content", summary(result.problems)), result.exhibition


def check_pin() -> Check:
    from kiosk.ops.pin import pin_file, read_pin_hash

    if read_pin_hash() is None:
        return Check("warn", "staff PIN", f"not set ({pin_file()})", "run: kiosk set-pin")
    return Check("ok", "staff PIN", f"set ({pin_file()})")


def check_state_folder(folder: Path | None = None) -> Check:
    folder = folder or state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as error:
        return Check("fail", "state folder", f"{folder} is not writable ({error})",
                     f"sudo chown -R $USER {folder}")
    return Check("ok", "state folder", f"{folder} (logs, last good content)")


def check_display_power(
    devices: Sequence[DevicePower] | None = None,
    environ: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
    ask_projector: Callable[[pjlink.Projector], str] = pjlink.power_state,
) -> list[Check]:
    """How each display and projector is switched with the opening hours, whether its program is
    installed, and for a PJLink projector its power state (asking changes nothing)."""
    checks = []
    for given in list(devices or []) or [DevicePower()]:
        device = resolve(given, environ, which)
        name = f"display power: {given.label}"
        if device.method == "none":
            if given.method == "auto":
                checks.append(Check("warn", name, "the display is never switched off when closed: "
                                    + why_auto_found_nothing(environ, which),
                                    "or set display_power in the screen settings (deploy/screen-config.md)"))
            else:
                checks.append(Check("ok", name, "not switched (method none): the closed screen stays lit"))
        elif device.method == "pjlink":
            projector = pjlink.Projector(str(device.host), device.port, device.password,
                                         device.timeout_seconds)
            try:
                state = ask_projector(projector)
            except pjlink.PJLinkError as error:
                checks.append(Check("fail", name, f"PJLink projector: {error}",
                                    "check the projector's address, its network menu (PJLink on) and "
                                    "the password in the screen settings"))
            else:
                checks.append(Check("ok", name, f"PJLink projector at {projector.where}, now {state}"))
        else:
            tool = TOOLS[device.method]
            found = which(tool)
            if found is None:
                checks.append(Check("fail", name, f"{device.method} needs {tool}, which is not installed",
                                    INSTALL[tool]))
            else:
                how = "by X11 DPMS" if device.method == "x11" else f"with {found}"
                checks.append(Check("ok", name, f"{device.method}: switched {how}"))
    return checks


def run_checks(root: Path, display_power: Sequence[DevicePower] | None = None) -> list[Check]:
    """Every check, in the order staff read them (`display_power`: the screen settings' devices)."""
    from PySide6.QtGui import QGuiApplication

    display = check_display()
    if display.level == "fail" and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the other checks still run without a screen
    if QGuiApplication.instance() is None:
        from PySide6.QtCore import QLoggingCategory

        QGuiApplication(sys.argv[:1])
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")  # start-up notes, not findings
    if display.level != "fail":
        display = check_display()
    content, exhibition = check_content(root)
    steps: list[Callable[[], Check | list[Check]]] = [
        check_touch, check_graphics, check_models, lambda: check_fonts(exhibition), check_audio,
        lambda: check_speech(exhibition),
        lambda: check_display_power(display_power), check_pin, check_state_folder,
    ]
    checks = [display, content]
    for step in steps:
        try:
            found = step()
        except Exception as error:  # a check that breaks is itself a finding
            found = Check("fail", getattr(step, "__name__", "check"), f"could not check: {error}")
        checks.extend(found if isinstance(found, list) else [found])
    return checks


def main(root: Path, display_power: Sequence[DevicePower] | None = None) -> int:
    checks = run_checks(root, display_power)
    for check in checks:
        print(check.line())
    return 1 if any(check.level == "fail" for check in checks) else 0
