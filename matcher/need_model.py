"""How likely each need is the company's, and which is its main need, beyond the keywords.

The profile reads needs by keyword (``profile.extract_profile``): a word read is a need, the first one is the main
need. On requests nobody tuned the keywords on, the main need read is the one a consultant names first in about half
of the cases, and a third of the needs read are not the company's. Two logistic models over the request's embedding
(the same vector the dense retrieval uses) and the needs read by keyword give each need a probability:

- ``need``: the probability that the company has that need (one binary model per need);
- ``main``: the probability that it is the main need (one multinomial model).

They do not replace the profile's needs (the answer explains by them); the learned ranker gets them as inputs
(``learned.ranker_inputs``: the probabilities of the programme's own needs), so it can trust a programme's need
as far as the request supports it. Fitted on the dev part's expected needs by ``python -m evals.fit --ranker``
(the ranker is fitted on out-of-fold probabilities), stored as plain arrays in ``matcher/need_model.json`` and
evaluated with numpy. The model belongs to the embedding model it was fitted with; with another one (or none, as
in a lexical-only pipeline) the keyword reading stands in: 1 for a need read, 0 otherwise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ConfigError
from .lexicon import NEED_ORDER
from .model_file import read_model_file

NEED_MODEL_FILE = Path(__file__).resolve().parent / "need_model.json"


@dataclass(frozen=True)
class NeedProbs:
    """Per need: the probability that the company has it (``need``) and that it is its main need (``main``)."""

    need: dict[str, float]
    main: dict[str, float]


def keyword_need_probs(needs: list[str]) -> NeedProbs:
    """The keyword reading as probabilities: every need read is certain, the first one is the main need."""
    return NeedProbs({n: 1.0 if n in needs else 0.0 for n in NEED_ORDER},
                     {n: 1.0 if needs and needs[0] == n else 0.0 for n in NEED_ORDER})


def need_inputs(query_vec: np.ndarray, needs: list[str]) -> np.ndarray:
    """One request's input row: its embedding, then which needs the keywords read and which came first."""
    return np.concatenate([np.asarray(query_vec, dtype=np.float64).ravel(),
                           [1.0 if n in needs else 0.0 for n in NEED_ORDER],
                           [1.0 if needs and needs[0] == n else 0.0 for n in NEED_ORDER]])


class NeedModelError(ConfigError, ValueError):
    """The need model file cannot be used (message says how to fix it)."""


@dataclass(frozen=True)
class NeedModel:
    embedding_model: str   # the embedder's ``model_id`` the model was fitted with
    dim: int               # its vector length
    need_coef: np.ndarray  # (len(NEED_ORDER), dim + 2 x len(NEED_ORDER))
    need_intercept: np.ndarray
    main_classes: tuple[str, ...]
    main_coef: np.ndarray  # (len(main_classes), dim + 2 x len(NEED_ORDER))
    main_intercept: np.ndarray
    meta: dict

    def fits(self, embedder) -> bool:
        return getattr(embedder, "model_id", None) == self.embedding_model and getattr(embedder, "dim", None) == self.dim

    def predict(self, query_vec: np.ndarray, needs: list[str]) -> NeedProbs:
        x = need_inputs(query_vec, needs)
        if x.shape[0] != self.need_coef.shape[1]:
            raise ValueError(f"expected a {self.dim}-dimensional query vector, got {x.shape[0] - 2 * len(NEED_ORDER)}")
        need = 1.0 / (1.0 + np.exp(-(self.need_coef @ x + self.need_intercept)))
        z = self.main_coef @ x + self.main_intercept
        z = np.exp(z - z.max())
        main = z / z.sum()
        by_class = dict(zip(self.main_classes, main.tolist(), strict=True))
        return NeedProbs(dict(zip(NEED_ORDER, need.tolist(), strict=True)), {n: by_class.get(n, 0.0) for n in NEED_ORDER})

    def to_dict(self) -> dict:
        return {"meta": self.meta, "embedding_model": self.embedding_model, "dim": self.dim, "needs": list(NEED_ORDER),
                "need_coef": self.need_coef.tolist(), "need_intercept": self.need_intercept.tolist(),
                "main_classes": list(self.main_classes), "main_coef": self.main_coef.tolist(),
                "main_intercept": self.main_intercept.tolist()}

    @classmethod
    def from_dict(cls, d: dict) -> NeedModel:
        if tuple(d["needs"]) != NEED_ORDER:
            raise NeedModelError("it was fitted for other needs than matcher.lexicon.NEED_ORDER lists")
        m = cls(embedding_model=str(d["embedding_model"]), dim=int(d["dim"]),
                need_coef=np.asarray(d["need_coef"], dtype=np.float64),
                need_intercept=np.asarray(d["need_intercept"], dtype=np.float64),
                main_classes=tuple(d["main_classes"]), main_coef=np.asarray(d["main_coef"], dtype=np.float64),
                main_intercept=np.asarray(d["main_intercept"], dtype=np.float64), meta=dict(d.get("meta") or {}))
        width = m.dim + 2 * len(NEED_ORDER)
        if (m.need_coef.shape != (len(NEED_ORDER), width) or m.need_intercept.shape != (len(NEED_ORDER),)
                or m.main_coef.shape != (len(m.main_classes), width) or m.main_intercept.shape != (len(m.main_classes),)
                or not set(m.main_classes) <= set(NEED_ORDER)):
            raise NeedModelError("its arrays do not fit its embedding size and needs")
        return m


