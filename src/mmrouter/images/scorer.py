"""Per-route image scores in CLIP's own space, and building them at start-up.

For a request whose latest user turn carries an image, every image of the request (all turns:
clients resend earlier images) is read and, unless cached, decoded and preprocessed in a thread
pool; then the new ones are embedded together through the CLIP micro-batcher and cached by content
hash (sha256 of the decoded bytes) in a bounded LRU. From the moment a request asks for scores
until its images are decoded, :meth:`ClipImageScorer.busy` is true, so forwards started meanwhile
(its own text forward first) leave a core to the decoders.
Each multimodal route's anchors (its description and ``image_anchors``) are embedded once, with
CLIP's text tower. A route's score is its best anchor's cosine with the pooled image embedding
(``pooling: mean``), or its best cosine over the images (``pooling: max``). Text-only routes get
NaN (never read). Invalid images raise :class:`InvalidImage`; the core applies the policy.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Iterable, Protocol, Sequence, TypeVar

import numpy as np
from PIL import Image

from mmrouter.core.batching import MicroBatcher
from mmrouter.config.schema import Config, ConfigError
from mmrouter.routing.conversation import Conversation, ImageRef
from mmrouter.core.router import ImageScorer
from mmrouter.encoders import l2_normalise
from mmrouter.errors import InvalidImage
from mmrouter.images.decode import ImageError, content_hash, decode_image, parse_data_uri
from mmrouter.images.fetch import FetchRefused, fetch_image
from mmrouter.images.telemetry import ImageMetrics
from mmrouter.core.inference import InferencePool, cpu_count
from mmrouter.core.metrics import Metrics

logger = logging.getLogger(__name__)

T = TypeVar("T")


class ImageEmbedder(Protocol):
    """What the scorer needs from a CLIP model (``ClipEncoder``, or a fake in tests)."""

    name: str

    def preprocess(self, image: Image.Image) -> np.ndarray: ...

    def encode_images(self, pixels: Sequence[np.ndarray]) -> list[np.ndarray]: ...

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray: ...


class LRUCache:
    """A bounded mapping, least recently used first out; thread-safe."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> np.ndarray | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: np.ndarray) -> None:
        if self.capacity <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


@dataclass(frozen=True)
class AnchorIndex:
    """CLIP text embeddings of each multimodal route's anchors, computed once."""

    n_routes: int
    anchors: np.ndarray  # (n_anchors, dim)
    owner: np.ndarray  # (n_anchors,) route index of each anchor

    @classmethod
    def build(cls, config: Config, embedder: ImageEmbedder) -> "AnchorIndex":
        texts: list[str] = []
        owner: list[int] = []
        for index, route in enumerate(config.routes):
            if route.multimodal_enabled:
                for text in (route.description, *route.image_anchors):
                    texts.append(text)
                    owner.append(index)
        anchors = embedder.encode_texts(texts) if texts else np.zeros((0, 1), np.float32)
        return cls(n_routes=len(config.routes), anchors=np.asarray(anchors, np.float32),
                   owner=np.asarray(owner, dtype=np.int64))

    def scores(self, embeddings: np.ndarray, pooling: str) -> np.ndarray:
        """Per route, the best anchor cosine (NaN for routes without anchors)."""
        if pooling == "mean":
            pooled = l2_normalise(embeddings.mean(axis=0, keepdims=True))
            sims = (pooled @ self.anchors.T)[0]
        else:
            sims = (embeddings @ self.anchors.T).max(axis=0)
        best = np.full(self.n_routes, -np.inf, dtype=np.float32)
        np.maximum.at(best, self.owner, sims.astype(np.float32))
        best[np.isneginf(best)] = np.nan
        return best


@dataclass(frozen=True)
class _Read:
    """One distinct image of a request: its cached embedding, or pixels still to embed."""

    digest: str
    embedding: np.ndarray | None = None
    pixels: np.ndarray | None = None


