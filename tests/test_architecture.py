"""The shape of the code: small modules, the layers of docs/architecture.md kept."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parent.parent / "kiosk"
LIMIT = 400


@pytest.mark.parametrize("suffix", [".py", ".qml"])
def test_no_module_is_over_400_lines(suffix: str) -> None:
    long = {str(path.relative_to(KIOSK)): lines for path in sorted(KIOSK.rglob(f"*{suffix}"))
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert long == {}, "split these by what they do"


def test_the_layers_are_kept() -> None:
    """The import contracts of pyproject.toml (import-linter; `make lint` runs them too)."""
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(linter), "--no-cache"], capture_output=True, text=True, check=False,
                            cwd=KIOSK.parent, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "4 kept, 0 broken" in result.stdout


def test_the_visitor_views_use_no_singleton_of_the_operations() -> None:
    """Main.qml, the screens, exhibits and components are the front end (`kiosk.app`), which works
    without the operations layer (`kiosk render`, a single exhibit view): only the operations
    overlay (kiosk/qml/ops) speaks to Idle, Staff and Hours."""
    singleton = re.compile(r"\b(Idle|Staff|Hours)\s*\.|target:\s*(Idle|Staff|Hours)\b")
    used = [f"{path.relative_to(KIOSK)}:{number}" for path in sorted((KIOSK / "qml").rglob("*.qml"))
            if path.parent.name != "ops"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if not line.strip().startswith("//") and singleton.search(line)]
    assert used == []
