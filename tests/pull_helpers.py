"""A screen updated by the real content pull script, for the pull tests: a bare repository (the
exhibition's central copy), a staff clone that edits and pushes, and the screen's content path,
made by the script's first run: a link to one folder per version."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.content_factory import make_content
from tests.fleet_helpers import git, git_env, make_content_repo, run_pull


@dataclass
class Setup:
    env: dict[str, str]
    remote: Path
    staff: Path
    screen: Path
    metrics: Path
    first: str

    def pull(self, *args: str, screen: str = "hall-1") -> subprocess.CompletedProcess[str]:
        return run_pull(self.screen, *args, env=self.env, metrics_dir=self.metrics, screen=screen)

    def edit_title(self, title: str) -> None:
        path = self.staff / "exhibition.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("Test Hall", title, 1), encoding="utf-8")

    def head(self) -> str:
        return git(self.screen, "rev-parse", "HEAD", env=self.env)

    @property
    def store(self) -> Path:
        return self.screen.with_name(self.screen.name + ".store")

    @property
    def versions(self) -> Path:
        return self.store / "versions"

    def shown_folder(self) -> Path:
        """The version folder the content link leads to."""
        assert self.screen.is_symlink(), "the content path is a link"
        return self.screen.resolve(strict=True)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a work tree (without .git) and its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(folder).parts
    }


def make_setup(tmp_path: Path) -> Setup:
    env = git_env(tmp_path)
    remote, staff, screen = tmp_path / "exhibition.git", tmp_path / "staff", tmp_path / "screen"
    first = make_content_repo(remote, staff, make_content, env)
    cloned = run_pull(screen, "--clone", str(remote), env=env)
    assert cloned.returncode == 0, cloned.stderr
    return Setup(env, remote, staff, screen, tmp_path / "metrics", first)


def assert_whole_version(setup: Setup, commits: tuple[str, ...]) -> str:
    """The content link leads to a complete, unmodified check-out of one of `commits`; which."""
    head = setup.head()
    assert head in commits, f"the screen shows {head}, not one of {commits}"
    listed = set(git(setup.screen, "ls-tree", "-r", "--name-only", head, env=setup.env).splitlines())
    assert set(tree(setup.screen)) == listed
    assert git(setup.screen, "status", "--porcelain", "--untracked-files=all", env=setup.env) == ""
    return head
