"""Narration for the Kitakyushu story, spoken by espeak-ng and tidied with sox."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml

STORY_ID = "kitakyushu-story"
INSTALL_HINT = "install both with: apt-get install espeak-ng sox"
VOICES = {"en": "en", "zh": "cmn-latn-pinyin"}
FALLBACK = {
    "en": "Dalian and Kitakyushu are friends across the sea. "
    "Kitakyushu once had dirty skies and a dead bay. It cleaned them up. "
    "From 1996 its engineers shared what they learned with Dalian.",
    "zh": "大连和北九州是隔海相望的朋友。北九州曾经天空污浊，海湾失去生机，后来治理好了。"
    "从1996年起，那里的工程师把经验分享给了大连。",
}


class ToolMissing(RuntimeError):
    pass


def find_exhibit(node: object, wanted: str) -> dict[str, object] | None:
    """Walk parsed YAML for a mapping whose `id` is `wanted`."""
    if isinstance(node, dict):
        if node.get("id") == wanted:
            return node
        children: list[object] = list(node.values())
    elif isinstance(node, list):
        children = list(node)
    else:
        return None
    for child in children:
        found = find_exhibit(child, wanted)
        if found is not None:
            return found
    return None


def transcript(content: Path) -> tuple[dict[str, str], str | None]:
    """The story's transcript per language, and a warning when the built-in text stands in."""
    floor = content / "floors" / "3-ecology.yaml"
    if not floor.exists():
        return FALLBACK, f"{floor} not found; using a short built-in narration"
    with floor.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    exhibit = find_exhibit(data, STORY_ID)
    words = exhibit.get("transcript") if exhibit else None
    if not isinstance(words, dict) or not all(isinstance(words.get(k), str) for k in VOICES):
        return FALLBACK, f"exhibit '{STORY_ID}' with an en/zh transcript not found in {floor}"
    return {k: str(words[k]).strip() for k in VOICES}, None


def speak(words: str, language: str, out: Path) -> None:
    """Speak `words` to a 16 kHz mono WAV at `out`, normalised to -3 dBFS."""
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            raise ToolMissing(f"{tool} is needed for the narration; {INSTALL_HINT}")
    out.parent.mkdir(parents=True, exist_ok=True)
    speed = "150" if language == "en" else "170"
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        text_file = Path(tmp) / "words.txt"
        text_file.write_text(" ".join(words.split()), encoding="utf-8")
        subprocess.run(
            ["espeak-ng", "-v", VOICES[language], "-s", speed, "-f", str(text_file), "-w", str(raw)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                "sox",
                "-R",  # repeatable: the same dither on every run
                str(raw),
                "-r",
                "16000",
                "-c",
                "1",
                "-b",
                "16",
                str(out),
                "norm",
                "-3",
                "pad",
                "0.3",
                "0.5",
            ],
            check=True,
            capture_output=True,
        )
