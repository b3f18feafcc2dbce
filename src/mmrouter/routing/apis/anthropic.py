"""Anthropic Messages API bodies (``POST /v1/messages``) into the classifier's Conversation (pure).

``system`` (a string or text blocks) never decides the route. ``messages`` alternate ``user``
and ``assistant``; content is a string or blocks: ``text``, ``image`` (source ``base64``, ``url``
or ``file``, the last one an image the router cannot read), ``tool_use`` and ``tool_result``
(tool text never decides the route; images inside results count for the image capability).
A user message made only of tool results is not a user turn: the latest user turn is the last
one with words or images of the person.
"""

from __future__ import annotations

from typing import Any, Mapping

from mmrouter.errors import InvalidRequest
from mmrouter.routing.apis.common import (TOOL, Message, assemble, block_type, join_text,
                                          require_object, require_str, unreadable_image)
from mmrouter.routing.conversation import Conversation, ImageRef

ROLES = ("user", "assistant")
TOOL_BLOCKS = ("tool_use", "tool_result", "server_tool_use", "mcp_tool_use", "mcp_tool_result")


def anthropic_conversation(payload: Mapping[str, Any], context_messages: int = 2,
                           max_context_chars: int = 2000) -> Conversation:
    _check_system(payload.get("system"))
    raw = payload.get("messages")
    if not isinstance(raw, list) or not raw:
        raise InvalidRequest("'messages' must be a non-empty array", param="messages")
    messages = [_message(message, i) for i, message in enumerate(raw)]
    if not any(message.get("role") == "user" for message in raw):
        raise InvalidRequest("'messages' has no user message", param="messages")
    return assemble(messages, context_messages, max_context_chars)


def _check_system(system: Any) -> None:
    if system is None or isinstance(system, str):
        return
    if not isinstance(system, list):
        raise InvalidRequest("'system' must be a string or an array of text blocks",
                             param="system")
    for j, block in enumerate(system):
        block_type(block, f"system[{j}]")


def _message(message: Any, index: int) -> Message:
    where = f"messages[{index}]"
    obj = require_object(message, where)
    role = obj.get("role")
    if role not in ROLES:
        raise InvalidRequest(f"{where}.role must be 'user' or 'assistant'", param=f"{where}.role")
    content = obj.get("content")
    if isinstance(content, str):
        return Message(role=role, text=join_text([content]))
    if not isinstance(content, list):
        raise InvalidRequest(f"{where}.content must be a string or an array of content blocks",
                             param=f"{where}.content")
    texts: list[str] = []
    images: list[ImageRef] = []
    tool_images: list[ImageRef] = []
    tools = False
    for j, block in enumerate(content):
        at = f"{where}.content[{j}]"
        kind = block_type(block, at)
        if kind == "text":
            texts.append(require_str(block, "text", at))
        elif kind == "image":
            images.append(_image(block, at, index))
        elif kind in TOOL_BLOCKS:
            tools = True
            if kind == "tool_result":
                tool_images.extend(_tool_result_images(block, at, index))
        # document, thinking, search results, …: kept in the body, ignored for routing
    text = join_text(texts)
    only_tools = tools and not text and not images
    return Message(role=TOOL if only_tools else role, text=text, images=tuple(images),
                   tool_images=tuple(tool_images))


def _tool_result_images(block: dict[str, Any], where: str, index: int) -> list[ImageRef]:
    content = block.get("content")
    if content is None or isinstance(content, str):
        return []
    if not isinstance(content, list):
        raise InvalidRequest(f"{where}.content must be a string or an array of content blocks",
                             param=f"{where}.content")
    return [_image(inner, f"{where}.content[{k}]", index) for k, inner in enumerate(content)
            if block_type(inner, f"{where}.content[{k}]") == "image"]


def _image(block: dict[str, Any], where: str, index: int) -> ImageRef:
    source = require_object(block.get("source"), f"{where}.source")
    kind = source.get("type")
    at = f"{where}.source"
    if kind == "base64":
        media = require_str(source, "media_type", at, non_empty=True)
        data = require_str(source, "data", at, non_empty=True)
        return ImageRef(url=f"data:{media};base64,{data}", message_index=index)
    if kind == "url":
        return ImageRef(url=require_str(source, "url", at, non_empty=True), message_index=index)
    if kind == "file":
        return unreadable_image(require_str(source, "file_id", at, non_empty=True), index)
    raise InvalidRequest(f"{at}.type must be 'base64', 'url' or 'file'", param=f"{at}.type")
