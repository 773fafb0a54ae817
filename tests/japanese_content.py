# ruff: noqa: E501  (the exhibition is YAML as staff write it: long lines of text)
"""A second exhibition, in English and Japanese, that the bundled one did not shape.

Two floors, five sections, twenty exhibits of all eleven types, its own pictures (drawn here),
a film with captions in both languages and a narration in both. It is written the way a new staff
member writes from the guide alone: ids in their own words, a map on floor 2 that opens exhibits
on floor 1, years in stats, Japanese quotes and credits.

    .venv/bin/python -m tests.japanese_content /tmp/ja-content
    .venv/bin/kiosk validate /tmp/ja-content
    .venv/bin/kiosk render /tmp/ja-content --out /tmp/ja --lang ja
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

EXHIBITION_YAML = """\
schema_version: 1
title: {en: "Sky and Sea Restored", ja: "よみがえった空と海"}
subtitle: {en: "An industrial city learns to breathe again", ja: "工業のまちが、もう一度深呼吸するまで"}
languages: [en, ja]
default_language: ja
attract:
  slide_seconds: 5
  media:
    - {file: media/attract-sky.png, alt: {en: A calm blue sky over the works, ja: 製鉄所の上に広がる穏やかな青空}}
    - {file: media/attract-bay.png, alt: {en: A bay with clear water, ja: 澄んだ水をたたえた湾}}
  message: {en: "Touch to begin", ja: "画面にふれてください"}
"""

FLOOR_1 = """\
id: smoke-years
number: 1
title: {en: "The Smoke Years", ja: "けむりの時代"}
summary: {en: "How the steel town grew, and what it cost.", ja: "鉄のまちの成長と、その代償。"}
color: "#8a5a3c"
cover: media/furnace.png
cover_alt: {en: A blast furnace glowing orange, ja: オレンジ色に光る高炉}
sections:
  - id: steel-town
    title: {en: "A Steel Town", ja: "鉄のまち"}
    summary: {en: "Furnaces, ships and work for everyone.", ja: "溶鉱炉と船、そしてたくさんの仕事。"}
    cover: media/furnace.png
    exhibits:
      - id: first-furnace
        type: article
        title: {en: "The first furnace", ja: "はじめての溶鉱炉"}
        summary: {en: "Where the city's story starts.", ja: "まちの物語はここから。"}
        body:
          en: |
            In 1901 a state steel works lit its first furnace by the bay.

            Coal came from nearby mines. Ships carried the steel away.

            Villages along the shore became one busy industrial town.
          ja: |
            1901年、湾のほとりで官営の製鉄所が最初の溶鉱炉に火を入れました。

            石炭は近くの炭鉱から運ばれ、鉄は船で各地へ送られました。

            海辺の村々は、にぎやかな工業のまちへと変わっていきました。
        image: media/furnace.png
        caption: {en: "A furnace drawn from old photographs", ja: "古い写真をもとに描いた溶鉱炉"}
      - id: works-plan
        type: image
        title: {en: "The works from above", ja: "上から見た製鉄所"}
        image: media/works-plan.png
        alt: {en: A printed plan of the steel works, ja: 製鉄所の配置図}
        caption: {en: "Pinch to see the rail lines between the halls.", ja: "指で広げると、工場をつなぐ線路が見えます。"}
        credit: {en: "City archive", ja: "市の資料館"}
      - id: workers-day
        type: gallery
        title: {en: "A worker's day", ja: "働く人の一日"}
        items:
          - image: media/shift-morning.png
            alt: {en: Workers arriving for the morning shift, ja: 朝の勤務に向かう作業員}
            caption: {en: "The morning shift arrives.", ja: "朝の交代の時間。"}
          - image: media/shift-noon.png
            alt: {en: Workers at the furnace at noon, ja: 昼の高炉で働く作業員}
            caption: {en: "Lunch by the rails.", ja: "線路わきでお昼ごはん。"}
          - image: media/shift-night.png
            alt: {en: The works lit up at night, ja: 夜に明かりがともる製鉄所}
      - id: furnace-voice
        type: quote
        title: {en: "Words from the works", ja: "製鉄所の声"}
        text: {en: "We were proud of the red sky. We did not yet know its price.", ja: "赤い空が誇りでした。その代償を、まだ知りませんでした。"}
        author: {en: "A retired furnace worker", ja: "元溶鉱炉の作業員"}
        role: {en: "Remembering the 1950s", ja: "1950年代を振り返って"}
  - id: grey-sky
    title: {en: "The Grey Sky", ja: "灰色の空"}
    summary: {en: "Smoke over the town, poison in the bay.", ja: "まちを覆う煙、湾に広がる汚れ。"}
    cover: media/grey-sky.png
    cover_alt: {en: Smoke turning the sky grey, ja: 煙で灰色になった空}
    exhibits:
      - id: seven-colour-smoke
        type: image
        title: {en: "Smoke of seven colours", ja: "七色の煙"}
        image: media/grey-sky.png
        caption: {en: "Chimneys let out smoke of many colours.", ja: "煙突から、さまざまな色の煙が出ていました。"}
      - id: dead-bay
        type: article
        title: {en: "A bay without fish", ja: "魚のいない湾"}
        summary: {en: "The water that nothing could live in.", ja: "生きものが住めなくなった海。"}
        body:
          en: |
            By the 1960s, factory water flowed straight into the bay.

            Fish disappeared. Even ships' propellers rusted quickly.
          ja: |
            1960年代、工場の排水はそのまま湾へ流れ込んでいました。

            魚はいなくなり、船のスクリューさえすぐにさびました。
      - id: dust-figures
        type: stats
        title: {en: "The worst years", ja: "最も深刻だった時期"}
        items:
          - value: 1965
            label: {en: "Year the dust peaked", ja: "降下ばいじんが最多の年"}
          - value: 108
            label: {en: "Dust each month", ja: "ひと月の降下ばいじん"}
            unit: {en: "tonnes per km²", ja: "トン／km²"}
          - value: 0
            label: {en: "Fish found in the bay", ja: "湾で見つかった魚"}
        note: {en: "Rounded figures for this exhibition", ja: "展示用に丸めた数字です"}
      - id: smoke-film
        type: video
        title: {en: "Chimneys at dusk", ja: "夕暮れの煙突"}
        video: media/chimneys.mp4
        poster: media/chimneys-poster.png
        poster_alt: {en: Chimneys giving off smoke, ja: 煙を出す煙突}
        captions:
          en: media/chimneys.en.vtt
          ja: media/chimneys.ja.vtt
        caption: {en: "A short film made for this exhibition", ja: "この展示のために作った短い映像"}
