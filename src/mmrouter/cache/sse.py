"""Server-sent events: parse a complete stream, write events (pure)."""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

DONE = "[DONE]"


def events(body: bytes) -> Iterator[tuple[str, str]]:
    """(event type or "", data) for each event of a stream (blank-line separated)."""
    text = body.decode("utf-8", "replace").replace("\r\n", "\n")
    for block in text.split("\n\n"):
        kind, data = "", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                kind = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].removeprefix(" "))
        if data:
            yield kind, "\n".join(data)


def json_events(body: bytes) -> Iterator[tuple[str, Any]]:
    """(event type, decoded data); ``[DONE]`` comes as (kind, DONE). Bad JSON raises ValueError."""
    for kind, data in events(body):
        yield kind, (DONE if data.strip() == DONE else json.loads(data))


def write(items: Iterable[tuple[str | None, Any]]) -> bytes:
    """Events as SSE: ``event:`` when a type is given, ``data:`` one JSON line (or [DONE])."""
    out = []
    for kind, data in items:
        line = data if data == DONE else json.dumps(data, ensure_ascii=False,
                                                    separators=(",", ":"))
        out.append((f"event: {kind}\n" if kind else "") + f"data: {line}\n\n")
    return "".join(out).encode()
