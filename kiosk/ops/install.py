"""`kiosk install`: a systemd user service that starts the kiosk at log-in and restarts it."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from kiosk.base.paths import _base

UNIT_NAME = "kiosk.service"


def unit_text(content: Path, kiosk_command: str | None = None, watchdog_seconds: int = 30) -> str:
    command = kiosk_command or str(Path(sys.executable).with_name("kiosk"))
    exec_start = f"{shlex.quote(command)} run {shlex.quote(str(content.resolve()))}"
    return f"""\
# Written by `kiosk install`. The kiosk starts with the graphical session and comes back after
# a crash (Restart=always) or a hang (the watchdog: heartbeats come from the event loop).
[Unit]
Description=Exhibition kiosk
After=graphical-session.target
PartOf=graphical-session.target
StartLimitIntervalSec=0

[Service]
Type=notify
NotifyAccess=main
ExecStart={exec_start}
Restart=always
RestartSec=1
# "Exit to desktop" in the staff panel exits with 0: stay stopped then. Restart exits with 75.
RestartPreventExitStatus=0
WatchdogSec={watchdog_seconds}
TimeoutStopSec=10
Environment=QT_QUICK_CONTROLS_STYLE=Basic

[Install]
WantedBy=graphical-session.target
"""


def unit_path() -> Path:
    return _base("XDG_CONFIG_HOME", ".config") / "systemd" / "user" / UNIT_NAME


def install(content: Path, *, print_only: bool) -> str:
    text = unit_text(content)
    if print_only:
        return text
    path = unit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return (
        f"wrote {path}\nnext: systemctl --user daemon-reload && systemctl --user enable --now {UNIT_NAME}"
    )
