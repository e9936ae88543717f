"""What consultants named for similar requests: the dev part's consultations as a case base.

A programme's text says what it funds; which programme a consultant names first for a given company is knowledge
of another kind (a Berlin SME's development project gets Pro FIT, a craft business's new machine a loan). The gold
cases hold that knowledge as labels. The case base keeps, for each dev case, only the request's embedding and the
programmes its consultant named (``must`` 1, ``should`` 0.5) — no text — and answers, for a new request, how
strongly its ``k`` most similar consultations named each programme:

    vote(p) = sum over the k nearest cases of max(similarity, 0) x relevance(p) / k

Divided by ``k``, not by the sum of similarities, a vote shrinks when the nearest cases are far from the request
(a company unlike any consultation gets weak votes, not confident ones). The vote is one input of the learned
ranker (``learned.ranker_inputs``); it never adds a programme the rules hide, and the features stay the ``why``.

Built from the dev part only by ``python -m evals.fit --ranker`` (for fitting the ranker, each dev case's votes
come from the other folds), stored in ``matcher/case_base.json`` with the ids of the cases it holds, so a test
can check that no locked-test or real-company case is among them. It belongs to the embedding model it was
built with; with another one (or none) the votes are unknown (``NaN``: the trees take their most common branch).
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ConfigError
from .model_file import read_model_file

CASE_BASE_FILE = Path(__file__).resolve().parent / "case_base.json"

NEIGHBOURS = 15  # chosen on dev by CV (5, 10, 15, 25, 50 nearest: nDCG@10 0.793, 0.798, 0.801, 0.797, 0.793)


class CaseBaseError(ConfigError, ValueError):
    """The case base file cannot be used (message says how to fix it)."""


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.where(n > 0, n, 1.0)


@dataclass(frozen=True)
class CaseBase:
    embedding_model: str        # the embedder's ``model_id`` the vectors come from
    case_ids: tuple[str, ...]   # the gold cases it holds (dev part only)
    vectors: np.ndarray         # (cases, dim), unit length
    programmes: tuple[str, ...]
    relevance: np.ndarray       # (cases, programmes): 1 must, 0.5 should, 0 otherwise
    k: int = NEIGHBOURS
    meta: dict | None = None

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
        if not len(self.case_ids):
            return {}
        sims = self.vectors @ q
        k = min(self.k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        v = np.maximum(sims[top], 0.0) @ self.relevance[top] / self.k
        return {self.programmes[j]: float(v[j]) for j in np.flatnonzero(v > 0)}

    def without(self, case_ids) -> CaseBase:
        """The same case base without ``case_ids`` (leave-one-out evaluation of the cases it holds)."""
        drop = set(case_ids)
        keep = np.asarray([i not in drop for i in self.case_ids], dtype=bool)
        return CaseBase(self.embedding_model, tuple(i for i in self.case_ids if i not in drop), self.vectors[keep],
                        self.programmes, self.relevance[keep], self.k, self.meta)

    def to_dict(self) -> dict:
        vec = base64.b64encode(self.vectors.astype("<f2").tobytes()).decode("ascii")
        rel = [[[j, float(r)] for j, r in enumerate(row) if r > 0] for row in self.relevance]
        return {"meta": self.meta or {}, "embedding_model": self.embedding_model, "dim": self.dim, "k": self.k,
                "case_ids": list(self.case_ids), "programmes": list(self.programmes),
                "vectors_float16_base64": vec, "relevance": rel}

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
        return cls(str(d["embedding_model"]), ids, _unit(vectors), progs, relevance, k, dict(d.get("meta") or {}))


def build_case_base(rows: list[tuple[str, np.ndarray, dict[str, int]]], embedding_model: str, k: int = NEIGHBOURS,
                    meta: dict | None = None) -> CaseBase:
    """A case base of (case id, request embedding, {programme: 2 must / 1 should}) rows."""
    if not rows:
        raise ValueError("no cases to build the case base from")
    progs = tuple(sorted({p for _i, _v, rel in rows for p, r in rel.items() if r > 0}))
    col = {p: j for j, p in enumerate(progs)}
    relevance = np.zeros((len(rows), len(progs)), dtype=np.float32)
    for i, (_cid, _v, rel) in enumerate(rows):
        for p, r in rel.items():
            if r > 0:
                relevance[i, col[p]] = 1.0 if r >= 2 else 0.5
    # stored as float16: the similarities keep three decimals, enough to order neighbours
    vectors = _unit(np.asarray([v for _i, v, _r in rows])).astype(np.float16).astype(np.float32)
    return CaseBase(embedding_model, tuple(i for i, _v, _r in rows), _unit(vectors), progs, relevance, k, meta or {})


def load_case_base(path: Path = CASE_BASE_FILE) -> CaseBase | None:
    """The case base of ``path``; ``None`` if there is no such file (the votes are unknown then)."""
    return read_model_file(path, CaseBase.from_dict, CaseBaseError, "case base",
                           "the ranker then goes without similar consultations")


@functools.lru_cache(maxsize=1)
def default_case_base() -> CaseBase | None:
    """The shipped case base (``matcher/case_base.json``), loaded once."""
    return load_case_base()
