"""``GET /v1/models`` and ``GET /v1/models/{id}`` in OpenAI's format.

OpenAI clients and chat UIs call it to fill their model pickers: the routing aliases come first
(``MoM``, ``auto``: "let the router choose"), then every configured model. Envoy routes these
paths to mmrouter's HTTP API (see :mod:`mmrouter.envoy.bootstrap`). The list comes from the
config being served, so a hot reload shows up here at once.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from aiohttp import web

from mmrouter.config.schema import Config
from mmrouter.errors import NotReady, UnknownModel

OWNER = "mmrouter"


class ModelNotFound(UnknownModel):
    """GET /v1/models/{id} of an unknown id: OpenAI answers 404 ``model_not_found``."""

    status = 404


def model_entry(model_id: str, created: int, owned_by: str) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": created, "owned_by": owned_by}


def model_list(config: Config, created: int) -> dict[str, Any]:
    """The OpenAI list object: aliases (owned by mmrouter), then models (by their cluster)."""
    data = [model_entry(alias, created, OWNER) for alias in config.routing.aliases]
    data += [model_entry(m.name, created, m.cluster) for m in config.models]
    return {"object": "list", "data": data}


def find_model(config: Config, model_id: str, created: int) -> dict[str, Any]:
    for entry in model_list(config, created)["data"]:
        if entry["id"] == model_id:
            return entry
    raise ModelNotFound(f"The model '{model_id}' does not exist", param="model")


def add_model_routes(app: web.Application, get_core: Callable[[], Any]) -> None:
    """Register the two routes; ``get_core`` returns the serving core (None while loading)."""
    created = int(time.time())

    def config() -> Config:
        core = get_core()
        if core is None:
            raise NotReady("models are still loading; retry when /ready returns 200")
        return core.config

    async def list_models(_: web.Request) -> web.Response:
        return web.json_response(model_list(config(), created))

    async def get_model(request: web.Request) -> web.Response:
        return web.json_response(find_model(config(), request.match_info["model"], created))

    app.router.add_get("/v1/models", list_models)
    app.router.add_get("/v1/models/{model:.+}", get_model)
