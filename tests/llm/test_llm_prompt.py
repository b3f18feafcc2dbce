"""The Arch-Router prompt: exact layout (golden), what the model sees, the token budget."""

from __future__ import annotations

import pytest

from mmrouter.config.schema import parse_config
from mmrouter.llm.prompt import (PromptBuilder, approx_tokens, chat_request, dialogue, fit_turns,
                                 keep_tail, messages_from_conversation)
from mmrouter.routing.conversation import build_conversation


def small_config(**llm):
    return parse_config({
        "routing": {"default_model": "m", "fallback_route": "other"},
        "models": [{"name": "m", "capabilities": ["text", "image"]}],
        "routes": [
            {"name": "chit_chat", "description": "Any social chit chat, small talk.",
             "model_scores": [{"model": "m"}]},
            {"name": "try_again", "description": "Only if the user says\n  the previous answer "
                                                 "was incorrect.", "model_scores": [{"model": "m"}]},
            {"name": "other", "description": "Anything else."},
        ],
        "llm_router": {"mode": "cascade", **llm},
    })


CONVERSATION = [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": [
        {"type": "text", "text": "What is in this photo?"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
        {"type": "text", "text": "Be brief."}]},
    {"role": "assistant", "content": "A red bicycle."},
    {"role": "tool", "tool_call_id": "t1", "content": "{\"ok\": true}"},
    {"role": "user", "content": "Wrong, it's a scooter. ¿Otra vez?"},
]

GOLDEN = '''
You are a helpful assistant designed to find the best suited route.
You are provided with route description within <routes></routes> XML tags:
<routes>

[{"name": "chit_chat", "description": "Any social chit chat, small talk."}, {"name": "try_again", "description": "Only if the user says the previous answer was incorrect."}]

</routes>

<conversation>

[{"role": "user", "content": "What is in this photo? [image] Be brief."}, {"role": "assistant", "content": "A red bicycle."}, {"role": "user", "content": "Wrong, it's a scooter. ¿Otra vez?"}]

</conversation>

Your task is to decide which route is best suit with user intent on the conversation in <conversation></conversation> XML tags.  Follow the instruction:
1. If the latest intent from user is irrelevant or user intent is full filled, response with other route {"route": "other"}.
2. You must analyze the route descriptions and find the best match route for user latest intent. 
3. You only response the name of the route that best matches the user's request, use the exact name in the <routes></routes>.

Based on your analysis, provide your response in the following JSON formats if you decide to match any route:
{"route": "route_name"} 
'''  # noqa: W291


def test_golden_prompt_multi_turn_conversation_with_an_image():
    assert PromptBuilder.for_config(small_config()).build(CONVERSATION) == GOLDEN


def test_system_and_tool_messages_are_dropped_and_images_become_placeholders():
    turns = dialogue(CONVERSATION)
    assert [t["role"] for t in turns] == ["user", "assistant", "user"]
    assert "data:image" not in repr(turns)
    assert turns[0]["content"] == "What is in this photo? [image] Be brief."
    image_only = dialogue([{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}])
    assert image_only == [{"role": "user", "content": "[image]"}]


def test_chat_request_is_greedy_and_short():
    body = chat_request("katanemo/Arch-Router-1.5B", "PROMPT")
    assert body == {"model": "katanemo/Arch-Router-1.5B", "temperature": 0, "max_tokens": 32,
                    "stream": False, "messages": [{"role": "user", "content": "PROMPT"}]}


def test_approx_tokens_rule():
    assert approx_tokens("") == 0
    assert approx_tokens("abcd") == 1
    assert approx_tokens("abcde") == 2
    assert approx_tokens("你好") == 2
    assert approx_tokens("héllo") == 2  # 4 ASCII characters → 1, é → 1
    assert approx_tokens("ab" * 400) == 200


def test_newest_turns_that_fit_the_budget_are_kept():
    turns = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i} " + "x" * 33}
             for i in range(9)]  # 10 tokens of text + 4 of overhead = 14 each
    kept = fit_turns(turns, budget=14 * 3)
    assert [t["content"][:6] for t in kept] == ["turn 6", "turn 7", "turn 8"]
    assert fit_turns(turns, budget=14 * 3 - 1) == turns[-2:]
    assert fit_turns(turns, budget=10_000) == turns


def test_a_too_long_latest_turn_keeps_its_end():
    text = "start " + "filler " * 500 + "so please summarise this"
    kept = fit_turns([{"role": "assistant", "content": "earlier"},
                      {"role": "user", "content": text}], budget=20)
    assert len(kept) == 1 and kept[0]["content"].endswith("so please summarise this")
    assert approx_tokens(kept[0]["content"]) <= 16
    assert keep_tail("abc", 5) == "abc"


def test_prompt_respects_max_context_tokens():
    long_history = []
    for i in range(200):
        long_history += [{"role": "user", "content": f"question {i} " + "word " * 40},
                         {"role": "assistant", "content": f"answer {i} " + "word " * 40}]
    long_history.append({"role": "user", "content": "and the last one?"})
    builder = PromptBuilder.for_config(small_config(max_context_tokens=600))
    prompt = builder.build(long_history)
    assert approx_tokens(prompt) <= 600
    assert '"and the last one?"' in prompt and "question 199" in prompt
    assert "question 150" not in prompt


@pytest.mark.parametrize("tokens", [1, 50])
def test_tiny_budget_still_carries_the_latest_turn(tokens):
    prompt = PromptBuilder.for_config(small_config(max_context_tokens=tokens)).build(
        [{"role": "user", "content": "hello there"}])
    assert '"hello there"' in prompt


def test_messages_rebuilt_from_a_parsed_conversation():
    conversation = build_conversation({"messages": CONVERSATION}, context_messages=2)
    assert messages_from_conversation(conversation) == [
        {"role": "user", "content": "What is in this photo?\nBe brief. [image]"},
        {"role": "assistant", "content": "A red bicycle."},
        {"role": "user", "content": "Wrong, it's a scooter. ¿Otra vez?"}]
