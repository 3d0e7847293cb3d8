"""people's folded names follow the reader's lookup: accents, ё, punctuation and a possessive 's do not count

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 22:30:00

A stranger was found again by their name folded for case and spacing only, while a reader's lookup also
drops accents, reads ё as е, hyphens and dots as spaces, and a possessive 's: "José Ramos" and "Jose Ramos",
or "Jean-Pierre" and "Jean Pierre", became two people whom `/who` could not tell apart. Both now fold with
knowledge.spelling.spelling_key; the stored keys are recomputed with it. People already stored twice stay
two rows (their meetings are not moved); a new report joins the older one.
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PUNCTUATION = re.compile(r"[^\w\s]|_")
_POSSESSIVE = re.compile(r"['’]s\b")


def _as_looked_up(name: str) -> str:
    """As knowledge.spelling.spelling_key spelt it when this migration was written."""
    text = _POSSESSIVE.sub("", name.casefold())
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("ё", "е"))
        text = "".join(c for c in text if not unicodedata.combining(c) or c == "\u0306")
        text = unicodedata.normalize("NFC", text)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _as_before(name: str) -> str:
    """As 0007 folded names: case and spacing only."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _refold(fold) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name, folded FROM person")).all()
    changed = [{"id": person_id, "folded": new} for person_id, name, old in rows if (new := fold(name)) != old]
    if changed:
        conn.execute(sa.text("UPDATE person SET folded = :folded WHERE id = :id"), changed)


def upgrade() -> None:
    _refold(_as_looked_up)


def downgrade() -> None:
    _refold(_as_before)