def fit_need_model(rows: list[tuple[np.ndarray, list[str], list[str]]], embedding_model: str, meta: dict | None = None,
                   c_need: float = 1.0, c_main: float = 3.0) -> NeedModel:
    """Fit both models on (query vector, needs read by keyword, expected needs) rows; rows without expected needs
    are left out. A need no row expects gets a model that never predicts it."""
    from sklearn.linear_model import LogisticRegression

    rows = [r for r in rows if r[2]]
    if not rows:
        raise ValueError("no rows with expected needs to fit the need model on")
    x = np.asarray([need_inputs(v, read) for v, read, _want in rows])
    coef, icpt = np.zeros((len(NEED_ORDER), x.shape[1])), np.full(len(NEED_ORDER), -30.0)
    for i, n in enumerate(NEED_ORDER):
        y = np.asarray([1 if n in want else 0 for _v, _r, want in rows])
        if 0 < y.sum() < len(y):
            m = LogisticRegression(C=c_need, max_iter=3000).fit(x, y)
            coef[i], icpt[i] = m.coef_[0], m.intercept_[0]
        elif y.sum() == len(y):
            icpt[i] = 30.0
    firsts = [want[0] for _v, _r, want in rows]
    classes = sorted(set(firsts), key=NEED_ORDER.index)
    if len(classes) == 1:
        main_coef, main_icpt = np.zeros((1, x.shape[1])), np.zeros(1)
    else:
        m = LogisticRegression(C=c_main, max_iter=5000).fit(x, firsts)
        if len(classes) == 2:  # scikit-learn keeps one row for two classes: the log-odds of its second class
            sign = 1.0 if list(m.classes_) == classes else -1.0
            main_coef = np.vstack([-sign * m.coef_[0] / 2, sign * m.coef_[0] / 2])
            main_icpt = np.asarray([-sign * m.intercept_[0] / 2, sign * m.intercept_[0] / 2])
        else:
            order = [list(m.classes_).index(c) for c in classes]
            main_coef, main_icpt = m.coef_[order], m.intercept_[order]
    return NeedModel(embedding_model, x.shape[1] - 2 * len(NEED_ORDER), coef, icpt, tuple(classes), main_coef,
                     main_icpt, meta or {})


def load_need_model(path: Path = NEED_MODEL_FILE) -> NeedModel | None:
    """The need model of ``path``; ``None`` if there is no such file (the keyword reading stands in)."""
    return read_model_file(path, NeedModel.from_dict, NeedModelError, "need model", "the keyword reading stands in")


@functools.lru_cache(maxsize=1)
def default_need_model() -> NeedModel | None:
    """The shipped need model (``matcher/need_model.json``), loaded once."""
    return load_need_model()
