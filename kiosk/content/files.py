"""Opening content files safely: only ordinary files, never waiting, every failure in plain words.

A pipe, a socket or a device named like a content file would make an ordinary open() wait forever or
talk to hardware, so every file is looked at first and opened without waiting, and the opened file is
looked at again (it may have been swapped in between). Links are followed only inside the content
folder. Every OSError becomes a FileProblem that names the file and says what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
"""Read only, without waiting for a writer (pipes) or a device, never becoming a terminal's owner."""

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "it does not exist",
    errno.ENOTDIR: "part of its path is not a folder",
    errno.ELOOP: "its links go round in a loop",
    errno.ENAMETOOLONG: "its name is too long",
    errno.EIO: "the disk reported an error",
    errno.ENXIO: "it is not a file that can be read",
    errno.ESTALE: "the network share is no longer there",
    errno.ENOMEM: "the computer is out of memory",
    errno.EMFILE: "the kiosk has too many files open",
    errno.ENFILE: "the computer has too many files open",
}

_HINTS = {
    errno.EACCES: "make the {what} readable by the kiosk's user",
    errno.EPERM: "make the {what} readable by the kiosk's user",
    errno.ENOENT: "if it is a link, put the real {what} in its place; otherwise check again",
    errno.ELOOP: "replace the link with the real {what}",
    errno.EIO: "check the disk, then copy the {what} again",
    errno.ESTALE: "reconnect the share, then check again",
}


class FileProblem(Exception):
    """A content file or folder that cannot be used, in words for staff."""

    def __init__(self, message: str, hint: str = "", error: OSError | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.errno = error.errno if error is not None else None


def reason(error: OSError) -> str:
    """What went wrong, in plain words ("permission denied")."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def cannot_read(shown: str, error: OSError, *, folder: bool = False) -> FileProblem:
    """'cannot read floors/1-history.yaml: permission denied', with what to do about it."""
    what = "folder" if folder else "file"
    hint = _HINTS.get(error.errno or 0, "").format(what=what)
    return FileProblem(f"cannot read {shown}: {reason(error)}", hint, error)


def kind_of(mode: int) -> str:
    """What a file is, for a message: 'a pipe', 'a socket', 'a device', 'a folder'."""
    if stat.S_ISREG(mode):
        return "an ordinary file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISLNK(mode):
        return "a link"
    return "a special file"


def not_regular(shown: str, mode: int) -> FileProblem:
    return FileProblem(
        f"{shown} is not a regular file ({kind_of(mode)}); only ordinary files are read",
        "put the real file in its place",
    )


def resolve_inside(path: Path, root: Path) -> Path | None:
    """`path` with its links followed, or None when that leads outside `root` (a resolved folder).

    Raises OSError when the links go round in a loop."""
    try:
        resolved = path.resolve()
    except RuntimeError as error:  # how Python before 3.13 reports a link loop
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from error
    return resolved if resolved.is_relative_to(root) else None


def exists(path: Path, shown: str) -> bool:
    """Whether a file (or a link to one) is at `path`; FileProblem when that cannot be told."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise cannot_read(shown, error) from None
    return True


def _open(path: Path, shown: str) -> tuple[int, os.stat_result]:
    """A descriptor of the ordinary file at `path`, opened without waiting, and its metadata."""
    try:
        before = os.stat(path)
    except OSError as error:
        raise cannot_read(shown, error) from None
    if not stat.S_ISREG(before.st_mode):
        raise not_regular(shown, before.st_mode)
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except OSError as error:
        raise cannot_read(shown, error) from None
    try:
        opened = os.fstat(descriptor)
    except OSError as error:
        os.close(descriptor)
        raise cannot_read(shown, error) from None
    if not stat.S_ISREG(opened.st_mode):  # another file took its place after it was looked at
        os.close(descriptor)
        raise not_regular(shown, opened.st_mode)
    return descriptor, opened


@contextmanager
def open_regular(path: Path, shown: str) -> Iterator[tuple[BinaryIO, os.stat_result]]:
    """The ordinary file at `path`, open for reading, and its metadata; FileProblem otherwise.

    Never waits: a pipe, socket, device or folder is refused before it is opened, and the opened
    file is checked again in case another file took its place meanwhile."""
    descriptor, opened = _open(path, shown)
    try:
        os.set_blocking(descriptor, True)
        file = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with file:
        yield file, opened


def read_regular(path: Path, shown: str, limit: int) -> tuple[bytes, int]:
    """The first `limit` + 1 bytes of an ordinary file, and its size; FileProblem when unreadable."""
    with open_regular(path, shown) as (file, opened):
        if opened.st_size > limit:
            return b"", opened.st_size
        try:
            data = file.read(limit + 1)
        except OSError as error:
            raise cannot_read(shown, error) from None
    return data, max(opened.st_size, len(data))


def check_regular(path: Path, shown: str) -> os.stat_result:
    """Metadata of an ordinary file that the kiosk can open; FileProblem otherwise. Nothing is read."""
    descriptor, opened = _open(path, shown)
    os.close(descriptor)
    return opened


def list_folder(path: Path, shown: str) -> list[str] | None:
    """The names in a folder, None when there is no folder, FileProblem when it cannot be read."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise cannot_read(shown, error, folder=True) from None
    if not stat.S_ISDIR(info.st_mode):
        kind = kind_of(info.st_mode)
        raise FileProblem(f"{shown} is not a folder ({kind})", f"make {shown} a folder that holds the files")
    try:
        return os.listdir(path)
    except OSError as error:
        raise cannot_read(shown, error, folder=True) from None
