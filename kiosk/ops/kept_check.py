"""The content check's answer, kept with the checked copy it made, for the next start.

A kiosk restarts (after a crash, an update, a reboot, every morning with the opening hours) far
more often than its content changes. Each start used to read every YAML file again, build the
content models' validators and check every field: about a third of the time to the first frame.
When the content folder is exactly as it was when the current checked copy was made (the same
fingerprint, every copied file still there at its size: `snapshot._holds`), the answer of that
check still holds, so it is kept next to the copy (`.check.pickle`) and read back instead.

The file is the kiosk's own state, in its owner-only state folder, written once by the kiosk
after a successful check and replaced in one rename; it is never content and never comes from
outside. It is used only when it names the same fingerprint, the same kiosk code (the content
modules' sizes and times, the kiosk and Python versions) and, for a start that checks films and
sounds, a check that did so too. Anything else, including a file that cannot be read, means the
content is checked again as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
from pathlib import Path

import kiosk
from kiosk.content.load import LoadResult

log = logging.getLogger("kiosk.snapshot")

KEPT_CHECK = ".check.pickle"


def code_stamp() -> str:
    """The kiosk and Python versions and the content modules as installed: a kept answer holds
    only for the code that gave it."""
    folder = Path(__file__).resolve().parent.parent / "content"
    parts = [kiosk.__version__, sys.version]
    try:
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if entry.name.endswith(".py"):
                found = entry.stat()
                parts.append(f"{entry.name}:{found.st_size}:{found.st_mtime_ns}")
    except OSError:
        return "unknown"
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def read(copy: Path, expected: str, probed: bool) -> LoadResult | None:
    """The kept answer for content with fingerprint `expected`, or None (check again)."""
    try:
        with open(copy / KEPT_CHECK, "rb") as file:
            kept = pickle.load(file)  # the kiosk's own file, owner-only
    except FileNotFoundError:
        return None
    except Exception as error:  # damaged or outdated: check again
        log.info("the kept content check in %s cannot be used (%s); checking again", copy, error)
        return None
    if not isinstance(kept, dict) or kept.get("fingerprint") != expected or kept.get("code") != code_stamp():
        return None
    if probed and not kept.get("probed"):
        return None
    result = kept.get("result")
    if not isinstance(result, LoadResult) or result.exhibition is None:
        return None
    return result


def write(copy: Path, expected: str, result: LoadResult, probed: bool) -> None:
    """Keep the answer of a good check next to its copy; never raises (it is only a shortcut)."""
    if result.exhibition is None:
        return
    partial = copy / f"{KEPT_CHECK}.{os.getpid()}"
    try:
        data = pickle.dumps({"fingerprint": expected, "code": code_stamp(), "probed": probed,
                             "result": result}, protocol=pickle.HIGHEST_PROTOCOL)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(partial, copy / KEPT_CHECK)
    except Exception as error:  # the next start checks again
        log.info("could not keep the content check in %s: %s", copy, error)
        with contextlib.suppress(OSError):
            partial.unlink()
