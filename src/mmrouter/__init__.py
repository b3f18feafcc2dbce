"""mmrouter: a multimodal LLM router served as an Envoy ext_proc sidecar."""

__version__ = "0.1.0"
