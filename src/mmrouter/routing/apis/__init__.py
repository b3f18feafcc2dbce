"""The request APIs the router reads, and dispatch to each one's parser (pure).

``openai_chat`` (chat completions), ``openai_responses`` (Responses API) and
``anthropic_messages`` (Anthropic Messages API): every one is parsed into the same
:class:`~mmrouter.routing.conversation.Conversation`, and its top-level ``model`` is rewritten
the same way.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Mapping

from mmrouter.config.schema import (ANTHROPIC_MESSAGES, API_NAMES, OPENAI_CHAT, OPENAI_RESPONSES,
                                    RoutingConfig)
from mmrouter.errors import InvalidRequest
from mmrouter.routing.apis.anthropic import anthropic_conversation
from mmrouter.routing.apis.responses import responses_conversation
from mmrouter.routing.conversation import (DEFAULT_MAX_TEXT_CHARS, ChatRequest, Conversation,
                                           bound_text, build_conversation,
                                           parse_chat_body)

API_TITLES = {OPENAI_CHAT: "OpenAI chat completions", OPENAI_RESPONSES: "OpenAI Responses",
              ANTHROPIC_MESSAGES: "Anthropic Messages"}
_BUILDERS: dict[str, Callable[[Mapping[str, Any], int, int], Conversation]] = {
    OPENAI_CHAT: build_conversation, OPENAI_RESPONSES: responses_conversation,
    ANTHROPIC_MESSAGES: anthropic_conversation}
# Bytes that show an image part in a body (a hint for the default model after an internal error).
IMAGE_MARKERS = {OPENAI_CHAT: b'"image_url"', OPENAI_RESPONSES: b'"input_image"',
                  ANTHROPIC_MESSAGES: b'"image"'}


def check_api(api: Any, param: str = "api") -> str:
    """``api`` if it names a known API, else InvalidRequest."""
    if api not in API_NAMES:
        raise InvalidRequest(f"unknown API {api!r}; expected one of {list(API_NAMES)}",
                             param=param)
    return str(api)


def parse_request(body: bytes, api: str) -> ChatRequest:
    """Decode a request body of ``api``; InvalidJSON / InvalidRequest with a clear message."""
    if not body.strip():
        raise InvalidRequest(f"request body is empty; expected a JSON {API_TITLES[api]} request")
    return dataclasses.replace(parse_chat_body(body), api=api)


def request_conversation(request: ChatRequest, routing: RoutingConfig,
                         max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Conversation:
    """The classifier's view of a parsed request, with the routing config's context bounds and
    its latest turn cut to what the text encoder reads (``max_text_chars``)."""
    conversation = _BUILDERS[request.api](request.payload, routing.context_messages,
                                          routing.max_context_chars)
    return bound_text(conversation, max_text_chars)


def may_carry_images(body: bytes, api: str) -> bool:
    """Whether the raw body shows an image part (no parsing: for the internal-error path)."""
    return IMAGE_MARKERS[api] in body
