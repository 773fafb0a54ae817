"""Every exhibit type is defined once (`kiosk.content.exhibit_types`): its model, view and word.

A type added in one place and forgotten in another (a model without a view, a view without a
word on the exhibit cards, a type the tests never show) is found here, not by a visitor.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

import pytest

from kiosk.content import exhibits, model
from kiosk.content.exhibit_types import BY_NAME, EXHIBIT_TYPES, REGISTRY, VIEWS, exhibit_type
from kiosk.words import MESSAGES

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"
EXHIBIT_VIEWS = KIOSK / "qml" / "exhibits"
ENGLISH = {message.key: message.text for message in MESSAGES}


def _union_members(annotated: Any) -> tuple[Any, ...]:
    assert get_origin(annotated) is Annotated
    return get_args(get_args(annotated)[0])


@pytest.mark.parametrize("kind", REGISTRY, ids=lambda kind: kind.name)
def test_every_type_has_a_model_a_view_file_and_an_english_word(kind: Any) -> None:
    assert issubclass(kind.model, exhibits.ExhibitBase)
    assert kind.model.model_fields["type"].annotation is not None
    assert (EXHIBIT_VIEWS / kind.view_file).is_file(), f"no view {kind.view_file} for {kind.name}"
    assert ENGLISH.get(kind.word), f"no English word '{kind.word}' for the {kind.name} exhibit cards"


def test_the_content_format_reads_exactly_the_registered_types() -> None:
    assert _union_members(model.Exhibit) == tuple(kind.model for kind in REGISTRY)
    assert model.EXHIBIT_TYPES == EXHIBIT_TYPES == tuple(BY_NAME)
    assert len(set(EXHIBIT_TYPES)) == len(REGISTRY)
    assert exhibit_type("before_after").model is exhibits.BeforeAfter
    assert exhibit_type("map").view == "MapView"


def test_every_type_has_a_sample_for_the_view_tests() -> None:
    from tests.test_exhibit_data import SAMPLES

    assert {sample["type"] for sample in SAMPLES} == set(EXHIBIT_TYPES)


def test_every_view_file_shows_a_registered_type() -> None:
    views = {path.stem for path in EXHIBIT_VIEWS.glob("*View.qml")}
    assert views == set(VIEWS.values())


def test_no_other_module_lists_the_exhibit_types() -> None:
    """Type names and view names are written only in the registry and the models."""
    view_names = set(VIEWS.values())
    for path in KIOSK.rglob("*.py"):
        if path.name in {"exhibit_types.py", "exhibits.py"}:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {key.value for key in node.keys if isinstance(key, ast.Constant)}
                assert not keys >= set(EXHIBIT_TYPES), f"{path} lists the exhibit types again"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert node.value not in view_names, f"{path} names the view {node.value}"


def test_the_exhibit_view_chooser_takes_the_view_name_from_the_exhibit_data() -> None:
    chooser = (KIOSK / "qml" / "screens" / "ExhibitScreen.qml").read_text(encoding="utf-8")
    assert "root.exhibit.view" in chooser
    for view in VIEWS.values():
        assert view not in chooser


def test_content_models_are_split_and_still_importable_from_model() -> None:
    assert len((KIOSK / "content" / "model.py").read_text(encoding="utf-8").splitlines()) <= 400
    for name in ("Article", "ImageExhibit", "Gallery", "Video", "Audio", "Timeline", "Stats", "Stat",
                 "Chart", "BeforeAfter", "MapExhibit", "Quote", "Hotspot", "Id", "Language", "Colour",
                 "Strict", "Hours", "Theme", "Exhibition", "Floor", "Section", "SCHEMA_VERSION"):
        assert hasattr(model, name), name
