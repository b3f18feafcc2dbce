"""Optional http(s) image fetching, guarded against SSRF (off unless ``images.fetch_urls``).

Only allow-listed hosts (``example.com`` exactly, ``*.example.com`` for subdomains). Every address
the name resolves to must be public: loopback, private, link-local, multicast, reserved and
unspecified addresses are refused. The check sits in the connector's resolver, so the socket
connects to exactly the addresses that were checked (no DNS rebinding window); IP literals,
which skip the resolver, are checked up front. No redirects; byte and total-time caps.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import urllib.parse
from typing import Any, Sequence

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from mmrouter.config.schema import ImageInputConfig

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefused(Exception):
    """The URL was not fetched; ``reason`` labels the metric."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def host_allowed(host: str, allowlist: Sequence[str]) -> bool:
    host = host.lower().rstrip(".")
    for entry in allowlist:
        entry = entry.lower().rstrip(".")
        if entry.startswith("*."):
            if host.endswith(entry[1:]) and host != entry[2:]:
                return True
        elif host == entry:
            return True
    return False


def is_public_address(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        # IPv4 wrapped in IPv6 (mapped, 6to4, Teredo) is judged by every IPv4 inside it.
        wrapped = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
        wrapped += list(address.teredo or ())
        if wrapped:
            return all(is_public_address(a) for a in wrapped)
    return not (address.is_private or address.is_loopback or address.is_link_local
                or address.is_multicast or address.is_reserved or address.is_unspecified
                or not address.is_global)


def check_address(host: str) -> None:
    """Raise FetchRefused unless ``host`` (an IP literal) is a public address."""
    address = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    if not is_public_address(address):
        raise FetchRefused("non_public_address", f"refusing to fetch from {address}: not public")


def _ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


class PublicOnlyResolver(AbstractResolver):
    """Resolves like aiohttp's default resolver, then refuses any non-public address."""

    def __init__(self) -> None:
        self._inner = DefaultResolver()

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        for result in results:
            check_address(result["host"])
        return results

    async def close(self) -> None:
        await self._inner.close()


def validate_url(url: str, images: ImageInputConfig) -> urllib.parse.SplitResult:
    """Refuse before any network I/O: disabled, bad scheme, host not allow-listed, IP not public."""
    if not images.fetch_urls:
        raise FetchRefused("disabled", "fetching image URLs is disabled (images.fetch_urls)")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("bad_url", "only http(s) image URLs can be fetched")
    if not host_allowed(parts.hostname, images.url_allowlist):
        raise FetchRefused("not_allowlisted", f"host '{parts.hostname}' is not in images.url_allowlist")
    if _ip_literal(parts.hostname):
        check_address(parts.hostname)
    return parts


async def fetch_image(url: str, images: ImageInputConfig) -> bytes:
    """The image bytes at ``url``, or FetchRefused (policy, SSRF, size, time or HTTP failure)."""
    validate_url(url, images)
    timeout = aiohttp.ClientTimeout(total=images.url_timeout_s)
    connector = aiohttp.TCPConnector(resolver=PublicOnlyResolver(), use_dns_cache=False,
                                     force_close=True)
    try:
        async with aiohttp.ClientSession(timeout=timeout, connector=connector,
                                         trust_env=False) as session:
            async with session.get(url, allow_redirects=False) as response:
                return await _read_body(response, images.max_bytes)
    except FetchRefused:
        raise
    except asyncio.TimeoutError:
        raise FetchRefused("timeout", f"fetching the image took over {images.url_timeout_s}s") \
            from None
    except aiohttp.ClientConnectorError as exc:
        refused = _refusal_cause(exc)
        if refused is not None:
            raise refused from None
        raise FetchRefused("connect_failed", f"cannot connect: {exc}") from None
    except aiohttp.ClientError as exc:
        raise FetchRefused("http_error", f"fetching the image failed: {exc}") from None


async def _read_body(response: aiohttp.ClientResponse, max_bytes: int) -> bytes:
    if response.status != 200:
        raise FetchRefused("http_status", f"the image URL answered {response.status}")
    if response.content_length is not None and response.content_length > max_bytes:
        raise FetchRefused("too_large", f"the image is larger than {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise FetchRefused("too_large", f"the image is larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _refusal_cause(exc: BaseException) -> FetchRefused | None:
    seen: Any = exc
    while seen is not None:
        if isinstance(seen, FetchRefused):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
