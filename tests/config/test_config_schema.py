"""The pydantic schema: unknown keys, one path-named line per problem, and the JSON Schema."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from mmrouter.config.schema import ConfigError, load_config, parse_config
from mmrouter.devstack.stack import default_config_data

ROOT = Path(__file__).resolve().parents[2]


def _problems(data: dict) -> list[str]:
    with pytest.raises(ConfigError) as err:
        parse_config(data)
    return str(err.value).splitlines()


@pytest.mark.parametrize("mutate, line", [
    (lambda d: d["server"].update(grcp_port=1), "server: unknown field(s) ['grcp_port']"),
    (lambda d: d["routes"][0].update(utterance=["hi"]), "routes[0]: unknown field(s) ['utterance']"),
    (lambda d: d["routes"][0]["model_scores"][0].update(weight=2),
     "routes[0].model_scores[0]: unknown field(s) ['weight']"),
    (lambda d: d["routing"].update(headers={"modle": "x"}),
     "routing.headers: unknown field(s) ['modle']"),
    (lambda d: d.update(source="elsewhere"), "config: unknown field(s) ['source']"),
])
def test_unknown_keys_are_errors_named_by_their_mapping(mutate, line):
    data = copy.deepcopy(default_config_data())
    mutate(data)
    assert _problems(data) == [line]


def test_every_field_problem_is_one_line_naming_its_path():
    data = copy.deepcopy(default_config_data())
    data["routes"][2].update(threshold=2, utterances=["fine", 7])
    data["routing"]["aliases"] = "MoM"
    data["server"].update(grpc_port=True, http_port="8080", processes=99)
    data["models"][1]["capabilities"] = ["text", "smell"]
    data["images"] = {"url_allowlist": ["ok.example", "http://x/y"], "on_invalid": "drop"}
    assert sorted(_problems(data)) == sorted([
        "routes[2].utterances[1]: expected a string, got 7",
        "routes[2].threshold: must be <= 1.0",
        "routing.aliases: expected a list, got 'MoM'",
        "server.grpc_port: expected a number, got true",
        "server.http_port: expected a number, got '8080'",
        "server.processes: must be <= 64",
        "models[1].capabilities[1]: 'smell' is not one of 'text', 'image', 'image_output', "
        "'tools', 'json_schema' or 'audio'",
        "images.url_allowlist[1]: expected a host name, got 'http://x/y'",
        "images.on_invalid: 'drop' is not one of 'error' or 'text_only'",
    ])


def test_missing_and_empty_sections_are_named():
    data = copy.deepcopy(default_config_data())
    del data["routing"]
    data["routes"] = []
    data["text_encoder"] = None
    assert sorted(_problems(data)) == ["routes: at least 1 required", "routing: required",
                                       "text_encoder: expected a mapping, got null"]
    assert _problems([1, 2]) == ["config: expected a mapping, got a list"]


def test_cross_field_checks_run_after_the_fields_pass():
    data = copy.deepcopy(default_config_data())
    data["routes"][2]["model_scores"][0]["model"] = "x"
    assert _problems(data) == ["routes[2].model_scores[0].model: unknown model 'x'"]


def test_a_model_without_cluster_gets_one_from_its_name():
    data = copy.deepcopy(default_config_data())
    del data["models"][0]["cluster"]
    data["models"][1]["cluster"] = ""
    models = parse_config(data).models
    assert models[0].cluster == "nvidia_nvidia-nemotron-nano-9b-v2"
    assert models[1].cluster == "gpt-5-chat"


def test_configs_are_frozen_and_replace_validates(default_config):
    with pytest.raises(dataclasses.FrozenInstanceError):
        default_config.server.grpc_port = 1  # type: ignore[misc]
    assert default_config.server.replace(grpc_port=0).grpc_port == 0
    assert dataclasses.replace(default_config.routing, overload="reject").overload == "reject"
    with pytest.raises(ConfigError, match=r"^server.grpc_port: must be <= 65535$"):
        default_config.server.replace(grpc_port=70000)
    with pytest.raises(ConfigError, match=r"^image_encoder.pooling: 'sum' is not one of"):
        default_config.replace(image_encoder=default_config.image_encoder.replace(pooling="sum"))


def test_cli_prints_one_line_per_problem(tmp_path: Path, capsys):
    from mmrouter.cli import main

    data = copy.deepcopy(default_config_data())
    data["server"].update(grpc_port="x", colour="blue")
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data))
    assert main(["check-config", "--config", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "mmrouter: config error: server.grpc_port: expected a number, got 'x'",
        "mmrouter: config error: server: unknown field(s) ['colour']"]


def test_checks_do_not_import_the_schema():
    code = ("import sys, mmrouter.config.checks; "
            "sys.exit('mmrouter.config.schema' in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60,
                   env={"PYTHONPATH": str(ROOT / "src")})


# --- the JSON Schema, checked by a small validator of the keywords it uses -----------------------

def _errors(schema: dict, value: Any, root: dict, at: str = "$") -> list[str]:
    """The keywords pydantic emits here; any other keyword fails the test (not silently passed)."""
    if "$ref" in schema:
        return _errors(root["$defs"][schema["$ref"].split("/")[-1]], value, root, at)
    if "anyOf" in schema:
        branches = [_errors(s, value, root, at) for s in schema["anyOf"]]
        return [] if any(not b for b in branches) else [e for b in branches for e in b]
    known = {"type", "properties", "additionalProperties", "required", "items", "enum", "default",
             "title", "description", "minimum", "maximum", "exclusiveMinimum", "minItems",
             "uniqueItems", "pattern", "$schema", "$defs"}
    assert set(schema) <= known, f"{at}: unhandled keywords {set(schema) - known}"
    types = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
             "integer": int, "number": (int, float)}
    kind = schema.get("type")
    if kind and (not isinstance(value, types[kind]) or
                 (isinstance(value, bool) and kind in ("integer", "number"))):
        return [f"{at}: not {kind}"]
    failed = {"enum": lambda v: v not in schema["enum"],
              "minimum": lambda v: v < schema["minimum"],
              "exclusiveMinimum": lambda v: v <= schema["exclusiveMinimum"],
              "maximum": lambda v: v > schema["maximum"],
              "pattern": lambda v: not re.search(schema["pattern"], v),
              "minItems": lambda v: len(v) < schema["minItems"]}
    errors = [f"{at}: {key}" for key, test in failed.items() if key in schema and test(value)]
    if kind == "array":
        for i, item in enumerate(value):
            errors += _errors(schema.get("items", {}), item, root, f"{at}[{i}]")
    if kind == "object":
        props = schema.get("properties", {})
        errors += [f"{at}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"{at}: unknown {k}" for k in value if k not in props]
        for key, item in value.items():
            errors += _errors(props.get(key, {}), item, root, f"{at}.{key}")
    return errors


@pytest.fixture(scope="module")
def schema() -> dict:
    import contextlib
    import io

    from mmrouter.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["config-schema"]) == 0
    return json.loads(out.getvalue())


def test_schema_command_prints_a_draft_2020_12_schema_of_closed_objects(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object" and set(schema["required"]) == {"models", "routes", "routing"}
    objects = [schema, *schema["$defs"].values()]
    assert all(o["additionalProperties"] is False for o in objects)
    assert "source" not in schema["properties"]  # the loader's, not the file's
    route = schema["$defs"]["RouteConfig"]["properties"]
    assert route["threshold"]["anyOf"][0] == {"type": "number", "minimum": -1.0, "maximum": 1.0}
    caps = schema["$defs"]["ModelConfig"]["properties"]["capabilities"]["items"]["enum"]
    assert caps == ["text", "image", "image_output", "tools", "json_schema", "audio"]


@pytest.mark.parametrize("path", [None, ROOT / "deploy" / "config.example.yaml"])
def test_schema_accepts_the_shipped_configs(schema, path):
    data = default_config_data() if path is None else yaml.safe_load(path.read_text())
    load_config(path)  # the loader agrees
    assert _errors(schema, data, schema) == []


def test_schema_rejects_what_the_loader_rejects(schema):
    data = copy.deepcopy(default_config_data())
    data["server"].update(grcp_port=1, processes=0)
    data["routing"]["unknown_model"] = "maybe"
    data["routes"][0]["text_weight"] = "high"
    assert sorted(_errors(schema, data, schema)) == [
        "$.routes[0].text_weight: not number", "$.routing.unknown_model: enum",
        "$.server.processes: minimum", "$.server: unknown grcp_port"]
