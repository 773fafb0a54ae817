"""Languages: six content languages, the switch and the picker, fallback to the default language,
right-to-left Arabic, the interface's own words in every language, and the reset on attract."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.app.languages import is_right_to_left, language_name
from kiosk.app.screens import KioskWindow
from kiosk.content.i18n import missing_translation
from kiosk.content.load import load_exhibition
from kiosk.ops.idle import countdown_words
from kiosk.words import LANGUAGES
from kiosk.words import words as words_in
from tests.content_factory import line_of
from tests.rtl_content import (
    SIX_FLOOR_YAML,
    SIX_LANGUAGES,
    UNTRANSLATED,
    write_rtl_exhibition,
    write_six_language_exhibition,
)
from tests.ui_helpers import walk

MIN_TARGET = 48


def word(language: str, key: str, default: str | None = None, **values: object) -> str:
    return words_in(language, default).text(key, **values)


# -- the interface's own words (their catalogs: tests/test_words.py) -----------------------------


def test_the_screens_and_the_exhibit_views_read_one_map_of_words() -> None:
    from kiosk.app.exhibit_data import labels_for

    assert labels_for("ar-EG") == words_in("ar").table()
    assert labels_for("ar-EG")["next"] == "التالي"
    assert labels_for("nl")["next"] == "Next"
    assert labels_for("de")["zoom_in"] == "Vergrößern" and "zoomIn" not in labels_for("de")


@pytest.mark.parametrize(("tag", "name"), [
    ("zh", "简体中文"), ("zh-Hans", "简体中文"), ("zh-Hant", "繁體中文"), ("zh-Hant-TW", "繁體中文"),
    ("pt-BR", "Português"), ("es", "Español"), ("en", "English"), ("ar", "العربية"), ("mn", "Монгол"),
    ("ja", "日本語"), ("xx", "xx"), ("qqq", "qqq"),
])
def test_every_language_is_named_in_itself_by_qlocale(tag: str, name: str) -> None:
    assert language_name(tag) == name


def test_the_direction_of_writing_comes_from_qlocale() -> None:
    assert [code for code in ("ar", "he", "fa", "ur", "ar-EG", "en", "zh", "ja", "ru", "xx")
            if is_right_to_left(code)] == ["ar", "he", "fa", "ur", "ar-EG"]


def test_the_countdown_speaks_every_language_from_the_one_table() -> None:
    languages = list(LANGUAGES)
    lines = countdown_words(languages, "ar")
    assert lines[0]["code"] == "ar"
    assert {entry["code"] for entry in lines} == set(languages)
    for entry in lines:
        assert entry["title"] == word(entry["code"], "still_there")
        assert entry["detail"] == word(entry["code"], "touch_to_continue")
        if entry["code"] != "en":
            assert entry["title"] != "Still there?", entry["code"]


# -- content in six languages ------------------------------------------------------------------


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    root = write_six_language_exhibition(tmp_path_factory.mktemp("six"))
    result = load_exhibition(root)
    assert not result.has_errors, "\n".join(problem.format() for problem in result.problems)
    return result.exhibition, root


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    root = write_rtl_exhibition(tmp_path_factory.mktemp("rtl"))
    result = load_exhibition(root)
    assert not result.has_errors and not result.warnings, [p.format() for p in result.problems]
    return result.exhibition, root


def test_six_languages_load_and_the_untranslated_field_is_one_warning_with_its_line(
    six: tuple[Any, Path],
) -> None:
    exhibition, root = six
    assert list(exhibition.settings.languages) == list(SIX_LANGUAGES)
    warnings = load_exhibition(root).warnings
    assert len(warnings) == 1, [w.format() for w in warnings]
    warning = warnings[0]
    assert warning.path.endswith("floors/1-port.yaml")
    # the translations of the summary begin on the line after `summary:`
    assert warning.line == line_of(SIX_FLOOR_YAML, 'en: "Why the city grew here."')
    assert "'fr'" in warning.message and "'en'" in warning.hint
    assert f"1-port.yaml:{warning.line}:" in warning.format()


def test_one_warning_names_every_missing_language() -> None:
    languages = ["en", "zh", "fr", "es"]
    message, hint = missing_translation({"en": "Hi", "zh": "你好"}, languages, "en") or ("", "")
    assert message == "missing 'fr', 'es' translations"
    assert "'en'" in hint
    assert missing_translation({"*": "1990"}, ["en", "ar"], "en") is None


# -- on screen ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def touchscreen(qapp: Any) -> QPointingDevice:
    return QTest.createTouchDevice()


def open_kiosk(qtbot: Any, content: tuple[Any, Path], size: tuple[int, int] = (1920, 1080),
               language: str | None = None) -> KioskWindow:
    exhibition, root = content
    kiosk = KioskWindow(exhibition, root, size=size, language=language, reduced_motion=True)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    qtbot.waitUntil(kiosk.settled)
    return kiosk


@pytest.fixture
def kiosk_six(qtbot: Any, six: tuple[Any, Path]) -> Iterator[KioskWindow]:
    kiosk = open_kiosk(qtbot, six)
    yield kiosk
    kiosk.close()


def visible_named(kiosk: KioskWindow, name: str) -> QQuickItem:
    for item in walk(kiosk.window.contentItem()):
        if item.property("accessibleName") == name:
            return item
    raise AssertionError(f"nothing on screen is called {name!r}")


def card_titled(kiosk: KioskWindow, title: str) -> QQuickItem:
    """The card whose name ends with this title (cards are named 'Read: A Sheltered Bay')."""
    for item in walk(kiosk.window.contentItem()):
        if str(item.property("accessibleName") or "").endswith(title):
            return item
    raise AssertionError(f"no card on screen is titled {title!r}")


def scene_rect(item: QQuickItem) -> tuple[float, float, float, float]:
    top_left = item.mapToScene(QPointF(0, 0))
    return top_left.x(), top_left.y(), item.width(), item.height()


def centre_of(item: QQuickItem) -> QPoint:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def tap(kiosk: KioskWindow, device: QPointingDevice, point: QPoint) -> None:
    QTest.touchEvent(kiosk.window, device, False).press(0, point, kiosk.window).commit()
    QTest.touchEvent(kiosk.window, device, False).release(0, point, kiosk.window).commit()


def go(qtbot: Any, kiosk: KioskWindow, move: str, *args: str) -> None:
    getattr(kiosk.navigator, move)(*args)
    qtbot.waitUntil(kiosk.settled)


def picker_of(kiosk: KioskWindow) -> Any:
    switch = kiosk.window.findChild(QQuickItem, "languageSwitch")
    assert switch is not None
    for child in switch.children():
        if child.objectName() == "languagePicker":
            return child
    raise AssertionError("the language switch has no picker")


def picker_choices(kiosk: KioskWindow) -> list[QQuickItem]:
    picker = picker_of(kiosk)
    content = picker.property("contentItem")
    return [item for item in walk(content) if item.objectName().startswith("language-")]


def font_of(choice: QQuickItem) -> str:
    for child in choice.childItems():
        if child.inherits("QQuickText"):
            return str(child.property("font").family())
    raise AssertionError("a language choice without its name")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_with_six_languages_one_button_opens_a_picker_of_every_language_in_its_own_name(
    qtbot: Any, six: tuple[Any, Path], touchscreen: QPointingDevice, size: tuple[int, int]
) -> None:
    kiosk = open_kiosk(qtbot, six, size=size)
    try:
        go(qtbot, kiosk, "home")
        button = visible_named(kiosk, "Language: English")
        x, y, width, height = scene_rect(button)
        assert height >= MIN_TARGET and x >= 0 and x + width <= size[0]
        for code in SIX_LANGUAGES:  # the names are not side by side any more
            with pytest.raises(AssertionError):
                visible_named(kiosk, language_name(code))

        tap(kiosk, touchscreen, centre_of(button))
        picker = picker_of(kiosk)
        qtbot.waitUntil(lambda: bool(picker.property("opened")))
        choices = picker_choices(kiosk)
        codes = [entry["code"] for entry in kiosk.navigator.property("languages")]
        assert [item.objectName() for item in choices] == [f"language-{code}" for code in codes]
        theme = kiosk.theme
        for code, item in zip(codes, choices, strict=True):
            assert item.property("accessibleName") == language_name(code)
            assert font_of(item) == theme.fontFor(code)
            x, y, width, height = scene_rect(item)
            assert min(width, height) >= MIN_TARGET, code
            assert x >= 0 and y >= 0 and x + width <= size[0] and y + height <= size[1], code
        # reading order follows the exhibition's order: left to right, then down
        assert scene_rect(choices[0])[0] < scene_rect(choices[1])[0]

        tap(kiosk, touchscreen, centre_of(choices[codes.index("ar")]))
        qtbot.waitUntil(lambda: not picker.property("visible"))
        assert kiosk.navigator.property("language") == "ar"
        assert kiosk.theme.property("rightToLeft") is True
        assert visible_named(kiosk, "اللغة: العربية")
    finally:
        kiosk.close()


def test_the_picker_follows_the_exhibitions_order_and_starts_in_its_first_language(
    qtbot: Any, tmp_path: Path
) -> None:
    order = ("ja", "es", "ar", "en", "zh", "fr")
    root = write_six_language_exhibition(tmp_path, order)
    kiosk = open_kiosk(qtbot, (load_exhibition(root).exhibition, root))
    try:
        go(qtbot, kiosk, "home")
        assert kiosk.navigator.property("language") == "ja"
        assert visible_named(kiosk, f"{word('ja', 'language')}: 日本語")
        picker = picker_of(kiosk)
        picker.open()
        qtbot.waitUntil(lambda: bool(picker.property("opened")))
        names = [item.property("accessibleName") for item in picker_choices(kiosk)]
        assert names == [language_name(code) for code in order]
    finally:
        kiosk.close()


def test_a_tap_outside_the_picker_only_closes_it(
    qtbot: Any, kiosk_six: KioskWindow, touchscreen: QPointingDevice
) -> None:
    kiosk = kiosk_six
    go(qtbot, kiosk, "openSection", "old-harbour")
    picker = picker_of(kiosk)
    picker.open()
    qtbot.waitUntil(lambda: bool(picker.property("opened")))
    tap(kiosk, touchscreen, QPoint(100, 40))  # over Back, under the dimmed backdrop
    qtbot.waitUntil(lambda: not picker.property("visible"))
    assert kiosk.navigator.property("screen") == "section"
    assert kiosk.navigator.property("language") == "en"


def test_keys_open_the_picker_move_through_it_and_choose(
    qtbot: Any, kiosk_six: KioskWindow
) -> None:
    kiosk = kiosk_six
    go(qtbot, kiosk, "openSection", "old-harbour")
    button = kiosk.window.findChild(QQuickItem, "languageButton")
    assert button is not None
    QTest.keyClick(kiosk.window, Qt.Key.Key_Tab)  # the first key only shows where the focus is
    button.forceActiveFocus()
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
    picker = picker_of(kiosk)
    qtbot.waitUntil(lambda: bool(picker.property("opened")))

    def focused() -> str:
        item = kiosk.window.activeFocusItem()
        return item.objectName() if item is not None else ""

    qtbot.waitUntil(lambda: focused() == "language-en")  # the current language
    QTest.keyClick(kiosk.window, Qt.Key.Key_Right)
    assert focused() == "language-zh"
    QTest.keyClick(kiosk.window, Qt.Key.Key_Down)  # three columns: zh, then ja below it
    assert focused() == "language-ja"
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.property("visible"))
    assert kiosk.navigator.property("language") == "ja"

    picker.open()
    qtbot.waitUntil(lambda: bool(picker.property("opened")))
    QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not picker.property("visible"))
    assert kiosk.navigator.property("screen") == "section"  # Escape closed it, no Back


def test_the_picker_closes_and_the_language_resets_on_attract(
    qtbot: Any, kiosk_six: KioskWindow
) -> None:
    kiosk = kiosk_six
    go(qtbot, kiosk, "home")
    kiosk.navigator.setLanguage("ja")
    picker = picker_of(kiosk)
    picker.open()
    qtbot.waitUntil(lambda: bool(picker.property("opened")))
    go(qtbot, kiosk, "resetToAttract")
    qtbot.waitUntil(lambda: not picker.property("visible"))
    assert kiosk.navigator.property("language") == "en"
    assert kiosk.theme.property("language") == "en"


def test_an_untranslated_field_shows_the_default_language_on_screen(
    qtbot: Any, kiosk_six: KioskWindow
) -> None:
    kiosk = kiosk_six
    exhibit_id, field, code = UNTRANSLATED
    kiosk.navigator.setLanguage(code)
    go(qtbot, kiosk, "openSection", "old-harbour")
    english = "Why the city grew here."
    assert kiosk.navigator.exhibitData(exhibit_id).property("fields")[field] == english
    texts = [item.property("text") for item in walk(kiosk.window.contentItem())
             if item.inherits("QQuickText")]
    assert english in texts
    assert "Une baie abritée" in texts  # the title has its French


def test_with_two_languages_both_names_sit_side_by_side(
    qtbot: Any, arabic: tuple[Any, Path]
) -> None:
    kiosk = open_kiosk(qtbot, arabic)
    try:
        go(qtbot, kiosk, "home")
        english, arabic_name = visible_named(kiosk, "English"), visible_named(kiosk, "العربية")
        assert scene_rect(english)[0] < scene_rect(arabic_name)[0]
        button = kiosk.window.findChild(QQuickItem, "languageButton")
        assert button is not None and not button.isVisible()
    finally:
        kiosk.close()


@pytest.mark.parametrize(("size", "compact"), [((1920, 1080), False), ((1080, 1920), True)])
def test_three_long_names_become_one_button_where_they_would_crowd_the_header(
    qtbot: Any, tmp_path: Path, size: tuple[int, int], compact: bool
) -> None:
    root = write_six_language_exhibition(tmp_path)
    settings = root / "exhibition.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("[en, zh, ar, fr, ja, es]", "[en, zh, es-419]"), encoding="utf-8")
    kiosk = open_kiosk(qtbot, (load_exhibition(root).exhibition, root), size=size)
    try:
        go(qtbot, kiosk, "home")
        button = kiosk.window.findChild(QQuickItem, "languageButton")
        assert button is not None and button.isVisible() is compact
        if not compact:
            assert visible_named(kiosk, language_name("es-419"))  # Español latinoamericano
        switch = kiosk.window.findChild(QQuickItem, "languageSwitch")
        x, _, width, _ = scene_rect(switch)
        assert x >= 0 and x + width <= size[0]
    finally:
        kiosk.close()


# -- right to left -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_arabic_mirrors_the_header_the_breadcrumb_and_the_cards(
    qtbot: Any, arabic: tuple[Any, Path], size: tuple[int, int]
) -> None:
    kiosk = open_kiosk(qtbot, arabic, size=size, language="ar")
    try:
        assert kiosk.theme.property("rightToLeft") is True
        go(qtbot, kiosk, "openSection", "old-harbour")
        width = size[0]
        back = visible_named(kiosk, word("ar", "back"))
        home = visible_named(kiosk, word("ar", "home"))
        assert centre_of(back).x() > width / 2
        assert centre_of(home).x() > centre_of(back).x()  # Home first, from the right
        back_icon = next(item for item in walk(back) if item.property("name") == "back")
        assert back_icon.property("mirror") is True  # the arrow points right, where Back is

        floor_step = visible_named(kiosk, "الميناء")
        section_step = visible_named(kiosk, "الميناء القديم")
        assert centre_of(section_step).x() < centre_of(floor_step).x()
        separator = next(item for item in walk(kiosk.window.findChild(QQuickItem, "header"))
                         if item.property("name") == "next")
        assert separator.property("mirror") is False  # the chevron's own shape points left
        assert centre_of(section_step).x() < centre_of(separator).x() < centre_of(floor_step).x()

        first = card_titled(kiosk, "خليج محمي")
        second = card_titled(kiosk, "مخطط الميناء")
        x, _, card_width, _ = scene_rect(first)
        assert x + card_width > width * 0.9  # the grid starts at the right
        if size[0] > size[1]:
            assert centre_of(second).x() < centre_of(first).x()

        kiosk.navigator.setLanguage("en")
        qtbot.waitUntil(lambda: kiosk.theme.property("rightToLeft") is False)
        qtbot.waitUntil(kiosk.settled)
        assert centre_of(visible_named(kiosk, "Back")).x() < width / 2
        assert scene_rect(card_titled(kiosk, "A Sheltered Bay"))[0] < width * 0.1
    finally:
        kiosk.close()


def test_every_arabic_screen_opens_without_warnings_and_keeps_its_numbers(
    qtbot: Any, arabic: tuple[Any, Path]
) -> None:
    exhibition, _ = arabic
    kiosk = open_kiosk(qtbot, arabic, language="ar")
    try:
        go(qtbot, kiosk, "home")
        for floor in exhibition.floors:
            go(qtbot, kiosk, "openFloor", floor.id)
            for section in floor.sections:
                go(qtbot, kiosk, "openSection", section.id)
                for exhibit in section.exhibits:
                    go(qtbot, kiosk, "openExhibit", exhibit.id)
                    assert kiosk.navigator.property("place")["exhibit"] == exhibit.id
        go(qtbot, kiosk, "openExhibit", "harbour-story")
        texts = " ".join(str(item.property("text")) for item in walk(kiosk.window.contentItem())
                         if item.inherits("QQuickText"))
        assert "1899" in texts and "خليج محمي" in texts  # digits stay in reading order
    finally:
        kiosk.close()


# -- full language tags and one fallback order -------------------------------------------------


def test_full_language_tags_are_read_in_any_case_and_kept_in_the_usual_one() -> None:
    from pydantic import TypeAdapter

    from kiosk.content.model import Language

    adapter: TypeAdapter[str] = TypeAdapter(Language)
    written = ["zh-Hant-TW", "sr-Latn-RS", "pt-BR", "ja", "en-GB", "zh-hant-tw", "PT-br", "es-419"]
    assert [adapter.validate_python(tag) for tag in written] == [
        "zh-Hant-TW", "sr-Latn-RS", "pt-BR", "ja", "en-GB", "zh-Hant-TW", "pt-BR", "es-419"]


@pytest.mark.parametrize(("written", "message", "hint"), [
    ("jp", "'jp' names a country, not a language", "Japanese is 'ja'"),
    ("cn-TW", "'cn-TW' names a country, not a language", "Chinese is 'zh'; write 'zh-TW'"),
    ("zh_TW", "'zh_TW' is not a language code", "write 'zh-TW', with '-' between the parts"),
    ("Japanese", "'Japanese' is not a language code", "write 'ja'"),
    ("zh-TWN", "'zh-TWN' is not a language code", "a tag is a language of 2 or 3 letters"),
])
def test_a_wrong_language_tag_is_explained(written: str, message: str, hint: str) -> None:
    from pydantic import BaseModel, ValidationError

    from kiosk.content.model import Language

    class Settings(BaseModel):
        language: Language

    with pytest.raises(ValidationError) as caught:
        Settings(language=written)
    error = caught.value.errors()[0]
    assert error["msg"] == message
    assert str((error.get("ctx") or {}).get("hint", "")).startswith(hint)


def test_an_exhibition_in_full_tags_loads_and_a_regional_visitor_reads_the_shorter_tags_text(
    tmp_path: Path,
) -> None:
    from kiosk.app.cards import Words

    root = write_six_language_exhibition(tmp_path)
    settings = root / "exhibition.yaml"
    text = settings.read_text(encoding="utf-8").replace(
        "languages: [en, zh, ar, fr, ja, es]",
        "languages: [EN, zh, ar, fr, ja, es, zh-hant-tw, sr-Latn-RS, pt-br]",
    )
    text = text.replace('  es: "Ciudad portuaria"\n',
                        '  es: "Ciudad portuaria"\n  zh-Hant: "港城"\n  pt: "Cidade portuária"\n')
    settings.write_text(text, encoding="utf-8")
    result = load_exhibition(root)
    assert not result.has_errors, [problem.format() for problem in result.problems]
    exhibition_settings = result.exhibition.settings
    assert list(exhibition_settings.languages)[-3:] == ["zh-Hant-TW", "sr-Latn-RS", "pt-BR"]
    # pt and zh-Hant are read by pt-BR and zh-Hant-TW visitors: no "not one of the languages" warning
    assert not [w for w in result.warnings if "'pt'" in w.message or "'zh-Hant'" in w.message]
    assert Words("pt-BR", "en").text(exhibition_settings.title) == "Cidade portuária"
    assert Words("zh-Hant-TW", "en").text(exhibition_settings.title) == "港城"
    assert Words("sr-Latn-RS", "en").text(exhibition_settings.title) == "Harbour City"


@pytest.mark.parametrize(("visitor", "content"), [("pt-BR", "pt"), ("zh-Hant-TW", "zh-Hant")])
def test_text_falls_back_through_shorter_tags_before_the_default(visitor: str, content: str) -> None:
    from kiosk.app.cards import Words
    from kiosk.content.i18n import fallback_order

    words = Words(visitor, "en")
    assert words.text({"en": "Harbour", content: "regional", "zh": "港口"}) == "regional"
    assert words.text({"en": "Harbour", "fr": "Port"}) == "Harbour"
    assert fallback_order("zh-Hant-TW", "en") == ["zh-Hant-TW", "zh-Hant", "zh", "*", "en"]


@pytest.mark.parametrize(("visitor", "content"), [("pt-BR", "pt"), ("zh-Hant-TW", "zh-Hant")])
def test_captions_fall_back_in_the_same_order_as_text(visitor: str, content: str, tmp_path: Path) -> None:
    from pydantic import TypeAdapter

    from kiosk.app.exhibit_data import exhibit_to_qml
    from kiosk.content.media import MediaContext
    from kiosk.content.model import Exhibit

    media = tmp_path / "media"
    media.mkdir()
    (media / "film.mp4").write_bytes(b"\0" * 64)
    for code, words in (("en", "The harbour."), (content, "regional words"), ("zh", "港口。")):
        (media / f"film.{code}.vtt").write_text(f"WEBVTT\n\n00:00.000 --> 00:02.000\n{words}\n", "utf-8")
    film = TypeAdapter(Exhibit).validate_python({
        "id": "film", "type": "video", "video": "media/film.mp4",
        "title": {"en": "Film", content: "regional title"},
        "captions": {code: f"media/film.{code}.vtt" for code in ("en", content, "zh")},
    }, context={"media": MediaContext(tmp_path)})
    data = exhibit_to_qml(film, visitor, "en", tmp_path)
    assert data["title"] == "regional title"
    assert data["cues"][0]["text"] == "regional words"


@pytest.mark.parametrize(("visitor", "content"), [("pt-BR", "pt"), ("zh-Hant-TW", "zh-Hant")])
def test_narration_falls_back_in_the_same_order_as_text(visitor: str, content: str) -> None:
    from kiosk.app.exhibit_data import narration_file

    files = {"en": "en.wav", content: "regional.wav", "zh": "zh.wav"}
    assert narration_file(files, visitor, "en") == "regional.wav"
    assert narration_file({"en": "en.wav", "*": "all.wav"}, visitor, "en") == "all.wav"
    assert narration_file({"fr": "fr.wav", "en": "en.wav"}, visitor, "en") == "en.wav"
    # then the default language, through its own shorter tags (en-GB reads the en file)
    assert narration_file({"fr": "fr.wav", "en": "en.wav"}, visitor, "en-GB") == "en.wav"


@pytest.mark.parametrize(("visitor", "content"), [("pt-BR", "pt"), ("zh-Hant-TW", "zh-Hant")])
def test_interface_words_fall_back_in_the_same_order_as_text(visitor: str, content: str) -> None:
    assert word(visitor, "back") == word(content, "back") != word("en", "back")
    assert word(visitor, "next") == word(content, "next")
    assert word(visitor, "floor", number=2) == word(content, "floor", number=2)
    # a language the kiosk has no words for reads the exhibition's default language, then English
    assert word("mn", "back", "zh") == word("zh", "back") == "返回"
    assert word("mn", "back") == "Back"
    assert language_name("zh-Hant-TW") == "繁體中文"
