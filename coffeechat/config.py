"""One Settings object, read from the environment (COFFEECHAT_*)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    from platformdirs import user_data_path

    return user_data_path("coffeechat", appauthor=False)


class Settings(BaseSettings):
    """Every setting Coffeechat reads; see the table in the README."""

    model_config = SettingsConfigDict(env_prefix="COFFEECHAT_", extra="ignore")

    home: Path = Field(default_factory=_default_home)
    database_url: str | None = None
    allow_private_fetch: bool = False
    fetch_max_bytes: int = 5 * 1024 * 1024
    fetch_timeout_seconds: float = 15.0
    # The O*NET release `careers import-onet` downloads when no --from is given.
    onet_url: str = "https://www.onetcenter.org/dl_files/database/db_30_3_text.zip"
    onet_max_bytes: int = 200 * 1024 * 1024
    dedupe_threshold: int = 90
    import_max_bytes: int = 50 * 1024 * 1024
    thank_you_due_hours: int = 24
    keep_in_touch_days: int = 90
    next_contact_business_days: int = Field(default=3, ge=1)
    follow_up_business_days: int = Field(default=7, ge=1)
    give_up_business_days: int = Field(default=7, ge=1)
    update_note_days: int = Field(default=21, ge=1)
    prepare_days: int = Field(default=2, ge=0)
    # A question bank of your own, in the shape of coffeechat/questions/bank.toml.
    question_bank: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    upload_max_bytes: int = 20 * 1024 * 1024

    @property
    def database_path(self) -> Path:
        return self.home / "coffeechat.sqlite3"

    @property
    def onet_cache_dir(self) -> Path:
        return self.home / "onet"

    @property
    def demo_database_path(self) -> Path:
        return self.home / "demo.sqlite3"

    def url(self) -> str:
        """The SQLAlchemy URL: the explicit one, or the SQLite file in the home folder."""
        if self.database_url:
            return normalise_url(self.database_url)
        return f"sqlite:///{self.database_path}"


def normalise_url(url: str) -> str:
    """Point plain PostgreSQL URLs at the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
