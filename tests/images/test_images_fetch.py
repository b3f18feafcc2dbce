"""http(s) image URLs: off by default, allow-list, SSRF refusal, caps. Loopback only, no network."""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
from typing import AsyncIterator

import pytest
from aiohttp import web

from mmrouter.config.schema import ImageInputConfig
from mmrouter.images import fetch
from mmrouter.images.fetch import (FetchRefused, PublicOnlyResolver, fetch_image, host_allowed,
                                   is_public_address, validate_url)
from images_support import png


def enabled(*hosts: str, **changes: object) -> ImageInputConfig:
    return dataclasses.replace(ImageInputConfig(), fetch_urls=True, url_allowlist=hosts, **changes)


def refusal(url: str, images: ImageInputConfig) -> str:
    with pytest.raises(FetchRefused) as info:
        asyncio.run(fetch_image(url, images))
    return info.value.reason


def test_fetching_is_off_by_default() -> None:
    assert refusal("https://images.example.com/cat.png", ImageInputConfig()) == "disabled"


def test_allow_list_is_enforced_before_any_io() -> None:
    images = enabled("images.example.com", "*.cdn.example.org")
    assert refusal("https://evil.example.net/cat.png", images) == "not_allowlisted"
    assert refusal("https://images.example.com.evil.net/x.png", images) == "not_allowlisted"
    assert refusal("ftp://images.example.com/x.png", images) == "bad_url"
    assert host_allowed("a.cdn.example.org", images.url_allowlist)
    assert not host_allowed("cdn.example.org", images.url_allowlist)
    assert host_allowed("IMAGES.example.com.", images.url_allowlist)


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "192.168.0.10", "172.16.5.4",
                                  "169.254.169.254", "0.0.0.0", "[::1]", "[fe80::1]",
                                  "[::ffff:127.0.0.1]", "100.64.0.1", "224.0.0.1"])
def test_non_public_ip_literals_are_refused(host: str) -> None:
    images = enabled(host.strip("[]"))
    with pytest.raises(FetchRefused) as info:
        validate_url(f"http://{host}/x.png", images)
    assert info.value.reason == "non_public_address"


def test_public_addresses_pass_the_check() -> None:
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"):
        assert is_public_address(ipaddress.ip_address(address))


def test_resolver_refuses_names_that_resolve_to_loopback() -> None:
    async def resolve() -> None:
        resolver = PublicOnlyResolver()
        try:
            await resolver.resolve("localhost", 80)
        finally:
            await resolver.close()

    with pytest.raises(FetchRefused) as info:
        asyncio.run(resolve())
    assert info.value.reason == "non_public_address"


@pytest.fixture
def loopback_server() -> AsyncIterator[int]:
    """An aiohttp server on 127.0.0.1 serving a PNG; yields its port."""
    loop = asyncio.new_event_loop()
    hits: list[str] = []

    async def image(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.Response(body=png(), content_type="image/png")

    app = web.Application()
    app.router.add_get("/cat.png", image)
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    yield port, loop, hits
    loop.run_until_complete(runner.cleanup())
    loop.close()


def test_allowed_name_resolving_to_loopback_is_refused(loopback_server) -> None:
    port, loop, hits = loopback_server
    images = enabled("localhost")
    with pytest.raises(FetchRefused) as info:
        loop.run_until_complete(fetch_image(f"http://localhost:{port}/cat.png", images))
    assert info.value.reason == "non_public_address"
    with pytest.raises(FetchRefused) as info:
        loop.run_until_complete(fetch_image(f"http://127.0.0.1:{port}/cat.png", enabled("127.0.0.1")))
    assert info.value.reason == "non_public_address"
    assert hits == []  # the server never saw a request


def test_caps_and_status_once_the_address_is_allowed(loopback_server, monkeypatch) -> None:
    """The byte cap and status checks, with the address check relaxed for loopback in this test."""
    port, loop, hits = loopback_server
    monkeypatch.setattr(fetch, "is_public_address", lambda address: True)
    data = loop.run_until_complete(fetch_image(f"http://localhost:{port}/cat.png", enabled("localhost")))
    assert data == png()
    small = enabled("localhost", max_bytes=100)
    with pytest.raises(FetchRefused) as info:
        loop.run_until_complete(fetch_image(f"http://localhost:{port}/cat.png", small))
    assert info.value.reason == "too_large"
    with pytest.raises(FetchRefused) as info:
        loop.run_until_complete(fetch_image(f"http://localhost:{port}/missing.png", enabled("localhost")))
    assert info.value.reason == "http_status"


def test_ipv4_wrapped_in_ipv6_is_judged_by_the_ipv4_inside() -> None:
    for wrapped in ("2002:7f00:1::", "2002:a00:1::", "::ffff:10.0.0.1",
                    "2001:0:4136:e378:8000:63bf:3fff:fdd2"):  # Teredo with a TEST-NET client
        assert not is_public_address(ipaddress.ip_address(wrapped)), wrapped
    assert is_public_address(ipaddress.ip_address("2002:808:808::"))  # 6to4 of 8.8.8.8
