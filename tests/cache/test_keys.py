"""Match keys: what must be equal for a hit, and what may differ (pure)."""

from __future__ import annotations

from mmrouter.cache import keys
from mmrouter.config.schema import ANTHROPIC_MESSAGES, OPENAI_CHAT, OPENAI_RESPONSES

SCOPE = keys.cache_request({"authorization": "Bearer a"}, ("authorization",)).scope


def chat(**extra):
    return {"model": "MoM", "messages": [{"role": "system", "content": "Be brief."},
                                         {"role": "user", "content": "What is the capital of France?"}],
            **extra}


def key(payload, api=OPENAI_CHAT, scope=SCOPE, model="m"):
    latest = keys.latest_turn(payload, api)
    assert latest is not None
    return keys.match_key(scope, api, model, "e5", latest.rest)


def test_transport_and_metadata_members_do_not_change_the_key():
    base = key(chat())
    assert key(chat(model="other", stream=True, stream_options={"include_usage": True},
                    user="u1", metadata={"trace": "x"})) == base


def test_every_answer_changing_parameter_changes_the_key():
    base = key(chat())
    variants = [chat(temperature=0.2), chat(max_tokens=5), chat(n=2),
                chat(tools=[{"type": "function", "function": {"name": "f"}}]),
                chat(response_format={"type": "json_object"}),
                {**chat(), "messages": [{"role": "system", "content": "Be verbose."},
                                        chat()["messages"][1]]},
                {**chat(), "messages": [{"role": "user", "content": "hi"},
                                        {"role": "assistant", "content": "hello"},
                                        *chat()["messages"]]}]
    assert len({key(v) for v in variants} | {base}) == len(variants) + 1


def test_the_latest_turn_text_is_left_to_the_similarity():
    other = chat()
    other["messages"] = [other["messages"][0], {"role": "user", "content": "Something else"}]
    assert key(other) == key(chat())
    assert keys.latest_turn(other, OPENAI_CHAT).text == "Something else"


def test_images_of_the_latest_turn_stay_in_the_key():
    def with_image(url):
        return {"model": "MoM", "messages": [{"role": "user", "content": [
            {"type": "text", "text": "What is this?"},
            {"type": "image_url", "image_url": {"url": url}}]}]}
    assert key(with_image("data:image/png;base64,AAA")) != key(with_image("data:image/png;base64,BBB"))
    assert keys.latest_turn(with_image("x"), OPENAI_CHAT).text == "What is this?"


def test_scope_model_and_api_separate_entries():
    other_scope = keys.cache_request({"authorization": "Bearer b"}, ("authorization",)).scope
    assert other_scope != SCOPE
    assert key(chat(), scope=other_scope) != key(chat())
    assert key(chat(), model="n") != key(chat())
    assert key(chat(), api=ANTHROPIC_MESSAGES) != key(chat())


def test_no_store_is_read_from_cache_control():
    assert keys.cache_request({"cache-control": "max-age=0, No-Store"}, ()).no_store
    assert not keys.cache_request({"cache-control": "no-cache"}, ()).no_store
    assert not keys.cache_request({}, ()).no_store


def test_responses_input_string_and_items():
    assert keys.latest_turn({"model": "m", "input": "Hi there"}, OPENAI_RESPONSES).text == "Hi there"
    items = {"model": "m", "instructions": "x", "input": [
        {"role": "user", "content": [{"type": "input_text", "text": "first"}]},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "second"}]}]}
    latest = keys.latest_turn(items, OPENAI_RESPONSES)
    assert latest.text == "second" and latest.rest["instructions"] == "x"


def test_a_latest_user_message_without_text_is_not_cached():
    tool_only = {"model": "m", "messages": [{"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "t", "content": "42"}]}]}
    assert keys.latest_turn(tool_only, ANTHROPIC_MESSAGES) is None
    assert keys.latest_turn({"model": "m", "messages": [{"role": "user", "content": "  "}]},
                            OPENAI_CHAT) is None
    assert keys.latest_turn({"model": "m", "messages": "x"}, OPENAI_CHAT) is None