"""

FLOOR_2 = """\
id: clean-again
number: 2
title: {en: "Clean Again", ja: "きれいな空と海へ"}
summary: {en: "Mothers, engineers and the city change course.", ja: "母親たち、技術者、そして市が動いた。"}
color: "#2f7a6a"
cover: media/blue-sky.png
cover_alt: {en: A clear blue sky over the town, ja: 町の上の澄んだ青空}
sections:
  - id: mothers-voices
    title: {en: "The Mothers Speak", ja: "母親たちの声"}
    summary: {en: "Women measured the dirt and asked for blue sky.", ja: "女性たちが汚れを測り、青空を求めました。"}
    cover: media/meeting.png
    cover_alt: {en: People talking around a table, ja: テーブルを囲んで話し合う人々}
    exhibits:
      - id: laundry-test
        type: before_after
        title: {en: "White shirts, grey shirts", ja: "白いシャツ、灰色のシャツ"}
        before:
          image: media/shirt-grey.png
          alt: {en: A white shirt turned grey by soot, ja: すすで灰色になった白いシャツ}
          label: {en: "After one day outside", ja: "外に一日干したあと"}
        after:
          image: media/shirt-white.png
          alt: {en: A clean white shirt, ja: 真っ白なシャツ}
          label: {en: "Fresh from the wash", ja: "洗ったばかり"}
        caption: {en: "Mothers showed the dirt that fell on washing.", ja: "母親たちは、洗濯物に落ちる汚れを見せました。"}
      - id: mothers-story
        type: audio
        title: {en: "We want our blue sky back", ja: "青空がほしい"}
        audio:
          en: media/mothers.en.wav
          ja: media/mothers.ja.wav
        transcript:
          en: |
            We hung white cloth on our balconies.

            By evening it was grey. We took it to the city hall.
          ja: |
            私たちはベランダに白い布を干しました。

            夕方には灰色になっていました。それを市役所へ持って行ったのです。
        image: media/meeting.png
      - id: dust-cloth
        type: image
        title: {en: "A month of dust", ja: "ひと月分のばいじん"}
        image: media/dust-cloth.png
        alt: {en: A cloth that caught falling dust, ja: 降ってきたほこりを受けた布}
        caption: {en: "Dust collected on one cloth in a single month.", ja: "一枚の布に、ひと月で集まったばいじん。"}
        credit: {en: "A women's group", ja: "婦人会"}
      - id: blue-sky-quote
        type: quote
        title: {en: "A simple wish", ja: "ささやかな願い"}
        text: {en: "We only wanted our children to see a blue sky.", ja: "子どもたちに青い空を見せたかった、それだけです。"}
        author: {en: "A member of a women's group", ja: "婦人会の会員"}
      - id: cleanup-steps
        type: timeline
        title: {en: "Steps to clean air", ja: "きれいな空気への歩み"}
        events:
          - year: 1963
            title: {en: "Five towns become one city", ja: "五つの市が合併"}
          - year: 1965
            title: {en: "Mothers start measuring", ja: "母親たちが測定を始める"}
            text: {en: "They collect dust on white cloth.", ja: "白い布でばいじんを集めました。"}
          - year: 1970
            title: {en: "Factories sign clean-air deals", ja: "工場と公害防止協定"}
          - year: 1987
            title: {en: "The sky is declared clear", ja: "星空の街に選ばれる"}
            image: media/blue-sky.png
  - id: green-city
    title: {en: "A Green City", ja: "緑のまち"}
    summary: {en: "Fish came back, and the city shared what it learned.", ja: "魚が戻り、学んだことを世界と分かち合う。"}
    cover: media/blue-sky.png
    exhibits:
      - id: fish-return
        type: chart
        title: {en: "Kinds of sea life found in the bay", ja: "湾で見つかった生きものの種類"}
        kind: line
        categories: ["1970", "1980", "1990", "2000", "2010"]
        series:
          - name: {en: "Fish", ja: "魚"}
            values: [0, 12, 48, 80, 100]
          - name: {en: "Shellfish", ja: "貝"}
            values: [0, 10, 40, 78, 96]
        unit: {en: "kinds", ja: "種類"}
        source: {en: "Example figures for this exhibition", ja: "展示用の例示データ"}
      - id: bay-map
        type: map
        title: {en: "Around the bay today", ja: "いまの湾のまわり"}
        image: media/bay-map.png
        alt: {en: A map of the bay and its shore, ja: 湾と海岸の地図}
        caption: {en: "Touch a place to open its story.", ja: "場所にふれると、その物語が開きます。"}
        hotspots:
          - x: 0.30
            y: 0.40
            label: {en: "The old furnace", ja: "旧溶鉱炉"}
            exhibit: first-furnace
          - x: 0.33
            y: 0.43
            label: {en: "The works", ja: "製鉄所"}
            exhibit: works-plan
          - x: 0.62
            y: 0.58
            label: {en: "The bay", ja: "湾"}
            exhibit: dead-bay
          - x: 0.75
            y: 0.30
            label: {en: "Eco town", ja: "エコタウン"}
            exhibit: eco-town
      - id: eco-town
        type: article
        title: {en: "Eco town", ja: "エコタウン"}
        summary: {en: "Old factory land now recycles.", ja: "工場の跡地が、リサイクルの拠点に。"}
        body:
          en: |
            In 1997 the city opened a recycling zone on reclaimed land.

            Cars, computers and bottles are taken apart and used again.
          ja: |
            1997年、市は埋め立て地にリサイクルの拠点を開きました。

            自動車やパソコン、ペットボトルを分解し、もう一度使います。
      - id: city-partners
        type: stats
        title: {en: "Sharing what we learned", ja: "学んだことを分かち合う"}
        items:
          - value: 1979
            label: {en: "Sister city with Dalian since", ja: "大連市と友好都市に"}
          - value: 2011
            label: {en: "Named a green growth model city", ja: "グリーン成長モデル都市に選定"}
          - value: 10000
            grouping: true
            label: {en: "Visitors trained, about", ja: "研修を受けた人（約）"}
            unit: {en: "people", ja: "人"}
      - id: bay-today
        type: gallery
        title: {en: "The bay today", ja: "いまの湾"}
        items:
          - image: media/bay-boats.png
            alt: {en: Small boats on the bay, ja: 湾に浮かぶ小舟}
            caption: {en: "Small boats fish again.", ja: "小さな漁船がまた漁に出ます。"}
          - image: media/bay-park.png
            alt: {en: A park along the bay, ja: 湾沿いの公園}
            caption: {en: "A park on the old shore.", ja: "昔の岸辺は公園になりました。"}
      - id: bay-then-now
        type: before_after
        title: {en: "The bay, then and now", ja: "湾の今と昔"}
        before:
          image: media/grey-sky.png
          label: "1965"
        after:
          image: media/bay-boats.png
          label: "2010"
        caption: {en: "Twenty years of work changed the water.", ja: "二十年の取り組みが、海を変えました。"}
      - id: engineer-quote
        type: quote
        title: {en: "An engineer looks back", ja: "技術者のふりかえり"}
        text: {en: "Clean air was not a cost. It was the best thing we ever built.", ja: "きれいな空気はコストではなく、私たちが造った最高のものでした。"}
        author: {en: "A plant engineer", ja: "工場の技術者"}
        role: {en: "Worked on the first filters", ja: "最初の集じん装置を担当"}
        image: media/engineer.png
        alt: {en: An engineer at work, ja: 仕事中の技術者}
