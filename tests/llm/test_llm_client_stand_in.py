"""The LLM client against the Arch-Router STAND-IN over real HTTP on loopback: answers,
timeouts, errors, the circuit breaker and the concurrency cap."""

from __future__ import annotations

import asyncio
import time

from mmrouter.config.schema import LLMRouterConfig
from mmrouter.devstack.arch_router_stand_in import StandInSettings
from mmrouter.llm.client import CircuitBreaker, LLMClient
from mmrouter.llm.prompt import format_prompt

from llm_support import stand_in_server

PROMPT = format_prompt('[{"name": "chit_chat", "description": "Small talk."}]',
                       [{"role": "user", "content": "hello there"}])


def run_with_stand_in(settings: StandInSettings, scenario, **llm):
    async def main():
        async with stand_in_server(settings) as endpoint:
            client = LLMClient(LLMRouterConfig(endpoint=endpoint, **llm))
            try:
                return await scenario(client)
            finally:
                await client.close()
    return asyncio.run(main())


def test_stand_in_answer_with_bearer_token_greedy_and_short(monkeypatch):
    monkeypatch.setenv("TEST_ARCH_ROUTER_TOKEN", "s3cret")
    settings = StandInSettings()
    answer = run_with_stand_in(settings, lambda c: c.complete(PROMPT, 1.0),
                               api_key_env="TEST_ARCH_ROUTER_TOKEN")
    assert answer.outcome == "ok" and answer.text == '{"route": "chit_chat"}'
    call = settings.calls[-1]
    assert (call["temperature"], call["max_tokens"]) == (0, 32)
    assert call["authorization"] == "Bearer s3cret"
    assert call["latest"] == "hello there"


def test_stand_in_slower_than_timeout_ms_is_a_timeout():
    answer = run_with_stand_in(StandInSettings(latency_ms=2000), lambda c: c.complete(PROMPT, 5.0),
                               timeout_ms=100)
    assert answer.outcome == "timeout" and 0.09 < answer.latency_s < 1.0


def test_stand_in_call_never_outlives_the_callers_budget():
    answer = run_with_stand_in(StandInSettings(mode="hang"), lambda c: c.complete(PROMPT, 0.05),
                               timeout_ms=10_000)
    assert answer.outcome == "timeout" and answer.latency_s < 0.5
    none_left = run_with_stand_in(StandInSettings(), lambda c: c.complete(PROMPT, 0.0))
    assert none_left.outcome == "timeout" and none_left.latency_s is None


def test_stand_in_http_500_and_a_closed_port_are_errors():
    answer = run_with_stand_in(StandInSettings(mode="fail"), lambda c: c.complete(PROMPT, 1.0))
    assert answer.outcome == "error" and "HTTP 500" in answer.detail

    async def closed_port():
        client = LLMClient(LLMRouterConfig(endpoint="http://127.0.0.1:9/v1"))
        try:
            return await client.complete(PROMPT, 1.0)
        finally:
            await client.close()
    assert asyncio.run(closed_port()).outcome == "error"


def test_breaker_opens_after_repeated_stand_in_failures_then_recovers():
    now = [0.0]
    settings = StandInSettings(mode="fail")

    async def scenario(_):
        async with stand_in_server(settings) as endpoint:
            client = LLMClient(LLMRouterConfig(endpoint=endpoint, breaker_failures=3,
                                               breaker_cooldown_ms=1000), clock=lambda: now[0])
            try:
                outcomes = [(await client.complete(PROMPT, 1.0)).outcome for _ in range(5)]
                calls_while_open = len(settings.calls)
                now[0] = 1.5  # past the cooldown: one trial call, which fails → open again
                outcomes.append((await client.complete(PROMPT, 1.0)).outcome)
                outcomes.append((await client.complete(PROMPT, 1.0)).outcome)
                now[0] = 3.0
                settings.mode = "ok"  # the trial succeeds → closed
                outcomes += [(await client.complete(PROMPT, 1.0)).outcome for _ in range(2)]
                return outcomes, calls_while_open, client.breaker.state
            finally:
                await client.close()

    outcomes, calls_while_open, state = asyncio.run(scenario(None))
    assert outcomes == ["error", "error", "error", "breaker_open", "breaker_open",
                        "error", "breaker_open", "ok", "ok"]
    assert calls_while_open == 3  # the open breaker never touched the network
    assert state == "closed"


def test_concurrency_cap_answers_busy_at_once_stand_in():
    async def scenario(client):
        started = time.perf_counter()
        tasks = [asyncio.ensure_future(client.complete(PROMPT, 2.0)) for _ in range(3)]
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        first = (next(iter(done)).result().outcome, time.perf_counter() - started)
        await asyncio.gather(*tasks)
        return first, [t.result().outcome for t in tasks]

    (first, waited), outcomes = run_with_stand_in(StandInSettings(latency_ms=300), scenario,
                                                  max_concurrency=2)
    assert first == "busy" and waited < 0.2
    assert sorted(outcomes) == ["busy", "ok", "ok"]


def test_breaker_trial_abandoned_by_a_cancelled_caller_can_be_retried():
    now = [0.0]
    breaker = CircuitBreaker(failures=1, cooldown_s=1.0, clock=lambda: now[0])
    breaker.failure()
    assert breaker.state == "open" and not breaker.allow()
    now[0] = 2.0
    assert breaker.allow() and not breaker.allow()  # one trial at a time
    breaker.abandon()
    assert breaker.allow()
    breaker.success()
    assert breaker.state == "closed" and breaker.allow()
