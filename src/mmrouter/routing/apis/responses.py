"""OpenAI Responses API bodies (``POST /v1/responses``) into the classifier's Conversation (pure).

``input`` is a string (one user turn) or a list of items: messages (``input_text`` /
``output_text`` and ``input_image`` parts; an image is an ``image_url``, a data: URI or URL, or a
``file_id`` the router cannot read), tool calls and their outputs (never routing text; images in
outputs count for the image capability), and references to stored items. ``instructions`` is
the system prompt and never decides the route. ``previous_response_id`` and ``conversation`` mean
earlier turns the backend holds and the router cannot see.
"""

from __future__ import annotations

from typing import Any, Mapping

from mmrouter.errors import InvalidRequest
from mmrouter.routing.apis.common import (TOOL, Message, assemble, block_type, join_text,
                                          require_object, require_str, unreadable_image)
from mmrouter.routing.conversation import Conversation, ImageRef

TEXT_PARTS = ("input_text", "output_text")
TOOL_OUTPUTS = ("function_call_output", "custom_tool_call_output")
UNSEEN_CONTEXT_FIELDS = ("previous_response_id", "conversation")


def responses_conversation(payload: Mapping[str, Any], context_messages: int = 2,
                           max_context_chars: int = 2000) -> Conversation:
    _check_instructions(payload.get("instructions"))
    unseen = _unseen_context(payload)
    raw = payload.get("input")
    if raw is None:
        if not unseen and payload.get("prompt") is None:
            raise InvalidRequest("'input' is required: a string or an array of input items "
                                 "(or previous_response_id / prompt)", param="input")
        messages: list[Message] = []
    elif isinstance(raw, str):
        messages = [Message(role="user", text=join_text([raw]))]
    elif isinstance(raw, list):
        messages = [_item(item, i) for i, item in enumerate(raw)]
        unseen = unseen or any(isinstance(item, dict) and item.get("type") == "item_reference"
                               for item in raw)
    else:
        raise InvalidRequest("'input' must be a string or an array of input items", param="input")
    return assemble(messages, context_messages, max_context_chars, unseen_context=unseen)


def _unseen_context(payload: Mapping[str, Any]) -> bool:
    previous = payload.get("previous_response_id")
    if previous is not None and not isinstance(previous, str):
        raise InvalidRequest("'previous_response_id' must be a string",
                             param="previous_response_id")
    return any(payload.get(name) for name in UNSEEN_CONTEXT_FIELDS)


def _check_instructions(instructions: Any) -> None:
    if instructions is not None and not isinstance(instructions, (str, list)):
        raise InvalidRequest("'instructions' must be a string", param="instructions")


def _item(item: Any, index: int) -> Message:
    where = f"input[{index}]"
    obj = require_object(item, where)
    kind = obj.get("type", "message")  # an "easy" input message may leave out its type
    if kind == "message" or (kind is None and "role" in obj):
        return _message(obj, where, index)
    if not isinstance(kind, str):
        raise InvalidRequest(f"{where}.type must be a string", param=f"{where}.type")
    if kind in TOOL_OUTPUTS:
        output = obj.get("output")
        if isinstance(output, list):
            return Message(role=TOOL, tool_images=_parts(output, f"{where}.output", index)[1])
        if not isinstance(output, str):
            raise InvalidRequest(f"{where}.output must be a string or an array of parts",
                                 param=f"{where}.output")
    if kind == "computer_call_output":
        screenshot = require_object(obj.get("output"), f"{where}.output")
        return Message(role=TOOL, tool_images=(_image(screenshot, f"{where}.output", index),))
    return Message(role=TOOL)  # tool calls, reasoning, item references: not a person's words


def _message(obj: dict[str, Any], where: str, index: int) -> Message:
    role = require_str(obj, "role", where, non_empty=True)
    content = obj.get("content")
    images: tuple[ImageRef, ...]
    if isinstance(content, str):
        text, images = join_text([content]), ()
    elif isinstance(content, list):
        text, images = _parts(content, f"{where}.content", index)
    else:
        raise InvalidRequest(f"{where}.content must be a string or an array of content parts",
                             param=f"{where}.content")
    if role in ("system", "developer"):
        return Message(role="system", images=images)  # system text never decides the route
    return Message(role=role, text=text, images=images)


def _parts(parts: list[Any], where: str, index: int) -> tuple[str, tuple[ImageRef, ...]]:
    texts: list[str] = []
    images: list[ImageRef] = []
    for j, part in enumerate(parts):
        at = f"{where}[{j}]"
        kind = block_type(part, at)
        if kind in TEXT_PARTS:
            texts.append(require_str(part, "text", at))
        elif kind == "input_image":
            images.append(_image(part, at, index))
        # refusal, input_file, input_audio, …: kept in the body, ignored for routing
    return join_text(texts), tuple(images)


def _image(part: dict[str, Any], where: str, index: int) -> ImageRef:
    url, file_id = part.get("image_url"), part.get("file_id")
    if isinstance(url, str) and url:
        return ImageRef(url=url, message_index=index)
    if isinstance(file_id, str) and file_id:
        return unreadable_image(file_id, index)
    raise InvalidRequest(f"{where} needs an image_url (a data: URI or an http(s) URL) or a "
                         f"file_id", param=where)
