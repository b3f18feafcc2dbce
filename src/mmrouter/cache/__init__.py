"""Semantic response cache in the ext_proc path (see docs/cache.md).

- :mod:`.keys`: which requests may use the cache, the scope and the match key (pure);
- :mod:`.guard`: whether two latest turns ask the same thing (pure);
- :mod:`.shapes`: complete answers assembled from each API's body or SSE, and hits rendered in
  the request's own shape, streamed or not (pure);
- :mod:`.memory` and :mod:`.milvus`: the stores; :mod:`.service`: lookups and stores with their
  timeouts and metrics; :mod:`.extproc`: the ext_proc steps.
"""
