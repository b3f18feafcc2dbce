"""docs/configuration.md is generated from the JSON Schema (`mmrouter config-reference`, `make
docs`): it must be what the generator prints now, and hold every field of every section."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mmrouter.config.reference import config_reference, example_comments
from mmrouter.config.schema import config_json_schema

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "configuration.md"


def test_the_committed_reference_is_the_generated_one():
    assert REFERENCE.read_text() == config_reference(), \
        "docs/configuration.md is stale: run `make docs` (mmrouter config-reference)"


def test_the_command_prints_the_reference():
    result = subprocess.run([sys.executable, "-m", "mmrouter", "config-reference"],
                            capture_output=True, text=True, timeout=60, check=True, cwd=ROOT)
    assert result.stdout == config_reference()


def _objects(schema):
    """(path, definition) of every object reachable from the top, as the reference names them."""
    def walk(path, prop):
        ref = prop.get("$ref") or next((p["$ref"] for p in prop.get("anyOf", []) if "$ref" in p),
                                       None)
        if ref:
            definition = schema["$defs"][ref.rsplit("/", 1)[1]]
            yield path, definition
            for name, child in definition.get("properties", {}).items():
                yield from walk(f"{path}.{name}", child)
        elif prop.get("type") == "array" and "$ref" in prop.get("items", {}):
            yield from walk(f"{path}[]", prop["items"])
    for name, prop in schema["properties"].items():
        yield from walk(name, prop)


def test_every_section_and_field_of_the_schema_is_in_the_reference():
    text = config_reference()
    schema = config_json_schema()
    objects = list(_objects(schema))
    assert {p for p, _ in objects} >= {"server", "routing", "routing.fallback", "models[]",
                                        "routes[]", "routes[].model_scores[]", "tracing"}
    for path, definition in objects:
        section = text.split(f"## `{path}`\n", 1)[1].split("\n## ", 1)[0]
        for name, prop in definition["properties"].items():
            row = next(line for line in section.splitlines() if line.startswith(f"| `{name}` |"))
            if "default" in prop and not isinstance(prop["default"], (dict, list)):
                assert f"`{__import__('json').dumps(prop['default'])}`" in row, row


def test_a_field_a_helper_adds_shows_up(monkeypatch):
    """A new field in the schema changes the output (so the committed file goes stale)."""
    import mmrouter.config.reference as reference

    real = reference.config_json_schema

    def grown():
        schema = real()
        schema["$defs"]["TracingConfig"]["properties"]["new_knob"] = {"type": "integer",
                                                                       "default": 7}
        return schema
    monkeypatch.setattr(reference, "config_json_schema", grown)
    assert "| `new_knob` | integer | `7` |" in reference.config_reference()
    assert reference.config_reference() != REFERENCE.read_text()


def test_example_comments_follow_paths_lists_and_continuation_lines():
    text = """\
server:
  grpc_port: 50051        # the port
  busy: 1                 # first line
                          # second line
routing:
  fallback:               # retries
    max_attempts: 2       # models tried
  url: "http://x/#frag"   # after a quoted hash
models:
  - name: a               # model name
    cluster: b
"""
    assert example_comments(text) == {
        "server.grpc_port": "the port", "server.busy": "first line second line",
        "routing.fallback": "retries", "routing.fallback.max_attempts": "models tried",
        "routing.url": "after a quoted hash", "models[].name": "model name"}
