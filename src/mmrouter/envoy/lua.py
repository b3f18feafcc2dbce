"""Lua scripts for Envoy's Lua filter, rendered from the router config (pure).

- :func:`processor_down_script` (downstream, after ext_proc): when mmrouter did not answer a
  chat request (``failure_mode_allow`` passed it on), a top-level ``model`` that names no
  configured model (a routing alias, or a name no backend serves) becomes the default model (the
  default image model when the body has images) and the request goes to that model's cluster; an
  explicit model name goes to its own cluster. The script does not list the aliases, so a hot
  reload that adds one needs no new Envoy config. When mmrouter
  answered, the script only reads one header.
- :func:`fallback_upstream_script` (upstream, on the fallback aggregate clusters): each attempt's
  body carries the model of the host that receives it, spliced at the byte spans mmrouter
  reported (found by the same scan if they do not check out); the response says when a
  fallback model answered. Backends of a fallback group see the span header too.

Both scan JSON the way ``routing/mutations.py`` does: top-level members only, strings skipped
with ``string.find``, so a multi-MB body costs no Lua step per byte.
"""

from __future__ import annotations

import json
from typing import Mapping

from mmrouter.config.schema import Config
from mmrouter.routing.decision import default_model_for
from mmrouter.routing.apis import IMAGE_MARKERS
from mmrouter.serving.paths import normalise_path


def _lua_str(value: str) -> str:
    """A Lua string literal (JSON escapes are valid Lua escapes for these characters)."""
    return json.dumps(value, ensure_ascii=True)


def _lua_map(values: Mapping[str, str]) -> str:
    return "{" + ", ".join(f"[{_lua_str(k)}] = {_lua_str(v)}"
                           for k, v in sorted(values.items())) + "}"


JSON_SCAN = r'''
local function string_end(s, i)
  local j = i + 1
  while true do
    local q = string.find(s, '"', j, true)
    if q == nil then return nil end
    local k = q - 1
    while string.byte(s, k) == 92 do k = k - 1 end
    if (q - 1 - k) % 2 == 0 then return q end
    j = q + 1
  end
end

local function value_end(s, i)
  local c = string.sub(s, i, i)
  if c == '"' then return string_end(s, i) end
  if c == "{" or c == "[" then
    local depth, pos = 0, i
    while true do
      local p = string.find(s, '[%[%]{}"]', pos)
      if p == nil then return nil end
      local ch = string.sub(s, p, p)
      if ch == '"' then
        local e = string_end(s, p)
        if e == nil then return nil end
        pos = e + 1
      else
        if ch == "{" or ch == "[" then depth = depth + 1 else depth = depth - 1 end
        pos = p + 1
        if depth == 0 then return p end
      end
    end
  end
  local _, e = string.find(s, "^[%w%.%+%-]+", i)
  return e
end

local function utf8char(cp)
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 0x40), 0x80 + cp % 0x40) end
  if cp < 0x10000 then
    return string.char(0xE0 + math.floor(cp / 0x1000), 0x80 + math.floor(cp / 0x40) % 0x40,
                       0x80 + cp % 0x40)
  end
  return string.char(0xF0 + math.floor(cp / 0x40000), 0x80 + math.floor(cp / 0x1000) % 0x40,
                     0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
end

local ESCAPES = {['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n',
                 r = '\r', t = '\t'}

local function unescape(s)
  if not string.find(s, "\\", 1, true) then return s end
  local out, i = {}, 1
  while true do
    local b = string.find(s, "\\", i, true)
    if b == nil then out[#out + 1] = string.sub(s, i); break end
    out[#out + 1] = string.sub(s, i, b - 1)
    local c = string.sub(s, b + 1, b + 1)
    if c == "u" then
      local cp, nexti = tonumber(string.sub(s, b + 2, b + 5), 16) or 0xFFFD, b + 6
      if cp >= 0xD800 and cp <= 0xDBFF and string.sub(s, b + 6, b + 7) == "\\u" then
        local lo = tonumber(string.sub(s, b + 8, b + 11), 16)
        if lo ~= nil and lo >= 0xDC00 and lo <= 0xDFFF then
          cp, nexti = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00), b + 12
        end
      end
      out[#out + 1] = utf8char(cp)
      i = nexti
    else
      out[#out + 1] = ESCAPES[c] or c
      i = b + 2
    end
  end
  return table.concat(out)
end

local WS = "[^ \t\r\n]"

-- Spans {first, last} (1-based, inclusive) of every top-level "model" value; nil: not an object.
local function model_spans(s)
  local pos = string.find(s, WS)
  if pos == nil or string.sub(s, pos, pos) ~= "{" then return nil end
  local spans = {}
  pos = string.find(s, WS, pos + 1)
  if pos ~= nil and string.sub(s, pos, pos) == "}" then return spans end
  while pos ~= nil do
    if string.sub(s, pos, pos) ~= '"' then return nil end
    local name_end = string_end(s, pos)
    if name_end == nil then return nil end
    local name = unescape(string.sub(s, pos + 1, name_end - 1))
    pos = string.find(s, WS, name_end + 1)
    if pos == nil or string.sub(s, pos, pos) ~= ":" then return nil end
    local first = string.find(s, WS, pos + 1)
    if first == nil then return nil end
    local last = value_end(s, first)
    if last == nil then return nil end
    if name == "model" then spans[#spans + 1] = {first, last} end
    pos = string.find(s, WS, last + 1)
    if pos == nil then return nil end
    local ch = string.sub(s, pos, pos)
    if ch == "}" then return spans end
    if ch ~= "," then return nil end
    pos = string.find(s, WS, pos + 1)
  end
  return nil
end

local function splice(s, spans, value)
  local parts, last = {}, 1
  for _, span in ipairs(spans) do
    parts[#parts + 1] = string.sub(s, last, span[1] - 1)
    parts[#parts + 1] = value
    last = span[2] + 1
  end
  parts[#parts + 1] = string.sub(s, last)
  return table.concat(parts)
end

local function json_string(value)
  local escaped = string.gsub(value, '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end)
  return '"' .. escaped .. '"'
end
'''

