"""meetings without a Russian and a Chinese participant go: the bot reports only contacts between the two

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 11:00:00

The extraction pipeline now keeps only meetings with at least one Russian and one Chinese participant
(extraction/scope.py, the one home of that rule); talks of either side with a third country (Putin and a
US envoy) are context. Stores filled before kept such meetings and showed them in /latest, /who, /start,
digests and exports. This removes them as `/delete` removes a meeting: through the cascade, so the
triggers of 0006 and 0009 keep every count right. Articles, their sentences (search) and people stay.
A participant's country is the one stored with the person, as the pipeline gave it; a person of unknown
country stands for neither side, as in the pipeline.

Also an index on article.published: /articles lists the newest published first, and a page of a big store
is then a walk down the index instead of a sort of every article.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _with_side(country: str) -> str:
    return ("SELECT mp.meeting_id FROM meetingparticipant mp JOIN person p ON p.id = mp.person_id "
            f"WHERE p.country = '{country}'")


OUT_OF_SCOPE = f"DELETE FROM meeting WHERE id NOT IN ({_with_side('Russia')}) OR id NOT IN ({_with_side('China')})"


def upgrade() -> None:
    op.execute(OUT_OF_SCOPE)  # foreign keys are on (storage.db): the cascade takes links and counts along
    op.create_index("ix_article_published", "article", ["published"])


def downgrade() -> None:
    """The meetings are not restored: `briefing reextract` with an older version would find them again."""
    op.drop_index("ix_article_published", table_name="article")
