"""Envoy's own local replies as OpenAI-shaped JSON errors (``local_reply_config``, pure).

Envoy answers some requests itself: 503 when no backend can be reached, 504 on an upstream
timeout, 413 when a body passes the buffer limit, 400 for a path it rejects. Clients parse every
error the same way, so each becomes ``{"error": {"message", "type", "param", "code"}}`` with
``content-type: application/json``. mmrouter's own immediate responses (response code details
``mmrouter_*``) already have that shape and pass unchanged. A 503 on a routed request names the
route whose models could not answer.
"""

from __future__ import annotations

from typing import Any

from mmrouter.config.schema import Config

CEL_FILTER = "envoy.access_loggers.extension_filters.cel"


def local_reply_config(config: Config, buffer_limit_bytes: int,
                       lua_replies: bool = False) -> dict[str, Any]:
    """``lua_replies``: the fallback's upstream Lua filter may answer (its JSON passes too)."""
    route_header = config.routing.headers.route
    own = "response.code_details.startsWith('mmrouter_')"
    if lua_replies:
        own += " || response.code_details == 'lua_response'"
    mappers = [
        # mmrouter's immediate responses and its Lua filters' replies: no override, body and
        # content-type kept.
        {"filter": {"extension_filter": {"name": CEL_FILTER, "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.access_loggers.filters.cel.v3"
                     ".ExpressionFilter",
            "expression": own}}}},
        _mapper(_status(503), _routed(route_header),
                f"No backend model of route '%REQ({route_header})%' could answer: "
                "%LOCAL_REPLY_BODY%", "server_error", "upstream_unavailable"),
        _mapper(_status(503), None, "No backend could answer: %LOCAL_REPLY_BODY%",
                "server_error", "upstream_unavailable"),
        _mapper(_status(504), None, "The backend did not answer in time: %LOCAL_REPLY_BODY%",
                "server_error", "upstream_timeout"),
        _mapper(_status(413), None, f"The request body is larger than the limit of "
                f"{buffer_limit_bytes} bytes", "invalid_request_error", "payload_too_large"),
        _mapper(_status(400), None, "Bad request (%RESPONSE_CODE_DETAILS%)",
                "invalid_request_error", "invalid_request"),
        _mapper(_status(500, "GE"), None, "%LOCAL_REPLY_BODY% (%RESPONSE_CODE_DETAILS%)",
                "server_error", "%RESPONSE_CODE_DETAILS%"),
        _mapper(_status(400, "GE"), None, "%LOCAL_REPLY_BODY% (%RESPONSE_CODE_DETAILS%)",
                "invalid_request_error", "%RESPONSE_CODE_DETAILS%"),
    ]
    return {"mappers": mappers}


def _status(code: int, op: str = "EQ") -> dict[str, Any]:
    return {"status_code_filter": {"comparison": {"op": op, "value": {
        "default_value": code, "runtime_key": f"mmrouter.local_reply.status_{op.lower()}_{code}"}}}}


def _routed(route_header: str) -> dict[str, Any]:
    return {"header_filter": {"header": {"name": route_header, "present_match": True}}}


def _mapper(status: dict[str, Any], extra: dict[str, Any] | None, message: str, kind: str,
            code: str) -> dict[str, Any]:
    filters = status if extra is None else {"and_filter": {"filters": [status, extra]}}
    return {"filter": filters, "body_format_override": {"json_format": {"error": {
        "message": message, "type": kind, "param": None, "code": code}}}}
