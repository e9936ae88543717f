"""The loaded engine: corpus, embedding model and index, created once per process."""

from __future__ import annotations

import functools
import logging
import threading
import time
from dataclasses import dataclass, field

from .corpus import load_corpus
from .embeddings import Embedder, get_embedder
from .index import SearchIndex
from .mentions import build_aliases, build_families
from .models import Corpus
from .settings import Settings, get_settings

log = logging.getLogger(__name__)


@dataclass
class Engine:
    settings: Settings
    corpus: Corpus
    embedder: Embedder
    index: SearchIndex
    load_seconds: float
    aliases: list = field(default_factory=list)

    @functools.cached_property
    def programme_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.corpus.programmes)

    @functools.cached_property
    def families(self) -> list[tuple[str, tuple[str, ...]]]:
        """Programme families named by a shared acronym or name beginning ("EIC", "Horizon Europe")."""
        return build_families(self.corpus.programmes)

    @functools.cached_property
    def programme_names(self) -> dict[str, str]:
        """Programme id -> name, for cards and notes that name other programmes."""
        return {p.id: p.name for p in self.corpus.programmes}


_ENGINE: Engine | None = None
_LOCK = threading.Lock()


def build_engine(settings: Settings | None = None, build_progress: bool = False, force_rebuild: bool = False) -> Engine:
    """Load corpus and model and open (or build) the index for ``settings``."""
    s = settings or get_settings()
    t0 = time.perf_counter()
    from .clock import today

    corpus = load_corpus(s.corpus_dir, today=today(s))
    embedder = get_embedder(s.embedding_model, s.embedding_threads)
    index = SearchIndex(corpus, embedder, s.index_dir, chroma_host=s.chroma_host, chroma_port=s.chroma_port,
                        chroma_timeout_s=s.chroma_timeout_s, dense_scan=s.dense_scan).open(force_rebuild=force_rebuild, progress=build_progress)
    eng = Engine(s, corpus, embedder, index, time.perf_counter() - t0, build_aliases(corpus.programmes))
    log.info("engine ready in %.1fs (%s)", eng.load_seconds, index.info())
    return eng


def get_engine(build_progress: bool = False, force_rebuild: bool = False) -> Engine:
    """The process-wide engine (thread-safe, loaded on first use)."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None or force_rebuild:
            _ENGINE = build_engine(build_progress=build_progress, force_rebuild=force_rebuild)
        return _ENGINE


def set_engine(engine: Engine | None) -> None:
    """Install an engine (tests, or an app that built one with its own settings)."""
    global _ENGINE
    with _LOCK:
        _ENGINE = engine
