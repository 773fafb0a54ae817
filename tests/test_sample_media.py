"""The sample exhibition's committed media: present, the right size, not blank, small enough."""

from __future__ import annotations

import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
MEDIA = CONTENT / "media"
sys.path.insert(0, str(REPO / "scripts"))

from sample_media import catalogue  # noqa: E402

SPECIAL_SIZES = {
    "media/achievements/master-plan.png": (4096, 4096),
    "media/achievements/port-map.png": (1600, 1200),
    "media/ecology/kitakyushu-dalian.png": (1600, 1200),
    "media/video/city-growth-poster.png": (1280, 720),
}
FOLDER_SIZES = {"attract": (1920, 1080), "floors": (1600, 900)}
PICTURES = sorted([pic.path for pic in catalogue.PICTURES] + [catalogue.POSTER])


def expected_size(rel: str) -> tuple[int, int]:
    if rel in SPECIAL_SIZES:
        return SPECIAL_SIZES[rel]
    return FOLDER_SIZES.get(rel.split("/")[1], (1600, 1000))


def distinct_colours(image: QImage, samples: int = 48) -> int:
    colours = set()
    for i in range(samples):
        for j in range(samples):
            x = (i * 2 + 1) * image.width() // (samples * 2)
            y = (j * 2 + 1) * image.height() // (samples * 2)
            colours.add(image.pixel(x, y) & 0xF0F0F0)  # ignore faint grain
    return len(colours)


def test_the_catalogue_lists_every_picture_once() -> None:
    assert len(PICTURES) == 31
    assert len(set(PICTURES)) == len(PICTURES)


@pytest.mark.parametrize("rel", PICTURES)
def test_picture_is_present_sized_and_not_blank(rel: str) -> None:
    reader = QImageReader(str(CONTENT / rel))
    width, height = expected_size(rel)
    assert reader.size() == QSize(width, height), rel
    reader.setScaledSize(QSize(width // 4, height // 4))
    image = reader.read()
    assert not image.isNull(), reader.errorString()
    assert distinct_colours(image) >= 12, f"{rel} looks nearly blank"


def test_before_and_after_pairs_share_a_size() -> None:
    for stem in ("bay", "chimney"):
        before = QImageReader(str(MEDIA / "ecology" / f"{stem}-before.png")).size()
        after = QImageReader(str(MEDIA / "ecology" / f"{stem}-after.png")).size()
        assert before == after


@pytest.mark.parametrize("rel", sorted(catalogue.FILMS))
def test_films_are_mp4_files(rel: str) -> None:
    head = (CONTENT / rel).read_bytes()[:12]
    assert head[4:8] == b"ftyp", rel
    assert (CONTENT / rel).stat().st_size > 100_000


@pytest.mark.parametrize("rel", sorted(catalogue.NARRATION.values()))
def test_narration_is_mono_wav_of_sensible_length(rel: str) -> None:
    with wave.open(str(CONTENT / rel), "rb") as sound:
        assert sound.getnchannels() == 1
        assert sound.getframerate() == 16000
        assert sound.getsampwidth() == 2
        seconds = sound.getnframes() / sound.getframerate()
    assert 5 < seconds < 180, f"{rel} lasts {seconds:.1f} s"


def test_media_folder_stays_small_enough_to_commit() -> None:
    total = sum(path.stat().st_size for path in MEDIA.rglob("*") if path.is_file())
    assert total < 25 * 1024 * 1024, f"content/media holds {total / 1e6:.1f} MB"


def test_drawing_one_picture_writes_a_real_image(qapp: object, tmp_path: Path) -> None:
    pic = catalogue.picture("media/ecology/global-500.png")
    out = catalogue.write_picture(pic, tmp_path, size=(320, 200))
    image = QImage(str(out))
    assert image.size() == QSize(320, 200)
    assert distinct_colours(image, 24) >= 12
