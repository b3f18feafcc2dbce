"""The exact body rewrite: only the top-level model value changes, byte for byte."""

from __future__ import annotations

import base64
import json
import os

import pytest

from mmrouter.routing.mutations import (RewriteError, decision_headers, response_headers, rewrite_model,
                                routing_mutation, top_level_value_spans)


def test_rewrite_keeps_every_other_byte():
    body = (b'{ "temperature" : 1.50e0, "messages":[{"role":"user","content":"model: \\"x\\""}],'
            b'\n  "model"  :  "MoM", "extra": {"model": "inner"}, "unicode": "\\u00e9" }')
    out = rewrite_model(body, "gpt-5-chat")
    assert out == body.replace(b'"MoM"', b'"gpt-5-chat"')
    assert json.loads(out)["extra"]["model"] == "inner"


def test_nested_and_string_lookalikes_are_not_touched():
    body = json.dumps({"messages": [{"role": "user", "content": '"model": "MoM"'}],
                       "metadata": {"model": "MoM"}, "model": "MoM"}).encode()
    spans = top_level_value_spans(body, "model")
    assert len(spans) == 1
    assert json.loads(rewrite_model(body, "m"))["metadata"]["model"] == "MoM"


def test_escaped_key_and_duplicates():
    body = b'{"mod\\u0065l": "a", "model": "b"}'
    assert rewrite_model(body, "z") == b'{"mod\\u0065l": "z", "model": "z"}'


def test_non_ascii_and_quotes_in_new_value_are_valid_json():
    out = rewrite_model(b'{"model":"MoM"}', 'caf\u00e9 "q"')
    assert json.loads(out)["model"] == 'caf\u00e9 "q"'


def test_large_base64_body_is_identical_except_model():
    image = base64.b64encode(os.urandom(3_000_000)).decode()
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{image}"}}]}]}).encode()
    out = rewrite_model(body, "vl")
    assert len(out) == len(body) - len(b'"MoM"') + len(b'"vl"')
    assert out[len(b'{"model": "vl"'):] == body[len(b'{"model": "MoM"'):]


@pytest.mark.parametrize("body, expected", [
    (b'{"messages": []}', b'{"model": "m", "messages": []}'),
    (b' { } ', b' {"model": "m" } '),
    (b'{"model": 5}', b'{"model": "m"}'),
    (b'{"model":"auto","model" : null}', b'{"model":"m","model" : "m"}'),
    (b'{"a": {"model": "x"}}', b'{"model": "m", "a": {"model": "x"}}'),
])
def test_model_added_or_replaced_whatever_its_value(body, expected):
    assert rewrite_model(body, "m") == expected


@pytest.mark.parametrize("body", [b"[]", b'{"a" 1}', b'{"a": [1, 2}', b"\xff{}", b'{"a": 1,}'])
def test_not_a_json_object(body):
    with pytest.raises(RewriteError):
        rewrite_model(body, "m")


def test_structure_heavy_body_keeps_every_other_byte():
    # Over the token budget the C decoder finds the container's end; non-ASCII keeps offsets.
    body = ('{"junk": [' + ",".join(['["é"]'] * 30_000) + '], "model": "MoM", "t": -1.5e3}').encode()
    out = rewrite_model(body, "m")
    assert out == body.replace(b'"MoM"', b'"m"', 1)


def test_routing_mutation_headers_and_length():
    body = b'{"model": "MoM", "messages": []}'
    m = routing_mutation(body, current_model="MoM", model="gpt-5-chat", cluster="gpt5",
                         model_header="x-selected-model", cluster_header="x-mmrouter-cluster")
    assert m.body == body.replace(b"MoM", b"gpt-5-chat")
    assert dict(m.set_headers) == {"x-selected-model": "gpt-5-chat", "x-mmrouter-cluster": "gpt5",
                                   "content-length": str(len(m.body))}
    assert m.clear_route_cache


def test_routing_mutation_explicit_model_leaves_body_alone():
    body = b'{"model": "gpt-5-chat"}'
    m = routing_mutation(body, current_model="gpt-5-chat", model="gpt-5-chat", cluster="c",
                         model_header="a", cluster_header="b")
    assert m.body is None
    assert dict(m.set_headers)["content-length"] == str(len(body))


def test_decision_travels_as_request_headers():
    annotations = decision_headers("chit_chat", 0.81234, route_header="r", confidence_header="c")
    assert annotations == (("r", "chit_chat"), ("c", "0.8123"))
    assert decision_headers("explicit", None, route_header="r", confidence_header="c") == \
        (("r", "explicit"),)
    m = routing_mutation(b'{"model": "MoM"}', current_model="MoM", model="m", cluster="k",
                         model_header="x", cluster_header="y", annotations=annotations)
    assert m.set_headers == (("x", "m"), ("y", "k"), ("r", "chit_chat"), ("c", "0.8123"),
                             ("content-length", "14"))


def test_response_headers_format():
    assert response_headers("chit_chat", "m", 0.81234, route_header="r", model_header="mm",
                            confidence_header="c") == (("r", "chit_chat"), ("mm", "m"),
                                                       ("c", "0.8123"))
    assert len(response_headers("explicit", "m", None, route_header="r", model_header="mm",
                                confidence_header="c")) == 2


def _random_value(rng, depth: int):
    kind = rng.randrange(6 if depth < 3 else 4)
    if kind == 0:
        return rng.choice(['"', "\\", "model", '\\"model\\":', "é", "{[,:]}", "", "a\\\\"]) * \
            rng.randrange(1, 4)
    if kind == 1:
        return rng.choice([0, -1.5, 1e300, 3.25e-7, True, False, None])
    if kind == 2:
        return "".join(rng.choice('ab"\\/\n\t{}[]:,') for _ in range(rng.randrange(12)))
    if kind == 3:
        return rng.randrange(-10**6, 10**6)
    if kind == 4:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["model", "m", "x", '"q"']): _random_value(rng, depth + 1)
            for _ in range(rng.randrange(4))}


def test_randomised_bodies_round_trip():
    import random

    rng = random.Random(1234)
    for _ in range(300):
        payload = {k: _random_value(rng, 1) for k in rng.sample(["a", "b", "c", "messages"], 2)}
        payload["model"] = rng.choice(["MoM", 'M"o\\M', "auto"])
        body = json.dumps(payload, ensure_ascii=rng.random() < 0.5,
                          indent=rng.choice([None, 1])).encode()
        out = rewrite_model(body, "chosen")
        assert json.loads(out) == {**payload, "model": "chosen"}
        start, end = top_level_value_spans(body, "model")[0]
        assert out[:start] == body[:start]
        assert out[start + len(b'"chosen"'):] == body[end:]
