"""Test exhibitions for languages: a complete English and Arabic one (right to left), and a small
six-language one with one translation left out on purpose.

Neither belongs in the bundled content/: they exist to test and to look at.

    .venv/bin/python -m tests.rtl_content /tmp/ar-content          # English + Arabic
    .venv/bin/python -m tests.rtl_content /tmp/six --six           # en, zh, ar, fr, ja, es
    .venv/bin/kiosk render /tmp/ar-content --out /tmp/ar --lang ar
"""

from __future__ import annotations

import sys
from pathlib import Path

EXHIBITION_YAML = """\
schema_version: 1
title: {en: "Harbour City Exhibition", ar: "معرض مدينة الميناء"}
subtitle: {en: "How a small bay became a great port", ar: "كيف صار خليج صغير ميناءً كبيرًا"}
languages: [en, ar]
default_language: en
attract:
  slide_seconds: 4
  media:
    - {file: media/attract.png, alt: {en: "Cranes against the evening sky", ar: "رافعات في سماء المساء"}}
    - {file: media/coast.png, alt: {en: "A green coast by a calm sea", ar: "ساحل أخضر على بحر هادئ"}}
  message: {en: "Touch to explore", ar: "المس الشاشة للاستكشاف"}
"""

FLOOR_PORT = """\
id: port
number: 1
title: {en: "The Port", ar: "الميناء"}
summary: {en: "Where the city began.", ar: "هنا بدأت المدينة."}
color: "#9a4a2e"
cover: media/port.png
sections:
  - id: old-harbour
    title: {en: "The Old Harbour", ar: "الميناء القديم"}
    summary: {en: "Ships, cranes and the first streets.", ar: "سفن ورافعات وأولى الشوارع."}
    cover: media/harbour.png
    exhibits:
      - id: harbour-story
        type: article
        title: {en: "A Sheltered Bay", ar: "خليج محمي"}
        summary: {en: "Why the city grew here.", ar: "لماذا نمت المدينة هنا."}
        image: media/harbour.png
        caption: {en: "The bay in 1910.", ar: "الخليج عام 1910."}
        body:
          en: "The bay is deep and calm, and it does not freeze in winter.\\n\\nFishermen came first.
            In 1899 work began on a modern port, and streets grew around it."
          ar: "الخليج عميق وهادئ، ولا يتجمد في الشتاء.\\n\\nجاء الصيادون أولًا.
            وفي عام 1899 بدأ العمل في ميناء حديث، ونمت الشوارع من حوله."
      - id: harbour-plan
        type: image
        title: {en: "The Harbour Plan", ar: "مخطط الميناء"}
        summary: {en: "The first plan of the port.", ar: "أول مخطط للميناء."}
        image: media/plan.png
        alt: {en: "An old printed plan of the port", ar: "مخطط مطبوع قديم للميناء"}
        caption: {en: "The plan of 1905.", ar: "مخطط عام 1905."}
        credit: {en: "City Archive", ar: "أرشيف المدينة"}
      - id: harbour-gallery
        type: gallery
        title: {en: "Life on the Quay", ar: "الحياة على الرصيف"}
        summary: {en: "Work and trade by the water.", ar: "العمل والتجارة عند الماء."}
        items:
          - {image: media/harbour.png, caption: {en: "Cranes at dawn", ar: "رافعات عند الفجر"},
             alt: {en: "Cranes on the quay at dawn", ar: "رافعات على الرصيف عند الفجر"}}
          - {image: media/port.png, alt: {en: "Stalls of a busy fish market", ar: "أكشاك سوق سمك مزدحم"},
             caption: {en: "The fish market", ar: "سوق السمك"}}
          - image: media/coast.png
            caption: {en: "A ferry leaves for the islands", ar: "عبّارة تغادر إلى الجزر"}
      - id: harbour-voice
        type: quote
        title: {en: "A Dock Worker", ar: "عامل في الميناء"}
        summary: {en: "A memory of the old quays.", ar: "ذكرى من الأرصفة القديمة."}
        text: {en: "We built this harbour by hand.", ar: "بنينا هذا الميناء بأيدينا."}
        author: {en: "Wang Li", ar: "وانغ لي"}
        role: {en: "Dock worker, 1958", ar: "عامل رصيف، 1958"}
  - id: new-port
    title: {en: "The New Port", ar: "الميناء الجديد"}
    summary: {en: "Containers and a deep-water berth.", ar: "حاويات ورصيف للمياه العميقة."}
    cover: media/port.png
    exhibits:
      - id: port-figures
        type: stats
        title: {en: "The Port in Numbers", ar: "الميناء بالأرقام"}
        summary: {en: "Cargo, berths and quays.", ar: "الحمولة والأرصفة."}
        items:
          - value: 450
            unit: {en: "million t", ar: "مليون طن"}
            label: {en: "cargo a year", ar: "حمولة في السنة"}
          - {value: 12, label: {en: "container berths", ar: "رصيفًا للحاويات"}}
          - {value: 3.5, decimals: 1, unit: {en: "km", ar: "كم"}, label: {en: "of quays", ar: "طول الأرصفة"}}
        note: {en: "Figures for 2023.", ar: "أرقام عام 2023."}
      - id: port-timeline
        type: timeline
        title: {en: "A Century of the Port", ar: "قرن من عمر الميناء"}
        summary: {en: "From fishing boats to container ships.", ar: "من قوارب الصيد إلى سفن الحاويات."}
        events:
          - year: 1899
            title: {en: "Work begins", ar: "بدء العمل"}
            text: {en: "Engineers plan the first quays.", ar: "المهندسون يخططون الأرصفة الأولى."}
          - {year: 1930, title: {en: "The first big crane", ar: "أول رافعة كبيرة"}, image: media/harbour.png}
          - year: 1984
            title: {en: "Open to the world", ar: "الانفتاح على العالم"}
            text: {en: "Ships from every continent arrive.", ar: "تصل السفن من كل القارات."}
          - {year: 2010, title: {en: "A deep-water berth", ar: "رصيف للمياه العميقة"}}
      - id: port-chart
        type: chart
        title: {en: "Cargo by Decade", ar: "الحمولة في كل عقد"}
        summary: {en: "Millions of tonnes a year.", ar: "ملايين الأطنان في السنة."}
        kind: bar
        categories: ["1990", "2000", "2010", "2020"]
        series:
          - {name: {en: "Cargo", ar: "الحمولة"}, values: [60, 110, 310, 450]}
        unit: {en: "million t", ar: "مليون طن"}
        source: {en: "Port authority", ar: "هيئة الميناء"}
"""