PROCESSOR_DOWN = r'''
local function chat_path(path)
  path = string.gsub(path or "", "[?#].*$", "")
  path = string.gsub(path, ";[^/]*", "")
  path = string.gsub(path, "/+", "/")
  path = string.gsub(path, "(.)/$", "%1")
  return CHAT_PATHS[path]  -- the API's image marker, or nil: not a routed path
end

local function route_to(handle, headers, model, cluster)
  headers:replace(CLUSTER_HEADER, cluster)
  headers:replace(MODEL_HEADER, model)
  handle:clearRouteCache()
end

function envoy_on_request(handle)
  local headers = handle:headers()
  if headers:get(CLUSTER_HEADER) ~= nil then return end  -- mmrouter answered
  if headers:get(":method") ~= "POST" then return end
  local image_marker = chat_path(headers:get(":path"))
  if image_marker == nil then return end
  local body = handle:body()
  if body == nil then return end
  headers = handle:headers()  -- body() yields: objects fetched before it are out of scope
  local raw = body:getBytes(0, body:length())
  local spans = model_spans(raw)
  if spans == nil or #spans == 0 then return end
  local alias, explicit = false, nil
  for _, span in ipairs(spans) do
    if string.sub(raw, span[1], span[1]) == '"' then
      local value = unescape(string.sub(raw, span[1] + 1, span[2] - 1))
      -- not a configured model (a routing alias, or a name no backend serves): the default
      if MODEL_CLUSTERS[value] == nil then alias = true end
      if MODEL_CLUSTERS[value] ~= nil and explicit == nil then explicit = value end
    end
  end
  if alias then
    local model, cluster = DEFAULT_MODEL, DEFAULT_CLUSTER
    if string.find(raw, image_marker, 1, true) then model, cluster = IMAGE_MODEL, IMAGE_CLUSTER end
    local new = splice(raw, spans, json_string(model))
    body:setBytes(new)
    headers:replace("content-length", tostring(#new))
    route_to(handle, headers, model, cluster)
    handle:logDebug("mmrouter did not answer: routing alias replaced by " .. model)
  elseif explicit ~= nil and #spans == 1 then
    route_to(handle, headers, explicit, MODEL_CLUSTERS[explicit])
  end
end
'''


def processor_down_script(config: Config) -> str:
    """The downstream Lua filter's source for ``config`` (see the module docstring)."""
    names = config.routing.headers
    text = default_model_for(config, needs_image=False)
    image = default_model_for(config, needs_image=True)
    markers = {normalise_path(a.path): IMAGE_MARKERS[a.api].decode() for a in config.routing.apis}
    constants = "\n".join([
        "-- Generated by mmrouter: when the processor did not answer, no alias reaches a backend.",
        f"local CLUSTER_HEADER = {_lua_str(names.cluster)}",
        f"local MODEL_HEADER = {_lua_str(names.model)}",
        f"local CHAT_PATHS = {_lua_map(markers)}",
        f"local MODEL_CLUSTERS = {_lua_map({m.name: m.cluster for m in config.models})}",
        f"local DEFAULT_MODEL, DEFAULT_CLUSTER = {_lua_str(text.name)}, {_lua_str(text.cluster)}",
        f"local IMAGE_MODEL, IMAGE_CLUSTER = {_lua_str(image.name)}, {_lua_str(image.cluster)}",
    ])
    return constants + "\n" + JSON_SCAN + PROCESSOR_DOWN


