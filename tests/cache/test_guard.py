"""The guard: near misses never pass, light rewordings do (pure)."""

from __future__ import annotations

import pytest

from mmrouter.cache.guard import same_question

NEAR_MISSES = [
    ("What is the capital of France?", "What is the capital of Germany?"),
    ("what is the capital of france", "what is the capital of germany"),
    ("Capital of Austria?", "Capital of Australia?"),
    ("Convert 5 km to miles", "Convert 6 km to miles"),
    ("Convert 10 miles to kilometers", "Convert 10 miles to meters"),
    ("What happened on July 4, 1776?", "What happened on July 14, 1776?"),
    ("Plan my schedule for Monday", "Plan my schedule for Tuesday"),
    ("Should I take ibuprofen with food?", "Should I not take ibuprofen with food?"),
    ("Why do cats purr?", "Why don't cats purr?"),
    ("Recipes with meat", "Recipes without meat"),
    ("Soll ich das Fenster öffnen?", "Soll ich das Fenster nicht öffnen?"),
    ("What is the capital of France?", "Quelle est la capitale de la France ?"),
    ("When was Einstein born?", "Where was Einstein born?"),
    ("Who is the president?", "Who was the president?"),
    ("dog bites man", "man bites dog"),
    ("Flights to Paris", "Flights from Paris"),
    ("Tell me about Robert", "Tell me about Roberta"),
]
PARAPHRASES = [
    ("What is the capital of France?", "what is the capital of france"),
    ("What's the capital of France?", "What is the capital of France"),
    ("Please explain how photosynthesis works", "Explain how photosynthesis works, please."),
    ("Can you tell me a fun fact about otters?", "Tell me a fun fact about otters"),
    ("How do I reverse a list in Python?", "how can I reverse a list in python?"),
    ("Explain recursion", "Explain recursion to me"),
]


@pytest.mark.parametrize(("a", "b"), NEAR_MISSES)
def test_near_misses_are_different_questions(a, b):
    assert not same_question(a, b) and not same_question(b, a)


@pytest.mark.parametrize(("a", "b"), PARAPHRASES)
def test_light_rewordings_are_the_same_question(a, b):
    assert same_question(a, b) and same_question(b, a)


def test_empty_and_framing_only_texts_never_match():
    assert not same_question("", "")
    assert not same_question("please", "thanks")


def test_only_short_texts_keep_their_word_lists():
    from mmrouter.cache import guard

    guard._kept_content_words.cache_clear()
    long_text = "What is the capital of France? " * 100  # 3,100 characters
    assert guard.content_words(long_text) == guard.content_words(long_text)
    assert guard._kept_content_words.cache_info().currsize == 0
    assert same_question(long_text, long_text.replace("France", "Spain")) is False
    guard.content_words("What is the capital of France?")
    assert guard._kept_content_words.cache_info().currsize == 1


def test_a_long_prompts_routing_embedding_is_recognised_after_the_cut():
    """The router embeds the start and end of a long turn (routing/conversation.py); the cache
    reuses that embedding for the whole turn, and not for another text."""
    from mmrouter.cache.extproc import embedded_from
    from mmrouter.routing.conversation import cut_text

    text = "Summarise this. " + "lorem ipsum " * 2000 + "What is the main point?"
    embedded = cut_text(text, 8192)
    assert embedded != text and embedded_from(text, embedded)
    assert embedded_from("short question", "short question")
    assert not embedded_from(text.replace("main", "other"), embedded)
    assert not embedded_from(text, "")
