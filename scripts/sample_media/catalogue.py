"""Every media file of the sample exhibition: where it goes and what draws it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QPainter

from . import achievements, attract, covers, ecology, history, maps, master_plan
from .paint import DrawFn, captions_on, render, save_png


@dataclass(frozen=True)
class Picture:
    path: str  # relative to the content folder
    draw: DrawFn
    width: int
    height: int


def uncaptioned(draw: DrawFn) -> DrawFn:
    """The picture without its painted caption: the kiosk labels before/after pairs itself."""

    def drawn(p: QPainter, w: float, h: float) -> None:
        captions_on[0] = False
        try:
            draw(p, w, h)
        finally:
            captions_on[0] = True

    return drawn


def _pictures() -> list[Picture]:
    wide, cover, plate, square_map = (1920, 1080), (1600, 900), (1600, 1000), (1600, 1200)
    table: list[tuple[str, DrawFn, tuple[int, int]]] = [
        ("media/attract/skyline-dusk.png", attract.skyline_dusk, wide),
        ("media/attract/port-cranes.png", attract.port_cranes, wide),
        ("media/attract/green-coast.png", attract.green_coast, wide),
        ("media/floors/floor1-history.png", covers.floor1_history, cover),
        ("media/floors/floor2-achievements.png", covers.floor2_achievements, cover),
        ("media/floors/floor3-ecology.png", covers.floor3_ecology, cover),
        ("media/history/old-harbour.png", history.old_harbour, plate),
        ("media/history/street-plan-1930.png", history.street_plan_1930, plate),
        ("media/history/zhongshan-square.png", history.zhongshan_square, plate),
        ("media/history/industry-1970s.png", history.industry_1970s, plate),
        ("media/history/city-1990s.png", history.city_1990s, plate),
        ("media/history/city-today.png", history.city_today, plate),
        ("media/achievements/exhibition-center.png", achievements.exhibition_center, plate),
        ("media/achievements/master-plan.png", master_plan.master_plan, (4096, 4096)),
        ("media/achievements/port-terminal.png", achievements.port_terminal, plate),
        ("media/achievements/freight-train.png", achievements.freight_train, plate),
        ("media/achievements/cold-chain.png", achievements.cold_chain, plate),
        ("media/achievements/green-factory.png", achievements.green_factory, plate),
        ("media/achievements/future-waterfront.png", achievements.future_waterfront, plate),
        ("media/achievements/port-map.png", maps.port_map, square_map),
        ("media/ecology/bay-before.png", uncaptioned(ecology.bay_before), plate),
        ("media/ecology/bay-after.png", uncaptioned(ecology.bay_after), plate),
        ("media/ecology/chimney-before.png", uncaptioned(ecology.chimney_before), plate),
        ("media/ecology/chimney-after.png", uncaptioned(ecology.chimney_after), plate),
        ("media/ecology/coastal-park.png", ecology.coastal_park, plate),
        ("media/ecology/kitakyushu-dalian.png", maps.kitakyushu_dalian, square_map),
        ("media/ecology/training.png", ecology.training, plate),
        ("media/ecology/global-500.png", ecology.global_500, plate),
        ("media/ecology/people-plaza.png", ecology.people_plaza, plate),
        ("media/ecology/green-corridor.png", ecology.green_corridor, plate),
    ]
    return [Picture(path, draw, w, h) for path, draw, (w, h) in table]


PICTURES = _pictures()
POSTER = "media/video/city-growth-poster.png"
FILMS = {"media/video/city-growth.mp4": 24.0, "media/video/port-loop.mp4": 8.0}
NARRATION = {"en": "media/audio/kitakyushu-story.en.wav", "zh": "media/audio/kitakyushu-story.zh.wav"}


def picture(path: str) -> Picture:
    for pic in PICTURES:
        if pic.path == path:
            return pic
    raise KeyError(path)


def write_picture(pic: Picture, content: Path, size: tuple[int, int] | None = None) -> Path:
    """Draw one picture (optionally scaled to `size`) and save it as a compact PNG."""
    out = content / pic.path
    out.parent.mkdir(parents=True, exist_ok=True)
    w, h = size or (pic.width, pic.height)
    image = render(pic.draw, pic.width, pic.height, w, h)
    save_png(image, str(out))
    return out
