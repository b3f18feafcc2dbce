"""Any sentence-transformers model in a local directory loads as the text encoder.

The model here is a tiny XLM-R (random weights, a tokenizer trained on the spot on a few
sentences in several scripts), saved as a sentence-transformers folder: it exercises the
code path a multilingual encoder such as paraphrase-multilingual-MiniLM-L12-v2 takes, with
no download. Its embeddings mean nothing; the test checks loading, shapes, determinism, the
traced-or-eager forward, and that a head fitted with it serves.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

CORPUS = ["이 사진에 무엇이 있나요?", "Нарисуй кота в шляпе", "ما هي عاصمة فرنسا؟",
          "Bu cevap yanlış, tekrar dene.", "What is in this image?", "画一只猫", "สวัสดีครับ",
          "Γεια σου, τι κάνεις;", "नमस्ते, आप कैसे हैं?", "Привіт! Як справи?"]


def build_tiny_xlmr(folder: Path) -> Path:
    """A random-weight XLM-R sentence-transformers model in ``folder`` (built here, offline)."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer import modules as models
    from tokenizers import Tokenizer, decoders, pre_tokenizers, trainers
    from tokenizers.models import Unigram
    from transformers import XLMRobertaConfig, XLMRobertaModel, XLMRobertaTokenizerFast

    raw = Tokenizer(Unigram())
    raw.pre_tokenizer = pre_tokenizers.Metaspace()
    raw.decoder = decoders.Metaspace()
    special = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    raw.train_from_iterator(CORPUS * 4, trainers.UnigramTrainer(
        vocab_size=300, special_tokens=special, unk_token="<unk>"))
    tokenizer = XLMRobertaTokenizerFast(tokenizer_object=raw, bos_token="<s>", eos_token="</s>",
                                        sep_token="</s>", cls_token="<s>", unk_token="<unk>",
                                        pad_token="<pad>", mask_token="<mask>")
    hf_dir = folder / "hf"
    config = XLMRobertaConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
                              num_attention_heads=2, intermediate_size=64,
                              max_position_embeddings=130, pad_token_id=tokenizer.pad_token_id)
    import torch

    torch.manual_seed(0)
    XLMRobertaModel(config).save_pretrained(hf_dir)
    tokenizer.save_pretrained(hf_dir)
    word = models.Transformer(str(hf_dir), max_seq_length=64)
    pooling = models.Pooling(word.get_embedding_dimension(), pooling_mode="mean")
    out = folder / "tiny-xlmr"
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(out))
    return out


@pytest.fixture(scope="module")
def tiny_xlmr(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_xlmr(tmp_path_factory.mktemp("xlmr"))


def test_a_local_sentence_transformers_folder_loads_and_encodes(tiny_xlmr: Path) -> None:
    from mmrouter.encoders.text import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder(str(tiny_xlmr), device="cpu", precision="fp32")
    assert encoder.name == "tiny-xlmr" and encoder.dim == 32
    vectors = encoder.encode(CORPUS)
    assert vectors.shape == (len(CORPUS), 32) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.abs(vectors - encoder.encode(CORPUS)).max() < 1e-6  # deterministic
    assert np.abs(vectors - encoder._eager(CORPUS)).max() < 1e-4  # traced or eager: same
    # distinct inputs, distinct vectors: the tokenizer did not map the scripts to <unk>
    assert len({tuple(np.round(v, 5)) for v in vectors}) == len(CORPUS)


def test_a_head_fitted_with_a_local_encoder_serves_from_the_config(tiny_xlmr: Path,
                                                                   tmp_path: Path) -> None:
    import dataclasses

    from mmrouter.config.schema import load_config
    from mmrouter.core.runtime import load_head, load_text_encoder
    from mmrouter.learning.fitting import fit_from_file
    from mmrouter.routing.classifier import Classifier, RouteIndex
    from mmrouter.routing.conversation import Conversation

    base = load_config(None)
    config = base.replace(text_encoder=dataclasses.replace(
        base.text_encoder, model=str(tiny_xlmr), precision="fp32"))
    encoder = load_text_encoder(config)
    result = fit_from_file(config, None, l2=1e-3, folds=3, encoder=encoder)
    head_path = tmp_path / "head.npz"
    result.head.save(head_path)
    config = config.replace(routing=dataclasses.replace(config.routing, head=str(head_path)))
    head = load_head(config, encoder)
    assert head is not None and head.text_encoder == "tiny-xlmr"
    classifier = Classifier(config, RouteIndex.build(config.routes, encoder), head)
    text = "이 사진에 무엇이 있나요?"
    outcome = classifier.classify(Conversation(latest_text=text), encoder.encode([text])[0])
    assert outcome.route in config.route_names and outcome.method == "head"
