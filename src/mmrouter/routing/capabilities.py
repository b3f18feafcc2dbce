"""Capability-aware model choice (pure): a route's candidates that cannot take the request are
dropped before choosing, so the next capable model of the route wins.

A model takes a request when it serves the request's API, declares every capability the request
needs (a capability it does not declare is one it lacks) and, when it declares a
``context_window``, the request's estimated tokens fit in it. When no model of the route can, the
fallback route's models are tried, then the default model (the default image model for images);
failing that, :class:`~mmrouter.errors.NoCapableModel` (a 400 ``no_capable_model``) names the need.

The reason of the choice: ``route`` (the route's first choice), ``capability:<need>`` or
``context_window`` (what the models ranked above the chosen one lack).
"""

from __future__ import annotations

from dataclasses import dataclass

from mmrouter.config.schema import OPENAI_CHAT, Config, ModelConfig
from mmrouter.errors import NoCapableModel
from mmrouter.routing.decision import default_model_for, ranked_models
from mmrouter.routing.needs import Needs

ROUTE = "route"
CONTEXT_WINDOW = "context_window"


@dataclass(frozen=True)
class Choice:
    model: ModelConfig
    reason: str  # route | capability:<need> | context_window
    alternatives: tuple[ModelConfig, ...] = ()  # the route's further capable models, in order


def lacks(model: ModelConfig, needs: Needs) -> str | None:
    """What ``model`` lacks for ``needs`` (``capability:<need>`` or ``context_window``), or None."""
    for need in needs.ordered():
        if need not in model.capabilities:
            return f"capability:{need}"
    if model.context_window is not None and needs.context_tokens > model.context_window:
        return CONTEXT_WINDOW
    return None


def capable_models(config: Config, route_name: str, needs: Needs,
                   api: str = OPENAI_CHAT) -> tuple[tuple[ModelConfig, ...], str | None]:
    """The route's models that can take the request, first choice first, and what its first
    choice lacks (None when it is capable, or the route has no model for the API)."""
    ranked = ranked_models(config, route_name, False, api)
    capable = tuple(m for m in ranked if lacks(m, needs) is None)
    missing = lacks(ranked[0], needs) if ranked else None
    return capable, missing


def choose_capable(config: Config, route_name: str, needs: Needs,
                   api: str = OPENAI_CHAT) -> Choice:
    """The route's first capable model, else the fallback route's, else the default's; raises
    NoCapableModel when none of them can take the request."""
    capable, missing = capable_models(config, route_name, needs, api)
    if capable:
        return Choice(capable[0], missing or ROUTE, capable[1:])
    fallback_route = config.routing.fallback_route
    if fallback_route != route_name:
        fallback, _ = capable_models(config, fallback_route, needs, api)
        if fallback:
            return Choice(fallback[0], missing or ROUTE, fallback[1:])
    default = default_model_for(config, needs.needs_image, api)
    lacking = lacks(default, needs)
    if lacking is None and default.serves(api):
        return Choice(default, missing or ROUTE)
    raise NoCapableModel(_message(route_name, missing or lacking or ROUTE, needs),
                         param=_param(missing or lacking))


def _message(route: str, need: str, needs: Needs) -> str:
    if need == CONTEXT_WINDOW:
        what = (f"a context window of {needs.context_tokens} tokens (estimated: "
                f"{needs.input_tokens} input + {needs.max_output_tokens or 0} max output)")
    else:
        what = f"the '{need.removeprefix('capability:')}' capability"
    return (f"no model of route '{route}' (nor its fallback or the default model) can take this "
            f"request: it needs {what}; needs: {list(needs.ordered()) or ['text']}")


def _param(need: str | None) -> str | None:
    return {"capability:tools": "tools", "capability:json_schema": "response_format",
            CONTEXT_WINDOW: "max_tokens"}.get(need or "")
