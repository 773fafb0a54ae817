"""The kiosk's own words: gettext catalogs for every language, real plural rules, the fallback
order, and `scripts/translations.py check` on the catalogs as shipped and on a broken one."""

from __future__ import annotations

import os
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural

from kiosk.words import LANGUAGES, LOCALE_DIR, MESSAGES, words
from kiosk.words.catalogs import DOMAIN

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "translations.py"
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def run_check(locale_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "check", "--locale-dir", str(locale_dir)],
                          capture_output=True, text=True, timeout=120, check=False)


def po_catalog(tag: str, locale_dir: Path = LOCALE_DIR):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with (locale_dir / tag / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        return read_po(file, locale=tag.replace("-", "_"))


def test_the_kiosk_speaks_twelve_languages_and_english_is_the_source() -> None:
    assert set(LANGUAGES) == {"en", "zh", "zh-Hant", "ar", "fr", "de", "es", "it", "pt", "ru", "ja", "ko"}
    keys = [message.key for message in MESSAGES]
    assert len(keys) == len(set(keys))
    assert all(key == key.lower() and " " not in key for key in keys), "keys are snake_case"
    assert words("en").table() == {message.key: message.text for message in MESSAGES}


@pytest.mark.parametrize("tag", TRANSLATED)
def test_every_message_is_translated_with_the_right_plural_forms_and_placeholders(tag: str) -> None:
    catalog = po_catalog(tag)
    forms = get_plural(tag.replace("-", "_")).num_plurals
    assert catalog.num_plurals == forms
    for message in MESSAGES:
        msgid = (message.text, message.plural) if message.plural else message.text
        found = catalog.get(msgid, context=message.key)
        assert found is not None and not found.fuzzy, f"{tag}: {message.key} missing"
        if message.plural:
            assert len(found.string) == forms and all(found.string), f"{tag}: {message.key}"
            assert set().union(*map(placeholders, found.string)) == {"count"}, f"{tag}: {message.key}"
        else:
            assert found.string.strip(), f"{tag}: {message.key} is empty"
            assert placeholders(found.string) == placeholders(message.text), f"{tag}: {message.key}"
        assert words(tag).table()[message.key] != ""
    for key in ("home", "back", "touch_to_explore", "still_there", "next", "swipe_hint"):
        assert words(tag).text(key) != words("en").text(key), f"{tag}: {key} is still English"


def test_russian_counts_with_three_forms() -> None:
    russian = words("ru")
    assert [russian.count("sections", n) for n in (1, 3, 5, 21, 11, 22)] == [
        "1 тема", "3 темы", "5 тем", "21 тема", "11 тем", "22 темы"]
    assert russian.count("exhibits", 2) == "2 экспоната"


def test_arabic_counts_with_six_forms() -> None:
    arabic = [words("ar").count("exhibits", n) for n in (0, 1, 2, 3, 11, 100)]
    assert len(set(arabic)) == 6
    assert arabic[1] == "معروض واحد" and arabic[3] == "3 معروضات" and arabic[5] == "100 معروض"


def test_languages_with_one_form_and_english() -> None:
    assert words("ja").count("sections", 1) == "1テーマ"
    assert words("zh").count("exhibits", 7) == "7 个展项"
    assert [words("en").count("exhibits", n) for n in (1, 2)] == ["1 exhibit", "2 exhibits"]
    assert words("fr").count("exhibits", 4) == "4 contenus"


def test_missing_words_fall_back_by_shorter_tag_then_default_then_english() -> None:
    assert words("pt-BR").text("back") == words("pt").text("back") == "Voltar"
    assert words("zh-Hant-TW").text("next") == "下一張"
    assert words("ar-EG").text("next") == "التالي"
    assert words("mn", "zh").text("back") == "返回"
    assert words("mn").text("back") == "Back"
    assert words("nl", "de").count("exhibits", 1) == "1 Exponat"
    assert words("ja").text("floor", number=2) == "2階"
    assert words("ar").text("floor", number=3) == "الطابق 3"


def test_the_check_passes_on_the_catalogs_as_shipped() -> None:
    result = run_check(LOCALE_DIR)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_lists_every_kind_of_problem_in_a_broken_catalog(tmp_path: Path) -> None:
    broken = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, broken)
    russian = broken / "ru" / "LC_MESSAGES" / "kiosk.po"
    text = russian.read_text(encoding="utf-8")
    text = text.replace('msgstr "Назад"', 'msgstr ""')  # a message left untranslated
    text = text.replace('msgstr "Этаж {number}"', 'msgstr "Этаж"')  # a placeholder lost
    text = text.replace('msgstr[2] "{count} тем"\n', "", 1)  # a plural form missing
    russian.write_text(text, encoding="utf-8")
    (broken / "kiosk.pot").write_text(
        (broken / "kiosk.pot").read_text(encoding="utf-8").replace('msgid "Home"', 'msgid "Start"'),
        encoding="utf-8")
    result = run_check(broken)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "ru: 'back' is not translated" in lines
    assert "ru: 'floor' loses {number}" in lines
    assert any(line.startswith("ru: 'sections' has 2 plural forms") for line in lines)
    assert "ru: kiosk.mo differs from kiosk.po: run compile" in lines
    assert any(line.startswith("kiosk.pot is out of date") for line in lines)
    assert not any(line.startswith("de:") for line in lines)


def test_the_words_import_no_qt() -> None:
    code = ("import sys, kiosk.words; kiosk.words.words('ru').table(); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_the_catalogs_are_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"words/locale/*.pot"' in pyproject and '"words/locale/*/LC_MESSAGES/*.mo"' in pyproject


def test_the_staff_and_the_report_are_written_in_every_language() -> None:
    keys = [message.key for message in MESSAGES]
    assert sum(key.startswith("staff_") for key in keys) >= 40
    assert sum(key.startswith("report_") for key in keys) >= 50
    for tag in TRANSLATED:
        for key in ("staff_panel_title", "staff_reload", "staff_close_panel", "report_heading",
                    "report_nothing"):
            assert words(tag).text(key) != words("en").text(key), f"{tag}: {key} is still English"
    assert words("ru").count("report_visits", 21) == "21 посещение"
    assert [words("ru").count("staff_views", n) for n in (1, 3, 5)] == [
        "1 просмотр", "3 просмотра", "5 просмотров"]
    assert words("pl", "ru").text("staff_cancel") == "Отмена"


def test_lengths_of_time_in_the_languages_words() -> None:
    english = words("en")
    assert [english.duration(s) for s in (42, 180, 185, 2 * 3600 + 14 * 60, 50 * 3600, -3)] == [
        "42 s", "3 min", "3 min 5 s", "2 h 14 min", "2 d 2 h", "0 s"]
    assert english.duration(185, with_seconds=False) == "3 min"
    assert words("zh").duration(185) == "3分5秒"
    assert words("ru").duration(2 * 3600 + 14 * 60) == "2 ч 14 мин"


def test_the_check_goes_by_content_not_by_file_times(tmp_path: Path) -> None:
    """A fresh clone gives every file the time of the checkout, in any order."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, copy)
    for compiled in copy.rglob("kiosk.mo"):
        os.utime(compiled, (1_000_000, 1_000_000))
    result = run_check(copy)
    assert result.returncode == 0, result.stdout + result.stderr
