"""The chat-path matcher reads paths as backends do (pure function, no fakes needed)."""

from __future__ import annotations

import pytest

from mmrouter.serving.paths import chat_path_matcher, normalise_path

CHAT = chat_path_matcher(["/v1/chat/completions"])


@pytest.mark.parametrize("path", [
    "/v1/chat/completions",
    "/v1/chat/completions?stream=true",
    "/v1/chat/%63ompletions",
    "/v1/chat/compl%65tions",
    "/%76%31/chat/completions",
    "//v1/chat/completions",
    "/v1//chat///completions",
    "/v1/chat/completions/",
    "/v1/chat/completions//",
    "/v1/chat%2Fcompletions",
    "/v1/chat%2fcompletions",
    "/v1/x/../chat/completions",
    "/v1/./chat/completions",
    "/v1/chat/completions/.",
    "/v1/%2e%2e/v1/chat/completions",
    "/../v1/chat/completions",
    "/v1/chat/completions;jsessionid=1",
    "/v1/chat/completions#frag",
])
def test_spellings_of_the_chat_path_match(path):
    assert normalise_path(path) in CHAT


@pytest.mark.parametrize("path", [
    "/v1/models", "/v1/chat", "/v1/chat/completionsx", "/v1/chat/completions/x",
    "/v1/chat/%2563ompletions",  # double encoding: servers decode once, so not a chat path
    "/V1/chat/completions", "/v1/chat/completions/..", "/",
])
def test_other_paths_do_not(path):
    assert normalise_path(path) not in CHAT


def test_normalise_keeps_reserved_escapes_and_root():
    assert normalise_path("/a%20b/%3Fc") == "/a%20b/%3Fc"
    assert normalise_path("") == "/" and normalise_path("/") == "/"
    assert normalise_path("/a/b/../../..") == "/"


def test_configured_paths_are_normalised_too():
    assert "/v1/chat/completions" in chat_path_matcher(["/v1/chat/completions/"])
