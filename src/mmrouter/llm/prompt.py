"""The Arch-Router prompt (pure): routes and conversation as JSON in the model's input format.

Layout (the seed notebook's, which is the model card's): the task instruction holding the routes
as a JSON list of ``{"name", "description"}`` inside ``<routes></routes>`` and the conversation
as a JSON list of ``{"role", "content"}`` inside ``<conversation></conversation>``, followed by
the format instruction. The fallback route is not listed: the format instruction already gives
the model ``{"route": "other"}`` for "nothing fits", which maps back to the fallback route.

What the model sees of the conversation: user and assistant turns only (system, tool and
developer messages are dropped), each turn's text parts joined by a space, every image part
replaced by ``[image]`` (so the model knows an image is there), and only the newest turns that
fit ``max_context_tokens``. The latest turn is always kept; if it alone is too long, its end is
kept (where the request usually is).

Token counts are approximate (no tokenizer is loaded): one token per 4 ASCII characters
(rounded up) plus one per non-ASCII character, plus 4 per turn for its role and JSON
punctuation. For Qwen-family tokenizers (Arch-Router-1.5B) this over-counts English slightly
and CJK not at all, so the real prompt stays within the budget. JSON is written with
``ensure_ascii=False``: escaped non-Latin text would cost ~6 tokens per character and hide
the words from the model.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from mmrouter.config.schema import Config
from mmrouter.routing.conversation import Conversation

TASK_INSTRUCTION = """
You are a helpful assistant designed to find the best suited route.
You are provided with route description within <routes></routes> XML tags:
<routes>

{routes}

</routes>

<conversation>

{conversation}

</conversation>
"""

FORMAT_PROMPT = """
Your task is to decide which route is best suit with user intent on the conversation in <conversation></conversation> XML tags.  Follow the instruction:
1. If the latest intent from user is irrelevant or user intent is full filled, response with other route {"route": "other"}.
2. You must analyze the route descriptions and find the best match route for user latest intent. 
3. You only response the name of the route that best matches the user's request, use the exact name in the <routes></routes>.

Based on your analysis, provide your response in the following JSON formats if you decide to match any route:
{"route": "route_name"} 
"""  # noqa: W291 - the model's own text, trailing spaces included

IMAGE_PLACEHOLDER = "[image]"
TURN_OVERHEAD_TOKENS = 4
MIN_CONVERSATION_TOKENS = 128  # the latest turn's share even when the routes fill the budget
DIALOGUE_ROLES = ("user", "assistant")


def approx_tokens(text: str) -> int:
    """Approximate token count: ceil(ASCII characters / 4) + non-ASCII characters."""
    ascii_chars = sum(1 for c in text if c < "\x80")
    return math.ceil(ascii_chars / 4) + (len(text) - ascii_chars)


def route_list(config: Config) -> list[dict[str, str]]:
    """The routes the model chooses from: every route but the fallback, in config order."""
    fallback = config.routing.fallback_route
    return [{"name": r.name, "description": " ".join(r.description.split())}
            for r in config.routes if r.name != fallback]


def content_text(content: Any) -> str:
    """A message's content as the model sees it: text parts joined, images as ``[image]``."""
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        return ""
    parts: list[str] = []
    for part in content:
        if not isinstance(part, Mapping):
            continue
        if part.get("type") == "text" and isinstance(part.get("text"), str):
            parts.append(part["text"])
        elif part.get("type") == "image_url":
            parts.append(IMAGE_PLACEHOLDER)
    return " ".join(p for p in parts if p)


def dialogue(messages: Sequence[Any]) -> list[dict[str, str]]:
    """User and assistant turns with their text; other roles and empty turns are dropped."""
    turns = []
    for message in messages:
        if not isinstance(message, Mapping) or message.get("role") not in DIALOGUE_ROLES:
            continue
        text = content_text(message.get("content"))
        if text.strip():
            turns.append({"role": str(message["role"]), "content": text})
    return turns


def messages_from_conversation(conversation: Conversation) -> list[dict[str, str]]:
    """Chat messages rebuilt from a parsed conversation (the classification API's text and
    images, when no message list was sent): its context turns, then the latest turn."""
    out = [{"role": t.role, "content": _with_images(t.text, t.image_count)}
           for t in conversation.context]
    out.append({"role": "user", "content": _with_images(conversation.latest_text,
                                                        len(conversation.latest_images))})
    return out


def _with_images(text: str, images: int) -> str:
    return " ".join(p for p in (text, *([IMAGE_PLACEHOLDER] * images)) if p)


def fit_turns(turns: Sequence[dict[str, str]], budget: int) -> list[dict[str, str]]:
    """The newest turns whose approximate tokens fit ``budget``; the latest is always kept."""
    if not turns:
        return []
    latest = dict(turns[-1])
    latest["content"] = keep_tail(latest["content"], budget - TURN_OVERHEAD_TOKENS)
    kept = [latest]
    used = approx_tokens(latest["content"]) + TURN_OVERHEAD_TOKENS
    for turn in reversed(turns[:-1]):
        cost = approx_tokens(turn["content"]) + TURN_OVERHEAD_TOKENS
        if used + cost > budget:
            break
        kept.append(turn)
        used += cost
    kept.reverse()
    return kept


def keep_tail(text: str, budget: int) -> str:
    """The longest end of ``text`` within ``budget`` approximate tokens (at least 1 token)."""
    budget = max(1, budget)
    if approx_tokens(text) <= budget:
        return text
    low, high = 0, len(text)  # binary search on the kept suffix's length
    while low < high:
        mid = (low + high + 1) // 2
        if approx_tokens(text[-mid:]) <= budget:
            low = mid
        else:
            high = mid - 1
    return text[-low:] if low else ""


@dataclass(frozen=True)
class PromptBuilder:
    """Builds the prompt for one config; the routes' JSON is serialised once."""

    routes_json: str
    max_context_tokens: int

    @classmethod
    def for_config(cls, config: Config) -> "PromptBuilder":
        return cls(routes_json=json.dumps(route_list(config), ensure_ascii=False),
                   max_context_tokens=config.llm_router.max_context_tokens)

    @property
    def conversation_budget(self) -> int:
        fixed = approx_tokens(TASK_INSTRUCTION + FORMAT_PROMPT + self.routes_json)
        return max(MIN_CONVERSATION_TOKENS, self.max_context_tokens - fixed)

    def build(self, messages: Sequence[Any]) -> str:
        turns = fit_turns(dialogue(messages), self.conversation_budget)
        return format_prompt(self.routes_json, turns)


def format_prompt(routes_json: str, turns: Sequence[dict[str, str]]) -> str:
    return TASK_INSTRUCTION.format(
        routes=routes_json, conversation=json.dumps(list(turns), ensure_ascii=False)
    ) + FORMAT_PROMPT


def chat_request(model: str, prompt: str, max_tokens: int = 32) -> dict[str, Any]:
    """The OpenAI chat-completions body sent to the router model: greedy, short answer."""
    return {"model": model, "messages": [{"role": "user", "content": prompt}],
            "temperature": 0, "max_tokens": max_tokens, "stream": False}
