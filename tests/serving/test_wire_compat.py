"""Our generated ext_proc code is wire-compatible with envoy-data-plane's classes (Envoy's API)."""

from __future__ import annotations

from envoy_data_plane.envoy.config.core import v3 as edp_core
from envoy_data_plane.envoy.extensions.filters.http.ext_proc import v3 as edp_mode
from envoy_data_plane.envoy.service.ext_proc import v3 as edp
from envoy_data_plane.envoy.type import v3 as edp_type

from mmrouter._pb.envoy.config.core.v3 import base_pb2 as core_pb
from mmrouter._pb.envoy.extensions.filters.http.ext_proc.v3 import processing_mode_pb2 as mode_pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter.serving.extproc import body_response, immediate_response


def test_requests_from_envoy_data_plane_decode_with_our_code():
    headers = edp.HttpHeaders(
        headers=edp_core.HeaderMap(headers=[
            edp_core.HeaderValue(key=":method", raw_value=b"POST"),
            edp_core.HeaderValue(key=":path", raw_value=b"/v1/chat/completions")]),
        end_of_stream=False)
    wire = bytes(edp.ProcessingRequest(request_headers=headers, observability_mode=True))
    ours = pb.ProcessingRequest.FromString(wire)
    assert ours.WhichOneof("request") == "request_headers"
    assert [(h.key, h.raw_value) for h in ours.request_headers.headers.headers] == \
        [(":method", b"POST"), (":path", b"/v1/chat/completions")]
    assert ours.observability_mode is True

    body = bytes(edp.ProcessingRequest(request_body=edp.HttpBody(body=b'{"a":1}' * 1000,
                                                                 end_of_stream=True)))
    ours = pb.ProcessingRequest.FromString(body)
    assert ours.request_body.body == b'{"a":1}' * 1000 and ours.request_body.end_of_stream


def test_our_body_response_decodes_with_envoy_data_plane():
    msg = body_response([("x-selected-model", "gpt-5-chat"), ("content-length", "12")],
                        ["x-remove-me"], b'{"model":"m"}')
    theirs = edp.ProcessingResponse.parse(msg.SerializeToString())
    common = theirs.request_body.response
    assert common.clear_route_cache is True
    assert common.body_mutation.body == b'{"model":"m"}'
    options = common.header_mutation.set_headers
    assert [(o.header.key, o.header.raw_value) for o in options] == \
        [("x-selected-model", b"gpt-5-chat"), ("content-length", b"12")]
    assert options[0].append_action == \
        edp_core.HeaderValueOptionHeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD
    assert common.header_mutation.remove_headers == ["x-remove-me"]


def test_immediate_response_and_mode_override_round_trip():
    msg = immediate_response(400, b'{"error":{}}', details="mmrouter_invalid_json")
    theirs = edp.ProcessingResponse.parse(msg.SerializeToString())
    assert theirs.immediate_response.status.code == edp_type.StatusCode.BadRequest
    assert theirs.immediate_response.body == b'{"error":{}}'
    assert theirs.immediate_response.details == "mmrouter_invalid_json"
    back = pb.ProcessingResponse.FromString(bytes(theirs))
    assert back.immediate_response.status.code == 400

    override = pb.ProcessingResponse(
        request_headers=pb.HeadersResponse(),
        mode_override=mode_pb.ProcessingMode(request_body_mode=mode_pb.ProcessingMode.NONE,
                                             response_header_mode=mode_pb.ProcessingMode.SKIP))
    theirs = edp.ProcessingResponse.parse(override.SerializeToString())
    assert theirs.mode_override.response_header_mode == \
        edp_mode.ProcessingModeHeaderSendMode.SKIP


def test_envoy_data_plane_response_decodes_with_our_code():
    theirs = edp.ProcessingResponse(response_headers=edp.HeadersResponse(
        response=edp.CommonResponse(header_mutation=edp.HeaderMutation(set_headers=[
            edp_core.HeaderValueOption(header=edp_core.HeaderValue(key="x-a", raw_value=b"1"))]))))
    ours = pb.ProcessingResponse.FromString(bytes(theirs))
    header = ours.response_headers.response.header_mutation.set_headers[0].header
    assert (header.key, header.raw_value) == ("x-a", b"1")
    assert isinstance(header, core_pb.HeaderValue)
