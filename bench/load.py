"""Benchmark: validate and load a synthetic exhibition of 1,000 exhibits and 2,000 image references.

Prints one JSON object. Targets: under 1 s and under 100 MB on a 2-core machine. No image is opened:
media are checked by name and file metadata only.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.content.load import load_exhibition

PNG = bytes.fromhex("89504e470d0a1a0a")


def text(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh": zh}


def build(root: Path, exhibits: int, floors: int = 5, sections_per_floor: int = 10) -> int:
    """Write the synthetic exhibition; returns the number of image references."""
    (root / "floors").mkdir(parents=True)
    media = root / "media"
    media.mkdir()
    images = 0

    def image() -> str:
        nonlocal images
        images += 1
        name = f"media/img-{images:05d}.png"
        (root / name).write_bytes(PNG)
        return name

    settings = {
        "schema_version": 1, "title": text("Bench hall", "基准馆"), "languages": ["en", "zh"],
        "default_language": "en",
    }
    (root / "exhibition.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True))
    per_section = exhibits // (floors * sections_per_floor)
    count = 0
    for f in range(floors):
        sections = []
        for s in range(sections_per_floor):
            items = []
            for _ in range(per_section):
                count += 1
                items.append({
                    "id": f"exhibit-{count}", "type": "gallery",
                    "title": text(f"Exhibit {count}", f"展品 {count}"),
                    "summary": text("A short line for the card.", "卡片上的一句话。"),
                    "items": [
                        {"image": image(), "caption": text("First picture", "第一张")},
                        {"image": image(), "caption": text("Second picture", "第二张")},
                    ],
                })
            sections.append({"id": f"section-{f}-{s}", "title": text("Section", "展区"), "exhibits": items})
        floor = {"id": f"floor-{f}", "number": f + 1, "title": text("Floor", "楼层"),
                 "color": "#2b4c7e", "sections": sections}
        (root / "floors" / f"{f + 1}.yaml").write_text(yaml.safe_dump(floor, allow_unicode=True))
    return images


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exhibits", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        images = build(root, args.exhibits)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = load_exhibition(root)
            times.append(time.perf_counter() - started)
            assert result.exhibition is not None, result.problems[:3]
        tracemalloc.start()
        load_exhibition(root)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        exhibits = len(result.exhibition.exhibits())
    print(json.dumps({
        "benchmark": "content_load",
        "exhibits": exhibits,
        "image_references": images,
        "validate_load_seconds_median": round(statistics.median(times), 3),
        "validate_load_seconds_max": round(max(times), 3),
        "python_heap_peak_mb": round(peak / 1024 / 1024, 1),
        "process_peak_rss_mb": round(rss_after, 1),
        "process_rss_growth_mb": round(rss_after - rss_before, 1),
        "target": "under 1 s and under 100 MB",
    }))


if __name__ == "__main__":
    main()
