"""Whatever bytes land in a content file, the loader answers with collected problems, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.content.errors import ContentError
from kiosk.content.load import load_exhibition
from kiosk.content.yaml_nodes import MAX_ALIAS_TEXT, read_yaml
from tests.content_factory import FLOOR, make_content

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
    st.dates(),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10), children, max_size=4),
    ),
    max_leaves=25,
)
floor_keys = st.sampled_from(
    ["id", "number", "title", "color", "sections", "exhibits", "type", "image", "hotspots", "body"]
)
floor_like = st.dictionaries(floor_keys, yaml_values, max_size=6)


def check_floor_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_content(Path(folder) / "content")
        (root / "floors" / "1-ground.yaml").write_bytes(data)
        result = load_exhibition(root)
        assert all(isinstance(problem, ContentError) for problem in result.problems)
        for problem in result.problems:
            assert problem.format().startswith("content/")
        if result.has_errors:
            assert result.exhibition is None


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_give_content_errors(data: bytes) -> None:
    check_floor_bytes(data)


@FUZZ
@given(yaml_values)
def test_random_yaml_gives_content_errors(value: object) -> None:
    check_floor_bytes(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(floor_like)
def test_random_floor_shaped_yaml_gives_content_errors(value: dict[str, object]) -> None:
    check_floor_bytes(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(st.integers(min_value=0, max_value=len(FLOOR) - 1), st.text(max_size=6))
def test_mangled_valid_floor_gives_content_errors(position: int, insert: str) -> None:
    mangled = FLOOR[:position] + insert + FLOOR[position + len(insert) :]
    check_floor_bytes(mangled.encode("utf-8", errors="replace"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    length=st.integers(min_value=1, max_value=300_000),
    direct=st.integers(min_value=0, max_value=60),
    inner=st.integers(min_value=0, max_value=8),
    uses=st.integers(min_value=0, max_value=8),
)
@example(length=100_000, direct=40, inner=0, uses=0)  # exactly at the limit: accepted
@example(length=100_000, direct=41, inner=0, uses=0)
@example(length=100_000, direct=0, inner=8, uses=4)
@example(length=100_000, direct=0, inner=8, uses=5)  # through an alias to a list of aliases
def test_text_repeated_through_aliases_is_counted_each_time_it_is_used(
    length: int, direct: int, inner: int, uses: int
) -> None:
    """A long text used `direct` times, and a list of `inner` uses of it that is itself used `uses`
    times: the file is refused exactly when the repeated text passes the limit, at an alias."""
    text = "\n".join([
        f"long: &s {'x' * length}",
        f"group: &g [{', '.join(['*s'] * inner)}]",
        f"direct: [{', '.join(['*s'] * direct)}]",
        f"grouped: [{', '.join(['*g'] * uses)}]",
    ]) + "\n"
    repeated = (direct + inner + uses * inner) * length
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aliases.yaml"
        path.write_text(text, encoding="utf-8")
        document, problems = read_yaml(path)
    refused = [p for p in problems if "repeats text through aliases" in p.message]
    assert bool(refused) == (repeated > MAX_ALIAS_TEXT), (repeated, problems)
    if refused:
        assert document is None
        (problem,) = refused
        assert text.splitlines()[problem.line - 1][problem.col - 1] == "*"
    else:
        assert document is not None and problems == []
