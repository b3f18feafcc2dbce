"""When the LLM decides (pure): the cascade's triggers, and the script of a text.

Cascade triggers, in the order a reason is reported (one reason per escalation):

* ``route_llm``: the embedding path chose a route marked ``llm: true``;
* ``script``: ``llm_router.encoder_scripts`` is set and most letters of the latest user turn
  are in other scripts (the text encoder was not built for them);
* ``language``: ``llm_router.encoder_languages`` is set and the latest user turn is guessed
  (:mod:`mmrouter.llm.language`) to be in another language;

  both only while the confidence is under ``foreign_escalate_below`` (default 1: always);
* ``low_confidence``: the embedding decision's confidence is below ``escalate_below``.

In mode ``always`` every classified request goes to the LLM (reason ``always``).

A letter's script is the first word of its Unicode name, lower-cased (``latin``, ``cyrillic``,
``greek``, ``arabic``, ``hebrew``, ``devanagari``, ``thai``, ``hangul``, ``hiragana``,
``katakana``, ``cjk`` for Han ideographs, ...). Digits, punctuation and symbols do not count.
"""

from __future__ import annotations

import collections
import unicodedata

from mmrouter.config.schema import Config, LLMRouterConfig
from mmrouter.llm.language import foreign_language
from mmrouter.routing.classifier import Classification

REASONS = ("always", "route_llm", "script", "language", "low_confidence")
MAX_SCRIPT_CHARS = 2000  # letters looked at (the start of the turn)


def letter_scripts(text: str) -> collections.Counter[str]:
    """How many letters of each script ``text`` has (its first MAX_SCRIPT_CHARS characters)."""
    counts: collections.Counter[str] = collections.Counter()
    for char in text[:MAX_SCRIPT_CHARS]:
        if char.isalpha():
            name = unicodedata.name(char, "")
            counts[name.split(" ", 1)[0].lower() if name else "unknown"] += 1
    return counts


def foreign_script(text: str, scripts: tuple[str, ...]) -> bool:
    """Whether most letters of ``text`` are outside ``scripts`` (False with no letters)."""
    counts = letter_scripts(text)
    total = sum(counts.values())
    if not total:
        return False
    inside = sum(counts[s] for s in scripts)
    return inside * 2 < total


def escalation_reason(config: Config, embedding: Classification, latest_text: str) -> str | None:
    """Why this embedding decision goes to the LLM, or None when it stands."""
    llm = config.llm_router
    if llm.mode == "always":
        return "always"
    if llm.mode != "cascade":
        return None
    route = config.route(embedding.route)
    if route is not None and route.llm:
        return "route_llm"
    foreign = foreign_reason(llm, latest_text)
    if foreign is not None and (llm.foreign_escalate_below >= 1.0
                                or embedding.confidence < llm.foreign_escalate_below):
        return foreign
    if embedding.confidence < llm.escalate_below:
        return "low_confidence"
    return None


def foreign_reason(llm: LLMRouterConfig, text: str) -> str | None:
    """"script" or "language" when ``text`` is outside what the text encoder was built for."""
    if llm.encoder_scripts and foreign_script(text, llm.encoder_scripts):
        return "script"
    if llm.encoder_languages and foreign_language(text, llm.encoder_languages):
        return "language"
    return None
