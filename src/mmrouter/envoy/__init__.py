"""Envoy: rendering the bootstrap config and running the Envoy process."""
