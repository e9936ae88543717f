"""What consultants named for similar requests: the dev part's consultations as a case base.

A programme's text says what it funds; which programme a consultant names first for a given company is knowledge
of another kind (a Berlin SME's development project gets Pro FIT, a craft business's new machine a loan). The gold
cases hold that knowledge as labels. The case base keeps, for each dev case, only the request's embedding, its
hashed words (see below) and the programmes its consultant named (``must`` 1, ``should`` 0.5) — no text — and
answers, for a new request, how strongly its ``k`` most similar consultations named each programme:

    vote(p) = sum over the k nearest cases of max(similarity, 0) x relevance(p) / k

Divided by ``k``, not by the sum of similarities, a vote shrinks when the nearest cases are far from the request
(a company unlike any consultation gets weak votes, not confident ones). The vote is one input of the learned
ranker (``learned.ranker_inputs``); it never adds a programme the rules hide, and the features stay the ``why``.

A second vote comes from the same cases found by their words (``WordIndex``: TF-IDF over words and word pairs,
cosine similarity), because the embedding and the words find different neighbours: a request about a
"Meisterbetrieb" or an "Ausgründung" is near the consultations that use that word, whatever the rest of the text.
Each word is kept as a 64-bit hash with its weights, so the file holds no text either. With the word vote as a
second ranker input, 5-fold CV on dev went from recall@5 0.900 / nDCG@10 0.800 to 0.911 / 0.808 (a vote from a
similarity mixing both, instead of two votes: 0.903 / 0.804).

Built from the dev part only by ``python -m evals.fit --ranker`` (for fitting the ranker, each dev case's votes
come from the other folds), stored in ``matcher/case_base.json`` with the ids of the cases it holds, so a test
can check that no locked-test or real-company case is among them. It belongs to the embedding model it was
built with; with another one (or none) the votes are unknown (``NaN``: the trees take their most common branch).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ConfigError
from .model_file import read_model_file

CASE_BASE_FILE = Path(__file__).resolve().parent / "case_base.json"

NEIGHBOURS = 15  # chosen on dev by CV (5, 10, 15, 25, 50 nearest: nDCG@10 0.793, 0.798, 0.801, 0.797, 0.793)
MIN_CASES_PER_TERM = 2  # a word (pair) in one case only says nothing about similarity between cases

_WORD = re.compile(r"(?u)\b\w\w+\b")  # two or more letters or digits


class CaseBaseError(ConfigError, ValueError):
    """The case base file cannot be used (message says how to fix it)."""


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.where(n > 0, n, 1.0)


def word_terms(text: str) -> list[str]:
    """The words (two or more characters, lower case) of ``text`` and each pair of neighbouring words."""
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def term_hash(term: str) -> int:
    """A stable 64-bit hash of a term (the same on every machine and Python run, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


def _b64(a: np.ndarray, dtype: str) -> str:
    return base64.b64encode(np.ascontiguousarray(a, dtype=dtype).tobytes()).decode("ascii")


def _from_b64(text: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype)


@dataclass(frozen=True)
class WordIndex:
    """The cases' TF-IDF vectors (sublinear term frequency, smoothed IDF, unit length) as an inverted index: term
    ``j`` (``hashes[j]``, sorted) occurs in ``cases[indptr[j]:indptr[j + 1]]`` with ``weights`` there."""

    hashes: np.ndarray   # (terms,) uint64, sorted
    idf: np.ndarray      # (terms,) float32
    indptr: np.ndarray   # (terms + 1,) int64
    cases: np.ndarray    # (entries,) int32: a case's row in the case base
    weights: np.ndarray  # (entries,) float32

    @classmethod
    def build(cls, texts: list[str], min_cases: int = MIN_CASES_PER_TERM) -> WordIndex:
        counts = [Counter(term_hash(t) for t in word_terms(x)) for x in texts]
        df = Counter(h for c in counts for h in c)
        hashes = np.asarray(sorted(h for h, n in df.items() if n >= min_cases), dtype=np.uint64)
        idf = np.asarray([math.log((1 + len(texts)) / (1 + df[int(h)])) + 1 for h in hashes], dtype=np.float32)
        col = {int(h): j for j, h in enumerate(hashes)}
        postings: list[list[tuple[int, float]]] = [[] for _ in hashes]
        for i, c in enumerate(counts):
            row = {col[h]: (1 + math.log(n)) * float(idf[col[h]]) for h, n in c.items() if h in col}
            norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
            for j, w in row.items():
                postings[j].append((i, w / norm))
        indptr = np.cumsum([0, *(len(p) for p in postings)]).astype(np.int64)
        return cls(hashes, idf, indptr, np.asarray([i for p in postings for i, _w in p], dtype=np.int32),
                   np.asarray([w for p in postings for _i, w in p], dtype=np.float32))

    def similarities(self, text: str, n_cases: int) -> np.ndarray:
        """Cosine similarity of ``text`` to each of the ``n_cases`` cases (0 for a text with no known term)."""
        sims = np.zeros(n_cases, dtype=np.float32)
        counts = Counter(term_hash(t) for t in word_terms(text))
        if not counts or not len(self.hashes):
            return sims
        hs = np.fromiter(counts, dtype=np.uint64, count=len(counts))
        pos = np.minimum(np.searchsorted(self.hashes, hs), len(self.hashes) - 1)
        known = self.hashes[pos] == hs
        if not known.any():
            return sims
        tf = 1 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        w = tf[known] * self.idf[pos[known]]
        w /= np.linalg.norm(w)
        for j, wq in zip(pos[known], w, strict=True):
            lo, hi = self.indptr[j], self.indptr[j + 1]
            sims[self.cases[lo:hi]] += wq * self.weights[lo:hi]
        return sims

    def without(self, keep: np.ndarray) -> WordIndex:
        """The index of the cases where ``keep`` is true, renumbered (terms and their IDF stay as built)."""
        new_row = np.cumsum(keep) - 1
        entry_kept = keep[self.cases]
        # the kept entries before each term's first entry are its new offset
        kept_before = np.concatenate([[0], np.cumsum(entry_kept)]).astype(np.int64)
        cases = new_row[self.cases[entry_kept]].astype(np.int32)
        return WordIndex(self.hashes, self.idf, kept_before[self.indptr], cases, self.weights[entry_kept])

    def to_dict(self) -> dict:
        return {"hashes_uint64_base64": _b64(self.hashes, "<u8"), "idf_float32_base64": _b64(self.idf, "<f4"),
                "indptr": self.indptr.tolist(), "cases_int32_base64": _b64(self.cases, "<i4"),
                "weights_float32_base64": _b64(self.weights, "<f4")}

    @classmethod
    def from_dict(cls, d: dict, n_cases: int) -> WordIndex:
        hashes = _from_b64(d["hashes_uint64_base64"], "<u8").astype(np.uint64)
        idf = _from_b64(d["idf_float32_base64"], "<f4").astype(np.float32)
        indptr = np.asarray(d["indptr"], dtype=np.int64)
        cases = _from_b64(d["cases_int32_base64"], "<i4").astype(np.int32)
        weights = _from_b64(d["weights_float32_base64"], "<f4").astype(np.float32)
        if len(idf) != len(hashes) or len(indptr) != len(hashes) + 1 or len(weights) != len(cases):
            raise CaseBaseError("the word index's arrays have different lengths")
        if (np.diff(indptr) < 0).any() or indptr[0] != 0 or indptr[-1] != len(cases):
            raise CaseBaseError("the word index's posting offsets are not in order")
        if len(cases) and (cases.min() < 0 or cases.max() >= n_cases):
            raise CaseBaseError("the word index names a case the case base does not hold")
        if (hashes[1:] <= hashes[:-1]).any():  # compared as integers: a float64 would merge near hashes
            raise CaseBaseError("the word index's terms are not sorted")
        return cls(hashes, idf, indptr, cases, weights)


@dataclass(frozen=True)
class CaseBase:
    embedding_model: str        # the embedder's ``model_id`` the vectors come from
    case_ids: tuple[str, ...]   # the gold cases it holds (dev part only)
    vectors: np.ndarray         # (cases, dim), unit length
    programmes: tuple[str, ...]
    relevance: np.ndarray       # (cases, programmes): 1 must, 0.5 should, 0 otherwise
    k: int = NEIGHBOURS
    meta: dict | None = None
    words: WordIndex | None = None  # the same cases by their words (``None``: no word votes)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def fits(self, embedder) -> bool:
        return getattr(embedder, "model_id", None) == self.embedding_model and getattr(embedder, "dim", None) == self.dim

    def votes(self, query_vec: np.ndarray) -> dict[str, float]:
        """Each programme some of the ``k`` nearest cases named, with its vote (see the module's docstring)."""
        q = _unit(np.asarray(query_vec).ravel())
        if q.shape[0] != self.dim:
            raise ValueError(f"expected a {self.dim}-dimensional query vector, got {q.shape[0]}")
        return self._votes(self.vectors @ q)

    def word_votes(self, text: str) -> dict[str, float] | None:
        """The same votes with the cases found by their words; ``None`` without a word index."""
        if self.words is None:
            return None
        return self._votes(self.words.similarities(text, len(self.case_ids)))

    def _votes(self, sims: np.ndarray) -> dict[str, float]:
        if not len(sims):
            return {}
        k = min(self.k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        v = np.maximum(sims[top], 0.0) @ self.relevance[top] / self.k
        return {self.programmes[j]: float(v[j]) for j in np.flatnonzero(v > 0)}

    def without(self, case_ids) -> CaseBase:
        """The same case base without ``case_ids`` (leave-one-out evaluation of the cases it holds)."""
        drop = set(case_ids)
        keep = np.asarray([i not in drop for i in self.case_ids], dtype=bool)
        return CaseBase(self.embedding_model, tuple(i for i in self.case_ids if i not in drop), self.vectors[keep],
                        self.programmes, self.relevance[keep], self.k, self.meta,
                        self.words.without(keep) if self.words is not None else None)

    def to_dict(self) -> dict:
        vec = _b64(self.vectors, "<f2")
        rel = [[[j, float(r)] for j, r in enumerate(row) if r > 0] for row in self.relevance]
        return {"meta": self.meta or {}, "embedding_model": self.embedding_model, "dim": self.dim, "k": self.k,
                "case_ids": list(self.case_ids), "programmes": list(self.programmes),
                "vectors_float16_base64": vec, "relevance": rel,
                **({"words": self.words.to_dict()} if self.words is not None else {})}

    @classmethod
    def from_dict(cls, d: dict) -> CaseBase:
        ids, progs, dim = tuple(d["case_ids"]), tuple(d["programmes"]), int(d["dim"])
        raw = base64.b64decode(d["vectors_float16_base64"])
        if len(raw) != len(ids) * dim * 2:
            raise CaseBaseError(f"it holds {len(raw) // 2} vector values, not {len(ids)} cases x {dim}")
        vectors = np.frombuffer(raw, dtype="<f2").astype(np.float32).reshape(len(ids), dim)
        if len(d["relevance"]) != len(ids):
            raise CaseBaseError("it has not one relevance list per case")
        relevance = np.zeros((len(ids), len(progs)), dtype=np.float32)
        for i, row in enumerate(d["relevance"]):
            for j, r in row:
                if not 0 <= int(j) < len(progs) or not 0 < float(r) <= 1:
                    raise CaseBaseError(f"case {ids[i]} names an unknown programme or a relevance outside (0, 1]")
                relevance[i, int(j)] = float(r)
        k = int(d.get("k", NEIGHBOURS))
        if k < 1:
            raise CaseBaseError(f"k must be at least 1, got {k}")
        words = WordIndex.from_dict(d["words"], len(ids)) if d.get("words") is not None else None
        return cls(str(d["embedding_model"]), ids, _unit(vectors), progs, relevance, k, dict(d.get("meta") or {}),
                   words)


def build_case_base(rows: list[tuple[str, np.ndarray, dict[str, int]]], embedding_model: str, k: int = NEIGHBOURS,
                    meta: dict | None = None, texts: list[str] | None = None) -> CaseBase:
    """A case base of (case id, request embedding, {programme: 2 must / 1 should}) rows; with ``texts`` (each
    row's request) also its word index."""
    if not rows:
        raise ValueError("no cases to build the case base from")
    if texts is not None and len(texts) != len(rows):
        raise ValueError(f"{len(texts)} texts for {len(rows)} cases")
    progs = tuple(sorted({p for _i, _v, rel in rows for p, r in rel.items() if r > 0}))
    col = {p: j for j, p in enumerate(progs)}
    relevance = np.zeros((len(rows), len(progs)), dtype=np.float32)
    for i, (_cid, _v, rel) in enumerate(rows):
        for p, r in rel.items():
            if r > 0:
                relevance[i, col[p]] = 1.0 if r >= 2 else 0.5
    # stored as float16: the similarities keep three decimals, enough to order neighbours
    vectors = _unit(np.asarray([v for _i, v, _r in rows])).astype(np.float16).astype(np.float32)
    return CaseBase(embedding_model, tuple(i for i, _v, _r in rows), _unit(vectors), progs, relevance, k, meta or {},
                    WordIndex.build(texts) if texts is not None else None)


def load_case_base(path: Path = CASE_BASE_FILE) -> CaseBase | None:
    """The case base of ``path``; ``None`` if there is no such file (the votes are unknown then)."""
    return read_model_file(path, CaseBase.from_dict, CaseBaseError, "case base",
                           "the ranker then goes without similar consultations")


@functools.lru_cache(maxsize=1)
def default_case_base() -> CaseBase | None:
    """The shipped case base (``matcher/case_base.json``), loaded once."""
    return load_case_base()
