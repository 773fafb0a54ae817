"""The 3D model exhibit: the checker keeps unsafe and damaged models out, the view turns the object
where the screen draws in 3D and shows its still picture where it cannot.

Window tests run in both rigs and assert what that rig's window can do: the offscreen rig draws
with Qt Quick's software renderer (no 3D: the still picture and its note), the x11 rig draws with
OpenGL (the model loads, a drag and the keys turn it).
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Q_RETURN_ARG, QMetaObject, QObject, QPoint, Qt
from PySide6.QtGui import QVector3D
from PySide6.QtQuick import QQuickItem, QSGRendererInterface
from PySide6.QtTest import QTest

from kiosk.app.exhibit_data import exhibit_to_qml
from kiosk.app.screens import KioskWindow
from kiosk.content.load import load_exhibition
from kiosk.content.media import MediaContext, check_media_path
from tests.content_factory import line_of, make_content
from tests.model_files import TRIANGLE, crane_glb, gltf_text, write_crane
from tests.test_exhibit_views import QUIET_MEDIA, exhibits, sample_video, show  # noqa: F401

CONTENT = Path(__file__).resolve().parent.parent / "content"
SAMPLE_MODEL = "media/achievements/gantry-crane.glb"
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier

pytestmark = pytest.mark.qt_log_ignore(*QUIET_MEDIA, r"Using Qt multimedia.*")


# -- the checker -------------------------------------------------------------------------------

def check(root: Path, path: str) -> str:
    return check_media_path(path, "model", MediaContext(root))


def problem(root: Path, path: str) -> tuple[str, str]:
    with pytest.raises(Exception) as raised:
        check(root, path)
    context = getattr(raised.value, "context", None) or {}
    return str(context.get("message", raised.value)), str(context.get("hint", ""))


def test_the_checker_accepts_the_sample_crane() -> None:
    assert check(CONTENT, SAMPLE_MODEL) == SAMPLE_MODEL
    assert (CONTENT / SAMPLE_MODEL).read_bytes() == crane_glb(), "the committed model is the script's"


def test_the_checker_refuses_a_bad_magic_and_a_wrong_length(tmp_path: Path) -> None:
    data = crane_glb()
    (tmp_path / "not.glb").write_bytes(b"PK\x03\x04" + data[4:])
    message, hint = problem(tmp_path, "not.glb")
    assert "is not a GLB model" in message and ".glb" in hint
    (tmp_path / "cut.glb").write_bytes(data[: len(data) // 2])
    message, hint = problem(tmp_path, "cut.glb")
    assert f"says it is {len(data)} bytes long but the file is {len(data) // 2} bytes" in message
    assert "copy the file again" in hint
    (tmp_path / "old.glb").write_bytes(data[:4] + (1).to_bytes(4, "little") + data[8:])
    assert "glTF 1 model" in problem(tmp_path, "old.glb")[0]


def test_the_checker_keeps_a_gltf_inside_the_content_folder(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "part.bin").write_bytes(TRIANGLE)
    (tmp_path / "media" / "good.gltf").write_text(gltf_text("part.bin"))
    assert check(tmp_path, "media/good.gltf") == "media/good.gltf"
    (tmp_path / "media" / "inline.gltf").write_text(gltf_text("data:application/octet-stream;base64,AAAA"))
    assert check(tmp_path, "media/inline.gltf") == "media/inline.gltf"
    for uri, why in (("https://example.org/part.bin", "on the network"), ("http:part.bin", "on the network"),
                     ("../part.bin", "outside the content folder"), ("/etc/passwd", "absolute path"),
                     ("%2E%2E/part.bin", "outside the content folder"), ("missing.bin", "not there")):
        (tmp_path / "media" / "bad.gltf").write_text(gltf_text(uri))
        message, hint = problem(tmp_path, "media/bad.gltf")
        assert why in message, (uri, message)
        assert hint
    (tmp_path / "media" / "v1.gltf").write_text(gltf_text("part.bin", version="1.0"))
    assert "not a glTF 2.0 model" in problem(tmp_path, "media/v1.gltf")[0]


def test_the_checker_refuses_a_model_over_50_mb(tmp_path: Path) -> None:
    with open(tmp_path / "huge.glb", "wb") as file:
        file.truncate(50 * 1024 * 1024 + 1)
    message, _ = problem(tmp_path, "huge.glb")
    assert "larger than the 50 MB limit" in message
    (tmp_path / "big.bin").write_bytes(b"")
    with open(tmp_path / "big.bin", "wb") as file:
        file.truncate(50 * 1024 * 1024)
    (tmp_path / "big.gltf").write_text(gltf_text("big.bin"))
    assert "larger than the 50 MB limit together" in problem(tmp_path, "big.gltf")[0]


MODEL_FLOOR = textwrap.dedent(
    """\
    id: ground
    number: 1
    title: {en: Ground floor, zh: 一楼}
    color: "#2b4c7e"
    sections:
      - id: harbour
        title: {en: Harbour, zh: 港口}
        exhibits:
          - id: crane
            type: model
            title: {en: Crane, zh: 起重机}
            file: media/crane.glb
            picture: media/a.png
    """
)


def test_a_damaged_model_is_reported_at_its_line_with_a_hint(tmp_path: Path) -> None:
    root = make_content(tmp_path, floor=MODEL_FLOOR)
    write_crane(root / "media" / "crane.glb")
    assert load_exhibition(root).exhibition is not None
    (root / "media" / "crane.glb").write_bytes(crane_glb()[:-100])
    problems = [found for found in load_exhibition(root).problems if ": error:" in found.format()]
    assert len(problems) == 1
    found = problems[0]
    assert found.line == line_of(MODEL_FLOOR, "file: media/crane.glb") and found.col > 1
    assert "'media/crane.glb' is a damaged or incomplete GLB file" in found.message
    assert found.path.endswith("1-ground.yaml") and found.hint
    assert found.format().startswith(f"{found.path}:{found.line}:{found.col}: error:")
    without_picture = MODEL_FLOOR.replace("        picture: media/a.png\n", "")
    assert without_picture != MODEL_FLOOR
    (root / "floors" / "1-ground.yaml").write_text(without_picture)
    assert any("picture" in problem.message for problem in load_exhibition(root).problems)


# -- the view ----------------------------------------------------------------------------------

def draws_in_3d(window: Any) -> bool:
    interface = window.rendererInterface()
    assert interface is not None
    return interface.graphicsApi() != QSGRendererInterface.GraphicsApi.Software


def items(root: QQuickItem) -> Iterator[QQuickItem]:
    yield root
    for child in root.childItems():
        yield from items(child)


def named(view: QQuickItem, name: str) -> QQuickItem:
    found = [item for item in items(view) if item.objectName() == name]
    assert found, f"no {name!r} in the view"
    return found[0]


def turntable(view: QQuickItem) -> QObject:
    found = view.findChild(QObject, "turntable")
    assert found is not None, "the 3D scene has no turntable"
    return found


def yaw_of(view: QQuickItem) -> float:
    rotation = turntable(view).property("eulerRotation")
    assert isinstance(rotation, QVector3D)
    return rotation.y()


def measured(scene: QObject) -> QVector3D:
    size = QMetaObject.invokeMethod(scene, "measuredSize", Q_RETURN_ARG("QVector3D"))
    assert isinstance(size, QVector3D)
    return size


def wait_for_model(qtbot: Any, view: QQuickItem) -> None:
    qtbot.waitUntil(lambda: view.property("modelStatus") != "loading", timeout=20_000)


def assert_still_picture_with_note(qtbot: Any, view: QQuickItem) -> None:
    still, note = named(view, "still"), named(view, "note")
    assert still.isVisible() and note.isVisible()
    qtbot.waitUntil(lambda: still.property("progress") == 1.0 and still.property("paintedWidth") > 0)
    assert still.property("paintedWidth") > 400
    assert note.property("text") == "3D view is not available on this screen"
    assert not named(view, "resetView").isVisible()
    assert not named(view, "stage").property("activeFocusOnTab"), "nothing to turn: keys pass it by"


@pytest.mark.both_rigs
def test_the_view_turns_the_model_in_3d_or_shows_its_still_picture(show: Any, qtbot: Any) -> None:  # noqa: F811
    shown = show("quay-crane")
    view = shown.view
    wait_for_model(qtbot, view)
    if not draws_in_3d(shown.window):
        assert view.property("modelStatus") == "none"
        assert view.findChild(QObject, "turntable") is None, "no 3D scene where there is no 3D"
        assert_still_picture_with_note(qtbot, view)
        return
    assert view.property("modelStatus") == "ready"
    assert view.property("modelSize") == QVector3D(98, 77, 44), "the crane's box in metres, from its file"
    scene = view.findChild(QObject, "scene").property("item")
    qtbot.waitUntil(lambda: measured(scene).length() > 0)  # the loaded meshes' own box, once drawn
    assert measured(scene).toTuple() == pytest.approx((98, 77, 44), abs=0.01)
    assert not named(view, "still").isVisible()
    view.setProperty("autoTurn", False)
    start = yaw_of(view)
    assert start == pytest.approx(-35)
    stage = named(view, "stage")
    centre = shown.centre_of(stage)
    QTest.mousePress(shown.window, LEFT, NO_KEYS, centre)
    for step in range(1, 11):
        QTest.mouseMove(shown.window, centre + QPoint(step * 20, 0))
    QTest.mouseRelease(shown.window, LEFT, NO_KEYS, centre + QPoint(200, 0))
    qtbot.waitUntil(lambda: yaw_of(view) > start + 40)
    assert yaw_of(view) == pytest.approx(view.property("yaw"))
    reset = named(view, "resetView")
    assert reset.isVisible() and reset.isEnabled()
    QTest.mouseClick(shown.window, LEFT, NO_KEYS, shown.centre_of(reset))
    qtbot.waitUntil(lambda: abs(yaw_of(view) - start) < 0.01)


@pytest.mark.both_rigs
def test_a_model_that_cannot_load_gives_way_to_its_picture(
    show: Any, qtbot: Any, exhibits: dict[str, Any], tmp_path: Path  # noqa: F811
) -> None:
    (tmp_path / "media" / "crane.glb").write_bytes(b"glTF" + os.urandom(400))  # damaged after the check
    shown = show("quay-crane")
    wait_for_model(qtbot, shown.view)
    expected = "failed" if draws_in_3d(shown.window) else "none"
    assert shown.view.property("modelStatus") == expected
    assert_still_picture_with_note(qtbot, shown.view)


@pytest.mark.both_rigs
def test_the_keys_turn_and_zoom_the_bundled_crane(qtbot: Any) -> None:
    result = load_exhibition(CONTENT)
    assert result.exhibition is not None
    kiosk = KioskWindow(result.exhibition, CONTENT, reduced_motion=True)
    try:
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        qtbot.waitUntil(kiosk.settled)
        kiosk.navigator.touch()
        kiosk.navigator.openExhibit("gantry-crane")
        qtbot.waitUntil(kiosk.settled)
        view = kiosk.current_screen().property("view")
        assert view.metaObject().className().startswith("ModelView")
        wait_for_model(qtbot, view)
        assert view.property("autoTurn") is False, "no turning by itself in the less-motion mode"
        QTest.keyClick(kiosk.window, Qt.Key.Key_Tab)
        stage = named(view, "stage")
        if not draws_in_3d(kiosk.window):
            assert_still_picture_with_note(qtbot, view)
            assert kiosk.window.activeFocusItem() is not stage
            return
        qtbot.waitUntil(lambda: kiosk.window.activeFocusItem() is stage)
        start = yaw_of(view)
        QTest.keyClick(kiosk.window, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: yaw_of(view) == pytest.approx(start + 20))
        assert kiosk.window.activeFocusItem() is stage, "the arrows turn the object, not the focus"
        QTest.keyClick(kiosk.window, Qt.Key.Key_Plus)
        qtbot.waitUntil(lambda: view.property("zoom") == pytest.approx(1.25))
        QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: yaw_of(view) == pytest.approx(start) and view.property("zoom") == 1)
    finally:
        kiosk.close()


def test_the_exhibit_data_names_the_model_and_its_picture(tmp_path: Path) -> None:
    from tests.test_exhibit_data import make_sample_exhibits

    data = exhibit_to_qml(make_sample_exhibits(tmp_path)["quay-crane"], "zh", "en", tmp_path)
    assert data["view"] == "ModelView"
    assert data["model"].endswith("/media/crane.glb") and data["picture"].endswith("/media/harbour.png")
    assert [text.replace("\u2060", "") for text in data["paragraphs"]] == ["它在船与陆地之间搬运箱子。"]
    assert data["labels"]["model_reset"]


def test_the_last_good_copy_holds_the_model_and_the_files_it_uses(tmp_path: Path) -> None:
    from kiosk.ops.content_files import referenced_files

    floor = MODEL_FLOOR + textwrap.indent(textwrap.dedent("""\
        - id: crane-parts
          type: model
          title: {en: Crane in parts, zh: 分件起重机}
          file: media/parts/crane.gltf
          picture: media/a.png
        """), " " * 6)
    root = make_content(tmp_path, floor=floor)
    write_crane(root / "media" / "crane.glb")
    (root / "media" / "parts").mkdir()
    (root / "media" / "parts" / "mesh.bin").write_bytes(TRIANGLE)
    (root / "media" / "parts" / "crane.gltf").write_text(gltf_text("mesh.bin"))
    result = load_exhibition(root)
    assert result.exhibition is not None, [problem.format() for problem in result.problems]
    files = referenced_files(result, root)
    assert files["media/crane.glb"] == files["media/parts/crane.gltf"] == "model"
    assert files["media/parts/mesh.bin"] == "model"


def test_doctor_says_whether_models_turn_in_3d_here_and_why() -> None:
    from kiosk.app.drawing import Answer
    from kiosk.app.model3d import runtime_loader_installed, three_d
    from kiosk.ops.doctor import check_models

    assert runtime_loader_installed()
    gpu = three_d("auto", Answer("Mesa Intel(R) UHD Graphics 620"), {})
    assert gpu.shown and "Intel" in gpu.reason
    software = three_d("auto", Answer("llvmpipe (LLVM 15.0.6, 256 bits)"), {})
    assert not software.shown and "still picture" in software.reason and "llvmpipe" in software.reason
    assert not three_d("auto", Answer(None, "there is no OpenGL here"), {}).shown
    assert not three_d("auto", None, {"QT_QUICK_BACKEND": "software"}).shown
    assert three_d("auto", None, {"QT_QUICK_BACKEND": "rhi"}).shown
    assert not three_d("gpu", Answer("AMD"), {}, installed=False).shown
    found = check_models()
    assert found.name == "3D models"
    assert found.level == ("warn" if os.environ["QT_QUICK_BACKEND"] == "software" else "ok")
