"""Assemble a RouterCore from a Config: load encoders, embed route anchors, load the head, warm up."""

from __future__ import annotations

import functools
import logging
from typing import Callable

from mmrouter.core.batching import MicroBatcher
from mmrouter.routing.classifier import Classifier, RouteIndex
from mmrouter.config.schema import Config, ConfigError
from mmrouter.core.router import ImageScorer, RouterCore, encode_batch
from mmrouter.encoders import TextEncoder
from mmrouter.routing.head import HeadError, RoutingHead
from mmrouter.core.inference import InferencePool, cpu_count
from mmrouter.core.metrics import Metrics
from mmrouter.llm.router import LLMRouter

logger = logging.getLogger(__name__)

StatusSink = Callable[..., None]  # (component, status, **details)
SMALL_CPU = 3  # cores up to which forwards run side by side by default


def load_text_encoder(config: Config) -> TextEncoder:
    enc = config.text_encoder
    if enc.factory is not None:
        return _encoder_factory(enc.factory)(config)
    from mmrouter.encoders.model_encoder import load_model_encoder
    from mmrouter.encoders.prepared import ModelFileError

    try:
        return load_model_encoder(enc.model, runtime=enc.runtime, device=enc.device,
                                  precision=enc.precision, threads=enc.threads,
                                  cache_dir=enc.cache_dir, max_text_tokens=enc.max_seq_length)
    except ModelFileError as exc:
        raise ConfigError(str(exc)) from None


def text_pool(config: Config, encoder: TextEncoder) -> InferencePool | None:
    """Workers of the text encoder's own, when it runs outside torch (ONNX Runtime on the CPU):
    its forwards then run beside the image encoder's instead of queueing behind them.
    ``text_encoder.workers``, or by default one per CPU up to 2. None: it shares torch's."""
    if not getattr(encoder, "own_threads", False):
        return None
    workers = config.text_encoder.workers or min(2, cpu_count())
    return InferencePool(workers, release_threads=0, torch_threads=False)


def _encoder_factory(spec: str) -> Callable[[Config], TextEncoder]:
    """``text_encoder.factory``: the callable named by ``module:attribute``."""
    import importlib

    module_name, _, attribute = spec.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"text_encoder.factory: cannot load {spec!r}: {exc}") from exc
    if not callable(factory):
        raise ConfigError(f"text_encoder.factory: {spec!r} is not callable")
    return factory  # type: ignore[no-any-return]


def load_head(config: Config, encoder: TextEncoder) -> RoutingHead | None:
    path = config.head_path()
    if path is None:
        return None
    if not path.exists():
        raise ConfigError(f"routing.head: file not found: {path}")
    try:
        head = RoutingHead.load(path)
        head.check_routes(config.route_names)
        head.check_encoder(encoder.name, encoder.dim)
    except HeadError as exc:
        raise ConfigError(f"routing.head: {exc}") from exc
    return head


def cpu_busy(core: RouterCore) -> bool:
    """Whether other work wants the CPU: another request being classified, or images being
    read, decoded or queued."""
    if core.classifying > 1:
        return True
    busy = getattr(core.image_scorer, "busy", None)
    return busy is not None and bool(busy())


def inference_workers(config: Config) -> int:
    """``server.inference_workers``, or by default: two on a CPU of 2-3 cores, where 1-thread
    forwards side by side beat one multi-thread forward under load (measured on 2 cores), and
    one elsewhere (one GPU stream; many cores are shared better inside one forward)."""
    if config.server.inference_workers > 0:
        return config.server.inference_workers
    from mmrouter.encoders import select_device

    devices = {select_device(config.text_encoder.device)}
    if config.image_encoder.enabled:
        devices.add(select_device(config.image_encoder.device))
    return 2 if devices == {"cpu"} and 2 <= cpu_count() <= SMALL_CPU else 1


def set_torch_threads(threads: int) -> None:
    """Cap torch's intra-op threads (process-wide): text and image workers share the CPU."""
    if threads > 0:
        import torch

        torch.set_num_threads(threads)
        logger.info("torch intra-op threads: %d", threads)


def build_core(config: Config, metrics: Metrics, *, text_encoder: TextEncoder | None = None,
               image_scorer: ImageScorer | None = None,
               image_scorer_factory: Callable[..., ImageScorer | None] | None = None,
               status: StatusSink | None = None) -> RouterCore:
    """Load everything (blocking: call it off the event loop) and return a started core."""
    set_torch_threads(config.server.torch_threads)
    inference = InferencePool(inference_workers(config),
                              release_threads=config.server.busy_release_threads)
    try:
        return _assemble(config, metrics, inference, text_encoder, image_scorer,
                         image_scorer_factory, status or (lambda *a, **k: None))
    except BaseException:
        inference.close()  # a half-built core leaves no thread behind
        raise


def _assemble(config: Config, metrics: Metrics, inference: InferencePool,
              text_encoder: TextEncoder | None, image_scorer: ImageScorer | None,
              image_scorer_factory: Callable[..., ImageScorer | None] | None,
              sink: StatusSink) -> RouterCore:
    # Loaded on worker 0 too: its load-time checks run forwards.
    encoder = text_encoder if text_encoder is not None else inference.run(load_text_encoder, config)
    metrics.encoder_info.labels("text", encoder.name, "ready", "").set(1)
    sink("text_encoder", "ready", model=encoder.name, dim=encoder.dim)
    index = inference.run(RouteIndex.build, config.routes, encoder,
                          config.routing.anchor_scoring)
    classifier = Classifier(config, index, load_head(config, encoder))
    sink("classifier", "ready", method=classifier.method)
    if image_scorer is None and image_scorer_factory is not None:
        image_scorer = image_scorer_factory(config, metrics, sink, inference=inference)
    enc = config.text_encoder
    own = text_pool(config, encoder)
    # On torch's pool, text stays on worker 0 (see mmrouter.core.inference).
    batcher: MicroBatcher = MicroBatcher.for_encoder(
        functools.partial(encode_batch, encoder.encode), name=encoder.name,
        max_batch_size=enc.max_batch_size, max_wait_ms=enc.max_wait_ms,
        max_queue=config.routing.max_queue, observer=metrics.observe_batch,
        inference=own or inference, first_worker_only=own is None, owns_inference=own is not None)
    inference.run(encoder.encode, ["warm-up request", "a second, longer warm-up request"])
    batcher.start()
    llm = None
    if config.llm_router.mode != "off":
        llm = LLMRouter(config, metrics)
        sink("llm_router", "configured", mode=config.llm_router.mode,
             endpoint=config.llm_router.endpoint, model=config.llm_router.model)
    core = RouterCore(config, classifier, batcher, metrics, image_scorer=image_scorer,
                      inference=inference, llm=llm)
    core.text_encoder = encoder  # kept for a reload that reuses it (mmrouter.core.reload)
    attach_inference_hooks(core)
    return core


def attach_inference_hooks(core: RouterCore) -> None:
    """Point the inference pool's busy()/spread() hooks at ``core`` (the serving one)."""
    assert core.inference is not None
    core.inference.busy = functools.partial(cpu_busy, core)
    core.inference.spread = lambda: core.classifying > 1