FALLBACK_UPSTREAM = r'''
-- Spans "start-end,..." (0-based, end exclusive) -> {{first, last}} (1-based, inclusive), each
-- checked to be a JSON string in the body; nil when any is not.
local function parse_spans(value, s)
  if value == nil then return nil end
  local spans, previous = {}, 0
  for a, b in string.gmatch(value, "(%d+)-(%d+)") do
    local first, last = tonumber(a) + 1, tonumber(b)
    if first <= previous or last <= first or last > #s then return nil end
    if string.sub(s, first, first) ~= '"' or string.sub(s, last, last) ~= '"' then return nil end
    spans[#spans + 1] = {first, last}
    previous = last
  end
  if #spans == 0 then return nil end
  return spans
end

-- Headers are shared by the attempts of a request (the body is copied for each): nothing
-- another attempt needs is removed, and an attempt to the first choice restores its headers.
function envoy_on_request(handle)
  local headers = handle:headers()
  local target = headers:get(UPSTREAM_MODEL_HEADER)
  headers:remove(UPSTREAM_MODEL_HEADER)
  if target == nil or target == "" or target == "-" then return end
  local current = headers:get(MODEL_HEADER)
  if target == FIRST_CHOICE and current == FIRST_CHOICE then return end  -- the happy path
  local body = handle:body()
  headers = handle:headers()  -- body() yields: objects fetched before it are out of scope
  if body == nil then return end
  if target == FIRST_CHOICE then  -- an earlier attempt spliced: this body is mmrouter's
    headers:replace("content-length", tostring(body:length()))
    headers:replace(MODEL_HEADER, FIRST_CHOICE)
    return
  end
  -- This attempt goes to another model than mmrouter's first choice: the body names it.
  local raw = body:getBytes(0, body:length())
  local list = parse_spans(headers:get(SPAN_HEADER), raw) or model_spans(raw)
  if list == nil or #list == 0 then
    handle:logErr("mmrouter fallback: no model value found; not sending the body to " .. target)
    handle:respond({[":status"] = "502", ["content-type"] = "application/json"}, SPAN_ERROR)
    return
  end
  local new = splice(raw, list, json_string(target))
  body:setBytes(new)
  headers:replace("content-length", tostring(#new))
  headers:replace(MODEL_HEADER, target)
  handle:streamInfo():dynamicMetadata():set("mmrouter", "fallback", "1")
end

function envoy_on_response(handle)
  local meta = handle:streamInfo():dynamicMetadata():get("mmrouter")
  if meta ~= nil and meta["fallback"] ~= nil then
    handle:headers():replace(FALLBACK_HEADER, FIRST_CHOICE)
  end
end
'''

UPSTREAM_MODEL_HEADER = "x-mmrouter-upstream-model"


def fallback_upstream_script(config: Config, first_choice: str) -> str:
    """A fallback aggregate's upstream Lua filter (see the module docstring); ``first_choice``
    is the group's first model, the one mmrouter names. The model of the host Envoy picked for
    this attempt arrives in ``UPSTREAM_MODEL_HEADER``, set from the endpoint's metadata by the
    header-mutation filter before it."""
    names = config.routing.headers
    error = json.dumps({"error": {
        "message": "mmrouter fallback: no top-level model value in the request body",
        "type": "server_error", "param": None, "code": "fallback_span_invalid"}})
    constants = "\n".join([
        "-- Generated by mmrouter: each attempt's body names the model that receives it.",
        f"local UPSTREAM_MODEL_HEADER = {_lua_str(UPSTREAM_MODEL_HEADER)}",
        f"local SPAN_HEADER = {_lua_str(names.model_span)}",
        f"local MODEL_HEADER = {_lua_str(names.model)}",
        f"local FALLBACK_HEADER = {_lua_str(names.fallback)}",
        f"local SPAN_ERROR = {_lua_str(error)}",
        f"local FIRST_CHOICE = {_lua_str(first_choice)}",
    ])
    return constants + "\n" + JSON_SCAN + FALLBACK_UPSTREAM
