"""The LLM router inside RouterCore, against the Arch-Router STAND-IN over loopback HTTP.

Uses a FAKE hashing text encoder (anchors, no head) so the logic runs fast; the real MiniLM
and head run in the end-to-end tests and in `mmrouter eval`.
"""

from __future__ import annotations

import asyncio
import json
import time

from mmrouter.core.metrics import Metrics
from mmrouter.core.runtime import build_core
from mmrouter.devstack.arch_router_stand_in import StandInSettings

from conftest import FakeHashingTextEncoder
from llm_support import llm_config, stand_in_server, write_oracle
from images_support import image_part, png


def chat_body(text, image=False, model="MoM"):
    content = text if not image else [
        {"type": "text", "text": text},
        image_part(png())]
    return json.dumps({"model": model, "messages": [
        {"role": "system", "content": "Be nice."}, {"role": "user", "content": content}]}).encode()


def with_core(settings, scenario, routing=None, **llm):
    async def main():
        async with stand_in_server(settings) as endpoint:
            metrics = Metrics()
            config = llm_config(endpoint, routing=routing, **llm)
            core = await asyncio.to_thread(build_core, config, metrics,
                                           text_encoder=FakeHashingTextEncoder())
            try:
                return await scenario(core), metrics
            finally:
                await core.aclose()
                await asyncio.to_thread(core.close)
    return asyncio.run(main())


def sample(metrics, name, **labels):
    return metrics.registry.get_sample_value(name, labels) or 0.0


def test_always_routes_exactly_as_the_stand_in_says(tmp_path):
    answers = {"Tell me about your weekend": "hard_question",
               "Prove Fermat's little theorem": "chit_chat",
               "What's the capital of France?": "try_again",
               "hmm": "other", "zzz": "no_such_route"}
    settings = StandInSettings(oracle=write_oracle(tmp_path / "oracle.json", answers))

    async def scenario(core):
        return [(await core.route_chat(chat_body(text))).decision for text in answers]

    decisions, metrics = with_core(settings, scenario, mode="always")
    routes = [d.route for d in decisions]
    assert routes == ["hard_question", "chit_chat", "try_again", "other", "other"]
    assert all(d.classification.method == "llm" for d in decisions)
    assert [d.model.name for d in decisions[:3]] == ["gpt-5-chat",
                                                     "nvidia/nvidia-nemotron-nano-9b-v2",
                                                     "gpt-5-chat"]
    assert sample(metrics, "mmrouter_llm_calls_total", outcome="ok") == 5
    assert sample(metrics, "mmrouter_llm_escalations_total", reason="always") == 5
    assert sample(metrics, "mmrouter_decisions_total", method="llm") == 5
    assert sample(metrics, "mmrouter_llm_seconds_count") == 5
    assert [c["turns"] for c in settings.calls] == [1] * 5  # the system message was dropped


def test_capabilities_hold_when_the_stand_in_picks_a_text_only_route(tmp_path):
    settings = StandInSettings(oracle=write_oracle(tmp_path / "o.json",
                                                   {"what a day [image]": "chit_chat"}))

    async def scenario(core):
        return (await core.route_chat(chat_body("what a day", image=True))).decision

    decision, _ = with_core(settings, scenario, mode="always")
    assert decision.route == "chit_chat" and decision.classification.method == "llm"
    assert "image" in decision.model.capabilities  # not the text-only chit_chat model
    assert settings.calls[-1]["latest"] == "what a day [image]"


def test_cascade_asks_only_when_unsure_stand_in(tmp_path):
    text = "Could you make me a nice cat picture?"
    settings = StandInSettings(oracle=write_oracle(tmp_path / "o.json", {text: "try_again"}))

    async def scenario(core):
        return (await core.route_chat(chat_body(text))).decision

    sure, metrics = with_core(settings, scenario, mode="cascade", escalate_below=0.0)
    assert sure.classification.method == "anchors" and not sure.classification.llm.escalated
    assert len(settings.calls) == 0 and sample(metrics, "mmrouter_decisions_total",
                                               method="anchors") == 1
    unsure, metrics = with_core(settings, scenario, mode="cascade", escalate_below=1.0)
    step = unsure.classification.llm
    assert (unsure.route, unsure.classification.method) == ("try_again", "llm")
    assert (step.escalated, step.reason, step.outcome) == (True, "low_confidence", "ok")
    assert step.embedding_route == sure.route and step.embedding_method == "anchors"
    assert sample(metrics, "mmrouter_llm_escalations_total", reason="low_confidence") == 1


