"""Hot reload of the router config: a file change or SIGHUP, validated, built aside, swapped.

- **Trigger.** :class:`ConfigWatcher` polls the config path every ``server.config_poll_s``:
  the resolved target (a Kubernetes ConfigMap update swaps the ``..data`` symlink, so the path
  never changes but its target does), its inode, mtime and size, and on any change its SHA-256.
  SIGHUP reloads at once. Only a changed hash reloads.
- **Build.** The new file is parsed and validated like at start-up, the command line's
  overrides re-applied, and the ``server`` section kept as it is live (ports, processes and
  threads need a restart; a change there is reported). A config whose Envoy bootstrap would
  differ from the one Envoy runs (new or changed clusters, endpoints, routing header names) is
  refused: Envoy would answer 503 for a model it has no cluster for. The new core is built off
  the event loop with :func:`mmrouter.core.rebuild.rebuild_core` (loaded models reused).
- **Swap.** One assignment: new ext_proc streams and API calls see the new core; a stream
  already open finishes on the core it started with (:class:`ExtProcDispatcher`). The old
  core's unshared parts are closed once its last stream has ended.
- **Report.** ``mmrouter_config_reload_total{outcome}`` (applied, unchanged, invalid,
  needs_envoy, failed), ``mmrouter_config_info{hash}``, the ``config`` component of /ready
  (hash, generation, last reload and its error), and one log line per reload.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Callable

import yaml
from prometheus_client import Counter, Gauge

from mmrouter.config.schema import Config, ConfigError, parse_config
from mmrouter.core.metrics import Metrics

logger = logging.getLogger(__name__)

OUTCOMES = ("applied", "unchanged", "invalid", "needs_envoy", "failed")
RETIRE_WAIT_S = 120.0  # an old core's streams get this long to end before it is closed anyway


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass(frozen=True)
class FileState:
    """What the watcher compares: the symlink-resolved target and its identity."""

    target: str
    inode: int
    mtime_ns: int
    size: int


def file_state(path: Path) -> FileState | None:
    try:
        target = os.path.realpath(path)
        st = os.stat(target)
    except OSError:
        return None
    return FileState(target, st.st_ino, st.st_mtime_ns, st.st_size)


def envoy_changes(running: Config, new: Config) -> list[str]:
    """What Envoy would need to change for ``new``: the bootstraps of both configs rendered
    with the same ports, compared cluster by cluster and listener by listener (pure)."""
    from mmrouter.envoy.bootstrap import EnvoyLimits, EnvoyPorts, envoy_bootstrap

    ports, limits = EnvoyPorts(), EnvoyLimits()
    old_b, new_b = (envoy_bootstrap(c, ports, limits)["static_resources"] for c in (running, new))
    old_c = {c["name"]: c for c in old_b["clusters"]}
    new_c = {c["name"]: c for c in new_b["clusters"]}
    changes = [f"cluster '{n}' added" for n in new_c if n not in old_c]
    changes += [f"cluster '{n}' removed" for n in old_c if n not in new_c]
    changes += [f"cluster '{n}' changed" for n in new_c if n in old_c and new_c[n] != old_c[n]]
    if old_b["listeners"] != new_b["listeners"]:
        changes.append("listener routes or headers changed")
    return changes


def live_config(running: Config, new: Config) -> tuple[Config, list[str]]:
    """``new`` with the live ``server`` section (it needs a restart), and the fields that
    differ there."""
    differ = [f.name for f in dataclasses.fields(running.server)
              if getattr(running.server, f.name) != getattr(new.server, f.name)]
    return new.replace(server=running.server), differ


class ReloadMetrics:
    def __init__(self, metrics: Metrics) -> None:
        r = metrics.registry
        self.reloads = Counter("mmrouter_config_reload", "Config reloads by outcome",
                               ["outcome"], registry=r)
        self.info = Gauge("mmrouter_config_info", "1 for the config being served",
                          ["hash", "generation"], registry=r)
        self.last_success = Gauge("mmrouter_config_last_reload_success_timestamp_seconds",
                                  "When a reload last applied a new config", registry=r)
        for outcome in OUTCOMES:
            self.reloads.labels(outcome)

    def serving(self, digest: str, generation: int) -> None:
        self.info.clear()
        self.info.labels(digest, str(generation)).set(1)


class Generation:
    """One core's ext_proc service and the streams still open on it."""

    def __init__(self, service: Any, core: Any, number: int) -> None:
        self.service = service
        self.core = core
        self.number = number
        self.streams = 0
        self.idle = asyncio.Event()
        self.idle.set()


