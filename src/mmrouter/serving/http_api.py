"""HTTP transport: classification API, health, readiness and Prometheus metrics (aiohttp)."""

from __future__ import annotations

import logging
import time
from typing import Any, Callable

from aiohttp import web

from mmrouter.routing.classifier import Classification
from mmrouter.routing.conversation import Conversation, ImageRef, conversation_for, load_json_object
from mmrouter.routing.decision import choose_model
from mmrouter.errors import (InvalidRequest, NotReady, RouterError, error_body, error_headers,
                             internal_error_body)
from mmrouter.serving.classify_request import REQUEST_API, classify_request

logger = logging.getLogger(__name__)

CORE_KEY: web.AppKey[Callable[[], Any]] = web.AppKey("core")  # the core, or None while loading
STATUS_KEY: web.AppKey[ServiceStatus] = web.AppKey("status")


class ServiceStatus:
    """What /ready reports: readiness plus each component's state and reason."""

    def __init__(self) -> None:
        self.ready = False
        self.components: dict[str, dict[str, Any]] = {}

    def set(self, name: str, status: str, **details: Any) -> None:
        self.components[name] = {"status": status, **details}


def create_app(get_core: Callable[[], Any], status: ServiceStatus, metrics_exposition:
               Callable[[], bytes], client_max_size: int = 64 * 1024 * 1024) -> web.Application:
    app = web.Application(client_max_size=client_max_size, middlewares=[_errors])
    app[CORE_KEY] = get_core
    app[STATUS_KEY] = status
    app.router.add_get("/health", _health)
    app.router.add_get("/ready", _ready)

    async def _metrics(_: web.Request) -> web.Response:
        return web.Response(body=metrics_exposition(), content_type="text/plain", charset="utf-8")

    app.router.add_get("/metrics", _metrics)
    app.router.add_post("/api/v1/classify", _classify_text)
    app.router.add_post("/api/v1/classify/multimodal", _classify_multimodal)
    app.router.add_post("/api/v1/classify/request", _classify_request)
    app.router.add_get("/api/v1/budget", _budget)
    from mmrouter.serving.models_api import add_model_routes

    add_model_routes(app, get_core)  # GET /v1/models (OpenAI's format), routed by Envoy
    return app


@web.middleware
async def _errors(request: web.Request, handler: Callable) -> web.StreamResponse:
    try:
        return await handler(request)
    except RouterError as exc:
        _count_error(request, exc.kind)  # in the shape of the API the request names
        return web.json_response(error_body(exc, request.get(REQUEST_API)), status=exc.status,
                                 headers=error_headers(exc))
    except web.HTTPException:
        raise
    except Exception:  # noqa: BLE001 - a JSON 500, never an HTML page or a dropped connection
        logger.exception("classification API request failed")
        _count_error(request, "internal")
        return web.Response(body=internal_error_body(api=request.get(REQUEST_API)), status=500,
                            content_type="application/json")


def _count_error(request: web.Request, kind: str) -> None:
    core = request.app[CORE_KEY]()
    if core is not None:  # errors before the models load have no metrics to count into
        core.metrics.errors.labels(kind).inc()


async def _health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _ready(request: web.Request) -> web.Response:
    status: ServiceStatus = request.app[STATUS_KEY]
    body = {"status": "ready" if status.ready else "not_ready", "components": status.components}
    return web.json_response(body, status=200 if status.ready else 503)


async def _json(request: web.Request) -> dict[str, Any]:
    return load_json_object(await request.read())


def _core(request: web.Request) -> Any:
    core = request.app[CORE_KEY]()
    if core is None:
        raise NotReady("models are still loading; retry when /ready returns 200")
    return core


async def _classify_text(request: web.Request) -> web.Response:
    core = _core(request)
    payload = await _json(request)
    if "messages" in payload:
        conversation = conversation_for(payload, core.config.routing, core.max_text_chars)
        return await _respond(core, conversation, payload["messages"])
    conversation = Conversation(latest_text=_text(payload))
    return await _respond(core, conversation)


async def _budget(request: web.Request) -> web.Response:
    """The budget controller's window (routing/budget.py)."""
    return web.json_response(_core(request).chooser.budget.state())


async def _classify_request(request: web.Request) -> web.Response:
    return await classify_request(request, _core(request))


async def _classify_multimodal(request: web.Request) -> web.Response:
    core = _core(request)
    payload = await _json(request)
    images = payload.get("images") or []
    if not isinstance(images, list):
        raise InvalidRequest("'images' must be an array", param="images")
    refs = tuple(ImageRef(url=_data_uri(img, i), message_index=0) for i, img in enumerate(images))
    conversation = Conversation(latest_text=_text(payload, required=not refs),
                                latest_images=refs, images=refs)
    return await _respond(core, conversation)


def _text(payload: dict[str, Any], required: bool = True) -> str:
    text = payload.get("text", "")
    if not isinstance(text, str) or (required and not text.strip()):
        raise InvalidRequest("'text' must be a non-empty string", param="text")
    return text


def _data_uri(image: Any, index: int) -> str:
    where = f"images[{index}]"
    if not isinstance(image, dict):
        raise InvalidRequest(f"{where} must be an object", param=where)
    if isinstance(image.get("url"), str):
        return image["url"]
    data, mime = image.get("data"), image.get("mime_type", "image/jpeg")
    if not isinstance(data, str) or not data:
        raise InvalidRequest(f"{where}.data must be a base64 string", param=f"{where}.data")
    if not isinstance(mime, str) or not mime.startswith("image/"):
        raise InvalidRequest(f"{where}.mime_type must be an image/* type", param=f"{where}.mime_type")
    return f"data:{mime};base64,{data}"


async def _respond(core: Any, conversation: Conversation,
                   messages: list[Any] | None = None) -> web.Response:
    started = time.perf_counter()
    # The same deadline and admission as ext_proc: 429 at once when it cannot make it, 503
    # past the deadline (the text itself is cut to what the encoder reads inside classify).
    result = await core.classify_within_deadline(conversation, messages)
    elapsed_ms = (time.perf_counter() - started) * 1000.0
    model = choose_model(core.config, result.route, conversation.has_images)
    return web.json_response(classification_body(result, model.name, elapsed_ms, conversation))


def classification_body(result: Classification, model: str, elapsed_ms: float,
                        conversation: Conversation) -> dict[str, Any]:
    if conversation.has_images:
        content_type = "multimodal" if conversation.latest_text.strip() else "image"
    else:
        content_type = "text"
    body = {
        "classification": {
            "category": result.route,
            "confidence": round(result.confidence, 6),
            "processing_time_ms": round(elapsed_ms, 3),
        },
        "content_type": content_type,
        "recommended_model": model,
        "routing_decision": "fallback" if result.abstained else "route",
        "method": result.method,
        "image_mode": result.image_mode,
        "image_count": result.image_count,
        "encoders": list(result.encoders),
        "scores": {s.route: s.as_dict() for s in result.scores},
    }
    if result.llm is not None:  # llm_router mode always/cascade
        body["escalated"] = result.llm.escalated
        body["embedding"] = {"category": result.llm.embedding_route,
                             "confidence": round(result.llm.embedding_confidence, 6),
                             "method": result.llm.embedding_method}
        body["llm"] = result.llm.as_dict()
    return body
