"""Cross-field checks of a :class:`~mmrouter.config.schema.Config` whose fields each passed.

One field's type, choices and range are the schema's (pydantic's); what needs two fields or
more is here. Each check raises :class:`~mmrouter.config.errors.ConfigError` naming the field.
Nothing here imports the schema at run time: it hands its configs to :func:`validate`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mmrouter.config.errors import ConfigError

if TYPE_CHECKING:
    from mmrouter.config.schema import Config, RouteConfig


def validate(config: Config) -> None:
    """Cross-field checks; raises ConfigError naming the first problem found."""
    _unique([m.name for m in config.models], "models", "model")
    _unique([r.name for r in config.routes], "routes", "route")
    for i, route in enumerate(config.routes):
        _validate_route(config, route, f"routes[{i}]")
    _validate_routing(config)
    _unique([a.path for a in config.routing.apis], "routing.apis", "path")
    _validate_encoders(config)
    _validate_server(config)
    _validate_fallback(config)
    _validate_budget(config)
    _validate_llm_router(config)


def _validate_routing(config: Config) -> None:
    routing = config.routing
    if config.route(routing.fallback_route) is None:
        raise ConfigError(f"routing.fallback_route: unknown route '{routing.fallback_route}'")
    if config.model(routing.default_model) is None:
        raise ConfigError(f"routing.default_model: unknown model '{routing.default_model}'")
    if routing.default_image_model is not None:
        model = config.model(routing.default_image_model)
        if model is None:
            raise ConfigError(
                f"routing.default_image_model: unknown model '{routing.default_image_model}'")
        if "image" not in model.capabilities:
            raise ConfigError("routing.default_image_model: model lacks the 'image' capability")
    for alias in routing.aliases:
        if config.model(alias) is not None:
            raise ConfigError(f"routing.aliases: '{alias}' is also a model name")


def _validate_server(config: Config) -> None:
    server = config.server
    # Processes: gRPC on grpc_port + i; HTTP on http_port (the supervisor) and http_port + 1 + i.
    for name, extra in (("grpc_port", 0), ("http_port", 1 if server.processes > 1 else 0)):
        base, last = getattr(server, name), getattr(server, name) + server.processes - 1 + extra
        if base and last > 65535:
            raise ConfigError(f"server.{name}: {server.processes} processes need ports {base}.."
                              f"{last}, past 65535")


def _validate_encoders(config: Config) -> None:
    text = config.text_encoder
    if text.runtime == "onnx" and text.precision not in ("auto", "int8", "fp32"):
        raise ConfigError(f"text_encoder.precision: the onnx runtime runs int8 or fp32, "
                          f"not {text.precision}")
    if text.runtime == "torch" and text.precision == "int8":
        raise ConfigError("text_encoder.precision: int8 runs in the onnx runtime (runtime: onnx "
                          "or auto on a CPU)")
    enc = config.image_encoder
    if enc.model_config and Path(enc.model_config).stem != enc.architecture:
        raise ConfigError(f"image_encoder.model_config: registers architecture "
                          f"'{Path(enc.model_config).stem}' (the file's stem), but "
                          f"image_encoder.architecture is '{enc.architecture}'")


def _validate_route(config: Config, route: RouteConfig, where: str) -> None:
    if not route.description.strip():
        raise ConfigError(f"{where}.description: missing description for route '{route.name}'")
    if route.text_weight + route.image_weight == 0:
        raise ConfigError(f"{where}: text_weight and image_weight must not both be 0")
    if not route.model_scores and route.name != config.routing.fallback_route:
        raise ConfigError(f"{where}.model_scores: route '{route.name}' has no model")
    for j, score in enumerate(route.model_scores):
        model = config.model(score.model)
        if model is None:
            raise ConfigError(f"{where}.model_scores[{j}].model: unknown model '{score.model}'")
        if score.capabilities is not None and not score.capabilities <= model.capabilities:
            extra = sorted(score.capabilities - model.capabilities)
            raise ConfigError(
                f"{where}.model_scores[{j}].capabilities: model '{model.name}' does not declare {extra}")
    _validate_route_claims(config, route, where)


def _validate_route_claims(config: Config, route: RouteConfig, where: str) -> None:
    """Each capability the route claims is declared by one of its models, at least."""
    declared: set[str] = set()
    for score in route.model_scores:
        model = config.model(score.model)
        declared |= model.capabilities if model is not None else set()
    for need in sorted(route.capabilities - declared):
        raise ConfigError(f"{where}.capabilities: route '{route.name}' claims '{need}', but no "
                          f"model of its model_scores declares it (no capable model)")


def _unique(names: list[str], where: str, kind: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ConfigError(f"{where}: duplicate {kind} '{name}'")
        seen.add(name)


MAX_ATTEMPTS = 10
RETRY_CONDITIONS = frozenset({"connect-failure", "reset", "reset-before-request", "5xx",
                              "gateway-error", "refused-stream", "retriable-4xx",
                              "envoy-ratelimited", "http3-post-connect-failure"})


def _validate_fallback(config: Config) -> None:
    fallback = config.routing.fallback
    _validate_policy(fallback.retry_on, fallback.max_attempts, fallback.per_try_timeout_ms,
                     "routing.fallback")
    for i, route in enumerate(config.routes):
        own = route.fallback
        if own is not None:
            _validate_policy(own.retry_on, own.max_attempts, own.per_try_timeout_ms,
                             f"routes[{i}].fallback")
    health = fallback.health_check
    if not health.path.startswith("/"):
        raise ConfigError("routing.fallback.health_check.path: must start with '/'")
    for name in ("interval_ms", "timeout_ms", "unhealthy_threshold", "healthy_threshold"):
        if getattr(health, name) < 1:
            raise ConfigError(f"routing.fallback.health_check.{name}: must be >= 1")
    outlier = fallback.outlier_detection
    for name in ("consecutive_5xx", "interval_ms", "base_ejection_time_ms"):
        if getattr(outlier, name) < 1:
            raise ConfigError(f"routing.fallback.outlier_detection.{name}: must be >= 1")


def _validate_policy(retry_on: tuple[str | int, ...] | None, max_attempts: int | None,
                     per_try_timeout_ms: float | None, where: str) -> None:
    if max_attempts is not None and not 1 <= max_attempts <= MAX_ATTEMPTS:
        raise ConfigError(f"{where}.max_attempts: must be between 1 and {MAX_ATTEMPTS}")
    if per_try_timeout_ms is not None and per_try_timeout_ms < 0:
        raise ConfigError(f"{where}.per_try_timeout_ms: must be >= 0 (0: none)")
    for j, value in enumerate(str(v) for v in retry_on or ()):
        if value.isdigit() and 400 <= int(value) <= 599:
            continue
        if value not in RETRY_CONDITIONS:
            raise ConfigError(f"{where}.retry_on[{j}]: '{value}' is neither an HTTP status "
                              f"400..599 nor one of {sorted(RETRY_CONDITIONS)}")
    if retry_on is not None and not retry_on:
        raise ConfigError(f"{where}.retry_on: at least one condition (or max_attempts: 1)")


def _validate_budget(config: Config) -> None:
    names = [limit.model for limit in config.routing.budget.limits]
    _unique(names, "routing.budget.limits", "model")
    for i, name in enumerate(names):
        if config.model(name) is None:
            raise ConfigError(f"routing.budget.limits[{i}].model: unknown model '{name}'")


LLM_MODES = frozenset({"off", "always", "cascade"})


def _validate_llm_router(config: Config) -> None:
    llm = config.llm_router
    if llm.mode not in LLM_MODES:
        raise ConfigError(f"llm_router.mode: expected one of {sorted(LLM_MODES)}, got {llm.mode!r}")
    if not llm.endpoint.startswith(("http://", "https://")):
        raise ConfigError(f"llm_router.endpoint: expected an http(s) URL, got {llm.endpoint!r}")
    if not llm.model.strip():
        raise ConfigError("llm_router.model: required non-empty string")
    if llm.timeout_ms <= 0 or llm.breaker_cooldown_ms < 0:
        raise ConfigError("llm_router.timeout_ms: must be > 0; breaker_cooldown_ms: >= 0")
    if min(llm.max_concurrency, llm.max_context_tokens, llm.breaker_failures) < 1:
        raise ConfigError("llm_router.max_concurrency, max_context_tokens and breaker_failures: "
                          "must be >= 1")
    for name in ("escalate_below", "foreign_escalate_below"):
        if not 0.0 <= getattr(llm, name) <= 1.0:
            raise ConfigError(f"llm_router.{name}: must be between 0 and 1")
    from mmrouter.llm.language import WORDS

    for i, language in enumerate(llm.encoder_languages):
        if language not in WORDS:
            raise ConfigError(f"llm_router.encoder_languages[{i}]: '{language}' is not one of "
                              f"{sorted(WORDS)}")
    for i, script in enumerate(llm.encoder_scripts):
        if not script.strip() or script != script.lower():
            raise ConfigError(f"llm_router.encoder_scripts[{i}]: expected a lower-case script "
                              f"name such as 'latin', got {script!r}")