class ExtProcDispatcher:
    """The gRPC servicer: each stream is served whole by the generation current when it
    opened, so a request finishes on the config it started with."""

    def __init__(self, service: Any, core: Any) -> None:
        self.current = Generation(service, core, 1)
        self.active = 0  # streams in their handler, every generation (read by the drain)

    async def Process(self, request_iterator: AsyncIterator[Any],
                      context: Any) -> AsyncIterator[Any]:
        generation = self.current
        generation.streams += 1
        generation.idle.clear()
        self.active += 1
        try:
            async for response in generation.service.Process(request_iterator, context):
                yield response
        finally:
            self.active -= 1
            generation.streams -= 1
            if generation.streams == 0:
                generation.idle.set()

    def swap(self, service: Any, core: Any) -> Generation:
        """Make (service, core) current; the previous generation, to retire."""
        old = self.current
        self.current = Generation(service, core, old.number + 1)
        return old


class Reloader:
    """Reloads ``path`` into a running :class:`mmrouter.serving.server.Server`."""

    def __init__(self, server: Any, path: str | Path,
                 overrides: Callable[[Config], Config] | None = None) -> None:
        self.server = server
        self.path = Path(path)
        self.overrides = overrides or (lambda c: c)
        self.metrics = ReloadMetrics(server.metrics)
        self.envoy_config = server.config  # what Envoy's bootstrap was rendered from
        self.digest = file_hash(self.path.read_bytes()) if self.path.exists() else ""
        self.last: dict[str, Any] = {}
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task] = set()
        self._retiring: dict[int, tuple[Generation, Any]] = {}  # generation -> (it, its successor)
        self._publish()

    @property
    def generation(self) -> int:
        return self.server.extproc.current.number

    def _publish(self) -> None:
        self.metrics.serving(self.digest, self.generation)
        self.server.status.set("config", "loaded", path=str(self.path), hash=self.digest,
                               generation=self.generation, last_reload=self.last or None)

    async def reload(self, trigger: str = "request") -> str:
        """Reload once (serialised); the outcome, also counted and logged."""
        async with self._lock:
            started = time.perf_counter()
            outcome, detail = await self._reload()
            self.metrics.reloads.labels(outcome).inc()
            if outcome != "unchanged":  # /ready keeps showing the last reload that did something
                self.last = {"outcome": outcome, "trigger": trigger, "at": time.time(), **detail}
                self._publish()
            took = time.perf_counter() - started
            if outcome in ("applied", "unchanged"):
                logger.info("config reload (%s): %s, hash %s, %.2f s %s", trigger, outcome,
                            self.digest, took, detail or "")
            else:
                logger.error("config reload (%s) REFUSED (%s): %s; still serving hash %s",
                             trigger, outcome, detail.get("error"), self.digest)
            return outcome

    async def _reload(self) -> tuple[str, dict[str, Any]]:
        try:
            data = await asyncio.to_thread(self.path.read_bytes)
        except OSError as exc:
            return "invalid", {"error": f"cannot read {self.path}: {exc.strerror}"}
        digest = file_hash(data)
        if digest == self.digest:
            return "unchanged", {}
        try:
            new = await asyncio.to_thread(self._load, data)
        except ConfigError as exc:
            return "invalid", {"error": str(exc), "hash": digest}
        running = self.server.config
        new, restart_fields = live_config(running, new)
        changes = envoy_changes(self.envoy_config, new)
        if changes:
            return "needs_envoy", {"error": "the config needs an Envoy bootstrap change ("
                                   + "; ".join(changes) + "): re-render it with "
                                   "`mmrouter envoy-config` and restart Envoy and mmrouter",
                                   "envoy_changes": changes, "hash": digest}
        try:
            built = await self._swap(new)
        except ConfigError as exc:  # found while building (e.g. the head file is missing)
            return "invalid", {"error": str(exc), "hash": digest}
        except Exception as exc:  # noqa: BLE001 - a failed build leaves the old core serving
            logger.exception("building the reloaded config failed")
            return "failed", {"error": f"{type(exc).__name__}: {exc}", "hash": digest}
        self.digest = digest
        self.metrics.last_success.set(time.time())
        detail: dict[str, Any] = {"built": built}
        if restart_fields:
            detail["restart_required"] = restart_fields
            logger.warning("config reload: server.%s changed; that takes a restart",
                           ", server.".join(restart_fields))
        return "applied", detail

    def _load(self, data: bytes) -> Config:
        """Parse the bytes that were hashed (the file may change again meanwhile)."""
        from mmrouter.config.checks import validate

        source = str(self.path.resolve())
        try:
            raw = yaml.safe_load(data)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{source}: invalid YAML: {exc}") from exc
        config = self.overrides(parse_config(raw, source=source))
        validate(config)
        return config

    async def _swap(self, config: Config) -> dict[str, str]:
        from mmrouter.core.rebuild import plan_reuse, rebuild_core
        from mmrouter.serving.extproc import ExtProcService

        server = self.server
        old_core = server.core
        built = plan_reuse(old_core.config, config).describe()
        core = await asyncio.to_thread(
            rebuild_core, old_core, config, server.metrics, full_build=server.build_core,
            image_scorer_factory=server.image_scorer_factory, status=server.status.set)
        service = ExtProcService(core, store_tag=str(server.grpc_port))
        # The swap: plain assignments on the event loop thread, nothing awaited in between.
        old = server.extproc.swap(service, core)
        server.core, server.config = core, config
        self._retiring[old.number] = (old, core)
        self._spawn(self._retire(old, core))
        return built

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _retire(self, old: Generation, new_core: Any) -> None:
        try:
            await asyncio.wait_for(old.idle.wait(), RETIRE_WAIT_S)
        except asyncio.TimeoutError:
            logger.warning("config generation %d still has %d streams after %.0f s; closing it",
                           old.number, old.streams, RETIRE_WAIT_S)
        # API calls that fetched the old core just before the swap finish within this.
        await asyncio.sleep(old.core.config.routing.classify_timeout_ms / 1000.0)
        if self._retiring.pop(old.number, None) is not None:
            await asyncio.to_thread(_retire_now, old, self._kept())

    def _kept(self) -> list[Any]:
        """The cores whose parts must stay open: the serving one and those still retiring."""
        return [self.server.core, *(gen.core for gen, _ in self._retiring.values())]

    async def close(self) -> None:
        """At shutdown, after the gRPC server has drained: stop pending work and close every
        old generation's parts now (the serving core is closed by the server)."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        pending, self._retiring = list(self._retiring.values()), {}
        for i, (old, _) in enumerate(pending):  # a shared part is closed by its last holder
            keep = [self.server.core, *(gen.core for gen, _ in pending[i + 1:])]
            await asyncio.to_thread(_retire_now, old, keep)


def _retire_now(old: Generation, keep: list[Any]) -> None:
    from mmrouter.core.rebuild import retire

    closed = retire(old.core, *keep)
    logger.info("config generation %d retired (closed: %s)", old.number,
                ", ".join(closed) or "nothing: all parts reused")


class ConfigWatcher:
    """Polls the config path and SIGHUP; each change calls ``reloader.reload``."""

    def __init__(self, reloader: Reloader, interval_s: float) -> None:
        self.reloader = reloader
        self.interval_s = interval_s
        self._task: asyncio.Task | None = None
        self._sighup = False

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            loop.add_signal_handler(signal.SIGHUP, self._on_sighup)
            self._sighup = True
        except (ValueError, RuntimeError, NotImplementedError):  # not the main thread
            logger.debug("SIGHUP reload unavailable outside the main thread")
        if self.interval_s > 0:
            seen = file_state(self.reloader.path)  # now: a change from here on is a change
            self._task = asyncio.create_task(self._poll(seen))

    def _on_sighup(self) -> None:
        self.reloader._spawn(self.reloader.reload("SIGHUP"))

    async def _poll(self, seen: FileState | None) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            state = await asyncio.to_thread(file_state, self.reloader.path)
            if state is not None and state != seen:
                seen = state
                try:
                    await self.reloader.reload("file change")
                except Exception:  # noqa: BLE001 - the watcher never dies
                    logger.exception("config reload failed")

    async def stop(self) -> None:
        """No more reloads (SIGHUP is ignored from here on)."""
        if self._sighup:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            signal.signal(signal.SIGHUP, signal.SIG_IGN)  # not the default (exit) meanwhile
            self._sighup = False
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
