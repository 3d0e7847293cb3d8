"""queued pushes go out in rounds: one message per chat for all the articles queued together

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 00:30:00

Each queued article used to be its own message to every subscriber, so an archive loaded with pushes
on sent thousands. Broadcasts now belong to a numbered round, and the delivery ledger records a chat's
push by round ("round:<n>") instead of by article ("article:<id>"). A push that a crash left unfinished
becomes a round of its own, and the chats it already reached keep their record under the new key, so
nobody gets it twice.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("broadcast", sa.Column("push_round", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_broadcast_push_round"), "broadcast", ["push_round"], unique=False)
    conn = op.get_bind()
    unfinished = conn.execute(sa.text("SELECT id, article_id FROM broadcast WHERE finished_at IS NULL ORDER BY id"))
    number = 0
    for number, (broadcast_id, article_id) in enumerate(unfinished.all(), start=1):
        conn.execute(sa.text("UPDATE broadcast SET push_round = :n WHERE id = :id"), {"n": number, "id": broadcast_id})
        conn.execute(sa.text("UPDATE delivery SET key = :new WHERE kind = 'push' AND key = :old"),
                     {"new": f"round:{number}", "old": f"article:{article_id}"})
    if number:
        conn.execute(sa.text("INSERT INTO storemeta (key, value) VALUES ('push_round', :n) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), {"n": str(number)})


def downgrade() -> None:
    conn = op.get_bind()
    # an unfinished round of one article gets its per-article ledger key back; bigger rounds cannot
    # be split, so their chats may hear of those articles again
    single = conn.execute(sa.text(
        "SELECT push_round, min(article_id) FROM broadcast WHERE finished_at IS NULL AND push_round IS NOT NULL "
        "GROUP BY push_round HAVING count(*) = 1")).all()
    for number, article_id in single:
        conn.execute(sa.text("UPDATE delivery SET key = :old WHERE kind = 'push' AND key = :new"),
                     {"new": f"round:{number}", "old": f"article:{article_id}"})
    conn.execute(sa.text("DELETE FROM storemeta WHERE key = 'push_round'"))
    op.drop_index(op.f("ix_broadcast_push_round"), table_name="broadcast")
    op.execute("ALTER TABLE broadcast DROP COLUMN push_round")
