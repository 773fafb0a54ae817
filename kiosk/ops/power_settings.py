"""How each display or projector of a screen is switched on and off with the opening hours: the
`display_power` key of the screen settings (kiosk.fleet.screen_config). No Qt here.

    display_power: auto                       # the default: X11 DPMS or Wayland wlopm, if present
    display_power:                            # or one device ...
      method: pjlink
      host: 192.168.1.50
      password: secret
    display_power:                            # ... or several, each switched in turn
      - {method: ddc, display: 1}
      - {method: pjlink, host: projector-3.local, name: hall-projector}

Methods: `x11` (xset dpms), `wayland` (wlopm, for compositors with wlr-output-power-management
such as labwc or sway), `cec` (cec-ctl over HDMI-CEC), `ddc` (ddcutil over DDC/CI), `pjlink`
(projectors on the network), `none` (never switch: the closed screen stays lit), `auto` (x11 when
DISPLAY is set and xset is installed, wayland when WAYLAND_DISPLAY is set and wlopm is installed,
else none).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from kiosk.ops.pjlink import PORT

Method = Literal["auto", "x11", "wayland", "cec", "ddc", "pjlink", "none"]
TOOLS: dict[str, str] = {"x11": "xset", "wayland": "wlopm", "cec": "cec-ctl", "ddc": "ddcutil"}
"""The program each local method runs."""
INSTALL: dict[str, str] = {
    "xset": "sudo apt install x11-xserver-utils",
    "wlopm": "install wlopm (packaged in newer Debian releases; else build it from "
             "https://git.sr.ht/~leon_plickat/wlopm)",
    "cec-ctl": "sudo apt install v4l-utils",
    "ddcutil": "sudo apt install ddcutil (and let the kiosk user use /dev/i2c-*: the i2c group)",
}
"""How to install each program."""
OWN_KEYS: dict[str, str] = {"host": "pjlink", "port": "pjlink", "password": "pjlink", "device": "cec",
                            "display": "ddc", "output": "wayland"}
"""Keys that only one method uses."""
DEFAULT_TIMEOUT_S = 5.0


class DevicePower(BaseModel):
    """One display or projector and how it is switched."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    method: Method = Field("auto", description="auto, x11, wayland, cec, ddc, pjlink or none.")
    name: str | None = Field(
        None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/ -]*$",
        description="How logs and monitoring name this device (default: the method, host or device).")
    host: str | None = Field(None, min_length=1, max_length=253,
                             description="pjlink: the projector's address (IP address or host name).")
    port: int = Field(PORT, ge=1, le=65535, description="pjlink: the projector's port (4352).")
    password: str | None = Field(None, min_length=1, max_length=32,
                                 description="pjlink: the projector's PJLink password, if it has one.")
    device: str | None = Field(None, min_length=1,
                               description="cec: the CEC adapter, e.g. /dev/cec0 (the default).")
    display: int | None = Field(None, ge=1, le=32,
                                description="ddc: ddcutil's display number (see `ddcutil detect`).")
    output: str | None = Field(None, min_length=1,
                               description="wayland: the output to switch, e.g. HDMI-A-1 (default: all).")
    timeout_seconds: float = Field(DEFAULT_TIMEOUT_S, ge=0.1, le=60,
                                   description="How long one command may take before it counts as failed.")

    @model_validator(mode="after")
    def _keys_fit_the_method(self) -> DevicePower:
        if self.method == "pjlink" and not self.host:
            raise PydanticCustomError(
                "value_error", "a pjlink device needs 'host', the projector's network address",
                {"hint": "add a line such as 'host: 192.168.1.50'"})
        for key in sorted(self.model_fields_set):
            owner = OWN_KEYS.get(key)
            if owner is not None and owner != self.method:
                raise PydanticCustomError(
                    "value_error", "'{key}' is only used with method {owner}, not {method}",
                    {"key": key, "owner": owner, "method": self.method,
                     "hint": f"delete '{key}', or set 'method: {owner}'"})
        return self

    @property
    def label(self) -> str:
        """The device's name in logs and metrics."""
        if self.name:
            return self.name
        if self.method == "pjlink":
            return f"pjlink {self.host}" + (f":{self.port}" if self.port != PORT else "")
        if self.method == "cec" and self.device:
            return f"cec {self.device}"
        if self.method == "ddc" and self.display:
            return f"ddc display {self.display}"
        if self.method == "wayland" and self.output:
            return f"wayland {self.output}"
        return self.method


def as_device_list(value: Any) -> Any:
    """`display_power: ddc` and a single mapping are both a list of one device; in a list, a
    method alone stands for a device with that method."""
    if isinstance(value, (str, dict)):
        value = [value]
    if isinstance(value, list):
        return [{"method": item} if isinstance(item, str) else item for item in value]
    return value


def duplicate_labels(devices: list[DevicePower]) -> list[str]:
    seen: set[str] = set()
    twice = []
    for device in devices:
        if device.label in seen:
            twice.append(device.label)
        seen.add(device.label)
    return twice


def resolve(device: DevicePower, environ: Mapping[str, str] | None = None,
            which: Callable[[str], str | None] = shutil.which) -> DevicePower:
    """`auto` made concrete for this session: x11, wayland or none."""
    if device.method != "auto":
        return device
    environ = os.environ if environ is None else environ
    if environ.get("DISPLAY") and which("xset"):
        method = "x11"
    elif environ.get("WAYLAND_DISPLAY") and which("wlopm"):
        method = "wayland"
    else:
        method = "none"
    return device.model_copy(update={"method": method})


def why_auto_found_nothing(environ: Mapping[str, str] | None = None,
                           which: Callable[[str], str | None] = shutil.which) -> str:
    """Why `auto` cannot switch the display here, in one sentence with what to install."""
    environ = os.environ if environ is None else environ
    if environ.get("WAYLAND_DISPLAY"):
        return ("Wayland without wlopm: install wlopm and use a compositor with "
                "wlr-output-power-management such as labwc (cage cannot blank the screen)")
    if environ.get("DISPLAY"):
        return "X11 without xset: install it (apt install x11-xserver-utils)"
    return "no display session here (no DISPLAY or WAYLAND_DISPLAY)"


def command_for(device: DevicePower, on: bool, tool: str) -> list[list[str]]:
    """The commands that switch a local device (x11, wayland, cec, ddc) on or off, in order."""
    if device.method == "x11":
        # `xset dpms force` also starts the X server's own power saving: after waking it is
        # turned off again, so only the kiosk puts the display to sleep.
        return [[tool, "dpms", "force", "on"], [tool, "-dpms"]] if on else [[tool, "dpms", "force", "off"]]
    if device.method == "wayland":
        return [[tool, "--on" if on else "--off", device.output or "*"]]
    if device.method == "cec":
        return [[tool, "-d", device.device or "/dev/cec0", "--playback", "--to", "0",
                 "--image-view-on" if on else "--standby"]]
    if device.method == "ddc":
        display = ["--display", str(device.display)] if device.display else []
        return [[tool, *display, "--noverify", "setvcp", "D6", "01" if on else "04"]]
    raise ValueError(f"{device.method} is not a local method")
