"""The secret calendar feed address: one token per user, replaced on request."""

from __future__ import annotations

import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.models import User


def feed_token(session: Session, *, owner: User, rotate: bool = False) -> str:
    """The owner's calendar token, made on first use; ``rotate`` replaces it (old links die)."""
    if owner.calendar_token is None or rotate:
        owner.calendar_token = secrets.token_urlsafe(24)
        session.flush()
    return owner.calendar_token


def owner_of_feed(session: Session, token: str) -> User | None:
    """The user whose feed ``token`` opens, or None."""
    if not 20 <= len(token) <= 64:
        return None
    user = session.scalars(select(User).where(User.calendar_token == token)).first()
    # Compare again in constant time so the answer does not leak through timing.
    if user is None or not hmac.compare_digest(
        (user.calendar_token or "").encode(), token.encode()
    ):
        return None
    return user
