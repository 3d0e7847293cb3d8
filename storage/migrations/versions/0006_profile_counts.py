"""counts of each person's counterparts and topics and of all meetings; link rows know their meeting's date

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 21:40:00

/who used to count a busy person's links on every request (tens of ms for thousands of meetings) and
sort all their meetings by date; /latest counted every meeting. Triggers now keep the counts as rows come
and go, whichever code writes them and including the cascades from deleting a meeting, article or person;
and each link row carries its meeting's sort_date, so an index yields a person's or topic's meetings
newest first.
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each count trigger runs while its row is in the table (AFTER INSERT, BEFORE DELETE; an UPDATE of the
# keys as a delete before and an insert after), so "the meeting's participants" includes the row itself:
# that is what counts a person's own meetings on the diagonal of personpartner.
_UPSERT = "ON CONFLICT ({key}) DO UPDATE SET meetings = meetings + excluded.meetings; "


def _participant(row: str, sign: int) -> str:
    """Add `sign` to the counts that participant `row` (new or old) contributes."""
    others = f"FROM meetingparticipant o WHERE o.meeting_id = {row}.meeting_id"
    sql = (f"INSERT INTO personpartner (person_id, partner_id, meetings) "
           f"SELECT {row}.person_id, o.person_id, {sign} {others} "
           f"UNION ALL SELECT o.person_id, {row}.person_id, {sign} {others} AND o.person_id != {row}.person_id "
           + _UPSERT.format(key="person_id, partner_id")
           + f"INSERT INTO persontopic (person_id, topic_id, meetings) SELECT {row}.person_id, t.topic_id, {sign} "
           f"FROM meetingtopic t WHERE t.meeting_id = {row}.meeting_id "
           + _UPSERT.format(key="person_id, topic_id"))
    if sign < 0:
        present = f"(SELECT person_id FROM meetingparticipant WHERE meeting_id = {row}.meeting_id)"
        sql += (f"DELETE FROM personpartner WHERE meetings <= 0 AND person_id = {row}.person_id "
                f"AND partner_id IN {present}; "
                f"DELETE FROM personpartner WHERE meetings <= 0 AND partner_id = {row}.person_id "
                f"AND person_id IN {present}; "
                f"DELETE FROM persontopic WHERE meetings <= 0 AND person_id = {row}.person_id "
                f"AND topic_id IN (SELECT topic_id FROM meetingtopic WHERE meeting_id = {row}.meeting_id); ")
    return sql


def _topic(row: str, sign: int) -> str:
    """Add `sign` to the counts that topic link `row` (new or old) contributes."""
    sql = (f"INSERT INTO persontopic (person_id, topic_id, meetings) SELECT p.person_id, {row}.topic_id, {sign} "
           f"FROM meetingparticipant p WHERE p.meeting_id = {row}.meeting_id "
           + _UPSERT.format(key="person_id, topic_id"))
    if sign < 0:
        sql += (f"DELETE FROM persontopic WHERE meetings <= 0 AND topic_id = {row}.topic_id AND person_id IN "
                f"(SELECT person_id FROM meetingparticipant WHERE meeting_id = {row}.meeting_id); ")
    return sql


def _date_of(table: str, key: str) -> str:
    """Copy the meeting's sort_date onto a new or moved link row: writers need not set it."""
    return (f"UPDATE {table} SET sort_date = m.sort_date FROM meeting m WHERE m.id = new.meeting_id "
            f"AND {table}.meeting_id = new.meeting_id AND {table}.{key} = new.{key} "
            f"AND {table}.sort_date IS NOT m.sort_date; ")


