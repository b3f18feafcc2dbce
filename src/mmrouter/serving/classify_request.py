"""``POST /api/v1/classify/request``: a request body of any routed API in, the listener's decision out.

The API is named by the ``x-mmrouter-api`` header or a top-level ``"api"`` field of the body
(default ``openai_chat``). The body is parsed and decided by the same core calls as the ext_proc
path, so the answer is the decision the listener would take; errors come in that API's shape.
"""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from mmrouter.config.schema import OPENAI_CHAT
from mmrouter.errors import InvalidRequest
from mmrouter.routing.apis import check_api
from mmrouter.routing.decision import Decision

API_HEADER = "x-mmrouter-api"
API_FIELD = "api"
REQUEST_API = web.RequestKey("mmrouter_api", str)  # the API whose error shape to answer in


async def classify_request(request: web.Request, core: Any) -> web.Response:
    body = await request.read()
    header = request.headers.get(API_HEADER)
    if header is not None:
        request[REQUEST_API] = check_api(header, param=API_HEADER)
    started = time.perf_counter()
    parsed = await core.parse(body, request.get(REQUEST_API, OPENAI_CHAT))
    field = parsed.payload.get(API_FIELD)
    if field is not None:
        if header is not None and field != header:
            raise InvalidRequest(f"the {API_HEADER} header ({header!r}) and the body's "
                                 f"'{API_FIELD}' ({field!r}) disagree", param=API_FIELD)
        request[REQUEST_API] = check_api(field)
    api = request.get(REQUEST_API, OPENAI_CHAT)
    parsed = parsed if parsed.api == api else await core.parse(body, api)
    decision = await core.decide(parsed, record=False)  # a dry run: not budget traffic
    elapsed_ms = (time.perf_counter() - started) * 1000.0
    return web.json_response(decision_body(api, decision, elapsed_ms))


def decision_body(api: str, decision: Decision, elapsed_ms: float) -> dict[str, Any]:
    result = decision.classification
    return {
        "api": api,
        "route": decision.route,
        "model": decision.model.name,
        "cluster": decision.model.cluster,
        "reason": decision.reason,
        "choice": decision.reason_header,  # the x-mmrouter-reason the request would get
        "confidence": None if result is None else round(result.confidence, 6),
        "processing_time_ms": round(elapsed_ms, 3),
        "classification": None if result is None else {
            "method": result.method,
            "abstained": result.abstained,
            "image_mode": result.image_mode,
            "image_count": result.image_count,
            "encoders": list(result.encoders),
            "scores": {s.route: s.as_dict() for s in result.scores},
        },
    }
