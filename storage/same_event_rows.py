"""Another report of a stored meeting: finding the stored meeting it reports (`stored_event`) and what the
meeting then keeps of it (`merge_report`); the rules themselves are `extraction.same_event`'s."""

from __future__ import annotations

import datetime as dt
import json
from typing import cast

from sqlmodel import Session

from extraction.same_event import Details, merged_details, same_day_across_articles
from extraction.types import Meeting, MeetingKind, PartialDate
from storage.db import direct_rows, json_list
from storage.models import MeetingRow

# direct SQL, as in writes.py: the ORM would cost more than SQLite takes to run them
_MEETINGS_OF_IN = (  # the link's sort_date (a date's first day) bounds the index walk; the date decides
    "SELECT m.id, m.date FROM meetingparticipant mp JOIN meeting m ON m.id = mp.meeting_id "
    "WHERE mp.person_id = ? AND mp.sort_date >= ? AND mp.sort_date < ? AND m.date >= ? AND m.date < ?")
_PARTICIPANTS_OF = ("SELECT meeting_id, person_id FROM meetingparticipant "
                    "WHERE meeting_id IN (SELECT value FROM json_each(?))")


def merge_report(meeting: MeetingRow, extracted: Meeting) -> None:
    """Another report of the stored meeting adds what `merged_details` says it adds.

    Only a report with a certain date merges (`stored_event`).
    """
    kept = Details(date=PartialDate.parse(meeting.date) if meeting.date else None, date_certain=meeting.date_certain,
                   date_text=meeting.date_text, place=meeting.place, label=meeting.label,
                   counterpart=meeting.counterpart, kind=cast(MeetingKind, meeting.kind),
                   agenda=tuple(str(item) for item in json.loads(meeting.agenda or "[]")))
    merged = merged_details(kept, extracted)
    if merged.date != kept.date:
        date = merged.date
        meeting.date = date.iso() if date else None
        meeting.date_precision = date.precision if date else None
        meeting.sort_date = date.first_day() if date else None
    meeting.date_certain, meeting.date_text = merged.date_certain, merged.date_text
    meeting.place, meeting.label, meeting.counterpart = merged.place, merged.label, merged.counterpart
    meeting.kind = merged.kind
    if merged.agenda != kept.agenda:
        meeting.agenda = json_list(list(merged.agenda))


def stored_event(session: Session, date: PartialDate | None, person_ids: list[int], *,
                certain: bool = True) -> MeetingRow | None:
    """A stored meeting of exactly these people on a date `same_day_across_articles` agrees with: another
    report of one event.

    Only a date the article states can say two reports are one event: an undated report, or one whose
    date is uncertain (its article gave no publication date), stays a meeting of its own, or every
    story of two people added on one day would become a single meeting.
    Candidates are the first person's meetings in the same month (or year), found through indexes;
    their participant sets are then read in one query, not one query each.
    """
    if date is None or not certain or len(person_ids) < 2:
        return None
    if date.precision == "year":
        prefix, first_day, after_day = date.iso(), dt.date(date.year, 1, 1), dt.date(date.year + 1, 1, 1)
    else:
        prefix, first_day = date.iso()[:7], dt.date(date.year, date.month or 1, 1)
        after_day = (first_day + dt.timedelta(days=31)).replace(day=1)
    dated = direct_rows(session, _MEETINGS_OF_IN, person_ids[0], first_day.isoformat(), after_day.isoformat(),
                        prefix, prefix + "\uffff")
    compatible = sorted(i for i, d in dated if same_day_across_articles(PartialDate.parse(d or ""), date))
    if not compatible:
        return None
    present: dict[int, set[int]] = {}
    for meeting_id, person_id in direct_rows(session, _PARTICIPANTS_OF, json_list(compatible)):
        present.setdefault(meeting_id, set()).add(person_id)
    same = next((i for i in compatible if present.get(i) == set(person_ids)), None)
    return session.get(MeetingRow, same) if same is not None else None
