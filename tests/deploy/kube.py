"""Helpers for the deployment tests: render the kustomize overlays with a real kubectl."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
KUBE = ROOT / "deploy" / "kubernetes"
OVERLAYS = ("cpu", "gpu")
INSTALL_HINT = ("kubectl is missing: .ci/run installs it (apt-get install kubernetes-client); "
                "locally: sudo apt-get install kubernetes-client")


def kubectl() -> str:
    """The kubectl binary; a missing one fails the test (it never skips silently)."""
    path = shutil.which("kubectl")
    assert path is not None, INSTALL_HINT
    return path


@lru_cache(maxsize=None)
def render(overlay: str) -> tuple[dict[str, Any], ...]:
    """``kubectl kustomize`` of an overlay (or ``base``), parsed."""
    where = KUBE / "base" if overlay == "base" else KUBE / "overlays" / overlay
    result = subprocess.run([kubectl(), "kustomize", str(where)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return tuple(doc for doc in yaml.safe_load_all(result.stdout) if doc)


def find(objects: tuple[dict[str, Any], ...], kind: str, prefix: str = "") -> dict[str, Any]:
    found = [o for o in objects if o["kind"] == kind and o["metadata"]["name"].startswith(prefix)]
    assert len(found) == 1, f"expected one {kind} {prefix!r}, found {len(found)}"
    return found[0]


def deployment(overlay: str) -> dict[str, Any]:
    return find(render(overlay), "Deployment")


def container(overlay: str, name: str) -> dict[str, Any]:
    return next(c for c in deployment(overlay)["spec"]["template"]["spec"]["containers"]
                if c["name"] == name)


def configmap_data(overlay: str, name: str) -> dict[str, str]:
    """The data of the ConfigMap the Deployment mounts as volume ``name``."""
    volumes = deployment(overlay)["spec"]["template"]["spec"]["volumes"]
    cm_name = next(v["configMap"]["name"] for v in volumes if v["name"] == name)
    return find(render(overlay), "ConfigMap", cm_name)["data"]


def image_entrypoint() -> list[str]:
    """The Dockerfile's ENTRYPOINT (exec form), which a container without ``command`` runs."""
    import json

    lines = [line for line in (ROOT / "Dockerfile").read_text().splitlines()
             if line.startswith("ENTRYPOINT ")]
    assert len(lines) == 1
    return json.loads(lines[0].removeprefix("ENTRYPOINT "))
