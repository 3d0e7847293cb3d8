"""Just enough HTTP/1.1 on 127.0.0.1 for httpx, so the fake Bot API needs no web framework.

Keep-alive matters (httpx reuses connections); bodies come with Content-Length, never chunked.
Form fields are decoded the way python-telegram-bot encodes them: every non-string value as JSON.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

# PTB sends string parameters as they are and JSON-encodes the rest; these must stay strings even
# when they look like JSON (a message text "42" is not the number 42).
STRING_PARAMS = frozenset({
    "text", "caption", "parse_mode", "callback_query_id", "inline_message_id", "action", "url",
    "file_id", "language_code", "business_connection_id", "title", "description", "custom_title",
})


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request, so a test can check what the bot sent."""

    filename: str
    content: bytes
    mime_type: str


@dataclass(frozen=True)
class Request:
    verb: str
    path: str  # percent-decoded
    query: str
    headers: dict[str, str]  # lower-case names
    body: bytes

    def params(self) -> dict[str, Any]:
        """Query and body fields as Python values; uploaded files become `Upload`s."""
        content_type = self.headers.get("content-type", "")
        raw: dict[str, str | Upload] = dict(parse_qsl(self.query, keep_blank_values=True))
        if content_type.startswith("application/json"):
            return {**raw, **json.loads(self.body or b"{}")}
        if content_type.startswith("application/x-www-form-urlencoded"):
            raw.update(parse_qsl(self.body.decode(), keep_blank_values=True))
        elif content_type.startswith("multipart/form-data"):
            raw.update(_parse_multipart(self.body, content_type))
        return {name: _decode_value(name, value) for name, value in raw.items()}


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str = "application/json"

    @classmethod
    def json(cls, status: int, payload: object) -> Response:
        return cls(status, json.dumps(payload).encode())


Handler = Callable[[Request], Awaitable[Response]]


class HttpServer:
    """Serves `handler` on a loopback port (a free one unless given) until the `async with` block ends."""

    def __init__(self, handler: Handler, port: int = 0) -> None:
        self._handler = handler
        self._port = port
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()

    async def __aenter__(self) -> Self:
        self._server = await asyncio.start_server(self._serve_connection, "127.0.0.1", self._port)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._connections):
            task.cancel()  # e.g. a long poll still waiting for updates
        await asyncio.gather(*self._connections, return_exceptions=True)
        await self._server.wait_closed()

    @property
    def port(self) -> int:
        assert self._server is not None, "start the server with `async with` first"
        return int(self._server.sockets[0].getsockname()[1])

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while (request := await _read_request(reader)) is not None:
                response = await self._handler(request)
                keep_alive = request.headers.get("connection", "").lower() != "close"
                writer.write(_encode_response(response, keep_alive))
                await writer.drain()
                if not keep_alive:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass  # the client went away (PTB cancels its long poll on stop) or spoke nonsense
        except asyncio.CancelledError:
            pass  # the server is stopping; re-raising makes asyncio's stream callback log an error
        finally:
            self._connections.discard(task)
            writer.close()


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    """One request, or None when the client closed the connection between requests."""
    request_line = await reader.readline()
    if not request_line.strip():
        return None
    verb, target, _version = request_line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        raise ValueError("chunked request bodies are not supported")
    body = await reader.readexactly(int(headers.get("content-length", 0)))
    url = urlsplit(target)
    return Request(verb, unquote(url.path), url.query, headers, body)


def _encode_response(response: Response, keep_alive: bool) -> bytes:
    head = (
        f"HTTP/1.1 {response.status} {HTTPStatus(response.status).phrase}\r\n"
        f"Content-Type: {response.content_type}\r\n"
        f"Content-Length: {len(response.body)}\r\n"
        f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
    )
    return head.encode("latin-1") + response.body


def _decode_value(name: str, value: str | Upload) -> Any:
    if isinstance(value, Upload) or name in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # a plain string such as "@channelname"


def _parse_multipart(body: bytes, content_type: str) -> dict[str, str | Upload]:
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if match is None:
        raise ValueError("multipart body without boundary")
    fields: dict[str, str | Upload] = {}
    for part in body.split(b"--" + match.group(1).encode())[1:-1]:
        head, _, content = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        content = content.removesuffix(b"\r\n")
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in head.decode().split("\r\n"))
        }
        disposition = dict(re.findall(r'(\w+)="([^"]*)"', headers.get("content-disposition", "")))
        if "filename" in disposition:
            mime_type = headers.get("content-type", "application/octet-stream")
            fields[disposition["name"]] = Upload(disposition["filename"], content, mime_type)
        else:
            fields[disposition["name"]] = content.decode()
    return fields
