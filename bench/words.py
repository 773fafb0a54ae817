"""Benchmark: how long the kiosk takes to have its own words in one language.

Prints one JSON object: reading a language's catalog chain and building the table QML binds to
the first time (cold), a table again for a language already read (warm, per call), and a plural.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.words import LANGUAGES, MESSAGES
from kiosk.words.catalogs import Words, words


def main() -> None:
    start = time.perf_counter()
    table = words("ru", "en").table()
    cold_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for tag in LANGUAGES:
        words(tag, "en").table()
    all_ms = (time.perf_counter() - start) * 1000
    rounds = 1000
    start = time.perf_counter()
    for _ in range(rounds):
        Words("pt-BR", "en").table()
    chain_us = (time.perf_counter() - start) / rounds * 1e6
    start = time.perf_counter()
    for n in range(rounds):
        words("ar").count("exhibits", n)
    plural_us = (time.perf_counter() - start) / rounds * 1e6
    print(json.dumps({
        "messages": len(MESSAGES), "table_entries": len(table),
        "first_language_table_ms": round(cold_ms, 2),
        "twelve_languages_tables_ms": round(all_ms, 2),
        "chain_and_table_uncached_us": round(chain_us, 1),
        "plural_us": round(plural_us, 2),
    }))


if __name__ == "__main__":
    main()
