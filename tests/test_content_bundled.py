"""The bundled exhibition, the schema copies, the command line, and the content core's independence."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from kiosk.cli import main
from kiosk.content.load import load_exhibition
from kiosk.content.model import EXHIBIT_TYPES
from kiosk.content.schema import FILE_NAMES, render_schema
from tests.content_factory import FLOOR, make_content

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


def test_bundled_exhibition_is_complete_and_clean() -> None:
    result = load_exhibition(CONTENT)
    assert [p.format() for p in result.problems] == []
    exhibition = result.exhibition
    assert exhibition is not None
    assert exhibition.settings.languages == ["en", "zh"]
    assert [floor.number for floor in exhibition.floors] == [1, 2, 3]
    exhibits = exhibition.exhibits()
    assert len(exhibits) >= 30
    assert {exhibit.type for exhibit in exhibits.values()} == set(EXHIBIT_TYPES)


def test_every_bundled_yaml_names_the_committed_schema() -> None:
    for path in [CONTENT / "exhibition.yaml", *sorted((CONTENT / "floors").glob("*.yaml"))]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert schema.is_file(), schema


def test_committed_schemas_match_the_models() -> None:
    for which, name in FILE_NAMES.items():
        committed = (CONTENT / "schema" / name).read_text(encoding="utf-8")
        assert committed == render_schema(which), f"run: kiosk schema --write content/schema ({name})"


def test_content_package_imports_no_qt() -> None:
    package = REPO / "kiosk" / "content"
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in names), path
    code = (
        "import sys, kiosk.content, kiosk.content.load;"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_validate_exit_codes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_content(tmp_path / "content")
    assert main(["validate", str(root)]) == 0
    assert "Content is valid" in capsys.readouterr().out

    (root / "floors" / "1-ground.yaml").write_text(FLOOR.replace("number: 1", "number: x"))
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    # a folder outside the current one is named in full, so that a click opens the file
    assert out[0].startswith(f"{root}/floors/1-ground.yaml:3:9: error: expected a whole number")
    assert out[-1] == "Content has errors: 1 error, 0 warnings."

    assert main(["validate", str(tmp_path / "nowhere")]) == 2


def test_usage_errors_exit_2() -> None:
    run = subprocess.run([sys.executable, "-m", "kiosk.cli", "validate", "--bogus"], capture_output=True)
    assert run.returncode == 2
    assert main([]) == 2


def test_schema_command_prints_json(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["schema", "floor"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Kiosk floor"
    assert "sections" in schema["properties"]
