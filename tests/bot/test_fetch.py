"""/add URL fetching: every way a page can fail ends in a reason the admin can act on."""

from __future__ import annotations

import re

import httpx
import pytest

from bot.services.fetch import FetchError, fetch_article

PAGE = b"<html><head><title>Talks</title></head><body><article><p>Lavrov met Wang Yi.</p></article></body></html>"


def transport(handler) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


async def fetch(url: str, handler, *, max_bytes: int = 10_000, allow_private: bool = True):
    return await fetch_article(url, max_bytes=max_bytes, allow_private=allow_private, transport=transport(handler))


async def test_an_html_page_is_fetched_after_redirects():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, content=PAGE)

    page = await fetch("http://news.test/old", handler)
    assert page.url == "http://news.test/new"
    assert page.content_type == "text/html"
    assert page.data == PAGE


@pytest.mark.parametrize(("url", "response", "reason"), [
    ("ftp://news.test/a", httpx.Response(200), "only http:// and https://"),
    ("http://news.test/a", httpx.Response(404), "answered 404 Not Found"),
    ("http://news.test/a", httpx.Response(200, headers={"content-type": "image/png"}, content=b"x"), "image/png"),
    ("http://news.test/a", httpx.Response(200, headers={"content-type": "text/html"}, content=b"x" * 20_000),
     "larger than"),
    ("http://news.test/a", httpx.Response(302, headers={"location": "/a"}), "redirects (a loop?)"),
])
async def test_each_failure_has_a_reason(url, response, reason):
    with pytest.raises(FetchError, match=re.escape(reason)):
        await fetch(url, lambda _request: response)


async def test_a_timeout_is_reported():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchError, match="did not answer in time"):
        await fetch("http://news.test/a", handler)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/a", "http://[::1]/a", "http://169.254.169.254/latest",
                                 "http://10.1.2.3/a", "http://localhost/a"])
async def test_private_addresses_are_refused_unless_allowed(url):
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=PAGE)

    with pytest.raises(FetchError, match="private, loopback or link-local"):
        await fetch(url, handler, allow_private=False)
    assert (await fetch(url, handler, allow_private=True)).data == PAGE


async def test_a_redirect_into_a_private_network_is_refused():
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://127.0.0.1/admin"})

    with pytest.raises(FetchError, match="private"):
        await fetch_article("http://93.184.216.34/a", max_bytes=10_000, transport=transport(handler))
