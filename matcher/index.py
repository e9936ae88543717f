"""The search index: a Chroma collection of embedded chunks plus an in-memory BM25 beside it.

- A fingerprint (corpus content hash + model id + chunking version) names each build:
  unchanged corpus -> the existing build is opened; changed -> a new build.
- Embedded mode builds into a fresh folder ``builds/<fingerprint>-<time>/`` and only then
  points ``CURRENT`` at it (an atomic ``os.replace``), so a failed or killed build leaves the
  previous index usable. Server mode (``MATCHER_CHROMA_HOST``) builds a temporary collection
  and renames it when complete.
- The lexical index is rebuilt from the chunks at load (a few hundred ms), so it can never
  disagree with the corpus.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .embeddings import Embedder
from .errors import BackendUnavailable, IndexError_
from .lexical import LexicalIndex
from .models import Corpus, Programme, Project, Record

log = logging.getLogger(__name__)

CHUNKING_VERSION = "5"
COLLECTION_PREFIX = "foerderlotse"
EXAMPLE_PART = "example"
TYPICAL_PART = "typical"
# What a chunk says about its record: the descriptive text ("text"), a project the programme really
# funded ("example"), or a typical project in an applicant's words ("typical"). Retrieval ranks the
# text channel; the other two are features of their own.
CHANNELS = ("text", "example", "typical")
# Up to this many chunks a query is compared with every stored vector in memory (exact, about 1 ms for
# 2,000 chunks) instead of asking Chroma for all of them (about 15 ms); see ``Settings.dense_scan``.
MEMORY_SCAN_MAX_CHUNKS = 50_000


def channel_of(part: str) -> str:
    if part.startswith(EXAMPLE_PART):
        return "example"
    if part.startswith(TYPICAL_PART):
        return "typical"
    return "text"


@dataclass(frozen=True)
class Chunk:
    id: str
    record_id: str
    kind: str
    part: str
    text: str


def _topic_labels(corpus: Corpus, ids: list[str]) -> str:
    labels = {t.id: (t.label_de, t.label_en) for t in corpus.topics}
    return "; ".join(f"{labels[i][0]} / {labels[i][1]}" for i in ids if i in labels)


def make_chunks(corpus: Corpus) -> list[Chunk]:
    """Split every record into a few self-contained texts (German, English, facets)."""
    out: list[Chunk] = []
    for r in corpus.records():
        kw = ", ".join(r.keywords)
        topics = _topic_labels(corpus, r.topics)
        if isinstance(r, Programme):
            parts = {
                "de": f"{r.name}. {r.summary_de} {kw}",
                "en": f"{r.name}. {r.summary_en} {kw}",
                "facets": f"{r.name}. Themen: {topics}. Bedarf: {', '.join(r.needs)}. "
                          + (r.amount.text_de if r.amount else "")
                          + " " + " ".join(r.eligibility.conditions_de),
            }
        elif isinstance(r, Project):
            parts = {
                "de": f"{r.name}. {r.summary_de} {r.offer_de} {kw}",
                "en": f"{r.name}. {r.summary_en} {r.offer_en} {kw}",
                "facets": f"{r.name}. Themen: {topics}. {r.funding_source or ''}",
            }
        else:
            parts = {
                "de": f"{r.name}. {r.summary_de} {r.offer_de} Für: {r.for_whom_de}. {kw}",
                "en": f"{r.name}. {r.summary_en} {r.offer_en} For: {r.for_whom_en}. {kw}",
                "facets": f"{r.name}. Themen: {topics}.",
            }
        if isinstance(r, Programme):
            # what the programme really funded, in the words a company would use: its own chunks,
            # so a company description is matched against funded projects, not only the rules text
            for i, ex in enumerate(r.examples):
                parts[f"{EXAMPLE_PART}{i}"] = ex.project_de
                if ex.project_en:
                    parts[f"{EXAMPLE_PART}{i}en"] = ex.project_en
        # what the programme funds, or who turns to the offer, in a company's words (channel "typical",
        # a feature of its own)
        if r.typical_projects:
            for i, tp in enumerate(r.typical_projects.items):
                parts[f"{TYPICAL_PART}{i}"] = tp.de
                parts[f"{TYPICAL_PART}{i}en"] = tp.en
        for part, text in parts.items():
            out.append(Chunk(f"{r.id}::{part}", r.id, r.kind, part, " ".join(text.split())))
    return out


def fingerprint(corpus: Corpus, model_id: str) -> str:
    h = hashlib.sha256(f"{corpus.content_hash}|{model_id}|{CHUNKING_VERSION}".encode())
    return h.hexdigest()[:16]


def _metadata(rec: Record, ch: Chunk) -> dict:
    md = {"record_id": rec.id, "kind": rec.kind, "part": ch.part}
    if isinstance(rec, Programme):
        md.update(level=rec.level, status=rec.status, instruments=",".join(rec.instruments),
                  topics=",".join(rec.topics))
    else:
        md.update(topics=",".join(rec.topics))
    return md


class SearchIndex:
    """Dense (Chroma) + lexical (BM25) search over the corpus chunks."""

    def __init__(self, corpus: Corpus, embedder: Embedder, index_dir: Path, chroma_host: str | None = None,
                 chroma_port: int = 8000, chroma_timeout_s: float = 10.0, dense_scan: str = "auto"):
        self.corpus = corpus
        self.embedder = embedder
        self.index_dir = Path(index_dir)
        self.chroma_host = chroma_host
        self.chroma_port = chroma_port
        self.chroma_timeout_s = chroma_timeout_s
        self.chunks = make_chunks(corpus)
        self.fp = fingerprint(corpus, embedder.model_id)
        self.lexical = LexicalIndex([c.text for c in self.chunks])
        self._record_ids = list(dict.fromkeys(c.record_id for c in self.chunks))
        pos = {rid: i for i, rid in enumerate(self._record_ids)}
        self._chunk_record = np.asarray([pos[c.record_id] for c in self.chunks], dtype=np.int64)
        channel = [channel_of(c.part) for c in self.chunks]
        self._channel_masks = {name: np.asarray([ch == name for ch in channel], dtype=bool) for name in CHANNELS}
        self._collection = None
        self._client = None
        self.build_seconds: float | None = None
        self.location: str = ""
        self.reused = False
        self._down_until = 0.0  # server mode: after a failed reconnect, answer without it for a while
        self.dense_scan = dense_scan
        self._vectors: np.ndarray | None = None  # unit chunk vectors in ``self.chunks`` order (memory scan)

    # ------------------------------------------------------------ open / build

    def open(self, force_rebuild: bool = False, progress: bool = False) -> SearchIndex:
        """Open the build matching the fingerprint, building it first if needed."""
        if self.chroma_host:
            self._open_server(force_rebuild, progress)
        else:
            self._open_embedded(force_rebuild, progress)
        if self._scans_in_memory():
            self._load_vectors()
        return self

    def _scans_in_memory(self) -> bool:
        if self.dense_scan == "auto":
            return not self.chroma_host and len(self.chunks) <= MEMORY_SCAN_MAX_CHUNKS
        return self.dense_scan == "memory"

    def _load_vectors(self) -> None:
        """Read the stored chunk vectors once (the fingerprint guarantees they belong to these chunks)."""
        got = self._collection.get(ids=[c.id for c in self.chunks], include=["embeddings"])
        row = {cid: i for i, cid in enumerate(got["ids"])}
        missing = [c.id for c in self.chunks if c.id not in row]
        if missing:
            raise IndexError_(f"index lacks {len(missing)} chunks (e.g. {missing[0]}); rebuild it with `matcher index --rebuild`")
        vecs = np.asarray(got["embeddings"], dtype=np.float32)[[row[c.id] for c in self.chunks]]
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        self._vectors = vecs / np.where(norms > 0, norms, 1.0)

    def _chroma_settings(self):
        from chromadb.config import Settings as ChromaSettings

        return ChromaSettings(anonymized_telemetry=False, allow_reset=False)

    def _open_embedded(self, force_rebuild: bool, progress: bool) -> None:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        with _file_lock(self.index_dir / ".lock"):
            if not force_rebuild:
                current = self._current_build()
                if current is not None:
                    try:
                        self._attach_embedded(current)
                        self.reused = True
                        return
                    except Exception as ex:  # corrupt or partial: rebuild below
                        log.warning("index at %s unusable (%s); rebuilding", current, ex)
            self._build_embedded(progress)

    def _current_build(self) -> Path | None:
        pointer = self.index_dir / "CURRENT"
        if not pointer.exists():
            return None
        build = self.index_dir / "builds" / pointer.read_text().strip()
        try:
            manifest = json.loads((build / "manifest.json").read_text())
        except (OSError, ValueError):
            return None
        if manifest.get("fingerprint") != self.fp:
            return None
        return build

    def _attach_embedded(self, build: Path) -> None:
        import chromadb

        if not (build / "chroma" / "chroma.sqlite3").is_file():
            _forget_chroma_clients()
            raise IndexError_(f"index files missing in {build}")
        client = chromadb.PersistentClient(path=str(build / "chroma"), settings=self._chroma_settings())
        col = client.get_collection(COLLECTION_PREFIX, embedding_function=None)
        n = col.count()
        if n != len(self.chunks):
            raise IndexError_(f"index has {n} chunks, corpus needs {len(self.chunks)}")
        self._client, self._collection = client, col
        self.location = str(build)

    def _build_embedded(self, progress: bool) -> None:
        import chromadb

        builds = self.index_dir / "builds"
        builds.mkdir(parents=True, exist_ok=True)
        name = f"{self.fp}-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
        tmp = builds / f".tmp-{name}"
        t0 = time.perf_counter()
        client = chromadb.PersistentClient(path=str(tmp / "chroma"), settings=self._chroma_settings())
        col = client.create_collection(COLLECTION_PREFIX, embedding_function=None,
                                       configuration={"hnsw": {"space": "cosine"}})
        self._fill(col, progress)
        (tmp / "manifest.json").write_text(json.dumps(self._manifest(time.perf_counter() - t0), indent=2))
        final = builds / name
        os.replace(tmp, final)
        ptr_tmp = self.index_dir / f".CURRENT.{uuid.uuid4().hex[:6]}"
        ptr_tmp.write_text(name)
        os.replace(ptr_tmp, self.index_dir / "CURRENT")  # the swap: atomic on POSIX
        self.build_seconds = time.perf_counter() - t0
        # Re-open from the final path so the client points at the live folder.
        del col, client
        self._attach_embedded(final)
        self._prune(builds, keep=name)

    def _prune(self, builds: Path, keep: str) -> None:
        """Remove old and abandoned builds (keep the live one and the one before it)."""
        entries = sorted((p for p in builds.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
        finished = [p for p in entries if not p.name.startswith(".tmp-") and p.name != keep]
        for p in finished[:-1] + [p for p in entries if p.name.startswith(".tmp-")]:
            shutil.rmtree(p, ignore_errors=True)

    def _manifest(self, seconds: float) -> dict:
        return {
            "fingerprint": self.fp, "corpus_hash": self.corpus.content_hash,
            "model_id": self.embedder.model_id, "dim": self.embedder.dim,
            "chunking_version": CHUNKING_VERSION, "chunks": len(self.chunks),
            "records": len(self.corpus.records()), "space": "cosine",
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "build_seconds": round(seconds, 2),
        }

    def _fill(self, col, progress: bool) -> None:
        from tqdm import tqdm

        by_id = self.corpus.by_id()
        batch = 64
        bar = tqdm(total=len(self.chunks), desc="Index", unit="chunk", disable=not progress)
        for i in range(0, len(self.chunks), batch):
            part = self.chunks[i:i + batch]
            vecs = self.embedder.encode([c.text for c in part])
            col.upsert(ids=[c.id for c in part], embeddings=vecs, documents=[c.text for c in part],
                       metadatas=[_metadata(by_id[c.record_id], c) for c in part])
            bar.update(len(part))
        bar.close()

    def _server_client(self):
        import chromadb

        delay = 0.5
        last: Exception | None = None
        for _attempt in range(4):
            try:
                client = chromadb.HttpClient(host=self.chroma_host, port=self.chroma_port,
                                             settings=self._chroma_settings())
                client.heartbeat()
                return client
            except Exception as ex:  # connection refused, DNS, timeout
                last = ex
                time.sleep(delay)
                delay *= 2
        raise BackendUnavailable(
            f"cannot reach the Chroma server at {self.chroma_host}:{self.chroma_port} "
            f"({type(last).__name__}); start it with `chroma run --host {self.chroma_host} --port {self.chroma_port}` "
            "or unset MATCHER_CHROMA_HOST to use the embedded index"
        )

    def _open_server(self, force_rebuild: bool, progress: bool) -> None:
        client = self._server_client()
        final = f"{COLLECTION_PREFIX}-{self.fp}"
        if not force_rebuild:
            try:
                col = client.get_collection(final, embedding_function=None)
                if col.count() == len(self.chunks):
                    self._client, self._collection, self.location, self.reused = client, col, f"chroma://{final}", True
                    return
                client.delete_collection(final)
            except Exception:
                pass
        t0 = time.perf_counter()
        tmp = f"{final}-build-{uuid.uuid4().hex[:8]}"
        col = client.create_collection(tmp, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                                       metadata={"fingerprint": self.fp})
        try:
            self._fill(col, progress)
            with contextlib.suppress(Exception):
                client.delete_collection(final)
            col.modify(name=final)
        except Exception:
            with contextlib.suppress(Exception):
                client.delete_collection(tmp)
            raise
        self.build_seconds = time.perf_counter() - t0
        self._client, self._collection, self.location = client, client.get_collection(final, embedding_function=None), f"chroma://{final}"

    # ------------------------------------------------------------ query

    def dense(self, query_vec: np.ndarray, n: int = 120, where: dict | None = None) -> dict[str, float]:
        """Best cosine similarity per record among the top ``n`` chunks."""
        if self._collection is None:
            raise IndexError_("index not opened")
        best: dict[str, float] = {}
        for cid, sim in self._nearest(query_vec, n, where):
            rid = cid.split("::", 1)[0]  # chunk ids are "<record id>::<part>"; no metadata round trip
            if sim > best.get(rid, -1.0):
                best[rid] = sim
        return best

    def dense_detail(self, query_vec: np.ndarray, n: int = 120) -> dict[str, dict[str, float]]:
        """Best cosine per record in each channel (``CHANNELS``: descriptive text, funded examples,
        typical projects) among the top ``n`` chunks."""
        if self._collection is None:
            raise IndexError_("index not opened")
        if self._vectors is not None and n >= len(self.chunks):
            return self._scan_detail(query_vec)  # every chunk: one matrix product, grouped like lexical_detail
        out: dict[str, dict[str, float]] = {c: {} for c in CHANNELS}
        for cid, sim in self._nearest(query_vec, n, None):
            rid, part = cid.split("::", 1)
            best = out[channel_of(part)]
            if sim > best.get(rid, -1.0):
                best[rid] = sim
        return out

    def _cosines(self, query_vec: np.ndarray) -> np.ndarray:
        q = np.asarray(query_vec, dtype=np.float32)
        norm = float(np.linalg.norm(q))
        return self._vectors @ (q / norm if norm > 0 else q)

    def _scan_detail(self, query_vec: np.ndarray) -> dict[str, dict[str, float]]:
        sims = self._cosines(query_vec)
        out = {}
        for name, mask in self._channel_masks.items():
            best = np.full(len(self._record_ids), -np.inf, dtype=np.float32)
            np.maximum.at(best, self._chunk_record[mask], sims[mask])
            out[name] = {self._record_ids[j]: float(best[j]) for j in np.nonzero(np.isfinite(best))[0]}
        return out

    def _nearest(self, query_vec: np.ndarray, n: int, where: dict | None) -> list[tuple[str, float]]:
        """The ``n`` chunks closest to the query as (chunk id, cosine), best first."""
        if self._vectors is not None and not where:
            sims = self._cosines(query_vec)
            n = min(n, len(sims))
            top = np.argpartition(-sims, n - 1)[:n] if n < len(sims) else np.arange(len(sims))
            top = top[np.argsort(-sims[top], kind="stable")]
            return [(self.chunks[i].id, float(sims[i])) for i in top]
        res = self._query_with_recovery(query_vec, n, where)
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(res["ids"][0], res["distances"][0], strict=False)]

    def _query_with_recovery(self, query_vec: np.ndarray, n: int, where: dict | None):
        n = min(n, len(self.chunks))
        kwargs = {"query_embeddings": np.asarray([query_vec], dtype=np.float32), "n_results": n,
                  "include": ["distances"]}
        if where:
            kwargs["where"] = where
        if self.chroma_host and time.monotonic() < self._down_until:
            raise BackendUnavailable(f"the Chroma server at {self.chroma_host}:{self.chroma_port} was unreachable "
                                     "a moment ago; retrying shortly")
        try:
            return self._collection.query(**kwargs)
        except Exception as ex:
            if self.chroma_host:
                log.warning("Chroma server query failed (%s); reconnecting", ex)
                try:
                    self._open_server(force_rebuild=False, progress=False)
                except BackendUnavailable:
                    self._down_until = time.monotonic() + 30.0  # circuit breaker: don't stall every request
                    raise
            elif not (Path(self.location) / "chroma" / "chroma.sqlite3").is_file():
                log.warning("embedded index files are gone (%s); rebuilding from the corpus", ex)
                _forget_chroma_clients()
                self._open_embedded(force_rebuild=True, progress=False)
            else:
                # the files are there, so rebuilding would not help: answer without dense retrieval
                raise BackendUnavailable(f"the vector index could not be queried ({type(ex).__name__}: {ex})") from None
            return self._collection.query(**kwargs)

    def lexical_scores(self, query: str) -> dict[str, float]:
        """Best BM25 score per record (only chunks with a positive score)."""
        scores = self.lexical.scores(query)
        best = np.zeros(len(self._record_ids), dtype=np.float32)
        np.maximum.at(best, self._chunk_record, scores)  # vectorised group-by-record max
        return {self._record_ids[i]: float(best[i]) for i in np.nonzero(best > 0)[0]}

    def lexical_detail(self, query: str) -> dict[str, dict[str, float]]:
        """Best BM25 score per record in each channel (see ``dense_detail``); records scoring 0 are absent."""
        scores = self.lexical.scores(query)
        out = {}
        for name, mask in self._channel_masks.items():
            best = np.zeros(len(self._record_ids), dtype=np.float32)
            np.maximum.at(best, self._chunk_record[mask], scores[mask])
            out[name] = {self._record_ids[j]: float(best[j]) for j in np.nonzero(best > 0)[0]}
        return out

    def info(self) -> dict:
        return {
            "fingerprint": self.fp, "location": self.location, "reused": self.reused,
            "chunks": len(self.chunks), "records": len(self.corpus.records()),
            "model_id": self.embedder.model_id, "mode": "server" if self.chroma_host else "embedded",
            "build_seconds": round(self.build_seconds, 2) if self.build_seconds else None,
        }


def _forget_chroma_clients() -> None:
    """Chroma caches one client per path in the process; drop them after the files changed under it."""
    with contextlib.suppress(Exception):
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()


@contextlib.contextmanager
def _file_lock(path: Path):
    """An exclusive lock across processes (several app instances sharing one data dir)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
