"""The CLIP encoder (open_clip): weights found locally only, device and precision, batched forward.

Nothing here downloads. Weights come from ``image_encoder.checkpoint`` or, for a pretrained tag,
from the local caches open_clip itself would have filled (the Hugging Face hub cache for
``hf_hub`` tags, ``~/.cache/clip`` or ``image_encoder.cache_dir`` for URL tags). open_clip is only
ever given that local file (``pretrained=<path>``), which it loads with ``load_checkpoint``.
``pretrained: random`` builds the architecture with random weights, on purpose and loudly:
compute does not depend on the weights, so benchmarks and tests get real timings.
When nothing is found, :class:`EncoderUnavailable` says why.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from mmrouter.config.schema import Config, ImageEncoderConfig
from mmrouter.encoders import l2_normalise, select_device, select_dtype
from mmrouter.encoders.agreement import agrees
from mmrouter.images.preprocess import Preprocessor, UnsupportedPreprocessing

logger = logging.getLogger(__name__)

HF_WEIGHT_FILES = ("open_clip_model.safetensors", "open_clip_pytorch_model.bin")
RANDOM = "random"  # image_encoder.pretrained: random → random weights (benchmarks, tests only)


class EncoderUnavailable(RuntimeError):
    """The CLIP encoder cannot be used; the message says why."""


@dataclass(frozen=True)
class Weights:
    path: str
    source: str  # "checkpoint" | "hf-cache" | "url-cache" | "file"
    preprocess: dict[str, Any]  # the pretrained tag's preprocessing overrides


def config_path(config: Config, value: str) -> Path:
    """A path from the config: absolute, or relative to the config file's folder."""
    path = Path(value).expanduser()
    if path.is_absolute() or config.source.startswith(("package:", "<")):
        return path
    return Path(config.source).parent / path


def resolve_weights(config: Config) -> Weights:
    """Find the weights on local disk, or raise EncoderUnavailable naming where it looked."""
    import open_clip

    enc = config.image_encoder
    if enc.checkpoint:
        path = config_path(config, enc.checkpoint)
        if not path.is_file():
            raise EncoderUnavailable(f"image_encoder.checkpoint: file not found: {path}")
        return Weights(str(path), "checkpoint", {})
    if enc.pretrained == RANDOM:
        return Weights("", "random", {})
    if not enc.pretrained:
        raise EncoderUnavailable("no weights configured: set image_encoder.checkpoint "
                                 "or image_encoder.pretrained")
    tag_cfg = open_clip.get_pretrained_cfg(enc.architecture, enc.pretrained)
    if not tag_cfg:
        path = config_path(config, enc.pretrained)
        if path.is_file():
            return Weights(str(path), "file", {})
        raise EncoderUnavailable(f"image_encoder.pretrained: '{enc.pretrained}' is neither an "
                                 f"open_clip tag of {enc.architecture} nor a file")
    found = _cached_tag_file(tag_cfg, enc.cache_dir)
    if found is not None:
        return Weights(found[0], found[1], dict(tag_cfg))
    raise EncoderUnavailable(
        f"no local weights for {enc.architecture} '{enc.pretrained}' ({_where(tag_cfg, enc)}); "
        f"nothing is downloaded: mount the weights and set image_encoder.checkpoint")


def _cached_tag_file(tag_cfg: dict[str, Any], cache_dir: str | None) -> tuple[str, str] | None:
    hub = tag_cfg.get("hf_hub") or ""
    if hub:
        from huggingface_hub import try_to_load_from_cache

        repo_id, filename = os.path.split(hub)  # "org/repo/" → default weight file names
        for name in ((filename,) if filename else HF_WEIGHT_FILES):
            hit = try_to_load_from_cache(repo_id, name, cache_dir=cache_dir)
            if isinstance(hit, str) and os.path.isfile(hit):
                return hit, "hf-cache"
    url = tag_cfg.get("url") or ""
    if url:
        path = Path(cache_dir or "~/.cache/clip").expanduser() / os.path.basename(url)
        if path.is_file():
            return str(path), "url-cache"
    return None


def _where(tag_cfg: dict[str, Any], enc: ImageEncoderConfig) -> str:
    places = []
    if tag_cfg.get("hf_hub"):
        from huggingface_hub import constants

        hub_dir = enc.cache_dir or constants.HF_HUB_CACHE
        places.append(f"Hugging Face cache {hub_dir} for {tag_cfg['hf_hub'].rstrip('/')}")
    if tag_cfg.get("url"):
        places.append(f"{Path(enc.cache_dir or '~/.cache/clip').expanduser()}")
    return "looked in " + " and ".join(places) if places else "the tag names no file"


