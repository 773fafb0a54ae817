"""Operations: what lets a kiosk run unattended (hours, staff access, safe reloads, logs, watchdog)."""
