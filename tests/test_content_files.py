"""Files the checker cannot read, or must not: pipes, sockets, unreadable files and folders, links out of
the folder, alias bombs of long text, disk errors. Each is a content error at its path, found at once;
`kiosk validate` prints it and exits 1, never hangs and never shows a traceback."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main as kiosk_main
from kiosk.content.load import load_exhibition
from kiosk.content.yaml_nodes import MAX_ALIAS_TEXT
from tests.content_factory import ATTRACT_MEDIA, EXHIBITION, make_content

REPO = Path(__file__).resolve().parent.parent
HANG = 60
"""Seconds after which `kiosk validate` is taken to hang (it needs about one)."""


AS_NOBODY = """\
import contextlib, io, os
import kiosk.cli
with contextlib.redirect_stdout(io.StringIO()):
    kiosk.cli.main(["validate", sys.argv[1]])  # first as root, so that every module it needs is loaded
if os.geteuid() == 0:  # root reads anything: go on as an ordinary account, like the kiosk's own
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
"""


def validate(root: Path, *, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """`kiosk validate root` in a child process that runs `prelude` first; a hang fails the test."""
    script = f"import sys\n{prelude}from kiosk.cli import main\nsys.exit(main(['validate', sys.argv[1]]))\n"
    try:
        return subprocess.run(
            [sys.executable, "-c", script, str(root)], capture_output=True, text=True, cwd=root.parent,
            timeout=HANG, check=False,
            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"kiosk validate {root} still running after {HANG} s: it hangs")


def printed_error(result: subprocess.CompletedProcess[str], line: str) -> None:
    """The run printed `line` among its errors, exited 1 and showed no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert line in result.stdout.splitlines(), result.stdout + result.stderr
    assert result.returncode == 1, result.stdout + result.stderr


@pytest.fixture
def shared_root() -> Iterator[Path]:
    """A valid content folder that another account can read (pytest's own folders are private)."""
    with tempfile.TemporaryDirectory() as base:
        root = make_content(Path(base) / "content")
        for folder in (Path(base), *(p for p in root.rglob("*") if p.is_dir()), root):
            folder.chmod(0o755)
        for file in root.rglob("*"):
            if file.is_file():
                file.chmod(0o644)
        yield root


def make_pipe(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def make_socket(path: Path) -> None:
    path.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as short, socket.socket(socket.AF_UNIX) as listener:
        listener.bind(f"{short}/s")  # socket paths are limited to about 100 bytes: bind, then move
        os.rename(f"{short}/s", path)


@pytest.mark.parametrize(
    ("name", "make", "line"),
    [
        ("floors/9-x.yaml", make_pipe,
         "content/floors/9-x.yaml: error: floors/9-x.yaml is not a regular file (a pipe); "
         "only ordinary files are read (put the real file in its place)"),
        ("exhibition.yaml", make_pipe,
         "content/exhibition.yaml: error: exhibition.yaml is not a regular file (a pipe); "
         "only ordinary files are read (put the real file in its place)"),
        ("floors/1-ground.yaml", make_socket,
         "content/floors/1-ground.yaml: error: floors/1-ground.yaml is not a regular file (a socket); "
         "only ordinary files are read (put the real file in its place)"),
        ("media/map.png", make_pipe,
         "content/floors/1-ground.yaml:17:16: error: 'media/map.png' is not a regular file (a pipe); "
         "only ordinary files are read (put the real file in its place)"),
    ],
)
def test_a_pipe_or_socket_is_an_error_at_its_path_found_without_waiting(
    tmp_path: Path, name: str, make: Callable[[Path], None], line: str
) -> None:
    root = make_content(tmp_path / "content")
    make(root / name)
    printed_error(validate(root), line)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("floors/1-ground.yaml",
         "content/floors/1-ground.yaml: error: cannot read floors/1-ground.yaml: permission denied "
         "(make the file readable by the kiosk's user)"),
        ("exhibition.yaml",
         "content/exhibition.yaml: error: cannot read exhibition.yaml: permission denied "
         "(make the file readable by the kiosk's user)"),
        ("media/map.png",
         "content/floors/1-ground.yaml:17:16: error: cannot read 'media/map.png': permission denied "
         "(make the file readable by the kiosk's user)"),
        ("media/film.en.vtt",
         "content/floors/1-ground.yaml:24:24: error: cannot read 'media/film.en.vtt': permission denied "
         "(make the file readable by the kiosk's user)"),
        ("floors",
         "content/floors: error: cannot read floors/: permission denied "
         "(make the folder readable by the kiosk's user)"),
    ],
)
def test_an_unreadable_file_or_folder_is_an_error_at_its_path(
    shared_root: Path, name: str, line: str
) -> None:
    (shared_root / name).chmod(0o000)
    result = validate(shared_root, prelude=AS_NOBODY)
    printed_error(result, line)
    assert len([row for row in result.stdout.splitlines() if ": error: " in row]) == 1, result.stdout


