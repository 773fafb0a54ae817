"""Large test pictures, drawn by libvips in a child process.

The kiosk itself never loads libvips (its copies and tile pyramids are made by child processes),
so the tests do not either: libvips' own threads stay out of the process that runs Qt.

    stripes(path, (6000, 4000))                       grey stripes one pixel wide
    striped(path, size, alpha=False, shade=0)         stripes, a row shade and a version shade
    halves(path, (11000, 14000))                      a light left half and a blue right half
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TIMEOUT_S = 300


def _draw(kind: str, path: Path, **options: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "tests.vips_pictures", kind, str(path), json.dumps(options)],
                   check=True, timeout=TIMEOUT_S, cwd=Path(__file__).resolve().parent.parent)
    return path


def stripes(path: Path, size: tuple[int, int] = (6000, 4000)) -> Path:
    """Grey stripes one pixel wide: detail a screen-size copy cannot hold."""
    return _draw("stripes", path, size=size)


def striped(path: Path, size: tuple[int, int], alpha: bool = False, shade: int = 0) -> Path:
    """Stripes one pixel wide in red, each row's number (mod 256) in green, `shade` in blue."""
    return _draw("striped", path, size=size, alpha=alpha, shade=shade)


def halves(path: Path, size: tuple[int, int]) -> Path:
    """A light picture with a blue right half."""
    return _draw("halves", path, size=size)


def _save(image: object, path: str) -> None:
    if path.endswith(".jpg"):
        image.jpegsave(path, Q=85)  # type: ignore[attr-defined]
    else:
        image.pngsave(path, compression=1)  # type: ignore[attr-defined]


def main(kind: str, path: str, options: dict[str, object]) -> None:
    import pyvips

    width, height = options["size"]  # type: ignore[misc]
    if kind == "stripes":
        column = pyvips.Image.xyz(width, height)[0]
        _save(((column % 2) * 200 + 20).cast("uchar"), path)
    elif kind == "striped":
        xyz = pyvips.Image.xyz(width, height)
        lines = ((xyz[0] % 2) * 200 + 20).cast("uchar")
        image = lines.bandjoin([(xyz[1] % 256).cast("uchar"),
                                lines.new_from_image(options["shade"]).cast("uchar")])
        if options["alpha"]:
            image = image.bandjoin(lines.new_from_image(128).cast("uchar"))
        _save(image, path)
    elif kind == "halves":
        light = pyvips.Image.black(width, height).new_from_image([239, 232, 216]).cast("uchar")
        blue = light.new_from_image([90, 135, 168]).cast("uchar").crop(0, 0, width // 2, height)
        _save(light.insert(blue, width // 2, 0), path)
    else:
        raise SystemExit(f"unknown picture {kind!r}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))