class ClipImageScorer:
    """The ImageScorer of the CLIP path (see the module docstring)."""

    def __init__(self, config: Config, embedder: ImageEmbedder, metrics: Metrics,
                 inference: InferencePool | None = None) -> None:
        enc, images = config.image_encoder, config.images
        self.name = embedder.name
        self.config = config
        self.embedder = embedder
        self.anchors = (inference.run(AnchorIndex.build, config, embedder) if inference
                        else AnchorIndex.build(config, embedder))
        self.cache = LRUCache(enc.cache_size)
        self.telemetry = ImageMetrics.for_registry(metrics)
        self._metrics = metrics
        workers = images.decode_workers or cpu_count()  # decoding must keep a GPU fed
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="image-decode")
        self._reading = 0  # requests reading images (a URL fetch counts too: rare, off by default)
        self.batcher: MicroBatcher[np.ndarray, np.ndarray] = MicroBatcher.for_encoder(
            embedder.encode_images, name=f"image:{embedder.name}",
            max_batch_size=enc.max_batch_size, max_wait_ms=enc.max_wait_ms,
            max_queue=config.routing.max_queue, observer=metrics.observe_batch,
            inference=inference)
        self.batcher.start()

    def busy(self) -> bool:
        """Images being read or decoded, or waiting for the encoder (read from any thread)."""
        return self._reading > 0 or self.batcher.depth > 0  # decode jobs run inside _reading

    async def scores(self, conversation: Conversation) -> np.ndarray | None:
        if not conversation.latest_images:
            return None  # images only in earlier turns: no image signal for this turn
        limit = self.config.images.max_images
        if len(conversation.images) > limit:
            raise self._invalid(ImageError("too_many", f"{len(conversation.images)} images in "
                                           f"one request; at most {limit} are read"))
        self._reading += 1  # set before this request's text forward can start
        try:
            found = await self._read(conversation.images)
        finally:
            self._reading -= 1
        if not found:
            return None  # nothing we may read (e.g. URLs with fetching off): image presence
        embeddings = await _all(self._embedding(item) for item in found)
        return self.anchors.scores(np.stack(embeddings), self.config.image_encoder.pooling)

    async def _read(self, refs: Sequence[ImageRef]) -> list[_Read]:
        """Each distinct image we may read: its cached embedding, or its decoded pixels."""
        found = await _all(self._read_one(ref) for ref in refs)
        return list({item.digest: item for item in found if item is not None}.values())

    async def _read_one(self, ref: ImageRef) -> _Read | None:
        """One image part, read in one decode-pool job; None when it is not ours to read."""
        try:
            source: str | bytes = ref.url
            if not ref.is_data_uri:
                source = await fetch_image(ref.url, self.config.images)
                self.telemetry.fetches.labels("ok").inc()
            return await asyncio.get_running_loop().run_in_executor(self._pool, self._prepare,
                                                                    source)
        except ImageError as exc:
            raise self._invalid(exc) from None
        except FetchRefused as exc:
            self.telemetry.fetches.labels(exc.reason).inc()
            if exc.reason != "disabled":
                logger.info("image URL not used for routing: %s", exc)
            return None

    def _prepare(self, source: str | bytes) -> _Read:
        """(Decode-pool thread) A data: URI's or fetched image's bytes → its content hash, then
        its cached embedding or, on a miss, its decoded and preprocessed pixels."""
        images = self.config.images
        data = parse_data_uri(source, images.max_bytes) if isinstance(source, str) else source
        digest = content_hash(data)
        cached = self.cache.get(digest)
        if cached is not None:
            self._metrics.image_cache.labels("hit").inc()
            return _Read(digest, embedding=cached)
        self._metrics.image_cache.labels("miss").inc()
        preprocess: Any = self.embedder.preprocess
        draft = getattr(preprocess, "size", None)
        return _Read(digest, pixels=preprocess(decode_image(data, images.max_pixels,
                                                            draft_size=draft)))

    async def _embedding(self, item: _Read) -> np.ndarray:
        if item.embedding is not None:
            return item.embedding
        assert item.pixels is not None  # _Read has one of embedding and pixels
        embedding = await self.batcher.submit(item.pixels)
        self.cache.put(item.digest, embedding)
        return embedding

    def _invalid(self, exc: ImageError) -> InvalidImage:
        self.telemetry.invalid.labels(exc.reason, self.config.images.on_invalid).inc()
        return InvalidImage(f"invalid image: {exc}", param="messages")

    def close(self) -> None:
        self.batcher.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)


async def _all(awaitables: Iterable[Awaitable[T]]) -> list[T]:
    """gather, but every job finishes before the first error is raised (none left in flight)."""
    results = await asyncio.gather(*awaitables, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results  # type: ignore[return-value]


def build_image_scorer(config: Config, metrics: Metrics, sink: Callable[..., None],
                       inference: InferencePool | None = None) -> ImageScorer | None:
    """The CLIP scorer, or None (image presence) with a loud warning and the reason reported."""
    from mmrouter.images.clip import ClipEncoder, EncoderUnavailable

    enc = config.image_encoder
    if not enc.enabled:
        return _unavailable(config, metrics, sink, "disabled by image_encoder.enabled",
                            status="disabled")
    sink("image_encoder", "loading", model=enc.architecture)
    try:
        run = inference.run if inference is not None else (lambda fn, *a: fn(*a))
        encoder = run(ClipEncoder, config)
        (inference.run_on_each if inference is not None else run)(encoder.warm_up)
    except (EncoderUnavailable, ImportError, OSError, RuntimeError) as exc:
        if enc.require:
            raise ConfigError(f"image_encoder.require: the image encoder is unavailable: {exc}") \
                from exc
        return _unavailable(config, metrics, sink, str(exc))
    scorer = ClipImageScorer(config, encoder, metrics, inference)
    metrics.encoder_info.labels("image", encoder.name, "ready", "").set(1)
    sink("image_encoder", "ready", model=encoder.name, device=encoder.device,
         dtype=str(encoder.dtype).removeprefix("torch."), dim=encoder.dim,
         weights=encoder.weights.source, pooling=enc.pooling, cache_size=enc.cache_size)
    return scorer


def _unavailable(config: Config, metrics: Metrics, sink: Callable[..., None], reason: str,
                 status: str = "unavailable") -> ImageScorer | None:
    logger.warning("IMAGE ENCODER %s: %s; routing falls back to image presence",
                   status.upper(), reason)
    metrics.encoder_info.labels("image", config.image_encoder.architecture, status, reason).set(1)
    sink("image_encoder", status, reason=reason, fallback="image_presence")
    return None
