"""rowcount also keeps how many articles there are and how many people took part in a meeting

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 00:45:00

/start and /help counted people over every participant row and articles over the article table:
about 100 ms at 100,000 articles. A person took part in a meeting exactly when they have the row of
their own meetings (the diagonal) in personpartner, which the triggers of 0006 add and remove.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _count(name: str, sign: str) -> str:
    return f"UPDATE rowcount SET total = total {sign} 1 WHERE table_name = '{name}'; "


TRIGGERS = {
    "article_count_insert": f"AFTER INSERT ON article BEGIN {_count('article', '+')}END",
    "article_count_delete": f"AFTER DELETE ON article BEGIN {_count('article', '-')}END",
    "participant_count_insert": (f"AFTER INSERT ON personpartner WHEN new.person_id = new.partner_id "
                                 f"BEGIN {_count('participant', '+')}END"),
    "participant_count_delete": (f"AFTER DELETE ON personpartner WHEN old.person_id = old.partner_id "
                                 f"BEGIN {_count('participant', '-')}END"),
}


def upgrade() -> None:
    op.execute("INSERT INTO rowcount (table_name, total) SELECT 'article', count(*) FROM article")
    op.execute("INSERT INTO rowcount (table_name, total) "
               "SELECT 'participant', count(*) FROM personpartner WHERE person_id = partner_id")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DELETE FROM rowcount WHERE table_name IN ('article', 'participant')")
