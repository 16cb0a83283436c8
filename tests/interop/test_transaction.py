from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from coffeechat.db import local_owner, open_database
from coffeechat.interop.linkedin import parse_linkedin
from coffeechat.interop.service import ImportOptions, import_parsed
from coffeechat.models import Organization, Person, SearchDocument
from tests.interop.conftest import connections_csv, write


def test_ctrl_c_after_the_rows_are_written_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'coffeechat.sqlite3'}")
    rows = [["Ada", "Lovelace", "https://www.linkedin.com/in/ada", "", "Acme", "", ""]]
    rows += [
        [f"P{n}", "Raman", f"https://www.linkedin.com/in/p{n}", "", "Contoso", "", ""]
        for n in range(1200)
    ]
    path = write(tmp_path, "c.csv", connections_csv(rows))
    seen: list[int] = []

    def interrupt(done: int, total: int) -> None:
        seen.append(done)
        if done == total:  # the last call comes once every row is in the database
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), database.session() as session:
        import_parsed(
            session,
            owner=local_owner(session),
            parsed=parse_linkedin(path, path.read_text()),
            file=path.name,
            options=ImportOptions(),
            progress=interrupt,
        )

    assert seen[:2] == [500, 1000] and seen[-1] == 2 * 1201  # reading, then matching
    with database.session() as session:
        for model in (Person, Organization, SearchDocument):
            assert session.scalar(select(func.count()).select_from(model)) == 0
    database.engine.dispose()