def test_cascade_script_and_route_flag_triggers_stand_in():
    settings = StandInSettings()

    async def scenario(core):
        return [(await core.route_chat(chat_body(t))).decision.classification.llm
                for t in ("你好！最近怎么样？", "Generate an image of a cat")]

    (script, plain), metrics = with_core(settings, scenario, mode="cascade", escalate_below=0.0,
                                         encoder_scripts=["latin"])
    assert (script.reason, plain.escalated) == ("script", False)
    assert sample(metrics, "mmrouter_llm_escalations_total", reason="script") == 1


def test_garbage_answer_keeps_the_embedding_decision_and_is_counted_stand_in(caplog):
    async def scenario(core):
        return (await core.route_chat(chat_body("Generate an image of a cat"))).decision

    decision, metrics = with_core(StandInSettings(mode="garbage"), scenario, mode="always")
    assert decision.classification.method == "anchors"
    assert decision.route == decision.classification.llm.embedding_route == "image_generation"
    assert decision.classification.llm.outcome == "parse_error"
    assert sample(metrics, "mmrouter_llm_calls_total", outcome="parse_error") == 1
    logged = [r.getMessage() for r in caplog.records if "unparseable" in r.getMessage()]
    assert logged and "Well, it depends" in logged[0] and len(logged[0]) < 200


def test_hung_stand_in_never_delays_past_the_deadline():
    async def scenario(core):
        started = time.perf_counter()
        routed = await core.route_chat(chat_body("Generate an image of a cat"))
        return routed.decision, time.perf_counter() - started

    (decision, elapsed), metrics = with_core(StandInSettings(mode="hang"), scenario,
                                             routing={"classify_timeout_ms": 1000},
                                             mode="always", timeout_ms=5000)
    assert 0.9 < elapsed < 1.5
    assert decision.reason == "classified"  # not the timeout fallback: the embedding decision
    assert decision.route == "image_generation"
    assert decision.classification.llm.outcome == "timeout"
    assert sample(metrics, "mmrouter_llm_calls_total", outcome="timeout") == 1


def test_failing_stand_in_opens_the_breaker_stand_in():
    settings = StandInSettings(mode="fail")

    async def scenario(core):
        return [(await core.route_chat(chat_body("hello"))).decision.classification.llm.outcome
                for _ in range(4)]

    outcomes, metrics = with_core(settings, scenario, mode="always", breaker_failures=2,
                                  breaker_cooldown_ms=60_000)
    assert outcomes == ["error", "error", "breaker_open", "breaker_open"]
    assert len(settings.calls) == 2
    assert sample(metrics, "mmrouter_llm_calls_total", outcome="breaker_open") == 2


def test_concurrency_cap_keeps_the_embedding_decision_stand_in():
    async def scenario(core):
        decisions = await asyncio.gather(*(core.route_chat(chat_body("hello")) for _ in range(3)))
        return sorted(d.decision.classification.llm.outcome for d in decisions)

    outcomes, metrics = with_core(StandInSettings(latency_ms=200), scenario, mode="always",
                                  max_concurrency=1)
    assert outcomes == ["busy", "busy", "ok"]
    assert sample(metrics, "mmrouter_llm_calls_total", outcome="busy") == 2


def test_mode_off_builds_no_llm_router_stand_in():
    async def scenario(core):
        return core.llm, (await core.route_chat(chat_body("hello"))).decision.classification

    (llm, classification), metrics = with_core(StandInSettings(), scenario)
    assert llm is None and classification.llm is None
    assert sample(metrics, "mmrouter_decisions_total", method="anchors") == 1
