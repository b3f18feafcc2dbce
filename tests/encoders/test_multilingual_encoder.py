"""Any sentence-transformers model in a local directory goes through the same runtime.

The model here is a tiny XLM-R (random weights, a tokenizer trained on the spot on a few
sentences in several scripts), saved as a sentence-transformers folder: it exercises the
code path a multilingual encoder such as bge-m3 or the real multilingual-e5-small takes, with
no download: prepared once into a cache folder (ONNX fp32 and int8 graphs, an embedding table,
a manifest), verified at load, run by ONNX Runtime or torch. Its embeddings mean nothing; the
tests check preparing, caching, verifying, shapes, determinism, windows, both runtimes, the
errors that name a bad file, and that a head fitted with it serves.
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


def test_a_local_sentence_transformers_folder_loads_and_encodes(tiny_xlmr: Path,
                                                               tmp_path: Path) -> None:
    from mmrouter.encoders.model_encoder import load_model_encoder

    encoder = load_model_encoder(str(tiny_xlmr), precision="fp32", cache_dir=tmp_path)
    assert encoder.name == "tiny-xlmr" and encoder.dim == 32
    assert encoder.runtime == "onnx fp32 on cpu" and encoder.own_threads
    vectors = encoder.encode(CORPUS)
    assert vectors.shape == (len(CORPUS), 32) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.abs(vectors - encoder.encode(CORPUS)).max() < 1e-6  # deterministic
    # distinct inputs, distinct vectors: the tokenizer did not map the scripts to <unk>
    assert len({tuple(np.round(v, 5)) for v in vectors}) == len(CORPUS)
    assert encoder.encode([]).shape == (0, 32)


def test_both_runtimes_and_precisions_agree_with_the_model_itself(tiny_xlmr: Path,
                                                                   tmp_path: Path) -> None:
    """ONNX fp32 and int8 and torch fp32 against sentence-transformers' own forward."""
    from sentence_transformers import SentenceTransformer

    from mmrouter.encoders.model_encoder import load_model_encoder

    reference = SentenceTransformer(str(tiny_xlmr), device="cpu").encode(
        CORPUS, normalize_embeddings=True)
    for runtime, precision, floor in (("onnx", "fp32", 0.9999), ("torch", "fp32", 0.9999),
                                      ("onnx", "int8", 0.99)):
        encoder = load_model_encoder(str(tiny_xlmr), runtime=runtime, precision=precision,
                                     cache_dir=tmp_path)
        cosine = (encoder.encode(CORPUS) * reference).sum(1)
        assert cosine.min() >= floor, (runtime, precision, cosine.min())


def test_a_row_does_not_depend_on_its_batch_mates(tiny_xlmr: Path, tmp_path: Path) -> None:
    """int8 activations are scaled per token: alone or in any batch, a text embeds the same."""
    from mmrouter.encoders.model_encoder import load_model_encoder

    encoder = load_model_encoder(str(tiny_xlmr), cache_dir=tmp_path)  # auto: int8 on a CPU
    assert encoder.backend.precision == "int8"
    alone = np.concatenate([encoder.encode([t]) for t in CORPUS])
    together = encoder.encode(CORPUS + ["a much longer text " * 20])[:len(CORPUS)]
    assert np.abs(alone - together).max() < 1e-5


def test_a_text_past_the_model_length_is_read_in_weighted_windows(tiny_xlmr: Path,
                                                                   tmp_path: Path) -> None:
    from mmrouter.encoders.model_encoder import load_model_encoder

    encoder = load_model_encoder(str(tiny_xlmr), precision="fp32", cache_dir=tmp_path)
    tokens = encoder.tokens
    long_text = " ".join(CORPUS * 12)
    rows = tokens.rows([long_text])
    assert len(rows.ids) >= 2 and all(len(r) <= encoder.prepared.manifest["max_tokens"]
                                       for r in rows.ids)
    content = tokens.content(long_text)
    assert sum(rows.weight) == len(content)  # every token read once, nothing dropped
    # the text's row is the token-weighted mean of its windows' pooled vectors
    pooled = np.concatenate([encoder.backend.pooled(np.asarray([r]), np.ones((1, len(r)),
                                                                             dtype=np.int64))
                             for r in rows.ids])
    expected = (pooled * rows.weight[:, None]).sum(0)
    expected /= np.linalg.norm(expected)
    assert np.abs(encoder.encode([long_text])[0] - expected).max() < 1e-5


