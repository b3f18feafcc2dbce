"""A local stack for demos and tests: the launcher behind `mmrouter run`, the stack harness and demo backends."""
