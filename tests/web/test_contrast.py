"""Colour contrast of the stylesheet's palette meets WCAG AA, in light and dark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STYLESHEET = Path(__file__).parents[2] / "coffeechat" / "web" / "static" / "style.css"

# (foreground, background, minimum ratio): 4.5 for text, 3 for focus rings and borders.
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("text", "surface-2", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("muted", "surface-2", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "surface", 4.5),
    ("accent-text", "accent", 4.5),
    ("text", "accent-soft", 4.5),
    ("danger", "surface", 4.5),
    ("focus", "bg", 3.0),
    ("focus", "surface", 3.0),
]


def _palettes() -> dict[str, dict[str, str]]:
    css = STYLESHEET.read_text()
    light = re.search(r":root\s*{(.*?)}", css, re.S)
    dark = re.search(r"prefers-color-scheme: dark\)\s*{\s*:root\s*{(.*?)}", css, re.S)
    assert light and dark
    parse = lambda block: dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))  # noqa: E731
    return {"light": parse(light.group(1)), "dark": parse(dark.group(1))}


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_colour_is_readable_on_its_background(scheme: str) -> None:
    palette = _palettes()[scheme]
    for foreground, background, minimum in PAIRS:
        ratio = contrast(palette[foreground], palette[background])
        assert ratio >= minimum, f"{scheme}: {foreground} on {background} is {ratio:.2f}"
