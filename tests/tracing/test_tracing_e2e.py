"""Tracing end to end: a real Envoy (OpenTelemetry tracer, OTLP/HTTP) and a real mmrouter
process (the SDK's OTLP/HTTP exporter) export to an OTLP/HTTP receiver on loopback, and a routed
request's mmrouter spans sit inside Envoy's trace."""

from __future__ import annotations

import pytest

from mmrouter.devstack.stack import LocalStack, default_config_data

from conftest import chat
from otlp_support import OtlpReceiver

pytestmark = pytest.mark.e2e
CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c"
CLIENT_PARENT = "b7ad6b7169203331"


@pytest.fixture(scope="module")
def traced_stack():
    receiver = OtlpReceiver().start()
    data = default_config_data()
    data["image_encoder"] = {**data.get("image_encoder", {}), "enabled": False}
    data["tracing"] = {"enabled": True, "otlp_endpoint": receiver.endpoint, "service_name": "mmrouter"}
    stack = LocalStack(data).start(timeout=240)
    try:
        yield stack, receiver
    finally:
        stack.stop()
        receiver.stop()


def _send(stack, text: str, headers=None):
    r = chat(stack.base_url, {"model": "MoM", "messages": [{"role": "user", "content": text}]},
             headers=headers)
    assert r.status == 200, r.body
    return r


def _trace(spans, trace_id):
    return [s for s in spans if s.trace_id == trace_id]


def test_mmrouters_spans_carry_envoys_trace_id(traced_stack):
    stack, receiver = traced_stack
    text = "Generate an image of a lighthouse"
    assert _send(stack, text).headers["x-mmrouter-route"] == "image_generation"

    def complete(spans):
        requests = [s for s in spans if s.name == "mmrouter.request"]
        return any(s.service == "mmrouter-envoy" for s in spans) and any(
            any(e.service == "mmrouter-envoy" for e in _trace(spans, r.trace_id)) for r in requests)
    spans = receiver.wait_for(complete)
    request = next(r for r in spans if r.name == "mmrouter.request"
                   and any(e.service == "mmrouter-envoy" for e in _trace(spans, r.trace_id)))
    trace = _trace(spans, request.trace_id)
    envoy_ids = {s.span_id for s in trace if s.service == "mmrouter-envoy"}
    assert request.service == "mmrouter" and request.parent_span_id in envoy_ids
    names = {s.name for s in trace if s.service == "mmrouter"}
    assert {"mmrouter.request", "mmrouter.classify", "mmrouter.encode"} <= names
    assert request.attributes["mmrouter.route"] == "image_generation"
    assert receiver.content_types == {"application/x-protobuf"}


def test_a_clients_traceparent_is_continued_by_envoy_and_mmrouter(traced_stack):
    stack, receiver = traced_stack
    _send(stack, "Hey! How's it going?",
          headers={"traceparent": f"00-{CLIENT_TRACE}-{CLIENT_PARENT}-01"})
    spans = receiver.wait_for(lambda s: {x.service for x in _trace(s, CLIENT_TRACE)} ==
                              {"mmrouter", "mmrouter-envoy"} and any(
                                  x.name == "mmrouter.request" for x in _trace(s, CLIENT_TRACE)))
    trace = _trace(spans, CLIENT_TRACE)
    services = {s.service for s in trace}
    assert services == {"mmrouter", "mmrouter-envoy"}, services
    by_id = {s.span_id: s for s in trace}

    def chain(span):  # from a span up to the client's parent
        names = []
        while span is not None:
            names.append((span.service, span.name))
            parent = span.parent_span_id
            span = by_id.get(parent)
        return names, parent

    encode = next(s for s in trace if s.name == "mmrouter.encode")
    names, top = chain(encode)
    # Client -> Envoy's ingress span -> its ext_proc call -> mmrouter's request, classify, encode.
    assert top == CLIENT_PARENT
    assert [n for _, n in names[:3]] == ["mmrouter.encode", "mmrouter.classify", "mmrouter.request"]
    assert names[3][0] == names[4][0] == "mmrouter-envoy"
    assert "ext_proc" in names[3][1] and names[4][1] == "ingress"
