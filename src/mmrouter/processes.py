"""Child processes that die with their parent, and who holds a busy port (Linux /proc)."""

from __future__ import annotations

import errno
import logging
import os
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
_LISTEN = "0A"  # TCP state LISTEN in /proc/net/tcp


def die_with_parent_hook(sig: int = signal.SIGTERM) -> Callable[[], None] | None:
    """A preexec_fn (Linux) that makes the new process get ``sig`` when the process that
    starts it dies, even by SIGKILL. prctl is looked up here, in the parent: between fork and
    exec the child only calls it (and exits at once if the parent is already gone).

    The signal follows the *thread* that forked: start such children from a thread that lives
    as long as the parent (the main thread), not from a pool thread."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(PR_SET_PDEATHSIG, sig)
        if os.getppid() != parent:
            os._exit(1)

    return hook


@dataclass(frozen=True)
class PortHolder:
    pid: int
    command: str


class PortBusy(OSError):
    """A port we must bind is taken; the message names it and, when /proc tells, its holder."""


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        # As servers bind (Envoy, aiohttp, gRPC): connections in TIME_WAIT do not count.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def listening_inodes(port: int, proc: Path = Path("/proc")) -> set[str]:
    """Socket inodes listening on ``port`` (any address), from /proc/net/tcp and tcp6."""
    found: set[str] = set()
    for name in ("tcp", "tcp6"):
        try:
            lines = (proc / "net" / name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9 and fields[3] == _LISTEN and \
                    int(fields[1].rsplit(":", 1)[1], 16) == port:
                found.add(fields[9])
    return found


def port_holders(port: int, proc: Path = Path("/proc")) -> list[PortHolder]:
    """The processes holding a listening socket on ``port`` (those we may look into)."""
    inodes = {f"socket:[{inode}]" for inode in listening_inodes(port, proc)}
    holders: list[PortHolder] = []
    if not inodes:
        return holders
    for entry in proc.iterdir():
        if entry.name.isdigit() and _holds(entry, inodes):
            holders.append(PortHolder(int(entry.name), _command(entry)))
    return holders


def _holds(entry: Path, inodes: set[str]) -> bool:
    try:
        return any(os.readlink(fd) in inodes for fd in (entry / "fd").iterdir())
    except OSError:  # gone, or not ours to look into
        return False


def _command(entry: Path) -> str:
    try:
        raw = (entry / "cmdline").read_bytes()
    except OSError:
        return "?"
    return " ".join(part.decode("utf-8", "replace") for part in raw.split(b"\0") if part)[:200]


def check_ports_free(ports: Iterable[tuple[int, str]], host: str = "127.0.0.1") -> None:
    """Raise :class:`PortBusy` naming the first busy port (what it is for, who holds it)."""
    for port, what in ports:
        if port and not port_is_free(port, host):
            raise PortBusy(busy_message(port, what, port_holders(port)))


def busy_message(port: int, what: str, holders: list[PortHolder]) -> str:
    if holders:
        held = "; ".join(f"pid {h.pid} ({h.command})" for h in holders)
        return f"port {port} ({what}) is already in use by {held}"
    return f"port {port} ({what}) is already in use (by a process this user cannot inspect)"
