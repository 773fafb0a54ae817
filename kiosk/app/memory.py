"""Memory settings for a process that runs for months.

Film decoding runs on several threads. With glibc's default, each thread may get its own malloc
arena, and freed decoder buffers stay spread over them: resident memory creeps up by about 0.1 MB
per film shown, although nothing leaks. Two arenas keep it flat (measured in bench/ui_memory.py).
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("kiosk.memory")

M_ARENA_MAX = -8  # from glibc's malloc.h


def release_free_memory() -> bool:
    """Give freed heap memory back to the system (glibc's malloc_trim).

    Opening a large picture or a film allocates tens of MB for a moment; after it is freed,
    glibc keeps much of it. Called when a visit ends, so the kiosk's footprint returns to its
    resting size between visitors instead of creeping up over weeks."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL(None).malloc_trim(0))
    except (OSError, AttributeError):
        return False


def limit_malloc_arenas(count: int = 2) -> bool:
    """Cap glibc's malloc arenas; call before any threads start. False where not applicable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        done = bool(libc.mallopt(M_ARENA_MAX, count))
    except (OSError, AttributeError):
        return False
    if not done:
        log.info("could not limit malloc arenas (not glibc?)")
    return done
