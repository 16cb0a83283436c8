"""No list page issues more queries as the data grows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coffeechat.models import User, utcnow
from tests.factories import make_interview, make_person
from tests.web.conftest import count_queries

# The fullest page is Today: board, agenda, and readiness for the 8 soonest meetings (a few
# queries each). None may grow with the data.
LIMIT = 60


def _grow(db: Session, me: User, size: int) -> int:
    first = None
    for number in range(size):
        person = make_person(
            db, me, f"Person {number}", org=f"Org {number % 4}", tags=["a", f"t{number % 3}"],
            emails=[f"p{number}@example.com"],
        )  # fmt: skip
        first = first or person
        interview = make_interview(db, me, person, goal=f"Goal {number}")
        if number % 3 == 0:  # meetings soon: on the agenda and the upcoming list
            interview.stage = "scheduled"
            interview.scheduled_at = utcnow() + timedelta(hours=2 + number)
        if number % 2:
            make_person(db, me, f"Referred {number}", referred_by=first.id)
    db.flush()
    assert first is not None
    return first.id


@pytest.mark.parametrize(
    "path",
    ["/", "/people", "/people?q=person", "/people?tag=a", "/interviews", "/people/{id}", "/network",
     "/api/v1/people", "/api/v1/interviews", "/api/v1/organizations"],
)  # fmt: skip
def test_a_page_costs_the_same_queries_for_small_and_large_data(
    client: TestClient, db: Session, me: User, engine: Engine, path: str
) -> None:
    # Past the page's own caps already (8 meetings scored for readiness, 12 cards a column)
    # at the small size, so any growth after that would be a query per row.
    person_id = _grow(db, me, 25)
    client.get("/")
    with count_queries(engine) as small:
        assert client.get(path.format(id=person_id)).status_code == 200
    _grow(db, me, 30)
    with count_queries(engine) as large:
        assert client.get(path.format(id=person_id)).status_code == 200
    assert large.count <= small.count, "\n".join(large.statements)
    assert large.count <= LIMIT
