"""Prometheus metrics, built on an injected registry so tests can read exact sample values."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.075, 0.1, 0.25,
                   0.5, 1.0, 2.5, 5.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128)
LLM_BUCKETS = (0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, 2.0)


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.requests = Counter("mmrouter_requests", "Chat requests handled, by route, model and outcome",
                                ["route", "model", "outcome"], registry=r)
        self.classification_seconds = Histogram(
            "mmrouter_classification_seconds", "Time to classify one request",
            buckets=LATENCY_BUCKETS, registry=r)
        self.errors = Counter("mmrouter_errors", "Errors by kind", ["kind"], registry=r)
        self.streams_in_flight = Gauge("mmrouter_streams_in_flight",
                                       "ext_proc streams currently open", registry=r)
        self.batch_size = Histogram("mmrouter_batch_size", "Encoder batch sizes", ["encoder"],
                                    buckets=BATCH_BUCKETS, registry=r)
        self.queue_wait_seconds = Histogram("mmrouter_queue_wait_seconds",
                                            "Time the oldest item of a batch waited in the queue",
                                            ["encoder"], buckets=LATENCY_BUCKETS, registry=r)
        self.encoder_info = Gauge("mmrouter_encoder_info",
                                  "Encoders: 1 for the state each one is in",
                                  ["encoder", "model", "status", "reason"], registry=r)
        self.image_cache = Counter("mmrouter_image_embedding_cache", "Image embedding cache lookups",
                                   ["result"], registry=r)
        self.llm_calls = Counter("mmrouter_llm_calls", "LLM router calls by outcome (ok, timeout, "
                                 "error, parse_error, breaker_open, busy)", ["outcome"], registry=r)
        self.llm_seconds = Histogram("mmrouter_llm_seconds", "LLM router call latency",
                                     buckets=LLM_BUCKETS, registry=r)
        self.llm_escalations = Counter("mmrouter_llm_escalations",
                                       "Classifications sent to the LLM router, by reason",
                                       ["reason"], registry=r)
        self.decisions = Counter("mmrouter_decisions", "Final classifications by the method that "
                                 "decided (head, anchors, llm)", ["method"], registry=r)
        self.ready = Gauge("mmrouter_ready", "1 once models are loaded and warmed up", registry=r)

    def observe_batch(self, encoder: str, size: int, waited_s: float) -> None:
        self.batch_size.labels(encoder).observe(size)
        self.queue_wait_seconds.labels(encoder).observe(waited_s)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
