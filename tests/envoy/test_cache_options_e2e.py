"""The response cache's per-deployment options end to end (real Envoy, mmrouter with the real
e5 encoder, demo backends on loopback): custom ``scope_headers`` and a route's own
``cache_similarity``."""

from __future__ import annotations

import pytest

from mmrouter.devstack.stack import LocalStack, default_config_data

from cache_support import fill, payload, post

pytestmark = pytest.mark.e2e
KINDS = ("chat", "responses", "anthropic")
STRICT_ROUTE = "other"  # general-knowledge questions go there


@pytest.fixture(scope="module")
def stack():
    data = default_config_data()
    data["cache"] = {"enabled": True, "scope_headers": ["x-tenant"]}
    for route in data["routes"]:
        if route["name"] == STRICT_ROUTE:
            route["cache_similarity"] = 0.9999  # only the same words hit on this route
    s = LocalStack(data).start()
    yield s
    s.stop()


@pytest.mark.parametrize("kind", KINDS)
def test_custom_scope_headers_decide_who_shares(stack, kind):
    """Scoped by x-tenant alone: another credential in the same tenant shares the entry,
    another tenant does not."""
    text = f"Tell me a fun fact about otters (tenants {kind})"
    credential = "x-api-key" if kind == "anthropic" else "authorization"
    fill(stack, kind, text, {"x-tenant": "acme", credential: "alice"})
    same_tenant = post(stack, kind, payload(kind, text), {"x-tenant": "acme", credential: "bob"})
    assert same_tenant.headers["x-mmrouter-cache"] == "hit"
    other_tenant = post(stack, kind, payload(kind, text), {"x-tenant": "umbrella",
                                                           credential: "alice"})
    assert other_tenant.headers["x-mmrouter-cache"] == "miss"
    no_tenant = post(stack, kind, payload(kind, text), {credential: "alice"})
    assert no_tenant.headers["x-mmrouter-cache"] == "miss"


def test_a_routes_own_similarity_overrides_the_default(stack):
    """On the strict route a rewording misses (the default 0.94 serves it: test_cache_e2e),
    the same words still hit; another route keeps the default threshold."""
    first = fill(stack, "chat", "What is the capital of Portugal?")
    assert first.headers["x-mmrouter-route"] == STRICT_ROUTE
    assert post(stack, "chat", payload("chat", "What is the capital of Portugal?")
                ).headers["x-mmrouter-cache"] == "hit"
    reworded = post(stack, "chat", payload("chat", "what is the capital of portugal"))
    assert reworded.headers["x-mmrouter-route"] == STRICT_ROUTE
    assert reworded.headers["x-mmrouter-cache"] == "miss"
    chat = fill(stack, "chat", "Hey there, how is your day going so far?")
    assert chat.headers["x-mmrouter-route"] != STRICT_ROUTE
    assert post(stack, "chat", payload("chat", "hey there how is your day going so far")
                ).headers["x-mmrouter-cache"] == "hit"
