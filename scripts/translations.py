"""The kiosk's translations: the catalog template, the .po files of every language, the compiled .mo files.

    python scripts/translations.py extract   write kiosk/words/locale/kiosk.pot from kiosk/words/messages.py
    python scripts/translations.py update    bring every language's kiosk.po up to date with kiosk.pot
    python scripts/translations.py compile   write every kiosk.mo from its kiosk.po
    python scripts/translations.py check     list every problem; exit 1 when there is one

`check` finds: a language missing a message, a plural with the wrong number of forms for the
language's rule (CLDR, through Babel), a {placeholder} lost or added, a kiosk.mo whose messages
differ from its kiosk.po, and a kiosk.pot out of date with messages.py. Needs Babel (installed
with the kiosk's test tools); the kiosk itself reads the .mo files with Python's gettext.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import io
import string
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.words.catalogs import DOMAIN, LANGUAGES, LOCALE_DIR  # noqa: E402
from kiosk.words.messages import MESSAGES, Message  # noqa: E402

TRANSLATED = tuple(code for code in LANGUAGES if code != "en")
"""English is the source: every other language has a catalog."""
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The template's creation date, fixed so that extracting twice writes the same file."""


def babel_locale(tag: str) -> str:
    return tag.replace("-", "_")


def template(messages: Iterable[Message] = MESSAGES) -> Catalog:
    catalog = Catalog(project="kiosk", version="1", domain=DOMAIN, creation_date=FIXED_DATE,
                      revision_date=FIXED_DATE, fuzzy=False)
    for message in messages:
        msgid = (message.text, message.plural) if message.plural else message.text
        catalog.add(msgid, context=message.key, auto_comments=[message.comment] if message.comment else [])
    return catalog


def po_text(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False)
    return buffer.getvalue()


def po_file(locale_dir: Path, tag: str) -> Path:
    return locale_dir / tag / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, tag: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=babel_locale(tag) if tag else None, domain=DOMAIN)


def extract(locale_dir: Path) -> None:
    (locale_dir / f"{DOMAIN}.pot").write_bytes(po_text(template()))


def update(locale_dir: Path) -> None:
    pot = template()
    for tag in TRANSLATED:
        path = po_file(locale_dir, tag)
        if path.exists():
            catalog = read(path, tag)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=babel_locale(tag), domain=DOMAIN, project="kiosk", version="1",
                              creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.write_bytes(po_text(catalog))


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all(locale_dir: Path) -> None:
    for tag in TRANSLATED:
        path = po_file(locale_dir, tag)
        path.with_suffix(".mo").write_bytes(mo_bytes(read(path, tag)))


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def language_problems(locale_dir: Path, tag: str, messages: Iterable[Message] = MESSAGES) -> list[str]:
    """What is wrong with one language's catalog, one plain line each."""
    path = po_file(locale_dir, tag)
    if not path.exists():
        return [f"{tag}: no catalog at {path}"]
    catalog = read(path, tag)
    forms = get_plural(babel_locale(tag))
    problems = []
    if catalog.num_plurals != forms.num_plurals or catalog.plural_expr != forms.plural_expr:
        problems.append(f"{tag}: Plural-Forms should be '{forms.plural_forms}'")
    for message in messages:
        msgid = (message.text, message.plural) if message.plural else message.text
        found = catalog.get(msgid, context=message.key)
        strings = [] if found is None else list(found.string) if message.plural else [found.string]
        written_forms = [text for text in strings if text]
        if found is None or found.fuzzy or not written_forms:
            problems.append(f"{tag}: '{message.key}' is not translated")
            continue
        if message.plural and len(written_forms) != forms.num_plurals:
            problems.append(f"{tag}: '{message.key}' has {len(written_forms)} plural forms, the language "
                            f"has {forms.num_plurals}")
        strings = written_forms
        english = placeholders(message.text) | placeholders(message.plural or "")
        written = [placeholders(text) for text in strings]
        added = set().union(*written) - english
        lost = english - set().union(*written) if message.plural else english - written[0]
        if added or lost:
            problems.append(f"{tag}: '{message.key}' " + "; ".join(
                part for part in (f"adds {{{', '.join(sorted(added))}}}" if added else "",
                                  f"loses {{{', '.join(sorted(lost))}}}" if lost else "") if part))
    compiled = path.with_suffix(".mo")
    if not compiled.exists():
        problems.append(f"{tag}: {compiled.name} is missing: run compile")
    elif not same_messages(compiled, catalog):  # by content: a fresh clone gives files any mtimes
        problems.append(f"{tag}: {compiled.name} differs from {path.name}: run compile")
    return problems


def same_messages(compiled: Path, catalog: Catalog) -> bool:
    with compiled.open("rb") as file:
        have = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    with io.BytesIO(mo_bytes(catalog)) as file:
        want = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    return bool(have == want)


def template_problems(locale_dir: Path) -> list[str]:
    path = locale_dir / f"{DOMAIN}.pot"
    if not path.exists():
        return [f"{path.name} is missing: run extract"]
    written = read(path)
    wanted = template()
    def entries(catalog: Catalog) -> set[tuple[object, ...]]:
        # a long comment is written on several lines: compare the words, not the lines
        return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id), " ".join(m.auto_comments))
                for m in catalog if m.id}
    if entries(written) != entries(wanted):
        return [f"{path.name} is out of date with kiosk/words/messages.py: run extract, then update"]
    return []


def check(locale_dir: Path) -> list[str]:
    problems = template_problems(locale_dir)
    for tag in TRANSLATED:
        problems += language_problems(locale_dir, tag)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("extract", "update", "compile", "check"))
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR, help="default: kiosk/words/locale")
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract(args.locale_dir)
    elif args.command == "update":
        update(args.locale_dir)
    elif args.command == "compile":
        compile_all(args.locale_dir)
    else:
        problems = check(args.locale_dir)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the translations.")
            return 1
        print("Every language has every message.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