def test_a_content_folder_inside_a_closed_folder_is_a_plain_message_not_a_traceback(
    shared_root: Path,
) -> None:
    shared_root.parent.chmod(0o700)  # the account cannot enter the folder above the content
    result = validate(shared_root, prelude=AS_NOBODY)
    assert "Traceback" not in result.stderr, result.stderr
    assert "is not a folder this user can open" in result.stderr
    assert result.returncode == 2


def test_exhibition_yaml_linked_outside_the_content_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "content")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(EXHIBITION, encoding="utf-8")
    (root / "exhibition.yaml").unlink()
    (root / "exhibition.yaml").symlink_to(outside)
    result = load_exhibition(root)
    assert result.exhibition is None
    assert [p.format() for p in result.errors] == [
        "content/exhibition.yaml: error: this file links outside the content folder "
        "(copy the file into the content folder instead of linking to it)"
    ]
    monkeypatch.chdir(tmp_path)  # kiosk validate names files from the current folder
    assert kiosk_main(["validate", str(root)]) == 1
    assert result.errors[0].format() in capsys.readouterr().out.splitlines()


MEMORY_LIMIT = """\
import resource, tracemalloc
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
tracemalloc.start()
import atexit
atexit.register(lambda: print("python heap peak", tracemalloc.get_traced_memory()[1], file=sys.stderr))
"""


def test_aliases_repeating_a_long_text_stop_at_once_with_little_memory(tmp_path: Path) -> None:
    """160 KB: one 100 KB text and 15,000 aliases to it, which would be 1.5 GB of text (and more in
    the messages about it); the load stops at the alias that passes the limit, before building data."""
    long_text = "x" * 100_000
    aliases = ", ".join(["*s"] * 15_000)
    exhibition = EXHIBITION.replace(ATTRACT_MEDIA, f"media: [&s {long_text}, {aliases}]")
    root = make_content(tmp_path / "content", exhibition=exhibition)
    assert 150_000 < (root / "exhibition.yaml").stat().st_size < 170_000
    result = validate(root, prelude=MEMORY_LIMIT)
    passing = MAX_ALIAS_TEXT // len(long_text) + 1  # the alias that takes the repeated text past the limit
    column = len("  media: [&s ") + len(long_text) + len(", ") + (passing - 1) * len("*s, ") + 1
    printed_error(
        result,
        f"content/exhibition.yaml:8:{column}: error: this file repeats text through aliases too much "
        f"(more than {MAX_ALIAS_TEXT:,} characters) (write the text out where it is needed instead of "
        "repeating it with anchors (&) and aliases (*))",
    )
    peak = int(result.stderr.rsplit("python heap peak", 1)[1])
    assert peak < 64 * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MB of Python heap"


def fail_on(monkeypatch: pytest.MonkeyPatch, target: Path, *names: str) -> None:
    """Make the os functions `names` fail with a disk error for `target`, as a failing disk would."""
    for name in names:
        real = getattr(os, name)

        def failing(path: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            if isinstance(path, (str, os.PathLike)) and os.fspath(path) == str(target):
                raise OSError(errno.EIO, "Input/output error", os.fspath(path))
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, failing)


@pytest.mark.parametrize(
    ("name", "calls", "line"),
    [
        ("floors", ("listdir", "scandir"),
         "content/floors: error: cannot read floors/: the disk reported an error "
         "(check the disk, then copy the folder again)"),
        ("exhibition.yaml", ("stat", "lstat", "open"),
         "content/exhibition.yaml: error: cannot read exhibition.yaml: the disk reported an error "
         "(check the disk, then copy the file again)"),
        ("media/map.png", ("stat", "open"),
         "content/floors/1-ground.yaml:17:16: error: cannot read 'media/map.png': the disk reported an "
         "error (check the disk, then copy the file again)"),
    ],
)
def test_a_disk_error_while_reading_the_folder_is_an_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    name: str, calls: tuple[str, ...], line: str,
) -> None:
    root = make_content(tmp_path.resolve() / "content")
    fail_on(monkeypatch, root / name, *calls)
    result = load_exhibition(root)
    assert result.exhibition is None
    assert [p.format() for p in result.errors] == [line]
    monkeypatch.chdir(tmp_path.resolve())  # kiosk validate names files from the current folder
    assert kiosk_main(["validate", str(root)]) == 1
    assert line in capsys.readouterr().out.splitlines()
