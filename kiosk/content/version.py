"""Which version of the content a folder holds: its git commit, else a hash of its files.

The commit is read from the repository's files, without running git (a kiosk may not have
it installed): `.git` as a folder or as a file pointing elsewhere (worktrees, submodules),
HEAD as a branch or detached, the branch as a loose ref or in packed-refs. Both forms are
12 hex digits, so monitoring shows one short version string either way. A checked copy of the
content (kiosk.ops.snapshot) reports the version of the folder it was copied from, which it
records when it is made.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kiosk.content.fingerprint import fingerprint

SNAPSHOT_INFO = ".snapshot.json"
"""What a checked copy records about itself, in its own folder."""
VERSION_LENGTH = 12
_HEX_COMMIT = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_MAX_REF_HOPS = 8


def content_version(folder: Path) -> str:
    """The git commit (12 hex) when the folder is in a git work tree, else a content hash.

    A checked copy answers with the version it recorded; a folder that is not there with an
    empty string."""
    recorded = recorded_version(folder)
    if recorded:
        return recorded
    commit = git_commit(folder)
    if commit is not None:
        return commit[:VERSION_LENGTH]
    return fingerprint(folder) if folder.is_dir() else ""


def recorded_version(copy: Path) -> str:
    """The content version a checked copy was made from (an empty string for any other folder)."""
    try:
        info = json.loads((copy / SNAPSHOT_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    version = info.get("version") if isinstance(info, dict) else None
    return version if isinstance(version, str) and re.fullmatch(r"[0-9a-f]{12}", version) else ""


def git_commit(folder: Path) -> str | None:
    """The full commit id checked out in the work tree that holds `folder`, or None."""
    git_dir = find_git_dir(folder)
    if git_dir is None:
        return None
    common = _common_dir(git_dir)
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    for _ in range(_MAX_REF_HOPS):
        if _HEX_COMMIT.match(head):
            return head
        if not head.startswith("ref:"):
            return None
        resolved = _read_ref(head.removeprefix("ref:").strip(), git_dir, common)
        if resolved is None:
            return None  # a branch with no commit yet
        head = resolved
    return None


def find_git_dir(folder: Path) -> Path | None:
    """The repository folder for `folder`: the nearest `.git` above it, followed if a file."""
    try:
        start = folder.resolve()
    except OSError:
        return None
    for candidate in (start, *start.parents):
        dot_git = candidate / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            return _follow_gitdir_file(dot_git)
    return None


def _follow_gitdir_file(dot_git: Path) -> Path | None:
    """A worktree's or submodule's `.git` file: `gitdir: <path>`."""
    try:
        text = dot_git.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not text.startswith("gitdir:"):
        return None
    target = Path(text.removeprefix("gitdir:").strip())
    target = target if target.is_absolute() else (dot_git.parent / target)
    return target.resolve() if target.is_dir() else None


def _common_dir(git_dir: Path) -> Path:
    """Where a worktree's branches live: the main repository (named in `commondir`)."""
    try:
        text = (git_dir / "commondir").read_text(encoding="utf-8").strip()
    except OSError:
        return git_dir
    common = Path(text)
    return (common if common.is_absolute() else git_dir / common).resolve()


def _read_ref(name: str, git_dir: Path, common: Path) -> str | None:
    """A ref's value: a loose file (the worktree's own, then the shared one), then packed-refs."""
    if ".." in Path(name).parts:
        return None
    for base in (git_dir, common):
        try:
            return (base / name).read_text(encoding="utf-8").strip()
        except OSError:
            continue
    return _packed_ref(common / "packed-refs", name)


def _packed_ref(packed: Path, name: str) -> str | None:
    try:
        lines = packed.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        if not line or line.startswith(("#", "^")):
            continue
        commit, _, ref = line.partition(" ")
        if ref.strip() == name:
            return commit.strip()
    return None
