"""How long the accessibility audit takes per screen: touch targets, clipping, contrast.

Visits every screen of the bundled exhibition once in the standard kiosk and once with large
text, high contrast and reach together, and times each part of the audit (the screen's
settling is not counted). Run: `.venv/bin/python bench/ui_audit.py [--size WxH]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_common import REPO, content, offscreen

sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.split("x"))
    offscreen()
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.screens import KioskWindow
    from kiosk.render import audit, clipped_text, content_fields, scene, shots, text_contrast

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    exhibition, root, name = content()
    kiosk = KioskWindow(exhibition, root.resolve(), size=(size[0], size[1]), reduced_motion=True)
    kiosk.window.show()
    for modes in [(), ("large-text", "high-contrast", "reach")]:
        parts: dict[str, list[float]] = {"grab": [], "targets": [], "clipping": [], "contrast": [],
                                         "naming": []}
        texts = findings = 0
        for shot in shots.plan(exhibition, "en"):
            method, argument = shot.move
            slot = getattr(kiosk.navigator, method)
            slot(argument) if argument else slot()
            shots.apply_modes(kiosk, modes)
            kiosk.settle()
            root_item = kiosk.window.contentItem()
            window_rect = QRectF(0, 0, kiosk.window.width(), kiosk.window.height())
            started = time.perf_counter()
            image = kiosk.window.grabWindow()
            parts["grab"].append(time.perf_counter() - started)
            started = time.perf_counter()
            found = audit.small_targets(root_item)
            parts["targets"].append(time.perf_counter() - started)
            started = time.perf_counter()
            found += clipped_text.clipped_texts(root_item, window_rect)
            parts["clipping"].append(time.perf_counter() - started)
            started = time.perf_counter()
            target = shots.contrast_target(kiosk, modes)
            found += text_contrast.low_contrast_texts(root_item, image, window_rect, target)
            parts["contrast"].append(time.perf_counter() - started)
            started = time.perf_counter()
            found = content_fields.name_places(found, kiosk.navigator)
            parts["naming"].append(time.perf_counter() - started)
            texts += sum(1 for _ in scene.texts(root_item))
            findings += len(found)
        screens = len(parts["grab"])
        label = "+".join(modes) or "default"
        print(f"{name}, {label}, {size[0]}x{size[1]}: {screens} screens, {texts} texts, "
              f"{findings} findings")
        for part, times in parts.items():
            print(f"  {part:9s} median {statistics.median(times) * 1000:6.1f} ms, "
                  f"max {max(times) * 1000:6.1f} ms per screen")
        total = sum(sum(times) for times in parts.values())
        print(f"  whole audit {total / screens * 1000:.0f} ms per screen on average")
    kiosk.close()
    del app


if __name__ == "__main__":
    main()
