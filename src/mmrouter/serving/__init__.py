"""Transports and processes: the ext_proc gRPC service, the HTTP API, the server and the multi-process supervisor."""
