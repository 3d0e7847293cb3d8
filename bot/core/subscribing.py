"""Subscriptions: /subscribe, /unsubscribe, /settings, /alerts, /follow, /unfollow and /digest.

The digest and the alert are composed here too, so that Telegram, the console and the digest round
show a reader the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from functools import cache
from typing import Literal

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.buttons import Follow, button
from bot.core.lookup import MAX_CHOICES, SURE, Lookup
from bot.core.matching import Resolution
from bot.core.plural import counted
from bot.core.render import clip, esc, human_date, meeting_blocks
from bot.core.replies import Caller, Reply
from storage import people_and_topics, queries
from storage import subscriptions as subs
from storage.db import session_scope
from storage.queries import MeetingView

MAX_DIGEST = 15  # meetings listed in one digest or alert; the rest are a /latest away
MAX_TITLES = 5  # article titles named in one alert
FIRST_DIGEST_DAYS = 7  # a chat's first digest covers the meetings added this many days back
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


@cache
def _zones() -> dict[str, str]:
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def parse_time(text: str) -> str | None:
    """`8:05` → `08:05`; None when it is not a time of day."""
    match = _CLOCK.match(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return f"{int(match[1]):02d}:{match[2]}"


def parse_zone(text: str) -> str | None:
    """An IANA zone name in any letter case (`europe/moscow`), or None."""
    return _zones().get(text.casefold())


class SubscriptionCommands:
    def __init__(self, engine: Engine, lookup: Lookup, *, digest_time: str, timezone: str,
                 now: Callable[[], dt.datetime]) -> None:
        self.engine, self.lookup = engine, lookup
        self.default_time, self.default_zone, self.now = digest_time, timezone, now

    def subscribe(self, args: str, caller: Caller) -> Reply:
        time, zone = self.default_time, self.default_zone
        for word in args.split()[:2]:
            if _CLOCK.match(word):
                parsed = parse_time(word)
                if parsed is None:
                    return Reply(f"“{esc(word)}” is not a time of day; use HH:MM from 00:00 to 23:59, "
                                 "e.g. <code>/subscribe 08:30 Europe/Moscow</code>.")
                time = parsed
            elif (found := parse_zone(word)) is not None:
                zone = found
            else:
                return Reply(f"“{esc(clip(word, 40))}” is neither a time (HH:MM) nor a time zone like "
                             "Europe/Moscow, Asia/Shanghai or UTC. "
                             "e.g. <code>/subscribe 08:30 Europe/Moscow</code>.")
        with session_scope(self.engine) as session:
            subs.subscribe(session, chat_id=caller.chat_id, digest_time=time, timezone=zone, at=self.now())
        return Reply(f"Subscribed: a digest every day at <b>{time}</b> ({esc(zone)}) with the meetings added "
                     "since the last one, and a message as soon as articles are added "
                     "(/alerts off stops those). /follow a person or topic to get only what involves them.")

    def unsubscribe(self, _args: str, caller: Caller) -> Reply:
        with session_scope(self.engine) as session:
            done = subs.unsubscribe(session, chat_id=caller.chat_id)
        if not done:
            return Reply("This chat is not subscribed. /subscribe starts the daily digest.")
        return Reply("Unsubscribed: no more digests or alerts. What you follow is kept for when you /subscribe again.")

    def settings(self, _args: str, caller: Caller) -> Reply:
        with session_scope(self.engine) as session:
            subscriber = subs.get_subscriber(session, chat_id=caller.chat_id)
            follows = subs.follows_of(session, subscriber_id=subscriber.id) if subscriber else []
        if subscriber is None or not subscriber.active:
            head = "Not subscribed. /subscribe [HH:MM] [Area/City] starts a daily digest."
        else:
            head = (f"Daily digest at <b>{esc(subscriber.digest_time)}</b> ({esc(subscriber.timezone)}); "
                    f"alerts when articles are added: <b>{'on' if subscriber.alerts else 'off'}</b>.")
        if follows:
            names = ", ".join(f"{esc(f.name)} ({f.kind})" for f in follows)
            head += f"\nFollowing: {names} — digests and alerts carry only meetings that involve them."
        else:
            head += "\nFollowing nothing: you get every meeting."
        return Reply(head)

    def alerts(self, args: str, caller: Caller) -> Reply:
        choice = args.strip().lower()
        if choice not in {"on", "off"}:
            return Reply("Use <code>/alerts on</code> or <code>/alerts off</code>.")
        with session_scope(self.engine) as session:
            subscriber = subs.set_alerts(session, chat_id=caller.chat_id, on=choice == "on")
        if subscriber is None or not subscriber.active:
            return Reply("This chat is not subscribed yet: /subscribe first.")
        return Reply(f"Alerts {choice}.")

    # /follow and /unfollow -------------------------------------------------------------------

    def follow(self, args: str, caller: Caller) -> Reply:
        return self._follow(args, caller, on=True)

    def unfollow(self, args: str, caller: Caller) -> Reply:
        return self._follow(args, caller, on=False)

    def _follow(self, args: str, caller: Caller, *, on: bool) -> Reply:
        verb = "follow" if on else "unfollow"
        query = " ".join(args.split())
        if not query:
            return Reply(f"{verb.capitalize()} whom or what? e.g. <code>/{verb} Shoigu</code>, "
                         f"<code>/{verb} Taiwan</code>.")
        person = self.lookup.person(query[:200]).resolution
        topic = self.lookup.topic(query[:200])
        if person.status == "one" and person.matches[0].score >= max(SURE, _top(topic)):
            return self.set_follow(caller, "person", int(person.matches[0].target), on=on)
        if topic.status == "one":
            return self.set_follow(caller, "topic", int(topic.matches[0].target), on=on)
        # each list comes as /who and /topic offer it, the most met first; close matches hide mere suggestions
        found: list[tuple[Literal["person", "topic"], Resolution]] = [("person", person), ("topic", topic)]
        close = [(kind, m) for kind, r in found if r.status != "none" for m in r.matches]
        options = (close or [(kind, m) for kind, r in found for m in r.matches])[:MAX_CHOICES]
        if not options:
            return Reply(f"Nothing matches “{esc(clip(query, 60))}”: try a surname or a topic such as Taiwan.")
        buttons = tuple((button(m.canonical[:40], Follow(on, kind, int(m.target))),) for kind, m in options)
        if close:
            return Reply(f"Which one do you want to {verb}?", buttons)
        return Reply(f"Nothing matches “{esc(clip(query, 60))}”. Did you mean one of these?", buttons)

    def set_follow(self, caller: Caller, kind: str, target_id: int, *, on: bool) -> Reply:
        """Follow or unfollow one person or topic (also the answer to a choice button, which anyone can tap)."""
        with session_scope(self.engine) as session:
            name = _name(session, kind, target_id)
            if name is None:
                return Reply("That entry is no longer in the store.")
            # a chat that has not subscribed keeps the follow for a later /subscribe, without receiving anything
            subscriber = subs.chat_record(session, chat_id=caller.chat_id, digest_time=self.default_time,
                                          timezone=self.default_zone)
            if on:
                changed = subs.follow(session, subscriber_id=subscriber.id or 0, kind=kind, target_id=target_id)
            else:
                changed = subs.unfollow(session, subscriber_id=subscriber.id or 0, kind=kind, target_id=target_id)
            active = subscriber.active
        if on:
            text = f"Following {esc(name)}." if changed else f"You already follow {esc(name)}."
            if not active:
                text += " /subscribe to receive digests and alerts."
        else:
            text = f"No longer following {esc(name)}." if changed else f"You were not following {esc(name)}."
        return Reply(text)

    # /digest and the alert -------------------------------------------------------------------

    def digest(self, _args: str, caller: Caller) -> Reply:
        with session_scope(self.engine) as session:
            subscriber = subs.get_subscriber(session, chat_id=caller.chat_id)
            first = subscriber is None or subscriber.last_digest_at is None
        # only someone who manages the chat moves its digest on; anyone else just reads it
        reply = self.compose_digest(caller.chat_id, mark_sent=caller.can_manage_chat)
        if reply is not None:
            return reply
        return Reply(f"Nothing added in the last {FIRST_DIGEST_DAYS} days." if first
                     else "Nothing new since your last digest.")

    def compose_digest(self, chat_id: int, *, mark_sent: bool) -> Reply | None:
        """Meetings added since the chat's last digest (the last week for its first) that it wants; None when
        there are none. Those it already read in full in an alert are counted in one line, not repeated."""
        now = self.now()
        with session_scope(self.engine) as session:
            subscriber = subs.get_subscriber(session, chat_id=chat_id)
            first = subscriber is None or subscriber.last_digest_at is None
            since = now - dt.timedelta(days=FIRST_DIGEST_DAYS) if first else subscriber.last_digest_at
            ids = subs.meetings_added_since(session, since=since)
            alerted: set[int] = set()
            if subscriber is not None:
                ids = subs.matching_follows(session, subscriber_id=subscriber.id or 0, meeting_ids=ids)
                alerted = read_in_alerts(session, subscriber_id=subscriber.id or 0, since=since)
            fresh = [i for i in ids if i not in alerted]
            meetings = queries.meeting_views(session, meeting_ids=fresh[:MAX_DIGEST])
            if mark_sent and subscriber is not None:
                subs.mark_digest_sent(session, chat_id=chat_id, at=now)
        if not ids:
            return None
        span = (f"in the last {FIRST_DIGEST_DAYS} days (your first digest)" if first
                else f"since {human_date(since.date().isoformat())}")
        head = f"<b>Digest</b>: {counted(len(ids), 'meeting')} added {span}"
        repeated = len(ids) - len(fresh)
        if repeated:
            head += (f"\nAlready in your alerts, not repeated here: {counted(repeated, 'meeting')} "
                     "(/latest shows them)")
        more = f"\n\n…and {len(fresh) - MAX_DIGEST} more: /latest" if len(fresh) > MAX_DIGEST else ""
        return Reply("\n\n".join([head, *meeting_blocks(meetings)]) + more)


def read_in_alerts(session: Session, *, subscriber_id: int, since: dt.datetime) -> set[int]:
    """The meetings a subscriber's alerts since `since` showed in full: of each alert, the newest `MAX_DIGEST`
    of those it follows (as the alert chose them, with the follows it has now)."""
    shown: set[int] = set()
    for meeting_ids in subs.alerts_received(session, subscriber_id=subscriber_id, since=since):
        ordered = queries.newest_first(session, meeting_ids=list(meeting_ids))
        shown.update(subs.matching_follows(session, subscriber_id=subscriber_id, meeting_ids=ordered)[:MAX_DIGEST])
    return shown


def alert_message(titles: list[str | None], articles: int, meetings: list[MeetingView], *, total: int) -> Reply:
    """The alert for articles an admin added: their titles (the first few) and the new meetings (the newest
    `MAX_DIGEST` of `total`)."""
    named = "; ".join(esc(clip(t or "untitled", 120 if articles == 1 else 80)) for t in titles[:MAX_TITLES])
    if articles == 1:
        head = f"<b>New article</b>: {named}"
    else:
        rest = f"; and {articles - len(titles[:MAX_TITLES])} more" if articles > len(titles[:MAX_TITLES]) else ""
        head = f"<b>New articles</b> ({articles}): {named}{rest}"
    head += f"\n{total} new meeting" + "s" * (total != 1)
    more = f"\n\n…and {total - len(meetings)} more: /latest" if total > len(meetings) else ""
    return Reply("\n\n".join([head, *meeting_blocks(meetings)]) + more)


def _top(resolution: Resolution) -> float:
    return resolution.matches[0].score if resolution.status == "one" else 0.0


def _name(session: Session, kind: str, target_id: int) -> str | None:
    found = (people_and_topics.get_person(session, person_id=target_id) if kind == "person"
             else people_and_topics.get_topic(session, topic_id=target_id))
    return found.name if found else None