FLOOR_GREEN = """\
id: green
number: 2
title: {en: "A Greener City", ar: "مدينة أكثر خضرة"}
summary: {en: "Parks, coast and clean air.", ar: "حدائق وساحل وهواء نقي."}
color: "#2e7d5b"
cover: media/coast.png
sections:
  - id: coast
    title: {en: "The Coast", ar: "الساحل"}
    summary: {en: "A coastal path of forty kilometres.", ar: "ممر ساحلي بطول أربعين كيلومترًا."}
    cover: media/coast.png
    exhibits:
      - id: coast-map
        type: map
        title: {en: "The Coastal Path", ar: "الممر الساحلي"}
        summary: {en: "Forty kilometres along the sea.", ar: "أربعون كيلومترًا على طول البحر."}
        image: media/plan.png
        hotspots:
          - {x: 0.3, y: 0.4, label: {en: "The old harbour", ar: "الميناء القديم"}, exhibit: harbour-story}
          - {x: 0.7, y: 0.6, label: {en: "Port figures", ar: "أرقام الميناء"}, exhibit: port-figures}
      - id: coast-then-now
        type: before_after
        title: {en: "The Beach, Then and Now", ar: "الشاطئ بين الأمس واليوم"}
        summary: {en: "A beach where factories stood.", ar: "شاطئ مكان المصانع القديمة."}
        before: {image: media/port.png, label: "1990"}
        after: {image: media/coast.png, label: {en: "Today", ar: "اليوم"}}
      - id: coast-air
        type: article
        title: {en: "Clean Air", ar: "هواء نقي"}
        summary: {en: "Factories moved away from the sea.", ar: "ابتعدت المصانع عن البحر."}
        body:
          en: "Factories moved away from the coast. Today the air is clean on more than 300 days a year."
          ar: "انتقلت المصانع بعيدًا عن الساحل. واليوم يكون الهواء نقيًا في أكثر من 300 يوم في السنة."
"""

SIX_LANGUAGES = ("en", "zh", "ar", "fr", "ja", "es")

SIX_EXHIBITION_YAML = """\
schema_version: 1
title:
  en: "Harbour City"
  zh: "港城"
  ar: "مدينة الميناء"
  fr: "La ville portuaire"
  ja: "港町"
  es: "Ciudad portuaria"
languages: [en, zh, ar, fr, ja, es]
default_language: en
attract:
  media: [{file: media/attract.png, alt: "Cranes against the evening sky"}]
"""

