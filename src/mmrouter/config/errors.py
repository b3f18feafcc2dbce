"""The one exception a bad configuration raises, and pydantic's errors as its one-line problems."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

NON_BLANK = r"\S"
HOST_NAME = r"^[^/\s]+$"
_PATTERNS = {NON_BLANK: "must not be blank", HOST_NAME: "expected a host name"}
_UNKNOWN_KEY = {"extra_forbidden", "unexpected_keyword_argument"}
_NOT_A_LIST = {"tuple_type", "list_type", "set_type", "frozen_set_type"}
_NOT_A_MAPPING = {"dataclass_type", "dataclass_args_type", "dict_type", "model_type"}
_BOUNDS = {"greater_than_equal": ("ge", ">="), "greater_than": ("gt", ">"),
           "less_than_equal": ("le", "<="), "less_than": ("lt", "<")}


class ConfigError(ValueError):
    """The configuration is invalid; each line of the message names a field and its problem."""


def problem_lines(error: ValidationError, where: str = "") -> list[str]:
    """One ``path: problem`` line per problem, unknown keys grouped by the mapping they are in."""
    details = error.errors(include_url=False)
    lines: list[str] = []
    unknown: dict[str, list[str]] = {}
    for detail in details:
        loc = detail["loc"]
        if detail["type"] in _UNKNOWN_KEY:
            unknown.setdefault(_path(where, loc[:-1]), []).append(str(loc[-1]))
        elif not _follows_from_others(detail, details):
            lines.append(f"{_path(where, loc)}: {_problem(detail)}")
    lines += [f"{path}: unknown field(s) {sorted(keys)}" for path, keys in unknown.items()]
    return lines


def _follows_from_others(detail: ErrorDetails, details: list[ErrorDetails]) -> bool:
    """A list whose items failed also reports itself too short (it counts the valid ones)."""
    loc = detail["loc"]
    return detail["type"] == "too_short" and any(
        len(d["loc"]) > len(loc) and d["loc"][:len(loc)] == loc for d in details)


def _path(where: str, loc: tuple[int | str, ...]) -> str:
    path = where
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path or "config"


def _problem(detail: ErrorDetails) -> str:
    kind, got, ctx = detail["type"], detail["input"], detail.get("ctx", {})
    if kind == "missing":
        return "required"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing"):
        whole = kind.startswith("int") and isinstance(got, float)
        return f"expected a {'whole ' if whole else ''}number, got {_show(got)}"
    if kind == "bool_type":
        return f"expected true or false, got {_show(got)}"
    if kind == "string_type":
        return f"expected a string, got {_show(got)}"
    if kind in _NOT_A_LIST:
        return f"expected a list, got {_show(got)}"
    if kind in _NOT_A_MAPPING:
        return f"expected a mapping, got {_show(got)}"
    if kind == "literal_error":
        return f"{_show(got)} is not one of {ctx['expected']}"
    if kind in _BOUNDS:
        key, sign = _BOUNDS[kind]
        return f"must be {sign} {ctx[key]}"
    if kind == "too_short":
        return f"at least {ctx['min_length']} required"
    if kind == "string_pattern_mismatch":
        return f"{_PATTERNS.get(ctx['pattern'], 'must match ' + ctx['pattern'])}, got {_show(got)}"
    if kind == "value_error":
        return str(ctx["error"])
    return f"{detail['msg']}, got {_show(got)}"  # pydantic's own wording for the rare rest


def _show(value: Any) -> str:
    """A value as the YAML file spells it, mostly."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)
