"""Plumbing every part of the kiosk shares: where files live (`paths`), work off the GUI thread
(`worker`) and the log (`logs`). Nothing here knows about exhibitions or screens."""
