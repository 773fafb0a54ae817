"""Copying one file out of the content folder: no link followed, only ordinary files, in the kernel.

The content folder may hold anything a pull or a USB stick brings: a link to /etc/shadow, a pipe
named like a picture, a folder replaced by a link. Each part of a path is opened relative to the
folder above it with O_NOFOLLOW, the file itself without waiting (a pipe or device is refused
before anything is read), and the opened file must be an ordinary one. The bytes are copied by
the kernel (`copy_file_range`, which clones the file on file systems that can, such as Btrfs and
XFS), so a large film never passes through the kiosk's memory.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat

DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
COPY_CHUNK = 64 * 1024 * 1024
FALLBACK_CHUNK = 1024 * 1024
HEAD_BYTES = 16


class Refused(Exception):
    """A content file that is not copied, in words for staff."""

    def __init__(self, relative: str, message: str, hint: str = "") -> None:
        super().__init__(f"{relative}: {message}")
        self.relative = relative
        self.message = message
        self.hint = hint


class Changed(Exception):
    """A file vanished or changed size while it was being copied: the folder is still changing."""


def _refusal(relative: str, error: OSError) -> Refused:
    if error.errno == errno.ELOOP:
        return Refused(relative, f"{relative} is a link, or lies in a linked folder; links are not shown",
                       "put the file itself in the content folder instead of a link to it")
    if error.errno == errno.ENOTDIR:
        return Refused(relative, f"cannot read {relative}: part of its path is not a folder")
    if error.errno in (errno.EACCES, errno.EPERM):
        return Refused(relative, f"cannot read {relative}: permission denied",
                       "make the file readable by the kiosk's user")
    reason = error.strerror or type(error).__name__
    return Refused(relative, f"cannot read {relative}: {reason[:1].lower()}{reason[1:]}")


def _through_a_link(folder: int, folders: list[str]) -> bool:
    """Whether one of these folders below `folder` is a link (opening it refused as 'not a folder')."""
    for depth in range(1, len(folders) + 1):
        try:
            if stat.S_ISLNK(os.lstat("/".join(folders[:depth]), dir_fd=folder).st_mode):
                return True
        except OSError:
            return False
    return False


def open_below(folder: int, relative: str) -> tuple[int, os.stat_result]:
    """The ordinary file at `relative` below the open folder `folder`, and its metadata.

    Raises Refused (a link, a pipe, a device, unreadable) or Changed (it is gone)."""
    *folders, name = relative.split("/")
    if not name or any(part in ("", ".", "..") for part in folders) or name in (".", ".."):
        raise Refused(relative, f"'{relative}' is not a plain path inside the content folder")
    opened: list[int] = []
    try:
        current = folder
        for part in folders:
            current = os.open(part, DIRECTORY_FLAGS, dir_fd=current)
            opened.append(current)
        descriptor = os.open(name, READ_FLAGS, dir_fd=current)
    except FileNotFoundError:
        raise Changed(f"{relative} is gone") from None
    except OSError as error:
        if error.errno == errno.ENOTDIR and _through_a_link(folder, folders):
            error = OSError(errno.ELOOP, os.strerror(errno.ELOOP))
        raise _refusal(relative, error) from None
    finally:
        for descriptor_of_folder in opened:
            os.close(descriptor_of_folder)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(relative, f"{relative} is not an ordinary file; only ordinary files are shown",
                          "put the real file in its place")
        os.set_blocking(descriptor, True)
    except OSError as error:
        os.close(descriptor)
        raise _refusal(relative, error) from None
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info


def make_folders(folder: int, relative: str) -> int:
    """Open (creating as needed) the folders of `relative` below `folder`; the caller closes it."""
    *folders, _name = relative.split("/")
    current = os.dup(folder)
    for part in folders:
        with contextlib.suppress(FileExistsError):
            os.mkdir(part, 0o755, dir_fd=current)
        try:
            below = os.open(part, DIRECTORY_FLAGS, dir_fd=current)
        finally:
            os.close(current)
        current = below
    return current


def copy_contents(source: int, target: int, size: int) -> None:
    """Copy `size` bytes from the start of `source` to `target` in the kernel (reflink if possible)."""
    copied = 0
    try:
        while copied < size:
            count = os.copy_file_range(source, target, min(COPY_CHUNK, size - copied), copied, copied)
            if count == 0:
                break
            copied += count
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):
            raise
        while copied < size:  # file systems without copy_file_range: plain reads and writes
            chunk = os.pread(source, min(FALLBACK_CHUNK, size - copied), copied)
            if not chunk:
                break
            os.pwrite(target, chunk, copied)
            copied += len(chunk)
    if copied != size:
        raise Changed("a file became shorter while it was copied")


def write_copy(source: int, info: os.stat_result, target_folder: int, relative: str) -> None:
    """Write the open ordinary file `source` (as `info` describes it) to `relative` below a folder.

    Raises Changed when the source became shorter meanwhile, OSError when the copy cannot be
    written. The copy keeps the source's modification time and is on disk when this returns."""
    folder = make_folders(target_folder, relative)
    try:
        target = os.open(relative.rsplit("/", 1)[-1], WRITE_FLAGS, 0o644, dir_fd=folder)
    finally:
        os.close(folder)
    try:
        copy_contents(source, target, info.st_size)
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
        os.fsync(target)
    finally:
        os.close(target)


def link_below(source_folder: int, target_folder: int, relative: str) -> None:
    """Hard-link a file of an earlier checked copy into a new one (both are the kiosk's own)."""
    folder = make_folders(target_folder, relative)
    name = relative.rsplit("/", 1)[-1]
    try:
        os.link(relative, name, src_dir_fd=source_folder, dst_dir_fd=folder, follow_symlinks=False)
    finally:
        os.close(folder)


def same_contents(first: int, second: int, size: int) -> bool:
    """Whether two open files hold the same `size` bytes (read in chunks, never whole)."""
    offset = 0
    while offset < size:
        count = min(FALLBACK_CHUNK, size - offset)
        chunk = os.pread(first, count, offset)
        if not chunk or chunk != os.pread(second, count, offset):
            return False
        offset += len(chunk)
    return True


def read_head(folder: int, relative: str) -> bytes:
    """The first bytes of a file below an open folder (no link followed)."""
    descriptor, _info = open_below(folder, relative)
    try:
        return os.pread(descriptor, HEAD_BYTES, 0)
    finally:
        os.close(descriptor)
