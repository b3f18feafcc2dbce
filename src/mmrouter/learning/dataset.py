"""Labelled conversations (JSONL) for `mmrouter eval` and `mmrouter fit`.

One object per line: ``{"messages": [...OpenAI chat messages...], "route": "<route>"}``.
Any problem raises :class:`DatasetError` naming the file and line number.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from mmrouter.config.schema import Config
from mmrouter.routing.conversation import Conversation, conversation_for
from mmrouter.errors import InvalidRequest

logger = logging.getLogger(__name__)


class DatasetError(ValueError):
    """A labelled data file is unreadable or has a bad line (the message names the line)."""


@dataclass(frozen=True)
class LabelledConversation:
    line: int
    route: str
    payload: Mapping[str, Any]
    conversation: Conversation


def parse_line(text: str, line: int, config: Config, where: str) -> LabelledConversation:
    """One JSONL line → a labelled conversation, validated against the config's routes."""
    try:
        record = json.loads(text)
    except ValueError as exc:
        raise DatasetError(f"{where}:{line}: not valid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise DatasetError(f"{where}:{line}: expected a JSON object")
    route = record.get("route")
    if not isinstance(route, str) or not route:
        raise DatasetError(f"{where}:{line}: 'route' must be a non-empty string")
    if config.route(route) is None:
        raise DatasetError(f"{where}:{line}: unknown route '{route}' "
                           f"(the config has {list(config.route_names)})")
    try:
        conversation = conversation_for(record, config.routing)
    except InvalidRequest as exc:
        raise DatasetError(f"{where}:{line}: {exc}") from None
    return LabelledConversation(line=line, route=route, payload=record, conversation=conversation)


def load_labelled(path: str | Path, config: Config) -> list[LabelledConversation]:
    """Read a labelled JSONL file; blank lines are skipped, anything else must be valid."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from None
    items = [parse_line(text, number, config, str(path))
             for number, text in enumerate(lines, start=1) if text.strip()]
    if not items:
        raise DatasetError(f"{path}: no labelled conversations")
    logger.info("loaded %d labelled conversations from %s", len(items), path)
    return items


def route_indices(items: Sequence[LabelledConversation], routes: Sequence[str]) -> list[int]:
    position = {name: i for i, name in enumerate(routes)}
    return [position[item.route] for item in items]
