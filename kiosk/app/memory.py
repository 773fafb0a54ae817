"""Memory of a process that runs for months: what made it grow, and what the kiosk does about it.

Measured with bench/ui_memory.py (random visitor moves, films included; resting memory is read
on the attract loop between two visits, peak memory over all moves) in the offscreen rig:
resting RSS grew by 76 MB over the first 2,000 moves (262 -> 338 MB; 75.8 MB over 10,000) and
the peak passed 320 MB. With what follows: +2.9 MB over 10,000 moves (208 -> 211 MB), peak
286 MB, and RSS during visits 187-215 MB instead of 234-307 MB.

- **Font files.** FreeType maps a whole font file into memory for each font face Qt opens, and
  every page the text of a visit touches then counts in the kiosk's resident size. The Chinese
  fonts are 20 MB files holding ten faces each. Qt opened the Chinese face and, for Chinese
  characters in Latin text, fontconfig's first CJK fallback, the Japanese face of the same file;
  and it closed and reopened faces as its font cache let them go, so up to seven mappings of
  one file were resident at once. Of the 76 MB, 56 MB were font file pages, and 9.5 MB of the
  kiosk's own allocations were FreeType's data for the extra faces (heaptrack). None of it
  leaked: font file pages belong to the system's file cache (clean, shared, reclaimable) and
  Qt closes the faces it no longer uses. Now the Theme makes the exhibition's Chinese font the
  substitute for its Latin one (one face per file, and Chinese glyph forms), and at the end of
  a visit `release_free_memory` lets the font pages go from the kiosk's resident set
  (`release_font_pages`); they stay in the file cache, so the next visit reads no disk.

- **Large blocks.** Opening a large picture or a film allocates tens of MB for a moment. With
  glibc's default, freeing one large block raises the size from which blocks are mapped on their
  own (up to 32 MB), so the next pictures' buffers came from the heap and stayed there after
  they were freed, adding to the peak until the visit ended. `configure_malloc` fixes that size
  at 4 MB: a decoded picture or video frame of 4 MB or more is mapped on its own and goes back
  to the system the moment it is freed (peak over 400 moves 301 -> 277 MB; a film plays with
  the same CPU time). What the heap still keeps, `release_free_memory` gives back (malloc_trim)
  when a visit ends, so the footprint returns to its resting size between visitors.

- **Pictures decoded at full size.** Qt decodes a PNG only at full size: the 4096 x 4096 plan
  took 67-80 MB for a moment each time it appeared, even on a card. It is now shown from a copy
  Qt decodes at the size shown (`kiosk.app.display_copies`).

- **Malloc arenas.** Film decoding runs on several threads. With glibc's default, each thread
  may get its own malloc arena, and freed decoder buffers stay spread over them: resident
  memory crept up by about 0.1 MB per film shown, although nothing leaked. Two arenas keep it
  flat (`configure_malloc`, called before Qt starts).

Not the cause: Qt Quick's pixmap cache (it keeps at most 2 MB of pictures no longer shown, for
30 s), Python objects (their number stays the same from visit to visit), QML components.
`QQuickWindow.releaseResources()` and `trimComponentCache()` at the end of a visit gave back
3-4 MB on a real display, at the price of rebuilding pipelines for the next visitor: not used.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from pathlib import Path

log = logging.getLogger("kiosk.memory")

M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
M_ARENA_MAX = -8
LARGE_BLOCK = 4 * 1024 * 1024
"""Blocks from this size up are mapped on their own and returned to the system when freed."""
MADV_DONTNEED = 4  # from the kernel's mman.h
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc", ".pfa", ".pfb", ".pcf", ".woff", ".woff2")
"""Files FreeType maps in: the font formats fontconfig finds on a Debian or Ubuntu system."""


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def release_free_memory() -> bool:
    """Hand back what a visit needed only for a while: freed heap memory (glibc's malloc_trim)
    and the pages of font files the visit's text touched (`release_font_pages`).

    Called when a visit ends, so the kiosk's footprint returns to its resting size between
    visitors instead of creeping up over weeks. True when memory went back; never raises."""
    libc = _libc()
    if libc is None:
        return False
    try:
        trimmed = bool(libc.malloc_trim(0))
    except AttributeError:
        trimmed = False
    return release_font_pages() > 0 or trimmed


def font_mappings(maps: Path = Path("/proc/self/maps")) -> list[tuple[int, int, str]]:
    """The read-only font file mappings of this process: (start, end, path)."""
    found: list[tuple[int, int, str]] = []
    try:
        lines = maps.read_text(errors="replace").splitlines()
    except OSError:
        return found
    for line in lines:
        parts = line.split(maxsplit=5)
        # only private, read-only mappings: their pages are the file's, never changed in memory
        if len(parts) < 6 or parts[1] != "r--p" or not parts[5].lower().endswith(FONT_SUFFIXES):
            continue
        start, _, end = parts[0].partition("-")
        found.append((int(start, 16), int(end, 16), parts[5]))
    return found


def release_font_pages() -> int:
    """Let the pages of mapped font files go from this process's resident set; the bytes of
    mappings released.

    A read-only private mapping never holds changed pages, so this loses nothing: the next
    glyph read maps the page again from the file cache (no disk read while the system keeps it
    there), and another thread reading a font meanwhile only takes a page fault. Call it on the
    GUI thread: Qt opens and closes the kiosk's font faces there (the render thread's own faces
    stay open for the life of the window), so no mapping is replaced while this runs."""
    libc = _libc()
    if libc is None:
        return 0
    libc.madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    libc.madvise.restype = ctypes.c_int
    released = 0
    for start, end, _ in font_mappings():
        if libc.madvise(start, end - start, MADV_DONTNEED) == 0:
            released += end - start
    return released


def configure_malloc() -> bool:
    """Two malloc arenas and large blocks returned when freed; call before any threads start.
    False where not applicable (not glibc)."""
    arenas = limit_malloc_arenas()
    return return_large_blocks() and arenas


def return_large_blocks(size: int = LARGE_BLOCK) -> bool:
    """Map blocks of `size` bytes and more on their own, so they go back to the system when freed
    (this also stops glibc from raising that size after each large block it frees)."""
    libc = _libc()
    if libc is None:
        return False
    try:
        return bool(libc.mallopt(M_MMAP_THRESHOLD, size))
    except AttributeError:
        return False


def limit_malloc_arenas(count: int = 2) -> bool:
    """Cap glibc's malloc arenas; call before any threads start. False where not applicable."""
    libc = _libc()
    if libc is None:
        return False
    try:
        done = bool(libc.mallopt(M_ARENA_MAX, count))
    except AttributeError:
        return False
    if not done:
        log.info("could not limit malloc arenas (not glibc?)")
    return done
