"""The kiosk's own words (buttons, invitations, notices, the staff panel, the report) in every
language it speaks.

One way to speak: gettext catalogs. Every message is written once, in English, in
`kiosk.words.messages`; translators work on `.po` files (`kiosk/words/locale/<tag>/LC_MESSAGES/
kiosk.po`), which are compiled to `.mo` files that Python's own `gettext` reads at run time.
Babel is the tooling only (the catalog template, updating, the CLDR plural rules, compiling;
`scripts/translations.py`); the kiosk itself needs nothing beyond the standard library here.
Not Qt's .ts files and QTranslator, because:

- the content, statistics and report layers run without Qt (`kiosk report` runs from cron on a
  server), and this package imports no Qt;
- the kiosk shows several languages at once (the welcome loop invites in every exhibition
  language, the staff panel speaks the staff's language while the visitor's screen speaks
  another): gettext gives one independent catalog per language, QTranslator one global chain;
- `.po` is what every translation platform and translators' tool reads and writes;
- plural rules come from CLDR through Babel (Russian 3 forms, Arabic 6, Polish 3) and are
  evaluated by `gettext` from each catalog's Plural-Forms header.

A message missing in a language is looked for in the order every text follows
(`kiosk.content.i18n.fallback_order`): pt-BR, then pt, then the exhibition's default language,
then the English source. `docs/translating.md` says how to add a language or fix a word.
"""

from kiosk.words.catalogs import LANGUAGES, LOCALE_DIR, Words, words
from kiosk.words.messages import MESSAGES, Message

__all__ = ["LANGUAGES", "LOCALE_DIR", "MESSAGES", "Message", "Words", "words"]