SIX_FLOOR_YAML = """\
id: port
number: 1
title: {en: "The Port", zh: "港口", ar: "الميناء", fr: "Le port", ja: "港", es: "El puerto"}
color: "#9a4a2e"
cover: media/port.png
cover_alt: "Stalls of a busy fish market"
sections:
  - id: old-harbour
    title:
      en: "The Old Harbour"
      zh: "老港湾"
      ar: "الميناء القديم"
      fr: "Le vieux port"
      ja: "旧港"
      es: "El puerto viejo"
    exhibits:
      - id: harbour-story
        type: article
        title:
          en: "A Sheltered Bay"
          zh: "避风的海湾"
          ar: "خليج محمي"
          fr: "Une baie abritée"
          ja: "穏やかな湾"
          es: "Una bahía protegida"
        summary:
          en: "Why the city grew here."
          zh: "城市为什么在这里生长。"
          ar: "لماذا نمت المدينة هنا."
          ja: "なぜここに街ができたのか。"
          es: "Por qué la ciudad creció aquí."
        body:
          en: "The bay is deep and calm."
          zh: "海湾水深浪静。"
          ar: "الخليج عميق وهادئ."
          fr: "La baie est profonde et calme."
          ja: "湾は深く穏やかです。"
          es: "La bahía es profunda y tranquila."
      - id: harbour-voice
        type: quote
        title:
          en: "A Dock Worker"
          zh: "一位码头工人"
          ar: "عامل في الميناء"
          fr: "Un docker"
          ja: "港湾労働者"
          es: "Un estibador"
        text:
          en: "We built this harbour by hand."
          zh: "这个港口是我们亲手建起来的。"
          ar: "بنينا هذا الميناء بأيدينا."
          fr: "Nous avons bâti ce port à la main."
          ja: "この港は私たちの手で造りました。"
          es: "Construimos este puerto a mano."
        author: "Wang Li"
"""
"""The article's summary has no French on purpose: French visitors read the English one."""

UNTRANSLATED = ("harbour-story", "summary", "fr")
"""(exhibit, field, language) left out of the six-language exhibition."""

PICTURES = {
    "attract.png": ("#36546b", "#d9a441"),
    "port.png": ("#5a3426", "#d08a5a"),
    "harbour.png": ("#223548", "#7fa7c9"),
    "coast.png": ("#1f4a38", "#9ed3b0"),
    "plan.png": ("#e9e2d0", "#7a6f5a"),
}


def _pictures(root: Path, names: list[str]) -> None:
    from tests.ui_helpers import draw_picture

    (root / "media").mkdir(parents=True, exist_ok=True)
    for name in names:
        base, detail = PICTURES[name]
        draw_picture(root / "media" / name, base, detail, size=(640, 420))


def write_rtl_exhibition(root: Path) -> Path:
    """English and complete Arabic: two floors, every exhibit type that needs no film or sound."""
    (root / "floors").mkdir(parents=True, exist_ok=True)
    (root / "exhibition.yaml").write_text(EXHIBITION_YAML, encoding="utf-8")
    (root / "floors" / "1-port.yaml").write_text(FLOOR_PORT, encoding="utf-8")
    (root / "floors" / "2-green.yaml").write_text(FLOOR_GREEN, encoding="utf-8")
    _pictures(root, list(PICTURES))
    return root


def write_six_language_exhibition(root: Path, order: tuple[str, ...] = SIX_LANGUAGES) -> Path:
    """en, zh, ar, fr, ja, es on one floor (listed in `order`, default language the first);
    the article's summary lacks French (UNTRANSLATED)."""
    assert sorted(order) == sorted(SIX_LANGUAGES), "the six languages, in any order"
    settings = SIX_EXHIBITION_YAML.replace(
        "languages: [en, zh, ar, fr, ja, es]\ndefault_language: en",
        f"languages: [{', '.join(order)}]\ndefault_language: {order[0]}",
    )
    (root / "floors").mkdir(parents=True, exist_ok=True)
    (root / "exhibition.yaml").write_text(settings, encoding="utf-8")
    (root / "floors" / "1-port.yaml").write_text(SIX_FLOOR_YAML, encoding="utf-8")
    _pictures(root, ["attract.png", "port.png"])
    return root


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: python -m tests.rtl_content FOLDER [--six]", file=sys.stderr)
        return 2
    root = Path(argv[0])
    written = write_six_language_exhibition(root) if "--six" in argv else write_rtl_exhibition(root)
    print(f"wrote a test exhibition to {written}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
