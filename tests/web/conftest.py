"""Web fixtures: the real app over the test database, a browser-like client, HTML parsing.

The app's units of work join the test's outer transaction (commits become savepoints),
so every test starts empty and leaves nothing behind, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, insert
from sqlalchemy.orm import Session, sessionmaker

from coffeechat.config import Settings
from coffeechat.db import LOCAL_USERNAME, Database, local_owner
from coffeechat.models import User
from coffeechat.web.app import create_app
from tests.research.conftest import _server, site  # noqa: F401  (the local test web site)

BASE_URL = "http://127.0.0.1:8000"


@pytest.fixture
def database(engine: Engine) -> Iterator[Database]:
    connection = engine.connect()
    transaction = connection.begin()
    # Plain DML first: pysqlite only opens the real transaction on DML, and a SAVEPOINT
    # issued before it would start (and its RELEASE commit) a transaction of its own.
    connection.execute(insert(User).values(username=LOCAL_USERNAME))
    sessions = sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    yield Database(engine, sessions)
    transaction.rollback()
    connection.close()


@pytest.fixture
def db(database: Database) -> Iterator[Session]:
    """A session on the same connection as the app: what it flushes, the app sees."""
    session = database.sessions()
    yield session
    session.close()


@pytest.fixture
def me(db: Session) -> User:
    """The implicit local owner the app serves."""
    return local_owner(db)


@pytest.fixture
def app(database: Database, tmp_path: Path) -> FastAPI:
    return create_app(Settings(home=tmp_path), database)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as client:
        yield client


def page(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def csrf_token(client: TestClient, path: str = "/") -> str:
    """The token a page's forms carry (the client keeps the matching cookie)."""
    found = page(client.get(path)).find("input", attrs={"name": "csrf_token"})
    if found is None:
        return str(client.get("/api/v1/session").json()["csrf_token"])
    return str(found["value"])


def post_form(client: TestClient, path: str, data: dict[str, str], **kwargs: Any) -> Any:
    return client.post(path, data={"csrf_token": csrf_token(client), **data}, **kwargs)


def flash_after(client: TestClient, response: Any) -> str:
    """Follow a see-other and return the flash message shown on the next page."""
    assert response.status_code == 303, response.text
    shown = page(client.get(response.headers["location"])).select_one(".flash")
    return shown.get_text(strip=True) if shown else ""


def text_of(soup: BeautifulSoup, selector: str) -> str:
    element = soup.select_one(selector)
    assert element is not None, f"nothing matches {selector!r}"
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True))


@dataclass
class QueryCounter:
    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextmanager
def count_queries(engine: Engine) -> Iterator[QueryCounter]:
    counter = QueryCounter()

    def record(*args: Any) -> None:
        counter.statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", record)
