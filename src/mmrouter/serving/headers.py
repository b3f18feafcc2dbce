"""Envoy's header messages at the protobuf boundary: read a HeaderMap, write header options.

Shared by the ext_proc transport and the cache's steps in its streams.
"""

from __future__ import annotations

from typing import Iterable

from mmrouter._pb.envoy.config.core.v3 import base_pb2 as core_pb

OVERWRITE = core_pb.HeaderValueOption.OVERWRITE_IF_EXISTS_OR_ADD


def header_dict(header_map: core_pb.HeaderMap) -> dict[str, str]:
    """Lower-cased names to values (``raw_value`` as UTF-8, else ``value``)."""
    out: dict[str, str] = {}
    for h in header_map.headers:
        out[h.key.lower()] = h.raw_value.decode("utf-8", "replace") if h.raw_value else h.value
    return out


def set_options(headers: Iterable[tuple[str, str]]) -> list[core_pb.HeaderValueOption]:
    """Header options that set (overwrite or add) each ``(name, value)``."""
    return [core_pb.HeaderValueOption(header=core_pb.HeaderValue(key=k, raw_value=v.encode()),
                                      append_action=OVERWRITE) for k, v in headers]
