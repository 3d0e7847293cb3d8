"""The bot's reads of people and topics themselves: every spelling of their names, for fuzzy matching, how
many meetings each took part in or discussed, a person's offices on a day and whom and what they met most.
These are what the name lookup, /who and /topic read about the one a reader names, apart from the meetings
themselves (`queries.py`), so that finding a name never reads a meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, bindparam
from sqlmodel import Session, col, func, select

from storage.db import core_rows
from storage.models import (
    MeetingTopicRow,
    PersonAliasRow,
    PersonPartnerRow,
    PersonRoleRow,
    PersonRow,
    PersonTopicRow,
    TopicRow,
    TopicSynonymRow,
)


@dataclass(frozen=True)
class NameEntry:
    """One spelling that points at a person or a topic, for fuzzy matching."""

    target_id: int
    canonical: str
    spelling: str


def person_names(session: Session) -> list[NameEntry]:
    """Every spelling of every person's name."""
    rows = session.exec(
        select(PersonRow.id, PersonRow.name, PersonAliasRow.alias)
        .join(PersonAliasRow, col(PersonAliasRow.person_id) == PersonRow.id)
    ).all()
    return [NameEntry(target_id=pid or 0, canonical=name, spelling=alias) for pid, name, alias in rows]


def topic_names(session: Session) -> list[NameEntry]:
    """Every topic name and synonym."""
    topics = session.exec(select(TopicRow.id, TopicRow.name)).all()
    synonyms = session.exec(
        select(TopicRow.id, TopicRow.name, TopicSynonymRow.synonym)
        .join(TopicSynonymRow, col(TopicSynonymRow.topic_id) == TopicRow.id)
    ).all()
    return [NameEntry(target_id=tid or 0, canonical=name, spelling=name) for tid, name in topics] + [
        NameEntry(target_id=tid or 0, canonical=name, spelling=syn) for tid, name, syn in synonyms
    ]


def names_version(session: Session) -> tuple[int, ...]:
    """A cheap fingerprint of every person's and topic's spellings: it changes when a name is added,
    removed or re-synced (new rows), so that a cached index of names knows when to rebuild."""
    row = session.connection().exec_driver_sql(
        "SELECT (SELECT max(id) FROM personalias), (SELECT count(*) FROM personalias), "
        "(SELECT max(id) FROM person), (SELECT count(*) FROM person), "
        "(SELECT max(id) FROM topic), (SELECT count(*) FROM topic), "
        "(SELECT max(id) FROM topicsynonym), (SELECT count(*) FROM topicsynonym)"
    ).one()
    return tuple(value or 0 for value in row)


def get_person(session: Session, *, person_id: int) -> PersonRow | None:
    return session.get(PersonRow, person_id)


def get_topic(session: Session, *, topic_id: int) -> TopicRow | None:
    return session.get(TopicRow, topic_id)


def person_key_ids(session: Session, *, keys: list[str]) -> dict[str, int]:
    """Store ids of the knowledge base's people with these keys."""
    rows = session.exec(select(PersonRow.key, PersonRow.id).where(col(PersonRow.key).in_(keys))).all()
    return {key: pid for key, pid in rows if key and pid}


_IDS = bindparam("ids", expanding=True)
_BATCH = 500  # ids counted in one statement: few queries, few parameters
_MET = select(PersonPartnerRow.person_id, PersonPartnerRow.meetings).where(
    col(PersonPartnerRow.person_id).in_(_IDS), col(PersonPartnerRow.partner_id) == col(PersonPartnerRow.person_id))
_DISCUSSED = (select(MeetingTopicRow.topic_id, func.count()).where(col(MeetingTopicRow.topic_id).in_(_IDS))
              .group_by(col(MeetingTopicRow.topic_id)))


def person_meeting_counts(session: Session, *, person_ids: list[int]) -> dict[int, int]:
    """How many meetings each of these people took part in (their count with themself in `PersonPartnerRow`),
    so that close matches come in the order readers most likely mean them; people without any are left out."""
    return _counts(session, _MET, person_ids)


def topic_meeting_counts(session: Session, *, topic_ids: list[int]) -> dict[int, int]:
    """How many meetings discussed each of these topics; topics no meeting discussed are left out."""
    return _counts(session, _DISCUSSED, topic_ids)


def _counts(session: Session, statement: Select, ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for start in range(0, len(ids), _BATCH):  # a common surname may be hundreds of people
        counts.update((owner, count) for owner, count in core_rows(session, statement, ids=ids[start : start + _BATCH]))
    return counts


def person_title_on(session: Session, *, person_id: int, on: dt.date) -> str | None:
    """The person's offices on that day, joined ("Foreign Minister of China and ...")."""
    roles = session.exec(
        select(PersonRoleRow).where(PersonRoleRow.person_id == person_id).order_by(col(PersonRoleRow.start).desc())
    ).all()
    titles = [r.title for r in roles if (r.start is None or r.start <= on) and (r.end is None or on < r.end)]
    return " and ".join(dict.fromkeys(titles)) or None


# ties by name, so the same store always gives the same answer
_PARTNERS = (
    select(PersonRow.name, PersonPartnerRow.meetings).join(PersonRow, col(PersonRow.id) == PersonPartnerRow.partner_id)
    .where(PersonPartnerRow.person_id == bindparam("owner"), PersonPartnerRow.partner_id != bindparam("owner"))
    .order_by(col(PersonPartnerRow.meetings).desc(), func.lower(PersonRow.name)).limit(bindparam("limit"))
)
_PERSON_TOPICS = (
    select(TopicRow.name, PersonTopicRow.meetings).join(TopicRow, col(TopicRow.id) == PersonTopicRow.topic_id)
    .where(PersonTopicRow.person_id == bindparam("owner"))
    .order_by(col(PersonTopicRow.meetings).desc(), func.lower(TopicRow.name)).limit(bindparam("limit"))
)


def person_profile(session: Session, *, person_id: int, limit: int = 5) -> tuple[list[tuple[str, int]],
                                                                            list[tuple[str, int]]]:
    """Whom someone met most often and what they discussed most, over all their meetings; ties by name.

    Read from the counts that triggers keep (`PersonPartnerRow`, `PersonTopicRow`): counting a busy person's
    tens of thousands of links on every /who took tens of milliseconds.
    """
    partners = core_rows(session, _PARTNERS, owner=person_id, limit=limit)
    topics = core_rows(session, _PERSON_TOPICS, owner=person_id, limit=limit)
    return [(n, c) for n, c in partners], [(n, c) for n, c in topics]
