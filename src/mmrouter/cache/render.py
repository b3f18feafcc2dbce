"""A stored answer as a hit: the request's API shape, a fresh id and time, streamed as that
API streams when the request asks for ``"stream": true`` (pure)."""

from __future__ import annotations

import copy
import json
import time
import uuid
from typing import Any, Iterator

from mmrouter.cache import sse
from mmrouter.cache.assemble import Answer
from mmrouter.config.schema import ANTHROPIC_MESSAGES, OPENAI_CHAT, OPENAI_RESPONSES

JSON_TYPE = "application/json"
SSE_TYPE = "text/event-stream"
Event = tuple[str | None, Any]


def render_hit(api: str, stored: Answer, *, stream: bool, include_usage: bool = False,
               now: float | None = None, token: str | None = None) -> tuple[str, bytes]:
    """(content type, body) of the hit."""
    answer = fresh(api, stored, int(time.time() if now is None else now),
                   token or uuid.uuid4().hex[:24])
    if not stream:
        return JSON_TYPE, json.dumps(answer, ensure_ascii=False).encode()
    if api == OPENAI_CHAT:
        return SSE_TYPE, sse.write(_chat_events(answer, include_usage))
    if api == OPENAI_RESPONSES:
        return SSE_TYPE, sse.write(_numbered(_responses_events(answer)))
    return SSE_TYPE, sse.write(_anthropic_events(answer))


def fresh(api: str, stored: Answer, created: int, token: str) -> Answer:
    answer = copy.deepcopy(stored)
    if api == OPENAI_CHAT:
        answer.update(id=f"chatcmpl-{token}", created=created)
    elif api == OPENAI_RESPONSES:
        answer.update(id=f"resp_{token}", created_at=created)
    elif api == ANTHROPIC_MESSAGES:
        answer["id"] = f"msg_{token}"
    return answer


def _chat_events(answer: Answer, include_usage: bool) -> Iterator[Event]:
    head = {"id": answer["id"], "object": "chat.completion.chunk", "created": answer["created"],
            "model": answer.get("model")}
    if answer.get("system_fingerprint"):
        head["system_fingerprint"] = answer["system_fingerprint"]
    extra = {"usage": None} if include_usage else {}
    choices = answer["choices"]
    yield None, {**head, "choices": [
        {"index": c["index"], "delta": {"role": "assistant", "content": c["message"]["content"]},
         "logprobs": None, "finish_reason": None} for c in choices], **extra}
    yield None, {**head, "choices": [
        {"index": c["index"], "delta": {}, "logprobs": None,
         "finish_reason": c["finish_reason"]} for c in choices], **extra}
    if include_usage:
        yield None, {**head, "choices": [], "usage": answer.get("usage")}
    yield None, sse.DONE


def _responses_events(answer: Answer) -> Iterator[tuple[str, dict[str, Any]]]:
    started = {**answer, "status": "in_progress", "output": [], "usage": None}
    yield "response.created", {"response": started}
    yield "response.in_progress", {"response": started}
    for index, item in enumerate(answer["output"]):
        yield "response.output_item.added", {"output_index": index, "item": {
            **item, "status": "in_progress", **({"content": []} if "content" in item else {})}}
        for part_index, part in enumerate(item.get("content") or ()):
            where = {"item_id": item.get("id"), "output_index": index,
                     "content_index": part_index}
            text = part.get("text", "")
            yield "response.content_part.added", {**where, "part": {**part, "text": ""}}
            if part.get("type") == "output_text":
                yield "response.output_text.delta", {**where, "delta": text, "logprobs": []}
                yield "response.output_text.done", {**where, "text": text, "logprobs": []}
            yield "response.content_part.done", {**where, "part": part}
        yield "response.output_item.done", {"output_index": index, "item": item}
    yield "response.completed", {"response": answer}


def _numbered(items: Iterator[tuple[str, dict[str, Any]]]) -> Iterator[Event]:
    for number, (kind, data) in enumerate(items):
        yield kind, {"type": kind, "sequence_number": number, **data}


def _anthropic_events(answer: Answer) -> Iterator[Event]:
    usage = answer.get("usage") or {}
    start = {**answer, "content": [], "stop_reason": None, "stop_sequence": None,
             "usage": {**usage, "output_tokens": 0}}
    yield "message_start", {"type": "message_start", "message": start}
    for index, block in enumerate(answer["content"]):
        yield "content_block_start", {"type": "content_block_start", "index": index,
                                      "content_block": {**block, "text": ""}}
        yield "content_block_delta", {"type": "content_block_delta", "index": index,
                                      "delta": {"type": "text_delta", "text": block["text"]}}
        yield "content_block_stop", {"type": "content_block_stop", "index": index}
    yield "message_delta", {"type": "message_delta",
                            "delta": {"stop_reason": answer.get("stop_reason"),
                                      "stop_sequence": answer.get("stop_sequence")},
                            "usage": {"output_tokens": usage.get("output_tokens", 0)}}
    yield "message_stop", {"type": "message_stop"}
