"""The one inference core: chat body in, routing decision and mutation out.

Both transports (ext_proc gRPC and the HTTP classification API) call into this; it knows
nothing about protobuf or HTTP.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import time
from dataclasses import dataclass
from typing import Any, Protocol, Sequence

import numpy as np

from mmrouter.core.admission import AdmissionControl
from mmrouter.core.choice import ModelChooser
from mmrouter.core.batching import MicroBatcher
from mmrouter.routing.classifier import Classification, Classifier
from mmrouter.config.schema import OPENAI_CHAT, Config, ModelConfig
from mmrouter.routing.apis import API_TITLES, parse_request, request_conversation
from mmrouter.routing.conversation import ChatRequest, Conversation, bound_text, text_char_budget
from mmrouter.routing.decision import Decision, default_model_for, serves_api
from mmrouter.routing.needs import Needs
from mmrouter.routing.fallback import GROUP_REASONS, FallbackGroup, fallback_groups
from mmrouter.errors import (ApiNotServed, ClassifyTimeout, InvalidImage, Overloaded, RouterError,
                             UnknownModel)
from mmrouter.images.decode import ImageError
from mmrouter.images.telemetry import ImageMetrics
from mmrouter.images.validate import invalid as invalid_image, validate_images
from mmrouter.core.inference import InferencePool
from mmrouter.core.metrics import Metrics
from mmrouter.llm.prompt import messages_from_conversation
from mmrouter.llm.router import LLMRouter
from mmrouter.routing.mutations import RequestMutation, decision_headers, routing_mutation
from mmrouter.tracing import span

logger = logging.getLogger(__name__)

# Bodies larger than this are parsed and rewritten off the event loop. Measured on a 300 KB
# one-image body: parse 0.2 ms and rewrite 0.15 ms in place, against ~1 ms through a thread hop.
OFFLOAD_BYTES = 1024 * 1024


class ImageScorer(Protocol):
    """Per-route image scores for a conversation's images (None: no image signal).

    Raises :class:`InvalidImage` for an unusable image; the core applies ``images.on_invalid``.
    """

    name: str

    async def scores(self, conversation: Conversation) -> np.ndarray | None: ...


@dataclass(frozen=True)
class RoutedRequest:
    decision: Decision
    mutation: RequestMutation
    request: ChatRequest | None = None  # the parsed body (the response cache reads it)


class RouterCore:
    def __init__(self, config: Config, classifier: Classifier,
                 text_batcher: MicroBatcher[str, np.ndarray], metrics: Metrics,
                 image_scorer: ImageScorer | None = None,
                 inference: InferencePool | None = None, llm: LLMRouter | None = None) -> None:
        self.config = config
        self.llm = llm  # llm_router.mode always/cascade
        self.text_encoder: Any = None  # set by runtime.build_core; a reload may reuse it
        self.inference = inference
        self.classifier = classifier
        self.text_batcher = text_batcher
        self.metrics = metrics
        self.image_scorer = image_scorer
        self._aliases = frozenset(config.routing.aliases)
        self._groups = fallback_groups(config)
        self.chooser = ModelChooser(config, metrics)  # capabilities, budget, cost
        self.classifying = 0  # requests inside classify(); written on the loop thread only
        self.max_text_chars = text_char_budget(config.text_encoder.max_seq_length)
        self.admission = AdmissionControl(inference.size if inference is not None else 1,
                                          config.routing.classify_timeout_ms / 1000.0)

    @property
    def encoders(self) -> tuple[str, ...]:
        names = [f"text:{self.text_batcher.name}"]
        if self.image_scorer is not None:
            names.append(f"image:{self.image_scorer.name}")
        return tuple(names)

    async def route_chat(self, body: bytes, api: str = OPENAI_CHAT) -> RoutedRequest:
        """Decide where a request body of ``api`` goes and how to rewrite it."""
        request = await self.parse(body, api)
        decision = await self.decide(request)
        headers = self.config.routing.headers
        annotations = (*decision_headers(decision.route, decision.confidence,
                                         route_header=headers.route,
                                         confidence_header=headers.confidence),
                       (headers.reason, decision.reason_header))
        group = self._group(decision, request.api)
        rewrite = functools.partial(routing_mutation, body, current_model=request.model,
                                    model=decision.model.name,
                                    cluster=group.cluster if group else decision.model.cluster,
                                    model_header=headers.model, cluster_header=headers.cluster,
                                    annotations=annotations,
                                    span_header=headers.model_span if group else None)
        # Large bodies are rewritten off the event loop: other streams keep flowing meanwhile.
        mutation = await asyncio.to_thread(rewrite) if len(body) > OFFLOAD_BYTES else rewrite()
        self.metrics.requests.labels(decision.route, decision.model.name, decision.reason).inc()
        self.chooser.count_cost(decision.model, decision.needs, request.payload)
        return RoutedRequest(decision=decision, mutation=mutation, request=request)

    def _group(self, decision: Decision, api: str) -> FallbackGroup | None:
        """The fallback group Envoy walks for this decision, if any (then the request goes to
        the group's aggregate cluster, first choice first); only when every model of the group
        serves the request's API."""
        if decision.reason not in GROUP_REASONS:
            return None
        group = self._groups.get((decision.route, decision.needs_image))
        if group is None or group.models[0] != decision.model:
            return None
        if not all(self.chooser.capable(model, decision.needs) for model in group.models):
            return None  # Envoy would retry on a model that cannot take the request
        return group if all(model.serves(api) for model in group.models) else None

    async def parse(self, body: bytes, api: str = OPENAI_CHAT) -> ChatRequest:
        if len(body) > OFFLOAD_BYTES:
            return await asyncio.to_thread(parse_request, body, api)
        return parse_request(body, api)

    async def decide(self, request: ChatRequest, record: bool = True) -> Decision:
        """The decision for a parsed request (``record`` False: a dry run, such as the
        classification API's, which the budget does not count)."""
        model, api = request.model, request.api
        if not serves_api(self.config, api):
            raise ApiNotServed(f"no configured model serves the {API_TITLES[api]} API (a model "
                               f"lists it in its 'apis')", param="model")
        if model is not None and model not in self._aliases:
            explicit = self.config.model(model)
            if explicit is not None:
                if not explicit.serves(api):
                    raise ApiNotServed(f"the model '{model}' does not serve the "
                                       f"{API_TITLES[api]} API; models that do: "
                                       f"{self._serving(api)}", param="model")
                return Decision(route="explicit", model=explicit, reason="explicit")
            if self.config.routing.unknown_model == "error":
                raise UnknownModel(f"The model '{model}' does not exist; use one of "
                                   f"{self._known_names()}", param="model")
            return Decision(route="default", model=self._default_for(request),
                            reason="unknown_model_default")
        routing = self.config.routing
        conversation = request_conversation(request, routing, self.max_text_chars)
        messages = request.payload.get("messages") if request.api == OPENAI_CHAT else None
        needs = self.chooser.needs(request.payload, conversation.has_images)
        try:
            classification = await self.classify_within_deadline(conversation, messages)
        except Overloaded:
            if routing.overload == "reject":
                raise  # the transport answers 429 and counts it
            return self._fallback(needs, api, "overloaded", "overload_default")
        except ClassifyTimeout:
            # Answer before Envoy's message_timeout would pass the body on unrewritten.
            return self._fallback(needs, api, "classify_timeout", "timeout_default")
        choice = self.chooser.choose(classification.route, needs, api, classification.confidence,
                                     record)
        return Decision(route=classification.route, model=choice.model, reason="classified",
                        classification=classification, needs_image=needs.needs_image,
                        choice=choice.reason, needs=needs)

    def _default_for(self, request: ChatRequest) -> ModelConfig:
        """The default model, image-capable when the request carries images."""
        try:
            has_images = request_conversation(request, self.config.routing).has_images
        except RouterError:
            has_images = False
        return default_model_for(self.config, has_images, request.api)

    def _fallback(self, needs: Needs, api: str, error: str, reason: str) -> Decision:
        """The fallback route's capable model, counted as an error."""
        self.metrics.errors.labels(error).inc()
        route = self.config.routing.fallback_route
        choice = self.chooser.choose(route, needs, api, None)
        return Decision(route=route, reason=reason, needs_image=needs.needs_image,
                        model=choice.model, choice=choice.reason, needs=needs)

    async def classify_within_deadline(self, conversation: Conversation,
                                       messages: Sequence[Any] | None = None) -> Classification:
        """``classify`` within ``routing.classify_timeout_ms``: :class:`Overloaded` at once when
        the work admitted ahead means it cannot finish in time (see core/admission.py),
        :class:`ClassifyTimeout` when it did not. An LLM router shares the same deadline."""
        own = self._expected_work_s(conversation)
        verdict = self.admission.decide(own)
        if not verdict.admitted:
            raise Overloaded(f"the router cannot classify this request within its deadline "
                             f"(expected {verdict.expected_s * 1000:.0f} ms); retry later",
                             retry_after_s=verdict.retry_after_s)
        self.admission.enter(own)
        started = time.perf_counter()
        timeout = self.config.routing.classify_timeout_ms / 1000.0
        deadline = asyncio.get_running_loop().time() + timeout
        try:
            with span("mmrouter.classify", {"mmrouter.images": len(conversation.images)}) as s:
                result = await asyncio.wait_for(self.classify(conversation, messages, deadline),
                                                timeout)
                s.set_attributes({"mmrouter.route": result.route,
                                  "mmrouter.confidence": float(result.confidence),
                                  "mmrouter.method": result.method})
                return result
        except asyncio.TimeoutError:
            raise ClassifyTimeout("classification did not finish within routing."
                                  "classify_timeout_ms; retry later") from None
        finally:
            self.admission.leave(own, verdict.expected_s, time.perf_counter() - started)

    def _expected_work_s(self, conversation: Conversation) -> float:
        """Encoder service time this request needs: its texts, and its latest turn's images
        (earlier ones are usually cached: clients resend them every turn)."""
        texts = 2 if self.classifier.uses_context and conversation.context else 1
        work = self.text_batcher.item_time.cost(texts)
        image_batcher = getattr(self.image_scorer, "batcher", None)
        if image_batcher is not None:
            work += image_batcher.item_time.cost(len(conversation.latest_images))
        return work

    async def classify(self, conversation: Conversation, messages: Sequence[Any] | None = None,
                       deadline: float | None = None) -> Classification:
        """Classify; with an LLM router, the LLM may decide (``messages``: the request's chat
        messages, for its prompt; ``deadline``: loop time, default now + classify_timeout_ms)."""
        if self.llm is None:
            result = await self._embed(conversation)
        else:
            if deadline is None:
                deadline = (asyncio.get_running_loop().time()
                            + self.config.routing.classify_timeout_ms / 1000.0)
            result = await self._classify_with_llm(conversation, messages, deadline)
        self.metrics.decisions.labels(result.method).inc()
        return result

    async def _classify_with_llm(self, conversation: Conversation,
                                 messages: Sequence[Any] | None, deadline: float) -> Classification:
        assert self.llm is not None
        if messages is None:
            messages = messages_from_conversation(conversation)
        pending = self.llm.start(messages, deadline) if self.llm.asks_first else None
        try:
            embedding = await self._embed(conversation)
            return await self.llm.refine(embedding, conversation.latest_text, messages, deadline,
                                         pending)
        except BaseException:  # an invalid image, an encoder error, or the deadline
            if pending is not None:
                _discard(pending)
            raise

    async def _embed(self, conversation: Conversation) -> Classification:
        """The embedding path's decision (counted in ``classifying`` while it uses the CPU)."""
        self.classifying += 1
        try:
            return await self._classify(bound_text(conversation, self.max_text_chars))
        finally:
            self.classifying -= 1

    async def _classify(self, conversation: Conversation) -> Classification:
        started = time.perf_counter()
        texts = [conversation.latest_text]
        context_text = conversation.context_text() if self.classifier.uses_context else ""
        if context_text:
            texts.append(context_text)
        text_task = asyncio.ensure_future(self.text_batcher.submit_many(texts))
        try:
            image_scores, ignored = await self._image_scores(conversation)
            vectors = await text_task
        except BaseException:  # an invalid image, an encoder error, or the deadline (cancelled)
            _discard(text_task)
            raise
        context = vectors[1] if len(vectors) > 1 else None
        result = self.classifier.classify(conversation, vectors[0], context, image_scores,
                                          images_ignored=ignored)
        elapsed = time.perf_counter() - started
        self.metrics.classification_seconds.observe(elapsed)
        ran = tuple(e for e in self.encoders
                    if not e.startswith("image:") or result.image_mode == "clip")
        return dataclasses.replace(result, encoders=ran, embedding=vectors[0],
                                   embedded_text=conversation.latest_text)

    async def _image_scores(self, conversation: Conversation) -> tuple[np.ndarray | None, bool]:
        """(per-route image scores or None, whether invalid images made it text-only)."""
        if not conversation.images:
            return None, False
        try:
            if self.image_scorer is None:  # image presence: checked all the same
                await self._validate_images(conversation)
                return None, False
            return await self.image_scorer.scores(conversation), False
        except InvalidImage:
            if self.config.images.on_invalid == "error":
                raise
            return None, True

    async def _validate_images(self, conversation: Conversation) -> None:
        try:
            await validate_images(conversation, self.config.images)
        except ImageError as exc:
            ImageMetrics.for_registry(self.metrics).invalid.labels(
                exc.reason, self.config.images.on_invalid).inc()
            raise invalid_image(exc) from None

    async def aclose(self) -> None:
        """Close what lives on the event loop (the LLM router's HTTP session)."""
        if self.llm is not None:
            await self.llm.close()

    def close(self) -> None:
        self.text_batcher.stop()
        closer = getattr(self.image_scorer, "close", None)
        if closer is not None:
            closer()
        if self.inference is not None:
            self.inference.close()

    def _serving(self, api: str) -> list[str]:
        return [m.name for m in self.config.models if m.serves(api)]

    def _known_names(self) -> list[str]:
        return [*self.config.routing.aliases, *(m.name for m in self.config.models)]


def _discard(task: asyncio.Future) -> None:
    """Give up a task nobody will read: cancelled if still running (its queued encoder jobs
    are then skipped by the batcher), its exception marked retrieved if it failed."""
    if not task.done():
        task.cancel()
    elif not task.cancelled():
        task.exception()


def encode_batch(encoder_encode, texts: Sequence[str]) -> list[np.ndarray]:
    """Adapter for the batcher: one encoder call for the batch, one row per item."""
    matrix = encoder_encode(list(texts))
    return [matrix[i] for i in range(len(texts))]
