"""Extracting a 1 MB HTML page, beside trafilatura's own extraction of the same page.

Target (issue 3): our whole analysis (decode, main text with headings, sentence
classification) under 1 s for a 1 MB page. The baseline is `trafilatura.extract` on the
same page in the same run, so the ratio is our overhead over the extractor itself.

Run: .venv/bin/python bench/research.py [--size-kb N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

import trafilatura

from coffeechat.research.documents import RawInput
from coffeechat.research.ingest import analyse_raw

_VOCABULARY = (
    "growers customers teams clinics schools neighbours members partners volunteers riders "
    "software bread water power maps policies grants courses programs shops routes "
    "build serve train fund deliver repair publish plan measure share open review "
    "careful local fair steady quiet honest practical patient regional seasonal"
)
WORDS = _VOCABULARY.split(" ")
HEADINGS = [
    "Our mission", "Our values", "Life at Northgate", "News", "What we do", "Our approach",
    "Strategic priorities", "Leadership", "History", "Programs", "Partners", "Careers",
]  # fmt: skip
LEAD = [
    "Our mission is to help every neighbour in the region find steady work.",
    "We believe that patient teams build better services.",
    "On March 3, 2024 we opened a training centre in Millbrook.",
    "Our teams work flexible hours and business casual is the norm.",
    "By 2030 we will train ten thousand apprentices.",
]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    return " ".join(words).capitalize() + "."


def make_page(size: int, seed: int = 7) -> bytes:
    """A large, realistic page: menus, a cookie banner, many sections, a long footer."""
    rng = random.Random(seed)
    nav = "".join(f"<li><a href='/p{n}'>Menu item {n}</a></li>" for n in range(40))
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Northgate Works</title>"
        "</head><body><div class='cookie-banner'><p>We use cookies. Accept all?</p></div>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><h1>About Northgate Works</h1>"
    )
    tail = f"</main><footer><ul>{nav}</ul><p>© 2024 Northgate Works.</p></footer></body></html>"
    parts = [head]
    length = len(head) + len(tail)
    section = 0
    while length < size:
        heading = HEADINGS[section % len(HEADINGS)]
        block = [f"<h2>{heading} {section // len(HEADINGS) or ''}</h2>"]
        block.append(f"<p>{LEAD[section % len(LEAD)]} {_sentence(rng)} {_sentence(rng)}</p>")
        for _ in range(3):
            block.append("<p>" + " ".join(_sentence(rng) for _ in range(4)) + "</p>")
        items = "".join(f"<li>{_sentence(rng)}</li>" for _ in range(4))
        block.append(f"<ul>{items}</ul>")
        chunk = "".join(block)
        parts.append(chunk)
        length += len(chunk)
        section += 1
    parts.append(tail)
    return "".join(parts).encode("utf-8")


def _median(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-kb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    page = make_page(args.size_kb * 1024)
    html = page.decode("utf-8")
    raw = RawInput(page, name="big.html", content_type="text/html; charset=utf-8")

    analysis = analyse_raw(raw)  # warm up both, and check we really extracted the page
    baseline_text = trafilatura.extract(html) or ""
    ours = _median(lambda: analyse_raw(raw), args.runs)
    theirs = _median(lambda: trafilatura.extract(html), args.runs)

    print(f"page: {len(page) / 1024:.0f} KB of HTML, median of {args.runs} runs")
    print(f"  trafilatura.extract alone:         {theirs * 1000:8.1f} ms")
    print(f"  coffeechat analysis (all steps):   {ours * 1000:8.1f} ms")
    print(f"  overhead ratio (ours / trafilatura): {ours / theirs:6.2f}x")
    print(
        f"  extracted {len(analysis.extracted.text):,} chars "
        f"(trafilatura: {len(baseline_text):,}), {len(analysis.facts):,} facts"
    )
    verdict = "PASS" if ours < 1.0 else "FAIL"
    print(f"  target: under 1 s for a 1 MB page: {verdict}")


if __name__ == "__main__":
    main()
