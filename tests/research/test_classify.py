"""How headings, phrasing and lists decide a sentence's kind."""

from __future__ import annotations

from coffeechat.research.classify import classify
from coffeechat.research.extract import extract_html, extract_plain


def _kinds(html: str) -> list[tuple[str, str]]:
    doc = extract_html(f"<html><body><main>{html}</main></body></html>")
    return [(f.kind, doc.text[f.start : f.end]) for f in classify(doc)]


def test_the_first_sentence_under_a_mission_heading_is_the_mission_and_only_that() -> None:
    found = _kinds(
        "<h2>Our mission</h2><p>We keep the county's rivers clean and open to everyone. "
        "We were founded by anglers in 1962.</p>"
    )
    assert found == [("mission", "We keep the county's rivers clean and open to everyone.")]


def test_a_question_does_not_count_as_the_first_sentence() -> None:
    found = _kinds(
        "<h2>Our purpose</h2><p>Why do we do this?</p>"
        "<p>We keep the county's rivers clean and open to everyone.</p>"
    )
    assert found == [("mission", "We keep the county's rivers clean and open to everyone.")]


def test_a_subsection_under_a_mission_page_is_not_read_as_the_mission() -> None:
    found = _kinds(
        "<h1>Our mission</h1><p>We keep the county's rivers clean and open to everyone.</p>"
        "<h2>Our approach</h2><p>Volunteers sample the water at forty sites each month.</p>"
    )
    assert [kind for kind, _ in found] == ["mission"]


def test_a_heading_that_states_the_mission_is_the_mission() -> None:
    found = _kinds(
        "<h1>Our mission: clean rivers for every town</h1>"
        "<p>Volunteers sample the water at forty sites each month.</p>"
    )
    assert found[0] == ("mission", "Our mission: clean rivers for every town")
    assert all(kind != "mission" for kind, _ in found[1:])


def test_a_fundraising_section_is_not_read_as_a_description() -> None:
    found = _kinds(
        "<h2>Support our work</h2><p>Most of our budget comes from small monthly gifts.</p>"
    )
    assert found == []


def test_vision_goals_and_values_by_phrasing() -> None:
    found = _kinds(
        "<p>Our vision is a valley where every child can swim in the river.</p>"
        "<p>By 2030 we will restore twelve miles of riverbank.</p>"
        "<p>We believe that clean water is a shared inheritance.</p>"
    )
    assert [kind for kind, _ in found] == ["vision", "goal", "value"]


def test_values_under_a_values_heading_are_found_as_items_and_subheadings() -> None:
    found = _kinds(
        "<h2>Our values</h2><h3>Curiosity</h3><p>We ask before we assume.</p>"
        "<h3>Care</h3><p>We leave every site better than we found it.</p>"
    )
    assert [kind for kind, _ in found] == ["value"] * 4


def test_culture_and_product_sections_need_their_own_heading() -> None:
    found = _kinds(
        "<h1>Careers at Millrace</h1><p>Millrace makes water sensors for farms.</p>"
        "<h2>How to apply</h2><p>Send a short letter and your resume by the end of May.</p>"
        "<h2>Life at Millrace</h2><p>Everyone spends one Friday a month in the field.</p>"
    )
    assert found == [
        ("product", "Millrace makes water sensors for farms."),
        ("culture", "Everyone spends one Friday a month in the field."),
    ]


def test_plain_text_markdown_headings_are_structure() -> None:
    doc = extract_plain("# About\n\n## Our mission\n\nWe keep rivers clean for every town.\n")
    assert [(f.kind, doc.text[f.start : f.end]) for f in classify(doc)] == [
        ("mission", "We keep rivers clean for every town.")
    ]


def test_sentences_under_a_dress_code_heading_are_dress_cues() -> None:
    found = _kinds("<h2>What to wear</h2><p>Most people here dress simply and comfortably.</p>")
    assert found == [("dress_cue", "Most people here dress simply and comfortably.")]
