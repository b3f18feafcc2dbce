"""The LLM router path: an Arch-Router-style model behind an OpenAI-compatible endpoint.

``prompt`` builds the model's input, ``parse`` reads its answer, ``policy`` decides when the
cascade asks it, ``client`` calls it (deadline, concurrency cap, circuit breaker) and ``router``
puts them together for :class:`mmrouter.core.router.RouterCore`.
"""
