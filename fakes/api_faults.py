"""How the fake Bot API refuses a call, and the faults a test queues for the calls to come.

`ApiError` is Telegram's answer to a call it will not carry out, raised by every part of the fake; a
`Fault` is one misbehaviour a test asked for (refuse, hang, answer late, answer garbled), waiting in a
`FaultQueue` for the calls it matches. Kept apart so that what goes wrong on purpose reads in one place,
away from what the server does when all goes well.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

JSON = dict[str, Any]

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    429: "Too Many Requests: retry after {retry_after}",
}


class ApiError(Exception):
    """Raised by a method handler to answer like Telegram does: HTTP status = error_code."""

    def __init__(self, error_code: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.payload: JSON = {"ok": False, "error_code": error_code, "description": description}
        if retry_after is not None:
            self.payload["parameters"] = {"retry_after": retry_after}


def refusal(error_code: int, description: str | None, retry_after: float | None) -> ApiError:
    """The error Telegram answers with; without a `description`, the one it gives for that code."""
    if description is None:
        default = _DEFAULT_DESCRIPTIONS.get(error_code) or HTTPStatus(error_code).phrase
        description = default.format(retry_after=retry_after)
    return ApiError(error_code, description, retry_after)


@dataclass
class Fault:
    method: str
    error: ApiError
    remaining: int
    chat_id: int | str | None
    delay: float = 0.0

    def matches(self, method: str, params: JSON) -> bool:
        return self.method.lower() == method.lower() and self.chat_id in (None, params.get("chat_id"))


class FaultQueue:
    """Faults of one kind, in the order a test queued them."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        self._faults.append(fault)

    def take(self, method: str, params: JSON) -> Fault | None:
        """The first fault that applies to this call, used up once."""
        for fault in self._faults:
            if fault.matches(method, params):
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault
        return None
