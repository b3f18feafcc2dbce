"""Parse OpenAI chat-completions bodies into what the classifier needs (pure functions)."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from mmrouter.config.schema import OPENAI_CHAT, RoutingConfig
from mmrouter.errors import InvalidJSON, InvalidRequest
from mmrouter.routing.mutations import RewriteError, top_level_value_spans

# The text encoder reads at most ``max_seq_length`` tokens; a WordPiece token rarely spans more
# than a few characters, so this many characters per token always holds more than the encoder
# reads. Text past it is cut (its start and its end kept) before anything tokenizes it: one
# multi-MB prompt would otherwise hold the shared inference worker (tokenizing all of it) while
# other requests wait. The encoder then embeds at most ``max_seq_length`` tokens of it, again
# from both ends (encoders/tokens.py).
CHARS_PER_TOKEN = 32
DEFAULT_MAX_TEXT_CHARS = 256 * CHARS_PER_TOKEN


def text_char_budget(max_seq_length: int) -> int:
    """Characters of the latest turn worth handing to an encoder of ``max_seq_length`` tokens."""
    return max(1, max_seq_length) * CHARS_PER_TOKEN


@dataclass(frozen=True)
class ImageRef:
    """One image part: its URL (a data: URI or an http(s) URL) and where it sits."""

    url: str
    message_index: int

    @property
    def is_data_uri(self) -> bool:
        return self.url[:5].lower() == "data:"


@dataclass(frozen=True)
class Turn:
    role: str
    text: str
    image_count: int = 0


@dataclass(frozen=True)
class Conversation:
    """The classifier's view: the latest user turn, bounded earlier context, image parts."""

    latest_text: str
    context: tuple[Turn, ...] = ()
    latest_images: tuple[ImageRef, ...] = ()
    images: tuple[ImageRef, ...] = ()  # every image in the request, in order
    unseen_context: bool = False  # earlier turns held by the backend (Responses previous_response_id)
    latest_chars: int = -1  # length of the latest turn before it was cut (-1: not cut)

    @property
    def latest_length(self) -> int:
        """Characters in the client's latest turn (``latest_text`` may be a cut prefix)."""
        return self.latest_chars if self.latest_chars >= 0 else len(self.latest_text)

    @property
    def image_count(self) -> int:
        return len(self.images)

    @property
    def has_images(self) -> bool:
        return bool(self.images)

    @property
    def follows_assistant(self) -> bool:
        if not self.context:  # context kept by the backend ends with its answer
            return self.unseen_context
        return self.context[-1].role == "assistant"

    def context_text(self) -> str:
        return "\n".join(f"{t.role}: {t.text}" for t in self.context if t.text)


@dataclass(frozen=True)
class ChatRequest:
    model: str | None
    payload: Mapping[str, Any] = field(repr=False)
    api: str = OPENAI_CHAT  # the API the body speaks (config.schema.API_NAMES)

    @property
    def stream(self) -> bool:
        return bool(self.payload.get("stream"))


def parse_chat_body(body: bytes) -> ChatRequest:
    """Decode a chat-completions body; raise InvalidJSON / InvalidRequest with a clear message."""
    if not body.strip():
        raise InvalidRequest("request body is empty; expected a JSON chat completion request")
    payload = load_json_object(body)
    model = payload.get("model")
    if model is None:
        raise InvalidRequest("'model' is required: name a model, or a routing alias such as "
                             "'MoM' to let the router choose", param="model")
    if not isinstance(model, str):
        raise InvalidRequest("'model' must be a string", param="model")
    _reject_duplicate_model(body)
    return ChatRequest(model=model, payload=payload)


def _reject_duplicate_model(body: bytes) -> None:
    """A body with two top-level ``model`` members is ambiguous: JSON parsers disagree on which
    one wins (Python's takes the last, others the first), so a backend could read an alias."""
    try:
        count = len(top_level_value_spans(body, "model"))
    except RewriteError:  # json.loads accepted it: cannot happen; the rewrite re-checks anyway
        return
    if count > 1:
        raise InvalidRequest(f"'model' appears {count} times at the top level of the body; "
                             "send it once", param="model")