class ClipEncoder:
    """An open_clip model on one device: ``encode_images`` for the batcher, ``encode_texts``."""

    def __init__(self, config: Config) -> None:
        import open_clip
        import torch

        enc = config.image_encoder
        if enc.model_config:
            open_clip.add_model_config(config_path(config, enc.model_config))
        if enc.architecture not in open_clip.list_models():
            raise EncoderUnavailable(f"image_encoder.architecture: unknown open_clip "
                                     f"architecture '{enc.architecture}'")
        self.weights = resolve_weights(config)
        self._torch = torch
        self.device = select_device(enc.device)
        self.dtype = getattr(torch, select_dtype(enc.precision, self.device))
        self.name = f"{enc.architecture}" + (f"/{enc.pretrained}" if enc.pretrained
                                             and not enc.checkpoint else "")
        self.model = self._load(open_clip, enc.architecture)  # fp32 on the CPU
        self.tokenizer = open_clip.get_tokenizer(enc.architecture)
        self.preprocess = self._preprocessor()
        self._place(enc.precision)
        self.dim = int(self.encode_texts(["a photo"]).shape[1])
        self.logit_scale = float(self.model.logit_scale.exp().float().item())
        logger.info("image encoder %s loaded from %s (%s) on %s as %s, dim %d", self.name,
                    self.weights.path, self.weights.source, self.device, self.dtype, self.dim)

    def _load(self, open_clip: Any, architecture: str) -> Any:
        # A local file path as ``pretrained``: open_clip loads it with ``load_checkpoint`` and
        # downloads nothing (tags were resolved to local files by resolve_weights).
        if self.weights.source == RANDOM:
            logger.warning("image encoder %s uses RANDOM weights (image_encoder.pretrained: "
                           "random): timings are real, image scores are meaningless", architecture)
        try:
            model = open_clip.create_model(architecture, pretrained=self.weights.path or None,
                                           device="cpu")
        except Exception as exc:  # noqa: BLE001 - any unreadable file is an unavailable encoder
            raise EncoderUnavailable(f"cannot load CLIP weights {self.weights.path}: "
                                     f"{type(exc).__name__}: {exc}") from exc
        return model.eval()

    def _place(self, precision: str) -> None:
        """Move the model to its device and dtype. A reduced precision on the CPU must give the
        fp32 image features (cosine ≥ 0.999 on a probe batch); with ``auto`` it falls back to
        fp32 when it does not."""
        torch, size = self._torch, self.preprocess.size
        if self.device != "cpu" or self.dtype == torch.float32:
            self.model = self.model.to(device=self.device, dtype=self.dtype)
            return
        probe = torch.from_numpy(np.random.default_rng(11).standard_normal(
            (2, 3, size, size)).astype(np.float32))
        reference = self._features(probe)
        self.model = self.model.to(dtype=self.dtype)
        what = f"image encoder: {str(self.dtype).removeprefix('torch.')}"
        if not agrees(self._features(probe), reference, exact_tolerance=None, what=what) \
                and precision == "auto":
            logger.warning("%s not verified; using fp32", what)
            self.dtype = torch.float32
            self.model = self.model.float()

    def _features(self, pixels: Any) -> np.ndarray:
        """Image features of a CPU batch in the model's current dtype, as float32."""
        dtype = next(self.model.parameters()).dtype
        with self._torch.inference_mode():
            return self.model.encode_image(pixels.to(dtype)).float().numpy()

    def _preprocessor(self) -> Preprocessor:
        from open_clip.transform import merge_preprocess_dict

        cfg = merge_preprocess_dict(dict(self.model.visual.preprocess_cfg),
                                    self.weights.preprocess)
        cfg["size"] = self.model.visual.preprocess_cfg.get("size", cfg.get("size"))
        try:
            return Preprocessor.from_open_clip(cfg)
        except UnsupportedPreprocessing as exc:
            raise EncoderUnavailable(f"unsupported CLIP preprocessing: {exc}") from exc

    def encode_images(self, pixels: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Preprocessed arrays (3, S, S) → L2-normalised embeddings, one forward for the batch."""
        torch = self._torch
        with torch.inference_mode():
            batch = torch.from_numpy(np.stack(pixels)).to(self.device, dtype=self.dtype)
            out = self.model.encode_image(batch).float().cpu().numpy()
        matrix = l2_normalise(out)
        return [matrix[i] for i in range(len(pixels))]

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Texts embedded with CLIP's own text tower, L2-normalised rows."""
        torch = self._torch
        with torch.inference_mode():
            tokens = self.tokenizer(list(texts)).to(self.device)
            out = self.model.encode_text(tokens).float().cpu().numpy()
        return l2_normalise(out)

    def warm_up(self) -> None:
        size = self.preprocess.size
        self.encode_images([np.zeros((3, size, size), dtype=np.float32)] * 2)
