"""A small O*NET text release in the real tab-delimited format, written by the tests.

Three occupations with their own (made-up) wording; column headers as in the O*NET
text release's data dictionary.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coffeechat.careers.onet_files import open_local
from coffeechat.careers.onet_import import ImportReport, import_onet

DEV = "15-1252.00"
NURSE = "29-1141.00"
PAINTER = "47-2141.00"

_RATING_TAIL = ["n/a", "n/a", "n/a", "N", "08/2025", "Incumbent"]
_CONTEXT_TAIL = ["n/a", "n/a", "n/a", "N", "n/a", "08/2025", "Incumbent"]

RELEASE: dict[str, list[list[str]]] = {
    "Occupation Data.txt": [
        ["O*NET-SOC Code", "Title", "Description"],
        [DEV, "Software Developers", "Design and build computer programs and apps."],
        [NURSE, "Registered Nurses", "Care for patients and teach them about their health."],
        [PAINTER, "Painters, Construction and Maintenance", "Paint walls and buildings."],
    ],
    "Alternate Titles.txt": [
        ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
        [DEV, "Application Programmer", "n/a", "08"],
        [DEV, "Backend Engineer", "n/a", "10"],
        [NURSE, "Staff Nurse", "n/a", "02"],
        [NURSE, "Registered Nurse (RN)", "RN", "08"],
        [PAINTER, "House Painter", "n/a", "08"],
    ],
    "Task Statements.txt": [
        ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding"]
        + ["Date", "Domain Source"],
        [DEV, "101", "Write and test code for new features.", "Core", "30", "08/2025", "Analyst"],
        [DEV, "102", "Meet users to learn what they need.", "Core", "30", "08/2025", "Analyst"],
        [DEV, "103", "Keep notes on design choices.", "Supplemental", "30", "08/2025", "Analyst"],
        [DEV, "104", "Review a colleague's changes.", "n/a", "n/a", "08/2025", "Analyst"],
        [NURSE, "201", "Check and record patients' vital signs.", "Core", "40", "08/2025", "Inc"],
    ],
    "Task Ratings.txt": [
        ["O*NET-SOC Code", "Task ID", "Scale ID", "Category", "Data Value", "N"]
        + ["Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress"]
        + ["Date", "Domain Source"],
        [DEV, "101", "IM", "n/a", "4.10", "30", *_RATING_TAIL],
        [DEV, "101", "FT", "5", "60.00", "30", *_RATING_TAIL],
        [DEV, "102", "IM", "n/a", "4.62", "30", *_RATING_TAIL],
        [DEV, "103", "IM", "n/a", "2.90", "30", *_RATING_TAIL],
        [NURSE, "201", "IM", "n/a", "4.80", "40", *_RATING_TAIL],
    ],
    "Job Zones.txt": [
        ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
        [DEV, "4", "08/2025", "Analyst"],
        [NURSE, "3", "08/2025", "Analyst"],
    ],
    "Job Zone Reference.txt": [
        ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
        [
            "3",
            "Medium preparation",
            "Some prior work helps.",
            "Trade school or an associate's.",
            "One or two years on the job.",
            "Electricians.",
            "(6.0 to < 7.0)",
        ],
        [
            "4",
            "Considerable preparation",
            "Several years of related work.",
            "Most have a bachelor's degree.",
            "Several years of training.",
            "Accountants.",
            "(7.0 to < 8.0)",
        ],
    ],
    "Education, Training, and Experience Categories.txt": [
        ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
        ["2.D.1", "Required Level of Education", "RL", "6", "Bachelor's Degree"],
        ["2.D.1", "Required Level of Education", "RL", "7", "Post-Baccalaureate Certificate"],
        ["2.D.1", "Required Level of Education", "RL", "8", "Master's Degree"],
        ["3.A.1", "Related Work Experience", "RW", "6", "Over 1 year, up to 2 years"],
    ],
    "Education, Training, and Experience.txt": [
        ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value"]
        + ["N", "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress"]
        + ["Date", "Domain Source"],
        [
            DEV,
            "2.D.1",
            "Required Level of Education",
            "RL",
            "6",
            "64.00",
            "25",
            *_RATING_TAIL[:4],
            "08/2025",
            "Occupational Expert",
        ],
        [
            DEV,
            "2.D.1",
            "Required Level of Education",
            "RL",
            "7",
            "3.00",
            "25",
            *_RATING_TAIL[:4],
            "08/2025",
            "Occupational Expert",
        ],
        [
            DEV,
            "2.D.1",
            "Required Level of Education",
            "RL",
            "8",
            "28.00",
            "25",
            *_RATING_TAIL[:4],
            "08/2025",
            "Occupational Expert",
        ],
        [
            DEV,
            "3.A.1",
            "Related Work Experience",
            "RW",
            "6",
            "40.00",
            "25",
            *_RATING_TAIL[:4],
            "08/2025",
            "Occupational Expert",
        ],
        [
            DEV,
            "3.A.2",
            "On-Site or In-Plant Training",
            "PT",
            "2",
            "50.00",
            "25",
            *_RATING_TAIL[:4],
            "08/2025",
            "Occupational Expert",
        ],
    ],
    "Work Context Categories.txt": [
        ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
        ["4.C.2.a.1.a", "Indoors, Environmentally Controlled", "CXP", "1", "Never"],
        ["4.C.2.a.1.a", "Indoors, Environmentally Controlled", "CXP", "5", "Every day"],
        ["4.C.3.d.8", "Duration of Typical Work Week", "CTP", "2", "40 hours"],
        ["4.C.3.d.8", "Duration of Typical Work Week", "CTP", "3", "More than 40 hours"],
    ],
    "Work Context.txt": [
        ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value"]
        + ["N", "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress"]
        + ["Not Relevant", "Date", "Domain Source"],
        [
            DEV,
            "4.C.2.a.1.a",
            "Indoors, Environmentally Controlled",
            "CX",
            "n/a",
            "4.90",
            "30",
            *_CONTEXT_TAIL,
        ],
        [
            DEV,
            "4.C.2.a.1.a",
            "Indoors, Environmentally Controlled",
            "CXP",
            "1",
            "2.00",
            "30",
            *_CONTEXT_TAIL,
        ],
        [
            DEV,
            "4.C.2.a.1.a",
            "Indoors, Environmentally Controlled",
            "CXP",
            "5",
            "91.00",
            "30",
            *_CONTEXT_TAIL,
        ],
        [
            DEV,
            "4.C.2.a.1.c",
            "Outdoors, Exposed to All Weather Conditions",
            "CX",
            "n/a",
            "1.10",
            "30",
            *_CONTEXT_TAIL,
        ],
        [
            DEV,
            "4.C.3.d.8",
            "Duration of Typical Work Week",
            "CT",
            "n/a",
            "2.10",
            "30",
            *_CONTEXT_TAIL,
        ],
        [
            DEV,
            "4.C.3.d.8",
            "Duration of Typical Work Week",
            "CTP",
            "2",
            "72.00",
            "30",
            *_CONTEXT_TAIL,
        ],
        [
            DEV,
            "4.C.3.d.8",
            "Duration of Typical Work Week",
            "CTP",
            "3",
            "28.00",
            "30",
            *_CONTEXT_TAIL,
        ],
        [DEV, "4.C.1.a.4", "Letters and Memos", "CX", "n/a", "3.00", "30", *_CONTEXT_TAIL],
    ],
    "Technology Skills.txt": [
        ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology"]
        + ["In Demand"],
        [DEV, "Acme Diagram Tool", "43232102", "Graphics or photo imaging software", "N", "N"],
        [DEV, "Python", "43232403", "Object or component oriented development software", "Y", "Y"],
        [DEV, "Git", "43232402", "Development environment software", "Y", "N"],
    ],
    "Related Occupations.txt": [
        ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
        [DEV, PAINTER, "Supplemental", "2"],
        [DEV, NURSE, "Primary-Short", "1"],
    ],
}


def write_release(folder: Path, files: dict[str, list[list[str]]] | None = None) -> Path:
    """Write ``files`` (default: the whole small release) as O*NET text files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (RELEASE if files is None else files).items():
        text = "".join("\t".join(row) + "\n" for row in rows)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def zip_release(folder: Path, dest: Path, inner: str = "db_30_3_text") -> Path:
    """Zip a release folder the way O*NET ships it: every file inside one folder."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*.txt")):
            archive.write(path, f"{inner}/{path.name}")
    return dest


def only(*names: str) -> dict[str, list[list[str]]]:
    return {name: RELEASE[name] for name in names}


Loader = Callable[..., ImportReport]


@pytest.fixture
def load_release(session: Session, tmp_path: Path) -> Loader:
    """Import a release (default: the whole small one) into the test's database."""
    counter = iter(range(1000))

    def load(files: dict[str, list[list[str]]] | None = None) -> ImportReport:
        folder = write_release(tmp_path / f"release{next(counter)}", files)
        return import_onet(session, open_local(folder), source=str(folder))

    return load


@pytest.fixture
def release(load_release: Loader) -> ImportReport:
    return load_release()
