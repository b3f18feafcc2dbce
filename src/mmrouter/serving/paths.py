"""Request paths as a backend would read them (pure), so no spelling of a chat path skips routing.

Envoy normalises paths before the processor sees them (``normalize_path``, ``merge_slashes``,
escaped slashes rejected); this matcher does the same and more on its own, so routing does not
depend on the proxy's settings: a path counts as a chat path when any common web framework
would serve it as one.
"""

from __future__ import annotations

import re
from typing import Iterable

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_SLASHES = re.compile(r"/{2,}")


def _decode(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    # Unreserved characters are equivalent encoded or not (RFC 3986 6.2.2.2); "/" is decoded
    # too, because some servers decode %2F before matching routes. One pass, as servers do.
    return char if char in _UNRESERVED or char == "/" else match.group(0)


def normalise_path(path: str) -> str:
    """The path without query or fragment, ``%XX`` of unreserved characters and of ``/``
    decoded, ``;params`` dropped from each segment, slashes merged, dot segments resolved and
    no trailing slash (``/`` stays ``/``)."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    path = _PERCENT.sub(_decode, path)
    segments: list[str] = []
    for segment in _SLASHES.sub("/", path).split("/"):
        segment = segment.split(";", 1)[0]
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(segment)
    return "/" + "/".join(segments)


def chat_path_matcher(chat_paths: Iterable[str]) -> frozenset[str]:
    """The configured chat paths, normalised: test ``normalise_path(path) in matcher``."""
    return frozenset(normalise_path(p) for p in chat_paths)
