"""The hand-over of a miss's plan to the stream that observes its response."""

from __future__ import annotations

from mmrouter.cache.pending import PendingStores


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make(**kwargs):
    dropped: list[int] = []
    clock = Clock()
    return PendingStores(dropped.append, clock=clock, **kwargs), dropped, clock


def test_a_plan_is_claimed_once_by_its_token():
    pending, dropped, _ = make()
    token = pending.put("plan-a", "50051")
    other = pending.put("plan-b", "50051")
    assert token.startswith("50051:") and token != other
    assert pending.claim(token) == "plan-a"
    assert pending.claim(token) is None
    assert pending.claim("50051:" + "0" * 32) is None and pending.claim("") is None
    assert pending.claim(other) == "plan-b" and len(pending) == 0 and dropped == []


def test_tokens_cannot_be_guessed_from_one_another():
    pending, _, _ = make()
    tokens = {pending.put(i, "1").split(":")[1] for i in range(200)}
    assert len(tokens) == 200 and all(len(t) == 32 for t in tokens)


def test_plans_expire_and_are_counted():
    pending, dropped, clock = make(ttl_s=10.0)
    old = pending.put("old", "1")
    clock.now += 5
    kept = pending.put("kept", "1")
    clock.now += 6  # old is 11 s old, kept 6 s
    assert pending.claim(old) is None and dropped == [1]
    pending.put("new", "1")  # every put drops what expired first
    assert pending.claim(kept) == "kept"
    clock.now += 11
    pending.put("newer", "1")
    assert dropped == [1, 1] and len(pending) == 1


def test_the_oldest_plans_give_way_past_the_bound():
    pending, dropped, _ = make(max_pending=3)
    tokens = [pending.put(i, "1") for i in range(5)]
    assert len(pending) == 3 and sum(dropped) == 2
    assert pending.claim(tokens[0]) is None and pending.claim(tokens[1]) is None
    assert [pending.claim(t) for t in tokens[2:]] == [2, 3, 4]


def test_the_plans_texts_are_bounded_in_bytes():
    pending, dropped, _ = make(max_bytes=100)
    first = pending.put("a", "1", 60)
    second = pending.put("b", "1", 30)
    assert pending.bytes == 90
    third = pending.put("c", "1", 50)  # 140 > 100: the oldest gives way
    assert dropped == [1] and pending.bytes == 80
    assert pending.claim(first) is None
    assert pending.claim(second) == "b" and pending.claim(third) == "c" and pending.bytes == 0