def test_a_bounded_encoder_reads_one_window_from_both_ends_of_a_long_text(
        tiny_xlmr: Path, tmp_path: Path) -> None:
    """``max_text_tokens`` (the router's text_encoder.max_seq_length) bounds a prompt's cost
    to one forward: its first and last tokens, half each. The probe check at load still
    embeds the probe texts whole, as recorded (a bound of 20 would fail it otherwise)."""
    from mmrouter.encoders.model_encoder import load_model_encoder

    encoder = load_model_encoder(str(tiny_xlmr), precision="fp32", cache_dir=tmp_path,
                                 max_text_tokens=20)
    tokens = encoder.tokens
    long_text = " ".join(CORPUS * 12)
    content = tokens.content(long_text)
    rows = tokens.rows([long_text], 20)
    assert len(rows.ids) == 1 and list(rows.weight) == [20]
    assert rows.ids[0][1:-1] == content[:10] + content[-10:]  # between <s> and </s>
    row = rows.ids[0]
    pooled = encoder.backend.pooled(np.asarray([row]), np.ones((1, len(row)), dtype=np.int64))
    expected = pooled[0] / np.linalg.norm(pooled[0])
    assert np.abs(encoder.encode([long_text])[0] - expected).max() < 1e-5
    short = [t for t in CORPUS if len(tokens.content(t)) <= 20]  # embed as without the bound
    unbounded = load_model_encoder(str(tiny_xlmr), precision="fp32", cache_dir=tmp_path)
    assert len(short) >= 2
    assert np.abs(encoder.encode(short) - unbounded.encode(short)).max() < 1e-6


def test_prepared_once_then_reused_and_altered_files_are_named(tiny_xlmr: Path,
                                                               tmp_path: Path) -> None:
    from mmrouter.encoders.model_encoder import load_model_encoder
    from mmrouter.encoders.prepared import MANIFEST, ModelFileError

    first = load_model_encoder(str(tiny_xlmr), cache_dir=tmp_path)
    folder = first.prepared.folder
    built = (folder / MANIFEST).stat().st_mtime_ns
    assert set(first.prepared.manifest["files"]) >= {"model.int8.onnx", "model.fp32.onnx",
                                                     "embeddings.npy", "tokenizer.json"}
    load_model_encoder(str(tiny_xlmr), cache_dir=tmp_path)
    assert (folder / MANIFEST).stat().st_mtime_ns == built  # not rebuilt
    graph = folder / "model.int8.onnx"
    original = graph.read_bytes()
    graph.write_bytes(original[:-10] + bytes(10))  # same size, other bytes
    with pytest.raises(ModelFileError, match="model.int8.onnx does not match its recorded sha256"):
        load_model_encoder(str(tiny_xlmr), cache_dir=tmp_path)
    graph.write_bytes(original[:-10])
    with pytest.raises(ModelFileError, match="model.int8.onnx has .* bytes"):
        load_model_encoder(str(tiny_xlmr), cache_dir=tmp_path)
    graph.unlink()
    with pytest.raises(ModelFileError, match="model.int8.onnx.*missing"):
        load_model_encoder(str(tiny_xlmr), cache_dir=tmp_path)


def test_a_missing_or_incomplete_model_folder_is_a_config_error_naming_it(tiny_xlmr: Path,
                                                                         tmp_path: Path) -> None:
    import dataclasses
    import shutil

    from mmrouter.config.schema import ConfigError, load_config
    from mmrouter.core.runtime import load_text_encoder

    base = load_config(None)

    def load(model: str) -> None:
        load_text_encoder(base.replace(text_encoder=dataclasses.replace(
            base.text_encoder, model=model, cache_dir=str(tmp_path / "cache"))))

    with pytest.raises(ConfigError, match="no-such-model.*nothing is downloaded"):
        load(str(tmp_path / "no-such-model"))
    broken = tmp_path / "broken"
    shutil.copytree(tiny_xlmr, broken)
    (broken / "tokenizer.json").unlink()
    with pytest.raises(ConfigError, match=f"{broken}/tokenizer.json not found"):
        load(str(broken))


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
        base.text_encoder, model=str(tiny_xlmr), cache_dir=str(tmp_path / "cache")))
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


def test_an_unwritable_cache_folder_is_an_error_naming_it(tiny_xlmr: Path, tmp_path: Path) -> None:
    from mmrouter.encoders.prepared import ModelFileError, prepare

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(ModelFileError, match="not-a-folder.*cannot be written.*cache_dir"):
        prepare(str(tiny_xlmr), blocker / "cache")
