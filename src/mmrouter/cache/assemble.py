"""A backend's complete, successful answer as one JSON object, or None (pure).

Only answers that ended normally are kept: chat completions whose every choice finished with
``stop`` (no tool calls), Responses with status ``completed`` and only message/reasoning
output, Anthropic messages with ``stop_reason: end_turn`` and only text blocks. A streamed
answer is assembled from its events into the object the API returns without streaming; a
stream cut short (no ``[DONE]``, no ``response.completed``, no ``message_stop``) is not kept.
"""

from __future__ import annotations

import json
from typing import Any

from mmrouter.cache.sse import DONE, json_events
from mmrouter.config.schema import ANTHROPIC_MESSAGES, OPENAI_CHAT, OPENAI_RESPONSES

Answer = dict[str, Any]


def complete_answer(api: str, body: bytes, streamed: bool) -> Answer | None:
    """The answer to store, or None when it must not be stored."""
    try:
        if streamed:
            answer = _ASSEMBLERS[api](body)
        else:
            answer = json.loads(body)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(answer, dict):
        return None
    return answer if _CHECKS[api](answer) else None


def _chat_ok(answer: Answer) -> bool:
    choices = answer.get("choices")
    if not isinstance(choices, list) or not choices:
        return False
    return all(isinstance(c, dict) and c.get("finish_reason") == "stop"
               and isinstance(c.get("message"), dict)
               and isinstance(c["message"].get("content"), str)
               and not c["message"].get("tool_calls") for c in choices)


def _responses_ok(answer: Answer) -> bool:
    output = answer.get("output")
    return (answer.get("status") == "completed" and isinstance(output, list) and bool(output)
            and all(isinstance(o, dict) and o.get("type") in ("message", "reasoning")
                    for o in output))


def _anthropic_ok(answer: Answer) -> bool:
    content = answer.get("content")
    return (answer.get("stop_reason") == "end_turn" and isinstance(content, list)
            and bool(content)
            and all(isinstance(b, dict) and b.get("type") == "text" for b in content))


def _chat_stream(body: bytes) -> Answer | None:
    head: Answer = {}
    choices: dict[int, Answer] = {}
    usage = None
    done = False
    for _, chunk in json_events(body):
        if chunk == DONE:
            done = True
            break
        head = head or {k: chunk.get(k) for k in ("id", "created", "model", "system_fingerprint")}
        usage = chunk.get("usage") or usage
        for choice in chunk.get("choices") or ():
            slot = choices.setdefault(int(choice["index"]), {"content": [], "finish": None})
            delta = choice.get("delta") or {}
            if delta.get("tool_calls") or delta.get("function_call"):
                return None
            if delta.get("content"):
                slot["content"].append(delta["content"])
            slot["finish"] = choice.get("finish_reason") or slot["finish"]
    if not done or not choices:
        return None
    answer = {**head, "object": "chat.completion", "choices": [
        {"index": i, "message": {"role": "assistant", "content": "".join(s["content"])},
         "finish_reason": s["finish"]} for i, s in sorted(choices.items())]}
    if usage:
        answer["usage"] = usage
    return answer


def _responses_stream(body: bytes) -> Answer | None:
    for kind, data in json_events(body):
        if isinstance(data, dict) and (data.get("type") or kind) == "response.completed":
            response = data.get("response")
            return response if isinstance(response, dict) else None
    return None


def _anthropic_stream(body: bytes) -> Answer | None:
    message: Answer | None = None
    blocks: dict[int, Answer] = {}
    finished = False
    for kind, data in json_events(body):
        kind = data.get("type", kind) if isinstance(data, dict) else kind
        if kind == "message_start":
            message = dict(data["message"])
        elif kind == "content_block_start":
            blocks[int(data["index"])] = dict(data["content_block"])
        elif kind == "content_block_delta":
            delta = data["delta"]
            if delta.get("type") != "text_delta":
                return None
            block = blocks[int(data["index"])]
            block["text"] = block.get("text", "") + delta["text"]
        elif kind == "message_delta" and message is not None:
            message.update(data.get("delta") or {})
            message["usage"] = {**(message.get("usage") or {}), **(data.get("usage") or {})}
        elif kind == "message_stop":
            finished = True
    if message is None or not finished:
        return None
    message["content"] = [blocks[i] for i in sorted(blocks)]
    return message


_ASSEMBLERS = {OPENAI_CHAT: _chat_stream, OPENAI_RESPONSES: _responses_stream,
               ANTHROPIC_MESSAGES: _anthropic_stream}
_CHECKS = {OPENAI_CHAT: _chat_ok, OPENAI_RESPONSES: _responses_ok,
           ANTHROPIC_MESSAGES: _anthropic_ok}


def output_tokens(api: str, answer: Answer) -> int:
    """The answer's output tokens as its usage reports them (0 if it does not)."""
    usage = answer.get("usage")
    if not isinstance(usage, dict):
        return 0
    value = usage.get("completion_tokens" if api == OPENAI_CHAT else "output_tokens", 0)
    return value if isinstance(value, int) else 0
