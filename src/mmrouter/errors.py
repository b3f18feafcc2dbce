"""Router errors and the one place that maps them to HTTP status and error bodies.

Bodies take the shape of the API the client speaks: OpenAI's ``{"error": {message, type, param,
code}}`` (chat completions and Responses), or Anthropic's ``{"type": "error", "error": {type,
message}}`` for the Messages API.
"""

from __future__ import annotations

import json


class RouterError(Exception):
    """An error the client caused or should see, carried to an OpenAI-style JSON error."""

    status: int = 400
    type: str = "invalid_request_error"
    code: str = "invalid_request"
    kind: str = "invalid_request"  # label for the errors metric

    def __init__(self, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param


class InvalidJSON(RouterError):
    code = kind = "invalid_json"


class InvalidRequest(RouterError):
    code = kind = "invalid_request"


class UnknownModel(RouterError):
    status = 400
    code = "model_not_found"
    kind = "unknown_model"


class ApiNotServed(RouterError):
    """No configured model (or not the one named) serves the request's API."""

    code = kind = "api_not_served"


class NoCapableModel(RouterError):
    """No model of the route, its fallback route or the default can take what the request needs
    (a capability such as tools, or its context length)."""

    code = kind = "no_capable_model"


class InvalidImage(RouterError):
    code = kind = "invalid_image"


class PayloadTooLarge(RouterError):
    status = 413
    code = kind = "payload_too_large"


class Overloaded(RouterError):
    status = 429
    type = "rate_limit_error"
    code = kind = "overloaded"

    def __init__(self, message: str, *, param: str | None = None, retry_after_s: int = 1) -> None:
        super().__init__(message, param=param)
        self.retry_after_s = max(1, int(retry_after_s))


class ClassifyTimeout(RouterError):
    """Classification did not finish within ``routing.classify_timeout_ms`` (the HTTP API's
    answer; ext_proc routes to the fallback route's model instead)."""

    status = 503
    type = "server_error"
    code = kind = "classify_timeout"


class NotReady(RouterError):
    status = 503
    type = "server_error"
    code = kind = "not_ready"


ANTHROPIC_MESSAGES = "anthropic_messages"  # config.schema's API name (errors import nothing)
# Anthropic's error types by status (https://docs.anthropic.com/en/api/errors).
ANTHROPIC_TYPES = {400: "invalid_request_error", 404: "not_found_error",
                   413: "request_too_large", 429: "rate_limit_error", 503: "overloaded_error"}


def error_body(exc: RouterError, api: str | None = None) -> dict[str, object]:
    """The error in the shape of ``api`` (None or an OpenAI API: OpenAI's shape)."""
    if api == ANTHROPIC_MESSAGES:
        return anthropic_error(exc.status, _anthropic_message(exc))
    return {"error": {"message": exc.message, "type": exc.type, "param": exc.param, "code": exc.code}}


def error_headers(exc: RouterError) -> dict[str, str]:
    """Headers that go with the error response (``Retry-After`` for overload)."""
    retry = getattr(exc, "retry_after_s", None)
    return {"retry-after": str(retry)} if retry is not None else {}


def error_json(exc: RouterError, api: str | None = None) -> bytes:
    return json.dumps(error_body(exc, api)).encode()


def internal_error_body(message: str = "internal router error", api: str | None = None) -> bytes:
    if api == ANTHROPIC_MESSAGES:
        return json.dumps(anthropic_error(500, message)).encode()
    return json.dumps({"error": {"message": message, "type": "server_error", "param": None,
                                 "code": "internal_error"}}).encode()


def anthropic_error(status: int, message: str) -> dict[str, object]:
    return {"type": "error", "error": {"type": ANTHROPIC_TYPES.get(status, "api_error"),
                                       "message": message}}


def _anthropic_message(exc: RouterError) -> str:
    """Anthropic's errors have no param or code field: the message names both."""
    where = f"{exc.param}: " if exc.param and not exc.message.startswith(exc.param) else ""
    return f"{where}{exc.message} ({exc.code})"
