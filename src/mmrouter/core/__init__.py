"""The inference core: one request in, a decision out; batching, inference workers, metrics and the runtime that wires them."""
