"""How fast alerts and digests go out: Telegram's free 30 messages a second, or paid broadcasts' 1,000.

Paid broadcasts (`allow_paid_broadcast`, PAID_BROADCAST=true) cost 0.1 Telegram Star a message beyond the free
limit, from the bot's balance. One home for the pace: the rate limiter the Application is built with, how many
sends an alert or digest round keeps in flight, and the flag each of its messages carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import AIORateLimiter

PARALLEL_SENDS = 8  # sends in flight during a round: the rate limiter, not each round trip, sets the pace
PAID_PARALLEL_SENDS = 64  # at 1,000 messages a second a round trip of a few milliseconds needs dozens in flight


@dataclass(frozen=True)
class Broadcast:
    """Free or paid: the pace of alert and digest rounds."""

    paid: bool = False

    @property
    def in_flight(self) -> int:
        return PAID_PARALLEL_SENDS if self.paid else PARALLEL_SENDS

    def rate_limiter(self) -> AIORateLimiter:
        """The whole bot's sends, spent evenly: one every 1/29 s rather than bursts of 30 (a burst overshoots the
        limit and every 429 costs a second), or when paid 980 a second in bursts of ten (one a millisecond is finer
        than the event loop keeps time); retries, because with the default max_retries=0 a 429 is raised instead
        of waited out."""
        if self.paid:
            return AIORateLimiter(overall_max_rate=10, overall_time_period=10 / 980, max_retries=3)
        return AIORateLimiter(overall_max_rate=1, overall_time_period=1 / 29, max_retries=3)


FREE = Broadcast()
