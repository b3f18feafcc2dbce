"""The benchmark: `mmrouter bench`, its payloads, load generator and report."""
