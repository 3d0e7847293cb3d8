"""Fetching an article for /add URL: short time-outs, a size cap, and no requests into private networks.

httpx is imported by the first fetch, not with this module: the console chat and `briefing ask` import
this module for /add but most never fetch, and httpx took about 35 ms of their start-up.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import httpx

TIMEOUT, CONNECT_TIMEOUT = 10.0, 5.0  # seconds
MAX_REDIRECTS = 5
READABLE = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain", "text/markdown")


class FetchError(Exception):
    """The page could not be fetched as an article; the message says why, for the admin."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


async def fetch_article(url: str, *, max_bytes: int, allow_private: bool = False,
                        transport: httpx.AsyncBaseTransport | None = None) -> Fetched:
    """GET the page, following a few redirects, each checked like the first address."""
    import httpx

    async with httpx.AsyncClient(timeout=httpx.Timeout(TIMEOUT, connect=CONNECT_TIMEOUT), follow_redirects=False,
                                 transport=transport, headers={"User-Agent": "BriefingBot/0.1 (+article fetcher)"}
                                 ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            await _check_address(url, allow_private=allow_private)
            try:
                async with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = str(response.url.join(response.headers.get("location", "")))
                        continue
                    return await _read(response, url, max_bytes)
            except httpx.TimeoutException:
                raise FetchError("the site did not answer in time") from None
            except httpx.HTTPError as error:
                raise FetchError(f"could not reach the site ({type(error).__name__})") from None
    raise FetchError(f"more than {MAX_REDIRECTS} redirects (a loop?)")


async def _read(response: httpx.Response, url: str, max_bytes: int) -> Fetched:
    if response.status_code >= 400:
        raise FetchError(f"the site answered {response.status_code} {response.reason_phrase}")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and content_type not in READABLE:
        raise FetchError(f"the page is {content_type}, not an HTML page, a PDF or text")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"the page is larger than the {max_bytes // 1048576} MB limit")
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"the page is larger than the {max_bytes // 1048576} MB limit")
        chunks.append(chunk)
    return Fetched(url=url, content_type=content_type, data=b"".join(chunks))


async def _check_address(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError("only http:// and https:// addresses can be added")
    if allow_private:
        return
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(parts.hostname, parts.port or 443)
    except socket.gaierror:
        raise FetchError(f"there is no site called {parts.hostname}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError("that address is in a private, loopback or link-local network")