def _triggers(table: str, key: str, counts: Callable[[str, int], str]) -> dict[str, str]:
    """Count triggers for a link table, and the copy of the meeting date onto its rows."""
    return {
        f"{table}_insert": f"AFTER INSERT ON {table} BEGIN {_date_of(table, key)}{counts('new', 1)}END",
        f"{table}_delete": f"BEFORE DELETE ON {table} BEGIN {counts('old', -1)}END",
        f"{table}_unlink": f"BEFORE UPDATE OF meeting_id, {key} ON {table} BEGIN {counts('old', -1)}END",
        f"{table}_relink": (f"AFTER UPDATE OF meeting_id, {key} ON {table} "
                            f"BEGIN {_date_of(table, key)}{counts('new', 1)}END"),
    }


TRIGGERS = {
    **_triggers("meetingparticipant", "person_id", _participant),
    **_triggers("meetingtopic", "topic_id", _topic),
    "meeting_count_insert": "AFTER INSERT ON meeting BEGIN "
                            "UPDATE rowcount SET total = total + 1 WHERE table_name = 'meeting'; END",
    "meeting_count_delete": "AFTER DELETE ON meeting BEGIN "
                            "UPDATE rowcount SET total = total - 1 WHERE table_name = 'meeting'; END",
    "meeting_sort_date": (
        "AFTER UPDATE OF sort_date ON meeting WHEN new.sort_date IS NOT old.sort_date BEGIN "
        "UPDATE meetingparticipant SET sort_date = new.sort_date WHERE meeting_id = new.id; "
        "UPDATE meetingtopic SET sort_date = new.sort_date WHERE meeting_id = new.id; END"
    ),
}

BACKFILL = [
    "INSERT INTO rowcount (table_name, total) SELECT 'meeting', count(*) FROM meeting",
    "UPDATE meetingparticipant SET sort_date = m.sort_date FROM meeting m WHERE m.id = meetingparticipant.meeting_id",
    "UPDATE meetingtopic SET sort_date = m.sort_date FROM meeting m WHERE m.id = meetingtopic.meeting_id",
    "INSERT INTO personpartner (person_id, partner_id, meetings) SELECT a.person_id, b.person_id, count(*) "
    "FROM meetingparticipant a JOIN meetingparticipant b ON b.meeting_id = a.meeting_id GROUP BY 1, 2",
    "INSERT INTO persontopic (person_id, topic_id, meetings) SELECT p.person_id, t.topic_id, count(*) "
    "FROM meetingparticipant p JOIN meetingtopic t ON t.meeting_id = p.meeting_id GROUP BY 1, 2",
]


def upgrade() -> None:
    op.create_table(
        "personpartner",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "partner_id"),
    )
    op.create_table(
        "persontopic",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "topic_id"),
    )
    op.create_table(
        "rowcount",
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name"),
    )
    # plain ALTER TABLE ADD COLUMN, not a batch copy: the tables hold millions of rows in a big store
    op.add_column("meetingparticipant", sa.Column("sort_date", sa.Date(), nullable=True))
    op.add_column("meetingtopic", sa.Column("sort_date", sa.Date(), nullable=True))
    for statement in BACKFILL:
        op.execute(statement)
    # the new indexes start with the old ones' column, which they replace
    op.drop_index("ix_meetingparticipant_person_id", table_name="meetingparticipant")
    op.drop_index("ix_meetingtopic_topic_id", table_name="meetingtopic")
    op.create_index("ix_meetingparticipant_person_newest", "meetingparticipant",
                    ["person_id", "sort_date", "meeting_id"])
    op.create_index("ix_meetingtopic_topic_newest", "meetingtopic", ["topic_id", "sort_date", "meeting_id"])
    op.create_index("ix_personpartner_top", "personpartner", ["person_id", "meetings"])
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table, key in (("meetingtopic", "topic_id"), ("meetingparticipant", "person_id")):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(f"ix_{table}_{key.removesuffix('_id')}_newest")
            batch_op.create_index(f"ix_{table}_{key}", [key], unique=False)
            batch_op.drop_column("sort_date")
    op.drop_table("rowcount")
    op.drop_table("persontopic")
    op.drop_table("personpartner")
