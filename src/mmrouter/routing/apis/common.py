"""What the per-API parsers share (pure): parts of one message, and assembling a Conversation.

Each parser turns its API's messages into :class:`Message` values: the text a person wrote (tool
and system text never decide the route), the images a person sent, and images that arrived in
tool results (they count for the model's image capability, not as the latest turn's images).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from mmrouter.errors import InvalidRequest
from mmrouter.routing.conversation import Conversation, ImageRef, Turn, clean_text

# An image the router cannot read (an uploaded file's id): it counts as an image, so the
# request needs an image-capable model, but no pixels are scored. The image reader refuses
# the scheme like a URL it may not fetch.
UNREADABLE_SCHEME = "unreadable-file:"

DIALOGUE_ROLES = ("user", "assistant")
TOOL = "tool"  # the role of a message that only carries tool calls or tool results


@dataclass(frozen=True)
class Message:
    role: str  # "user" | "assistant" | "system" | "tool"
    text: str = ""
    images: tuple[ImageRef, ...] = ()  # sent by the person (or the assistant)
    tool_images: tuple[ImageRef, ...] = ()  # inside tool results

    @property
    def is_user_turn(self) -> bool:
        return self.role == "user" and bool(self.text or self.images)


def unreadable_image(file_id: str, message_index: int) -> ImageRef:
    return ImageRef(url=f"{UNREADABLE_SCHEME}{file_id}", message_index=message_index)


def assemble(messages: Sequence[Message], context_messages: int, max_context_chars: int, *,
             unseen_context: bool = False) -> Conversation:
    """The latest user turn (a user message with text or images of its own), up to
    ``context_messages`` earlier user/assistant turns, and every image of the request."""
    images = tuple(ref for m in messages for ref in (*m.images, *m.tool_images))
    latest = next((i for i in range(len(messages) - 1, -1, -1) if messages[i].is_user_turn), None)
    if latest is None:  # only tool results, or context held by the backend
        return Conversation(latest_text="", images=images, unseen_context=unseen_context)
    dialogue = [Turn(role=m.role, text=m.text, image_count=len(m.images))
                for m in messages[:latest] if m.role in DIALOGUE_ROLES]
    context = tuple(_clip(t, max_context_chars) for t in dialogue[-context_messages:]) \
        if context_messages else ()
    return Conversation(latest_text=messages[latest].text, context=context,
                        latest_images=messages[latest].images, images=images,
                        unseen_context=unseen_context)


def _clip(turn: Turn, max_chars: int) -> Turn:
    if len(turn.text) <= max_chars:
        return turn
    return Turn(role=turn.role, text=turn.text[-max_chars:], image_count=turn.image_count)


def join_text(texts: Sequence[str]) -> str:
    return clean_text("\n".join(t for t in texts if t))


def require_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidRequest(f"{where} must be an object", param=where)
    return value


def require_str(container: dict[str, Any], key: str, where: str, *,
                non_empty: bool = False) -> str:
    value = container.get(key)
    if not isinstance(value, str) or (non_empty and not value):
        what = "a non-empty string" if non_empty else "a string"
        raise InvalidRequest(f"{where}.{key} must be {what}", param=f"{where}.{key}")
    return value


def block_type(block: Any, where: str) -> str:
    """The ``type`` of a content block or item, which must be an object with a string type."""
    kind = require_object(block, where).get("type")
    if not isinstance(kind, str) or not kind:
        raise InvalidRequest(f"{where}.type must be a non-empty string", param=f"{where}.type")
    return kind
