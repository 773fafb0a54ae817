"""Lengths of time for staff are written one way everywhere: the staff panel and `kiosk status`."""

from __future__ import annotations

import kiosk.fleet.status as status
from kiosk.base.durations import format_duration


def test_lengths_of_time_read_well() -> None:
    assert format_duration(0) == "0 s"
    assert format_duration(42.9) == "42 s"
    assert format_duration(3 * 60) == "3 min"
    assert format_duration(3 * 60 + 20) == "3 min"
    assert format_duration(2 * 3600 + 14 * 60) == "2 h 14 min"
    assert format_duration(50 * 3600) == "2 d 2 h"
    assert format_duration(-5) == "0 s"  # a clock set back


def test_the_staff_panel_and_kiosk_status_share_it() -> None:
    from kiosk.ops import staff

    assert staff.format_duration is format_duration
    assert status.format_duration is format_duration
