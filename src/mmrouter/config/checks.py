"""Cross-field checks of a parsed :class:`~mmrouter.config.schema.Config` (see ``parse_config``).

Each check raises :class:`~mmrouter.config.schema.ConfigError` naming the field at fault.
"""

from __future__ import annotations

from pathlib import Path

from mmrouter.config.schema import Config, ConfigError, RouteConfig

PRECISION_CHOICES = frozenset({"auto", "fp32", "fp16", "bf16"})


def validate(config: Config) -> None:
    """Cross-field checks; raises ConfigError naming the first problem found."""
    if not config.models:
        raise ConfigError("models: at least one model is required")
    if not config.routes:
        raise ConfigError("routes: at least one route is required")
    _unique([m.name for m in config.models], "models", "model")
    _unique([r.name for r in config.routes], "routes", "route")
    for i, route in enumerate(config.routes):
        _validate_route(config, route, f"routes[{i}]")
    _validate_routing(config)
    _validate_encoders(config)
    _validate_server(config)
    _validate_images(config)


def _validate_routing(config: Config) -> None:
    routing = config.routing
    if config.route(routing.fallback_route) is None:
        raise ConfigError(f"routing.fallback_route: unknown route '{routing.fallback_route}'")
    if not routing.default_model:
        raise ConfigError("routing.default_model: required")
    if config.model(routing.default_model) is None:
        raise ConfigError(f"routing.default_model: unknown model '{routing.default_model}'")
    if routing.default_image_model is not None:
        model = config.model(routing.default_image_model)
        if model is None:
            raise ConfigError(
                f"routing.default_image_model: unknown model '{routing.default_image_model}'")
        if "image" not in model.capabilities:
            raise ConfigError("routing.default_image_model: model lacks the 'image' capability")
    _choice(routing.unknown_model, {"error", "default"}, "routing.unknown_model")
    _choice(routing.overload, {"default", "reject"}, "routing.overload")
    _choice(routing.anchor_scoring, {"centroid", "max"}, "routing.anchor_scoring")
    if not routing.aliases:
        raise ConfigError("routing.aliases: at least one alias is required")
    for alias in routing.aliases:
        if config.model(alias) is not None:
            raise ConfigError(f"routing.aliases: '{alias}' is also a model name")
    if routing.context_messages < 0:
        raise ConfigError("routing.context_messages: must be >= 0")


MAX_PROCESSES = 64


def _validate_server(config: Config) -> None:
    server = config.server
    if min(server.torch_threads, server.busy_release_threads, server.inference_workers) < 0:
        raise ConfigError("server.torch_threads, busy_release_threads and inference_workers: "
                          "must be >= 0")
    if not 1 <= server.processes <= MAX_PROCESSES:
        raise ConfigError(f"server.processes: must be between 1 and {MAX_PROCESSES}")
    # Processes: gRPC on grpc_port + i; HTTP on http_port (the supervisor) and http_port + 1 + i.
    for name, extra in (("grpc_port", 0), ("http_port", 1 if server.processes > 1 else 0)):
        base, last = getattr(server, name), getattr(server, name) + server.processes - 1 + extra
        if base and last > 65535:
            raise ConfigError(f"server.{name}: {server.processes} processes need ports {base}.."
                              f"{last}, past 65535")


def _validate_encoders(config: Config) -> None:
    text, enc = config.text_encoder, config.image_encoder
    _choice(text.precision, PRECISION_CHOICES, "text_encoder.precision")
    if min(text.max_batch_size, text.max_seq_length) < 1:
        raise ConfigError("text_encoder.max_batch_size and max_seq_length: must be >= 1")
    _choice(enc.precision, PRECISION_CHOICES, "image_encoder.precision")
    _choice(enc.pooling, {"mean", "max"}, "image_encoder.pooling")
    if not 0.0 <= enc.influence <= 1.0:
        raise ConfigError("image_encoder.influence: must be between 0 and 1")
    if enc.max_batch_size < 1:
        raise ConfigError("image_encoder.max_batch_size: must be >= 1")
    if enc.cache_size < 0:
        raise ConfigError("image_encoder.cache_size: must be >= 0")
    if enc.model_config and Path(enc.model_config).stem != enc.architecture:
        raise ConfigError(f"image_encoder.model_config: registers architecture "
                          f"'{Path(enc.model_config).stem}' (the file's stem), but "
                          f"image_encoder.architecture is '{enc.architecture}'")


def _validate_images(config: Config) -> None:
    images = config.images
    _choice(images.on_invalid, {"error", "text_only"}, "images.on_invalid")
    for name in ("max_bytes", "max_pixels", "url_timeout_s"):
        if getattr(images, name) <= 0:
            raise ConfigError(f"images.{name}: must be > 0")
    if images.decode_workers < 0:
        raise ConfigError("images.decode_workers: must be >= 0")
    for i, host in enumerate(images.url_allowlist):
        if not host.strip() or "/" in host:
            raise ConfigError(f"images.url_allowlist[{i}]: expected a host name, got {host!r}")


def _validate_route(config: Config, route: RouteConfig, where: str) -> None:
    if not route.description.strip():
        raise ConfigError(f"{where}.description: missing description for route '{route.name}'")
    if route.threshold is not None and not -1.0 <= route.threshold <= 1.0:
        raise ConfigError(f"{where}.threshold: must be between -1 and 1")
    if route.text_weight < 0 or route.image_weight < 0 or route.text_weight + route.image_weight == 0:
        raise ConfigError(f"{where}: text_weight and image_weight must be >= 0, not both 0")
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


def _unique(names: list[str], where: str, kind: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ConfigError(f"{where}: duplicate {kind} '{name}'")
        seen.add(name)


def _choice(value: str, allowed: "set[str] | frozenset[str]", where: str) -> None:
    if value not in allowed:
        raise ConfigError(f"{where}: '{value}' is not one of {sorted(allowed)}")
