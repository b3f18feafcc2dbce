"""The real MiniLM text encoder: offline load, traced forward equal to eager."""

from __future__ import annotations

import numpy as np

from mmrouter.encoders.traced import mean_pooled


def test_traced_forward_matches_eager_on_padded_batches(minilm):
    assert minilm._traced is not None, "the CPU default should use the verified traced forward"
    texts = ["hi", "What is the capital of France?", "x " * 300,  # longer than max_seq_length
             "Können Sie dieses Bild beschreiben?", "", "生成一张猫的图片"]
    traced = minilm.encode(texts)
    eager = minilm._eager(texts)
    assert traced.shape == (len(texts), 384) and traced.dtype == np.float32
    assert np.abs(traced - eager).max() < 1e-5
    assert np.allclose(np.linalg.norm(traced, axis=1), 1.0, atol=1e-5)
    single = np.stack([minilm.encode([t])[0] for t in texts])
    assert np.abs(single - traced).max() < 1e-5  # padding does not change a row


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