"""

CAPTIONS = {
    "en": """\
WEBVTT

00:00.000 --> 00:04.000
Evening falls over the steel town.

00:04.000 --> 00:08.000
The chimneys never stop.
""",
    "ja": """\
WEBVTT

00:00.000 --> 00:04.000
鉄のまちに夕暮れがおとずれます。

00:04.000 --> 00:08.000
煙突は休むことがありません。
""",
}

PICTURES: dict[str, tuple[str, str, tuple[int, int]]] = {
    "attract-sky.png": ("#6d8fb0", "#e8eef4", (960, 540)),
    "attract-bay.png": ("#2f6f8a", "#d8e8ee", (960, 540)),
    "furnace.png": ("#5a3426", "#e08a3c", (800, 600)),
    "works-plan.png": ("#e6dfcc", "#6e6452", (1600, 1000)),
    "shift-morning.png": ("#a4845c", "#f0dcb8", (800, 600)),
    "shift-noon.png": ("#8a7a5c", "#ece0c0", (800, 600)),
    "shift-night.png": ("#2a2a3a", "#c0a060", (800, 600)),
    "grey-sky.png": ("#6a6a6a", "#b8a890", (800, 600)),
    "chimneys-poster.png": ("#4a3a3a", "#d07a40", (960, 540)),
    "meeting.png": ("#7a6a5a", "#f4e8d8", (800, 600)),
    "shirt-grey.png": ("#7a7a76", "#a8a8a0", (600, 600)),
    "shirt-white.png": ("#e8e8e4", "#bcbcb4", (600, 600)),
    "blue-sky.png": ("#4a8ac8", "#f0f6fc", (800, 600)),
    "bay-map.png": ("#d8e4dc", "#4a7a8a", (1200, 800)),
    "bay-boats.png": ("#3a7a9a", "#f0e8d0", (800, 600)),
    "bay-park.png": ("#4a8a5a", "#e0f0d0", (800, 600)),
    "engineer.png": ("#5a6a7a", "#e0d0b0", (600, 600)),
    "dust-cloth.png": ("#8a8478", "#3a3630", (800, 600)),
}


def write_japanese_exhibition(root: Path) -> Path:
    """Write the English and Japanese exhibition into `root` and return it."""
    from tests.ui_helpers import draw_picture

    media = root / "media"
    (root / "floors").mkdir(parents=True, exist_ok=True)
    media.mkdir(parents=True, exist_ok=True)
    (root / "exhibition.yaml").write_text(EXHIBITION_YAML, encoding="utf-8")
    (root / "floors" / "1-smoke.yaml").write_text(FLOOR_1, encoding="utf-8")
    (root / "floors" / "2-clean.yaml").write_text(FLOOR_2, encoding="utf-8")
    for name, (base, detail, size) in PICTURES.items():
        draw_picture(media / name, base, detail, size=size)
    for language, text in CAPTIONS.items():
        (media / f"chimneys.{language}.vtt").write_text(text, encoding="utf-8")
    bundled = REPO / "content" / "media"
    shutil.copyfile(bundled / "video" / "port-loop.mp4", media / "chimneys.mp4")
    shutil.copyfile(bundled / "audio" / "kitakyushu-story.en.wav", media / "mothers.en.wav")
    shutil.copyfile(bundled / "audio" / "kitakyushu-story.zh.wav", media / "mothers.ja.wav")
    return root


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: python -m tests.japanese_content FOLDER", file=sys.stderr)
        return 2
    print(f"wrote a test exhibition to {write_japanese_exhibition(Path(argv[0]))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
