"""Pick the backend model for a route (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from mmrouter.routing.classifier import Classification
from mmrouter.config.schema import OPENAI_CHAT, Config, ModelConfig
from mmrouter.routing.needs import Needs


@dataclass(frozen=True)
class Decision:
    route: str
    model: ModelConfig
    reason: str  # "classified" | "explicit" | "unknown_model_default" | "overload_default"
    classification: Classification | None = None
    needs_image: bool = False  # the request carries images (picks the route's fallback group)
    choice: str = "route"  # why this model of the route: route | capability:<need> |
    #                        context_window | budget (routing/capabilities.py, routing/budget.py)
    needs: Needs | None = None  # what the request needs (routing/needs.py); None: not read

    @property
    def reason_header(self) -> str:
        """The ``x-mmrouter-reason`` value: the choice for a routed decision, else the reason
        (explicit, unknown_model_default, ...)."""
        return self.choice if self.reason == "classified" else self.reason

    @property
    def confidence(self) -> float | None:
        return None if self.classification is None else self.classification.confidence


def ranked_models(config: Config, route_name: str, needs_image: bool,
                  api: str = OPENAI_CHAT) -> tuple[ModelConfig, ...]:
    """The route's models that can take the request (serve its API, take its images), highest
    score first (stable: the first of equal scores first), each model once."""
    route = config.route(route_name)
    candidates = route.model_scores if route is not None else ()
    eligible = [s for s in candidates if _fits(_model(config, s.model), needs_image, api)]
    ranked: list[ModelConfig] = []
    for score in sorted(eligible, key=lambda s: -s.score):
        model = _model(config, score.model)
        if model not in ranked:
            ranked.append(model)
    return tuple(ranked)


def choose_model(config: Config, route_name: str, needs_image: bool,
                 api: str = OPENAI_CHAT) -> ModelConfig:
    """Highest-scored model of the route that can take the request; else the default(s)."""
    ranked = ranked_models(config, route_name, needs_image, api)
    if ranked:
        return ranked[0]
    return default_model_for(config, needs_image, api)


def default_model_for(config: Config, needs_image: bool, api: str = OPENAI_CHAT) -> ModelConfig:
    """The default model, or the default image model when the request carries images; when
    that one does not serve ``api``, the first configured model that fits (callers check
    :func:`serves_api` first: with no model serving the API, the plain default comes back)."""
    preferred = default_image_model(config) if needs_image else \
        _model(config, config.routing.default_model)
    if preferred.serves(api):
        return preferred
    for relax_image in (False, True):
        for model in config.models:
            if _fits(model, needs_image and not relax_image, api):
                return model
    return preferred


def serves_api(config: Config, api: str) -> bool:
    return any(model.serves(api) for model in config.models)


def _fits(model: ModelConfig, needs_image: bool, api: str) -> bool:
    return model.serves(api) and (not needs_image or "image" in model.capabilities)


def default_image_model(config: Config) -> ModelConfig:
    if config.routing.default_image_model:
        return _model(config, config.routing.default_image_model)
    default = _model(config, config.routing.default_model)
    if "image" in default.capabilities:
        return default
    for model in config.models:
        if "image" in model.capabilities:
            return model
    return default  # no image-capable model configured at all: nothing better to do


def _model(config: Config, name: str) -> ModelConfig:
    model = config.model(name)
    if model is None:  # prevented by config validation
        raise KeyError(name)
    return model
