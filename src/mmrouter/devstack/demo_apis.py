"""The demo backends' answers in the OpenAI Responses API and the Anthropic Messages API.

Non-streaming answers are one JSON object; streaming answers are each API's SSE events
(Responses: ``response.created`` … ``response.output_text.delta`` … ``response.completed``;
Anthropic: ``message_start`` … ``content_block_delta`` … ``message_stop``).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any, Iterator

from aiohttp import web

STREAM_PAUSE_S = 0.01  # between text deltas, so clients see a stream, not one chunk


def response_object(model: str, text: str, *, done: bool = True,
                    response_id: str | None = None, incomplete: bool = False) -> dict[str, Any]:
    """A Responses API ``response`` (completed with its message, or just created;
    ``incomplete``: cut at max_output_tokens)."""
    words = len(text.split())
    status = ("incomplete" if incomplete else "completed") if done else "in_progress"
    return {"id": response_id or f"resp_{uuid.uuid4().hex[:16]}", "object": "response",
            "created_at": int(time.time()), "status": status,
            "model": model, "output": [_output_message(text)] if done else [],
            "parallel_tool_calls": True, "tool_choice": "auto", "tools": [], "error": None,
            "incomplete_details": {"reason": "max_output_tokens"} if incomplete and done else None,
            "instructions": None, "metadata": {},
            "usage": {"input_tokens": 1, "output_tokens": words, "total_tokens": 1 + words,
                      "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                      "output_tokens_details": {"reasoning_tokens": 0}} if done else None}


def _output_message(text: str, item_id: str = "msg_demo", done: bool = True) -> dict[str, Any]:
    return {"type": "message", "id": item_id, "status": "completed" if done else "in_progress",
            "role": "assistant",
            "content": [_text_part(text)] if done else []}


def _text_part(text: str) -> dict[str, Any]:
    return {"type": "output_text", "text": text, "annotations": []}


def responses_events(model: str, text: str,
                     incomplete: bool = False) -> Iterator[tuple[str, dict[str, Any]]]:
    """The Responses API's stream for one text answer, as (event type, data) pairs."""
    response_id = f"resp_{uuid.uuid4().hex[:16]}"
    where = {"item_id": "msg_demo", "output_index": 0, "content_index": 0}
    created = response_object(model, text, done=False, response_id=response_id)
    yield "response.created", {"response": created}
    yield "response.in_progress", {"response": created}
    yield "response.output_item.added", {"output_index": 0,
                                         "item": _output_message("", done=False)}
    yield "response.content_part.added", {**where, "part": _text_part("")}
    for word in _pieces(text):
        yield "response.output_text.delta", {**where, "delta": word, "logprobs": []}
    yield "response.output_text.done", {**where, "text": text, "logprobs": []}
    yield "response.content_part.done", {**where, "part": _text_part(text)}
    yield "response.output_item.done", {"output_index": 0, "item": _output_message(text)}
    final = response_object(model, text, response_id=response_id, incomplete=incomplete)
    yield ("response.incomplete" if incomplete else "response.completed"), {"response": final}


def anthropic_message(model: str, text: str, *, done: bool = True,
                      stop_reason: str = "end_turn") -> dict[str, Any]:
    """An Anthropic Messages API ``message`` (complete, or empty as message_start sends it)."""
    return {"id": f"msg_{uuid.uuid4().hex[:16]}", "type": "message", "role": "assistant",
            "model": model, "content": [{"type": "text", "text": text}] if done else [],
            "stop_reason": stop_reason if done else None, "stop_sequence": None,
            "usage": {"input_tokens": 1, "output_tokens": len(text.split()) if done else 1}}


def anthropic_events(model: str, text: str,
                     stop_reason: str = "end_turn") -> Iterator[tuple[str, dict[str, Any]]]:
    """The Messages API's stream for one text answer, as (event type, data) pairs."""
    yield "message_start", {"message": anthropic_message(model, text, done=False)}
    yield "content_block_start", {"index": 0, "content_block": {"type": "text", "text": ""}}
    yield "ping", {}
    for word in _pieces(text):
        yield "content_block_delta", {"index": 0, "delta": {"type": "text_delta", "text": word}}
    yield "content_block_stop", {"index": 0}
    yield "message_delta", {"delta": {"stop_reason": stop_reason, "stop_sequence": None},
                            "usage": {"output_tokens": len(text.split())}}
    yield "message_stop", {}


def _pieces(text: str) -> list[str]:
    words = text.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]


async def stream_events(request: web.Request, events: Iterator[tuple[str, dict[str, Any]]],
                        headers: dict[str, str], numbered: bool) -> web.StreamResponse:
    """Write ``events`` as SSE (``event:`` and ``data:`` lines); ``numbered`` adds the
    Responses API's ``sequence_number``."""
    response = web.StreamResponse(headers={**headers, "content-type": "text/event-stream"})
    await response.prepare(request)
    for number, (kind, data) in enumerate(events):
        payload = {"type": kind, **({"sequence_number": number} if numbered else {}), **data}
        await response.write(f"event: {kind}\ndata: {json.dumps(payload)}\n\n".encode())
        if kind.endswith("delta"):
            await asyncio.sleep(STREAM_PAUSE_S)
    await response.write_eof()
    return response


def anthropic_error_response(message: str, status: int = 400) -> web.Response:
    return web.json_response({"type": "error", "error": {"type": "invalid_request_error",
                                                         "message": message}}, status=status)
