"""Small PDFs in the layout of a profile's own "Save to PDF", written with fpdf2."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

# (company, [(title, dates, location)]); several titles under one company form a group.
Experience = list[tuple[str, list[tuple[str, str, str]]]]


def profile_pdf(
    path: Path,
    *,
    name: str,
    headline: str,
    experience: Experience,
    education: list[tuple[str, str]],
    skills: tuple[str, ...] = ("Budgeting", "Stakeholder interviews"),
) -> Path:
    """A two-column profile: a sidebar (contact, skills) and the main column."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    # Sidebar on the left, as the real layout has it.
    pdf.set_xy(10, 15)
    for line in ("Contact", "www.example.org/in/someone", "Top Skills", *skills):
        pdf.set_x(10)
        pdf.cell(50, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(70, 15)
    pdf.set_font("Helvetica", size=16)
    pdf.cell(120, 8, name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    _main(pdf, headline)
    _main(pdf, "Experience", size=13)
    for company, roles in experience:
        _main(pdf, company, size=11)
        if len(roles) > 1:
            _main(pdf, f"{len(roles) + 2} years 4 months")
        for title, dates, location in roles:
            _main(pdf, title)
            _main(pdf, dates)
            _main(pdf, location)
    _main(pdf, "Education", size=13)
    for school, degree in education:
        _main(pdf, school, size=11)
        _main(pdf, degree)
    pdf.output(str(path))
    return path


def _main(pdf: FPDF, text: str, size: int = 10) -> None:
    pdf.set_font("Helvetica", size=size)
    pdf.set_x(70)
    pdf.cell(120, 6, text, new_x="LMARGIN", new_y="NEXT")
