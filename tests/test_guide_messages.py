"""The troubleshooting table of the staff guide shows the checker's messages as they are today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def guide_messages() -> ModuleType:
    spec = importlib.util.spec_from_file_location("guide_messages", REPO / "scripts" / "guide_messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("guide_messages", module)
    spec.loader.exec_module(module)
    return module


def test_the_guide_table_is_the_checkers_own_messages() -> None:
    script = guide_messages()
    guide = (REPO / "docs" / "content.md").read_text(encoding="utf-8")
    assert script.BEGIN in guide and script.END in guide
    assert script.with_table(guide, script.table()) == guide, "run: python scripts/guide_messages.py"


def test_each_common_mistake_has_its_own_message() -> None:
    script = guide_messages()
    messages = [script.first_message(mistake) for mistake in script.MISTAKES]
    assert len(set(messages)) == len(messages)
    # every mistake is an error, but for the missing words for a picture: a warning (it still shows)
    assert all(": error: " in message or (": warning: " in message and "alt text" in message)
               for message in messages)
    assert sum(": warning: " in message for message in messages) == 1
