"""Config loading and validation: bad configs get a message naming the problem."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from mmrouter.config.schema import ConfigError, load_config, parse_config
from mmrouter.devstack.stack import default_config_data

SEED_ROUTES = {"chit_chat", "hard_question", "try_again", "image_understanding",
               "image_question", "image_generation", "other"}


def _data() -> dict:
    return copy.deepcopy(default_config_data())


def test_default_config_has_both_seeds_routes_and_notebook_models(default_config):
    assert set(default_config.route_names) == SEED_ROUTES
    route_model = {r.name: r.model_scores[0].model for r in default_config.routes}
    assert route_model["chit_chat"] == "nvidia/nvidia-nemotron-nano-9b-v2"
    assert route_model["hard_question"] == "gpt-5-chat"
    assert route_model["try_again"] == "gpt-5-chat"
    assert route_model["image_understanding"] == "nvidia/nemotron-nano-12b-v2-vl"
    assert route_model["image_question"] == "nvidia/nemotron-nano-12b-v2-vl"
    assert route_model["image_generation"] == "image-generator"
    assert default_config.routing.aliases == ("MoM", "auto")
    assert default_config.routing.fallback_route == "other"


def test_yaml_file_round_trip(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(_data()))
    config = load_config(path)
    assert config.model("gpt-5-chat").capabilities == frozenset({"text", "image", "tools", "json_schema"})
    assert config.source == str(path.resolve())


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["routes"][0]["model_scores"].append({"model": "ghost"}),
     "routes[0].model_scores[1].model: unknown model 'ghost'"),
    (lambda d: d["routes"].append(copy.deepcopy(d["routes"][0])), "duplicate route 'chit_chat'"),
    (lambda d: d["routes"][1].pop("description"), "routes[1].description: required"),
    (lambda d: d["routes"][1].update(description="  "), "missing description for route"),
    (lambda d: d["models"].append(copy.deepcopy(d["models"][0])), "duplicate model"),
    (lambda d: d["routing"].update(default_model="nope"), "routing.default_model: unknown model"),
    (lambda d: d["routing"].update(fallback_route="nope"), "routing.fallback_route: unknown route"),
    (lambda d: d["routing"].update(unknown_model="maybe"), "routing.unknown_model"),
    (lambda d: d["models"][0].update(capabilities=["smell"]),
     "models[0].capabilities[0]: 'smell' is not one of 'text', 'image', 'image_output', "
     "'tools', 'json_schema' or 'audio'"),
    (lambda d: d["routing"].update(aliases=["gpt-5-chat"]), "'gpt-5-chat' is also a model name"),
    (lambda d: d["server"].update(grpc_port="fifty"), "server.grpc_port: expected a number"),
    (lambda d: d.update(colour="blue"), "unknown field(s) ['colour']"),
    (lambda d: d["routes"][0]["model_scores"][0].update(capabilities=["image_output"]),
     "does not declare ['image_output']"),
    (lambda d: d["routing"].update(default_image_model="nvidia/nvidia-nemotron-nano-9b-v2"),
     "lacks the 'image' capability"),
    (lambda d: d.setdefault("text_encoder", {}).update(precision="int4"),
     "text_encoder.precision: 'int4' is not one of"),
    (lambda d: d.setdefault("text_encoder", {}).update(max_batch_size=0),
     "text_encoder.max_batch_size: must be >= 1"),
    (lambda d: d["server"].update(inference_workers=-1),
     "server.inference_workers: must be >= 0"),
])
def test_bad_config_names_the_problem(mutate, message):
    data = _data()
    mutate(data)
    with pytest.raises(ConfigError) as err:
        parse_config(data)
    assert message in str(err.value)


def test_invalid_yaml_and_missing_file(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("models: [unclosed")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "absent.yaml")


def test_check_config_cli_reports_errors(tmp_path: Path, capsys):
    from mmrouter.cli import main

    data = _data()
    data["routes"][0]["model_scores"][0]["model"] = "ghost"
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data))
    assert main(["check-config", "--config", str(path)]) == 2
    assert "unknown model 'ghost'" in capsys.readouterr().err
    assert main(["check-config"]) == 0


def test_deploy_example_config_is_valid_and_renders_envoy():
    from mmrouter.envoy.bootstrap import render_envoy_config

    root = Path(__file__).resolve().parents[2]
    config = load_config(root / "deploy" / "config.example.yaml")
    assert config.routing.default_model == "small-chat"
    rendered = render_envoy_config(config)
    assert "vision.internal" in rendered and "STRICT_DNS" in rendered


def test_inference_workers_follow_the_device_and_the_core_count(monkeypatch):
    import dataclasses

    from mmrouter.core import runtime

    config = parse_config(_data())
    cpu = config.replace(text_encoder=dataclasses.replace(config.text_encoder, device="cpu"),
                         image_encoder=dataclasses.replace(config.image_encoder, device="cpu"))
    monkeypatch.setattr(runtime, "cpu_count", lambda: 2)
    assert runtime.inference_workers(cpu) == 2
    monkeypatch.setattr(runtime, "cpu_count", lambda: 16)
    assert runtime.inference_workers(cpu) == 1
    monkeypatch.setattr(runtime, "cpu_count", lambda: 1)
    assert runtime.inference_workers(cpu) == 1
    monkeypatch.setattr(runtime, "cpu_count", lambda: 2)
    gpu = cpu.replace(image_encoder=dataclasses.replace(cpu.image_encoder, device="cuda"))
    assert runtime.inference_workers(gpu) == 1
    explicit = cpu.replace(server=dataclasses.replace(cpu.server, inference_workers=3))
    assert runtime.inference_workers(explicit) == 3