def load_json_object(body: bytes) -> dict[str, Any]:
    """Strict JSON (UTF-8, no NaN/Infinity, bounded depth) that must be an object."""
    try:
        payload = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise InvalidJSON(f"request body is not UTF-8: {exc.reason} at byte {exc.start}") from None
    except RecursionError:
        raise InvalidJSON("request body is nested too deeply") from None
    except ValueError as exc:
        raise InvalidJSON(f"request body is not valid JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise InvalidRequest("request body must be a JSON object")
    return payload


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def clean_text(text: str) -> str:
    """Text the tokenizer accepts: lone surrogates (legal in JSON escapes) become U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def cut_text(text: str, max_chars: int) -> str:
    """``text`` when it fits ``max_chars``, else its start and its end (a line between them,
    ``max_chars`` in all): a long prompt's instruction or question usually sits at one end."""
    if len(text) <= max_chars:
        return text
    head = max_chars // 2
    tail = max(0, max_chars - head - 1)
    return text[:head] + "\n" + (text[len(text) - tail:] if tail else "")


def bound_text(conversation: Conversation, max_text_chars: int) -> Conversation:
    """``conversation`` with its latest turn cut to ``max_text_chars`` (see CHARS_PER_TOKEN)."""
    if len(conversation.latest_text) <= max_text_chars:
        return conversation
    return dataclasses.replace(conversation,
                               latest_text=cut_text(conversation.latest_text, max_text_chars),
                               latest_chars=conversation.latest_length)


def conversation_for(payload: Mapping[str, Any], routing: RoutingConfig,
                     max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Conversation:
    """``build_conversation`` with the context bounds of the routing config."""
    return build_conversation(payload, routing.context_messages, routing.max_context_chars,
                              max_text_chars)


def build_conversation(payload: Mapping[str, Any], context_messages: int = 2,
                       max_context_chars: int = 2000,
                       max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Conversation:
    """Pick the latest user turn (at most ``max_text_chars`` characters: its start and end) and up to
    ``context_messages`` earlier turns (each its last ``max_context_chars``)."""
    messages = payload.get("messages")
    if not isinstance(messages, list) or not messages:
        raise InvalidRequest("'messages' must be a non-empty array", param="messages")
    turns: list[Turn] = []
    images: list[ImageRef] = []
    per_message: list[tuple[ImageRef, ...]] = []
    for index, message in enumerate(messages):
        text, found = _message_parts(message, index)
        images.extend(found)
        per_message.append(found)
        turns.append(Turn(role=message["role"], text=text, image_count=len(found)))
    latest = _latest_user_index(turns)
    dialogue = [t for t in turns[:latest] if t.role in ("user", "assistant")]
    context = tuple(_clip(t, max_context_chars) for t in dialogue[-context_messages:]) \
        if context_messages else ()
    raw = turns[latest].text
    return Conversation(
        latest_text=clean_text(cut_text(raw, max_text_chars)),
        context=context,
        latest_images=per_message[latest],
        images=tuple(images),
        latest_chars=len(raw) if len(raw) > max_text_chars else -1,
    )


def _latest_user_index(turns: Sequence[Turn]) -> int:
    for index in range(len(turns) - 1, -1, -1):
        if turns[index].role == "user":
            return index
    raise InvalidRequest("'messages' has no user message", param="messages")


def _clip(turn: Turn, max_chars: int) -> Turn:
    """The turn's last ``max_chars`` characters, made tokenizable."""
    return Turn(role=turn.role, text=clean_text(turn.text[-max_chars:]),
                image_count=turn.image_count)


def _message_parts(message: Any, index: int) -> tuple[str, tuple[ImageRef, ...]]:
    where = f"messages[{index}]"
    if not isinstance(message, dict):
        raise InvalidRequest(f"{where} must be an object", param=where)
    role = message.get("role")
    if not isinstance(role, str) or not role:
        raise InvalidRequest(f"{where}.role must be a non-empty string", param=f"{where}.role")
    content = message.get("content")
    # Raw text: only what is kept of it is cleaned (see build_conversation).
    if content is None or isinstance(content, str):
        return content or "", ()
    if not isinstance(content, list):
        raise InvalidRequest(f"{where}.content must be a string or an array of parts",
                             param=f"{where}.content")
    texts: list[str] = []
    images: list[ImageRef] = []
    for j, part in enumerate(content):
        kind, value = _content_part(part, f"{where}.content[{j}]")
        if kind == "text":
            texts.append(value)
        elif kind == "image":
            images.append(ImageRef(url=value, message_index=index))
    return "\n".join(t for t in texts if t), tuple(images)


def _content_part(part: Any, where: str) -> tuple[str, str]:
    if not isinstance(part, dict):
        raise InvalidRequest(f"{where} must be an object", param=where)
    kind = part.get("type")
    if kind == "text":
        text = part.get("text")
        if not isinstance(text, str):
            raise InvalidRequest(f"{where}.text must be a string", param=f"{where}.text")
        return "text", text
    if kind == "image_url":
        image = part.get("image_url")
        url = image.get("url") if isinstance(image, dict) else image
        if not isinstance(url, str) or not url:
            raise InvalidRequest(f"{where}.image_url.url must be a non-empty string",
                                 param=f"{where}.image_url")
        return "image", url
    return "other", ""  # audio, files, … : kept in the body, ignored for routing
