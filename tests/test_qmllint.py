"""Every QML file passes `pyside6-qmllint`, with the Python-registered `Kiosk` module described.

The description (qmldir + Kiosk.qmltypes) is written from the live registered classes into a
temporary folder first, so the linter checks every `Theme.` and `Navigator.` access too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
QML = REPO / "kiosk" / "qml"
QMLLINT = Path(sys.executable).parent / "pyside6-qmllint"


@pytest.fixture(scope="module")
def kiosk_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qml-import")
    env = {**os.environ, "QT_LOGGING_RULES": "qt.multimedia.*=false"}
    subprocess.run([sys.executable, "-m", "kiosk.app.qmltypes", str(folder)], check=True,
                   cwd=REPO, env=env, capture_output=True)
    assert (folder / "Kiosk" / "Kiosk.qmltypes").is_file()
    return folder


def qml_files() -> list[Path]:
    return sorted(QML.rglob("*.qml"))


def test_there_is_qml_to_lint() -> None:
    names = {path.name for path in qml_files()}
    assert {"Main.qml", "HomeScreen.qml", "ExhibitFallback.qml"} <= names


@pytest.mark.parametrize("name", [str(path.relative_to(QML)) for path in qml_files()])
def test_qml_file_lints_clean(kiosk_module: Path, name: str) -> None:
    result = subprocess.run([str(QMLLINT), "-I", str(kiosk_module), name], cwd=QML,
                            capture_output=True, text=True)
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and not report, report
