"""The supervisor's GET /api/v1/budget merges its processes' budget states. FAKE processes:
tiny aiohttp apps, each serving the state of a real BudgetController fed its own traffic."""

from __future__ import annotations

import asyncio
import random

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from mmrouter.config.schema import BudgetConfig, BudgetLimit, ModelConfig
from mmrouter.routing.budget import BudgetController
from mmrouter.serving.supervisor_http import create_supervisor_app

STRONG, CHEAP = ModelConfig(name="strong"), ModelConfig(name="cheap")


def fed_controller(seed: int, hard_share: float, requests: int) -> BudgetController:
    """One process's controller after its share of simulated traffic (each process sees its
    own mix: Envoy spreads requests, not topics, evenly)."""
    budget = BudgetController(BudgetConfig(window_s=3600, limits=(
        BudgetLimit(model="strong", max_share=0.2),)))
    rng = random.Random(seed)
    for i in range(requests):
        first = STRONG if rng.random() < hard_share else CHEAP
        budget.decide(first, (CHEAP,) if first is STRONG else (), rng.random(), now=i * 0.1)
    return budget


def process_app(budget: BudgetController, now: float) -> web.Application:
    async def state(_):
        return web.json_response(budget.state(now=now))

    app = web.Application()
    app.router.add_get("/api/v1/budget", state)
    return app


def test_supervisor_budget_sums_the_processes_and_holds_the_share():
    budgets = [fed_controller(1, 0.5, 8000), fed_controller(2, 0.3, 5000)]

    async def main():
        processes = [TestServer(process_app(b, 800.0)) for b in budgets]
        urls: list[str] = []
        async with TestClient(TestServer(create_supervisor_app(urls))) as client:
            early = (await client.get("/api/v1/budget")).status
            for server in processes:
                await server.start_server()
                urls.append(str(server.make_url("")).rstrip("/"))
            merged = await (await client.get("/api/v1/budget")).json()
            await processes[1].close()
            missing = (await client.get("/api/v1/budget")).status
            await processes[0].close()
        return early, merged, missing

    early, merged, missing = asyncio.run(main())
    assert early == 503 and missing == 503  # never a partial sum
    states = [b.state(now=800.0) for b in budgets]
    assert merged["processes"] == 2
    assert merged["classified"] == sum(s["classified"] for s in states) == 13000
    strong = merged["models"]["strong"]
    assert strong["requests"] == sum(s["models"]["strong"]["requests"] for s in states)
    assert strong["share"] == strong["requests"] / merged["classified"]
    assert abs(strong["share"] - 0.2) <= 0.03  # each holds its own traffic: the sum holds
    assert len(strong["thresholds"]) == 2
