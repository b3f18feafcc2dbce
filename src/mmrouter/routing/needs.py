"""What a request needs from a model, read from its body (pure): the capabilities beyond text
(image, audio, tools, json_schema) and an estimate of its tokens.

One walk over the decoded body serves the three APIs (OpenAI chat completions, the Responses API
and Anthropic Messages): their content parts are told apart by ``type``.

- ``image``: a part of type ``image_url`` (chat), ``input_image`` (Responses) or ``image``
  (Anthropic), anywhere, tool results included.
- ``audio``: a part of type ``input_audio`` (chat, Responses) or ``audio``, or chat's
  ``modalities`` naming ``audio``.
- ``tools``: a non-empty ``tools`` (or chat's older ``functions``), or any tool call or tool result
  in the conversation (chat's ``tool``/``function`` messages and ``tool_calls``; Responses'
  ``function_call``/``*_call_output`` items; Anthropic's ``tool_use``/``tool_result`` blocks).
- ``json_schema``: chat's ``response_format.type``, the Responses API's ``text.format.type`` or
  Anthropic's ``output_format.type`` is ``json_schema``.

Tokens are an estimate, not a tokenizer's count: every string of the body (keys included) counts
one token per :data:`BYTES_PER_TOKEN` UTF-8 bytes, and each image or audio part, data: URI or
base64 source counts :data:`MEDIA_TOKENS` whatever its size. The output side is the request's
``max_completion_tokens`` / ``max_tokens`` / ``max_output_tokens`` (None when it gives none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

BYTES_PER_TOKEN = 4  # BPE tokenizers average about 4 bytes of English text per token
MEDIA_TOKENS = 1000  # an image or audio part (OpenAI: 765 for a 1024 px image; Anthropic ~1600)
IMAGE_TYPES = frozenset({"image_url", "input_image", "image"})
AUDIO_TYPES = frozenset({"input_audio", "audio"})
TOOL_TYPES = frozenset({
    "tool_use", "tool_result", "server_tool_use", "mcp_tool_use", "mcp_tool_result",
    "function_call", "function_call_output", "custom_tool_call", "custom_tool_call_output",
    "computer_call", "computer_call_output", "local_shell_call", "local_shell_call_output",
    "mcp_call", "web_search_call", "file_search_call", "code_interpreter_call"})
TOOL_ROLES = frozenset({"tool", "function"})
TOOL_KEYS = ("tool_calls", "function_call")
OUTPUT_LIMIT_KEYS = ("max_completion_tokens", "max_tokens", "max_output_tokens")
# Tool definitions and output schemas: counted for size only (a schema's "type" is no part).
DEFINITION_KEYS = frozenset({"tools", "functions", "response_format", "text", "output_format",
                             "tool_choice", "metadata"})
NEED_ORDER = ("image", "audio", "tools", "json_schema")  # the order a reason names them in


@dataclass(frozen=True)
class Needs:
    """What the request needs: capabilities beyond text, and its estimated size in tokens."""

    capabilities: frozenset[str] = field(default_factory=frozenset)
    input_tokens: int = 0
    max_output_tokens: int | None = None

    @property
    def context_tokens(self) -> int:
        """Tokens the model's context must hold: the input and the output it may write."""
        return self.input_tokens + (self.max_output_tokens or 0)

    @property
    def needs_image(self) -> bool:
        return "image" in self.capabilities

    def ordered(self) -> tuple[str, ...]:
        return tuple(n for n in NEED_ORDER if n in self.capabilities)


NO_NEEDS = Needs()


@dataclass
class _Tally:
    capabilities: set[str] = field(default_factory=set)
    text_bytes: int = 0
    media: int = 0


def request_needs(payload: Mapping[str, Any]) -> Needs:
    """The needs of a decoded request body of any of the three APIs (never raises)."""
    tally = _Tally()
    for key, value in payload.items():
        tally.text_bytes += len(key)
        _walk(value, tally, typed=key not in DEFINITION_KEYS)
    caps = tally.capabilities
    if _non_empty_list(payload.get("tools")) or _non_empty_list(payload.get("functions")):
        caps.add("tools")
    if _json_schema(payload):
        caps.add("json_schema")
    modalities = payload.get("modalities")
    if isinstance(modalities, list) and "audio" in modalities:
        caps.add("audio")
    tokens = -(-tally.text_bytes // BYTES_PER_TOKEN) + tally.media * MEDIA_TOKENS
    return Needs(capabilities=frozenset(caps), input_tokens=tokens,
                 max_output_tokens=output_limit(payload))


def output_limit(payload: Mapping[str, Any]) -> int | None:
    """The request's cap on output tokens, if it gives a valid one."""
    for key in OUTPUT_LIMIT_KEYS:
        value = payload.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    return None


def _walk(root: Any, tally: _Tally, typed: bool = True) -> None:
    """Every string and (``typed``) typed part under ``root`` (iterative: deep bodies cannot
    recurse)."""
    stack = [root]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if value[:5] == "data:":
                tally.media += 1
            else:
                tally.text_bytes += len(value) if value.isascii() else len(value.encode())
        elif isinstance(value, dict):
            if typed and _typed_part(value, tally):
                continue
            for key, inner in value.items():
                tally.text_bytes += len(key)
                stack.append(inner)
        elif isinstance(value, list):
            stack.extend(value)


def _typed_part(part: dict[str, Any], tally: _Tally) -> bool:
    """Note what a dict shows; True when it is a media part (counted whole, not walked)."""
    kind = part.get("type")
    if isinstance(kind, str):
        if kind in IMAGE_TYPES or kind in AUDIO_TYPES:
            tally.capabilities.add("image" if kind in IMAGE_TYPES else "audio")
            tally.media += 1
            return True
        if kind == "base64":  # an Anthropic source (a document's bytes)
            tally.media += 1
            return True
        if kind in TOOL_TYPES:
            tally.capabilities.add("tools")
    if part.get("role") in TOOL_ROLES or any(part.get(key) for key in TOOL_KEYS):
        tally.capabilities.add("tools")
    return False


def _json_schema(payload: Mapping[str, Any]) -> bool:
    formats = [payload.get("response_format"), payload.get("output_format")]
    text = payload.get("text")
    if isinstance(text, dict):
        formats.append(text.get("format"))
    return any(isinstance(f, dict) and f.get("type") == "json_schema" for f in formats)


def _non_empty_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value)
