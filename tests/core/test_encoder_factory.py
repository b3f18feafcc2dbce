"""text_encoder.factory: a custom text encoder named by "module:callable" (the seam drills use)."""

from __future__ import annotations

import pytest

from mmrouter.config.schema import ConfigError, parse_config
from mmrouter.core.runtime import load_text_encoder

from conftest import FakeHashingTextEncoder

MADE: list[object] = []


def make_fake(config):
    """A FAKE encoder factory: records the config it was given."""
    MADE.append(config)
    return FakeHashingTextEncoder()


def _config(factory):
    from mmrouter.devstack.stack import default_config_data

    data = default_config_data()
    data["text_encoder"] = {**data.get("text_encoder", {}), "factory": factory}
    data["image_encoder"] = {"enabled": False}
    return parse_config(data)


def test_the_factory_builds_the_encoder_from_the_config():
    config = _config(f"{__name__}:make_fake")
    encoder = load_text_encoder(config)
    assert isinstance(encoder, FakeHashingTextEncoder)
    assert MADE[-1] is config


@pytest.mark.parametrize("spec, message", [
    ("no_such_module_here:make", "cannot load 'no_such_module_here:make'"),
    (f"{__name__}:no_such_name", f"cannot load '{__name__}:no_such_name'"),
    (f"{__name__}:MADE", "is not callable"),
])
def test_a_factory_that_cannot_be_loaded_is_a_config_error(spec, message):
    with pytest.raises(ConfigError, match=f"text_encoder.factory: .*{message}"):
        load_text_encoder(_config(spec))


def test_a_malformed_factory_is_rejected_at_load():
    with pytest.raises(ConfigError, match="text_encoder.factory"):
        _config("not a module path")


def test_the_slow_drill_encoder_sleeps_only_for_the_drill_text():
    from slow_encoder_support import SlowEncoder

    slept: list[float] = []
    encoder = SlowEncoder(FakeHashingTextEncoder(), 0.25, "hold me")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("slow_encoder_support.time.sleep", slept.append)
        encoder.encode(["hold me", "something else"])
        assert slept == []
        encoder.encode(["hold me", "hold me"])
        assert slept == [0.25]
    assert (encoder.name, encoder.dim) == (FakeHashingTextEncoder.name, FakeHashingTextEncoder().dim)
