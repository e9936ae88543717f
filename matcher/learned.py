"""The learned ranker: gradient-boosted trees over the rank features and the company's and programme's context.

The hand-weighted linear score (``rank.LinearScorer``) adds each feature on its own. Which feature matters depends
on the situation: for a company that wants to invest, a loan that meets the need ranks differently than for a
team that develops something; a Berlin programme weighs more for a Berlin firm that asked for grants. A small tree
ensemble learns such interactions from the dev part of the gold cases (``python -m evals.fit --ranker``, never
the locked test part) and writes ``matcher/ranker.json``. At match time its probability that a programme is one
a consultant would name is blended with the linear score (``learned_score``); the features stay the ``why``.

Among its inputs are the need model's probabilities (``matcher.need_model``) of the programme's own needs: how far the
request supports the need a programme serves, beyond the keywords that put it in the profile; and how strongly the
most similar dev consultations named the programme (``matcher.case_base``).

The trees are stored as plain arrays (no pickle, no scikit-learn at run time) and evaluated for all
candidates of a request at once with numpy.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ConfigError
from .lexicon import NEED_ORDER
from .models import CompanyProfile, Programme
from .need_model import NeedProbs, keyword_need_probs
from .rank import FEATURE_WEIGHTS

RANKER_FILE = Path(__file__).resolve().parent / "ranker.json"
SUPPORT_RANKER_FILE = Path(__file__).resolve().parent / "support_ranker.json"

RANK_FEATURES = list(FEATURE_WEIGHTS)
INSTRUMENTS = ("grant", "loan", "equity", "guarantee", "tax_credit", "advice", "network", "training", "prize",
               "scholarship")
WISHABLE = ("grant", "loan", "equity", "guarantee", "tax_credit", "scholarship")
LEVELS = ("berlin", "bund", "eu")
STAGES = ("pre_founding", "startup", "established", None)
SIZES = ("micro", "small", "medium", "large", None)
TARGET_GROUPS = ("kmu", "large", "startup", "founders", "research", "individuals", "any")

INPUT_NAMES: tuple[str, ...] = (
    *RANK_FEATURES,
    *(f"main_need={n}" for n in NEED_ORDER),
    *(f"need={n}" for n in NEED_ORDER),
    *(f"programme_instrument={i}" for i in INSTRUMENTS),
    *(f"wished={i}" for i in WISHABLE),
    *(f"programme_level={lv}" for lv in LEVELS),
    *(f"stage={s}" for s in STAGES),
    *(f"size={s}" for s in SIZES),
    "company_needs", "programme_needs", "in_berlin", "programme_main_need_is_main_need",
    # size fit: the sum the company names against what the programme gives, and whom it is for
    "log10_project_eur", "log10_employees", "log10_programme_max_eur", "log10_programme_min_eur",
    "log10_project_over_programme_max", "project_above_programme_max",
    *(f"programme_for={g}" for g in TARGET_GROUPS),
    # how likely the programme's needs are the company's (``need_model``): its first need and the likeliest of its
    # needs, as a need of the company and as its main need
    "need_prob_first", "need_prob_max", "main_prob_first", "main_prob_max",
    # how strongly the most similar dev consultations named this programme (``case_base``; NaN without a case base),
    # found by the request's embedding and by its words
    "case_vote", "case_word_vote",
)


# The support lane's ranker chooses the three advice, network and training offers shown beside the money. Its
# inputs are the candidate's rank features and which needs the offer serves against the company's needs: a
# generic advice point serves every need, a specific one (energy advice, a digitalisation centre) serves one.
SUPPORT_INPUT_NAMES: tuple[str, ...] = (
    *RANK_FEATURES,
    "programme_needs", "shared_needs", "serves_main_need", "first_need_is_main_need", "first_need_asked",
    "company_needs",
    *(f"need={n}" for n in NEED_ORDER),
    *(f"programme_need={n}" for n in NEED_ORDER),
    *(f"programme_level={lv}" for lv in LEVELS),
)


class RankerError(ConfigError, ValueError):
    """The ranker file cannot be used (message says how to fix it)."""


def ranker_inputs(features: dict[str, float], prog: Programme, profile: CompanyProfile,
                  need_probs: NeedProbs | None = None, case_votes: dict[str, float] | None = None,
                  word_votes: dict[str, float] | None = None) -> list[float]:
    """One candidate's input row, in the order of ``INPUT_NAMES``; without ``need_probs`` the profile's keyword
    reading stands in for them, without ``case_votes`` (no case base for this embedder) or ``word_votes`` (no case
    base, or one without words) that vote is unknown (NaN)."""
    main = profile.needs[0] if profile.needs else None
    primary = prog.instruments[0] if prog.instruments else None
    row = [features.get(k, 0.0) for k in RANK_FEATURES]
    row += [1.0 if main == n else 0.0 for n in NEED_ORDER]
    row += [1.0 if n in profile.needs else 0.0 for n in NEED_ORDER]
    row += [1.0 if primary == i else 0.0 for i in INSTRUMENTS]
    row += [1.0 if i in profile.instruments_wished else 0.0 for i in WISHABLE]
    row += [1.0 if prog.level == lv else 0.0 for lv in LEVELS]
    row += [1.0 if profile.stage == s else 0.0 for s in STAGES]
    row += [1.0 if profile.size_class == s else 0.0 for s in SIZES]
    row += [float(len(profile.needs)), float(len(prog.needs)), 1.0 if profile.in_berlin else 0.0,
            1.0 if prog.needs and main == prog.needs[0] else 0.0]
    top = prog.amount.max_eur if prog.amount and prog.amount.max_eur else None
    floor = prog.amount.min_eur if prog.amount and prog.amount.min_eur else None
    project = profile.project_eur or None
    row += [math.log10(project) if project else 0.0,
            math.log10(profile.employees + 1) if profile.employees is not None else -1.0,
            math.log10(top) if top else 0.0, math.log10(floor) if floor else 0.0,
            math.log10(project / top) if project and top else 0.0, 1.0 if project and top and project > top else 0.0]
    row += [1.0 if g in prog.target_groups else 0.0 for g in TARGET_GROUPS]
    probs = need_probs or keyword_need_probs(profile.needs)
    own = prog.needs or []
    row += [probs.need.get(own[0], 0.0) if own else 0.0, max((probs.need.get(n, 0.0) for n in own), default=0.0),
            probs.main.get(own[0], 0.0) if own else 0.0, max((probs.main.get(n, 0.0) for n in own), default=0.0)]
    row += [votes.get(prog.id, 0.0) if votes is not None else math.nan for votes in (case_votes, word_votes)]
    return row


def support_inputs(features: dict[str, float], prog: Programme, profile: CompanyProfile) -> list[float]:
    """One support offer's input row for the support lane's ranker, in the order of ``SUPPORT_INPUT_NAMES``."""
    needs = profile.needs
    main = needs[0] if needs else None
    first = prog.needs[0] if prog.needs else None
    row = [features.get(k, 0.0) for k in RANK_FEATURES]
    row += [float(len(prog.needs)), float(len(set(prog.needs) & set(needs))), 1.0 if main in prog.needs else 0.0,
            1.0 if first is not None and first == main else 0.0, 1.0 if first in needs else 0.0, float(len(needs))]
    row += [1.0 if n in needs else 0.0 for n in NEED_ORDER]
    row += [1.0 if n in prog.needs else 0.0 for n in NEED_ORDER]
    row += [1.0 if prog.level == lv else 0.0 for lv in LEVELS]
    return row


@dataclass(frozen=True)
class TreeRanker:
    """A binary gradient-boosted tree ensemble: probability = sigmoid(baseline + sum of the trees' leaf values).

    The nodes of all trees are concatenated; ``roots`` holds each tree's first node. At a split node a row goes
    left when its value is <= ``threshold`` (missing values follow ``missing_left``)."""

    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray
    missing_left: np.ndarray
    blend: float
    names: tuple[str, ...]
    meta: dict

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The log-odds of each row of ``x`` (rows x len(names))."""
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != len(self.names):
            raise ValueError(f"expected rows of {len(self.names)} inputs, got shape {x.shape}")
        rows = np.arange(x.shape[0])[:, None]
        node = np.broadcast_to(self.roots, (x.shape[0], len(self.roots))).copy()
        # every step moves each (row, tree) pair that is not yet at a leaf one level down
        for _ in range(64):
            active = ~self.is_leaf[node]
            if not active.any():
                break
            v = x[rows, self.feature[node]]
            go_left = np.where(np.isnan(v), self.missing_left[node], v <= self.threshold[node])
            node = np.where(active, np.where(go_left, self.left[node], self.right[node]), node)
        return self.baseline + self.value[node].sum(axis=1)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The probability that each row is a programme a consultant would name."""
        return 1.0 / (1.0 + np.exp(-self.raw(x)))

    def to_dict(self) -> dict:
        return {
            "meta": self.meta, "blend": self.blend, "inputs": list(self.names), "baseline": self.baseline,
            "roots": self.roots.tolist(), "feature": self.feature.tolist(),
            # thresholds exactly (a split point can equal an input value, so rounding could move a row)
            "threshold": self.threshold.tolist(), "left": self.left.tolist(),
            "right": self.right.tolist(), "is_leaf": self.is_leaf.astype(int).tolist(),
            "value": self.value.tolist(), "missing_left": self.missing_left.astype(int).tolist(),
        }

    @classmethod
    def from_dict(cls, d: dict) -> TreeRanker:
        names = tuple(d["inputs"])
        n = len(d["feature"])
        arrays = {k: d[k] for k in ("feature", "threshold", "left", "right", "is_leaf", "value", "missing_left")}
        if any(len(v) != n for v in arrays.values()):
            raise RankerError("the node arrays of the ranker have different lengths")
        r = cls(baseline=float(d["baseline"]), roots=np.asarray(d["roots"], dtype=np.int64),
                feature=np.asarray(d["feature"], dtype=np.int64), threshold=np.asarray(d["threshold"], dtype=np.float64),
                left=np.asarray(d["left"], dtype=np.int64), right=np.asarray(d["right"], dtype=np.int64),
                is_leaf=np.asarray(d["is_leaf"], dtype=bool), value=np.asarray(d["value"], dtype=np.float64),
                missing_left=np.asarray(d["missing_left"], dtype=bool), blend=float(d.get("blend", 1.0)),
                names=names, meta=dict(d.get("meta") or {}))
        split = ~r.is_leaf

        def outside(a: np.ndarray, bound: int) -> bool:
            return bool(a.size) and (a.min() < 0 or a.max() >= bound)

        if (not r.roots.size or outside(r.roots, n) or outside(r.left[split], n) or outside(r.right[split], n)
                or outside(r.feature[split], len(names))):
            raise RankerError("the ranker's trees point outside their node arrays")
        if not 0.0 <= r.blend <= 1.0:
            raise RankerError(f"the ranker's blend must be between 0 and 1, got {r.blend}")
        return r


def load_ranker(path: Path = RANKER_FILE, inputs: tuple[str, ...] = INPUT_NAMES) -> TreeRanker | None:
    """The ranker of ``path``; ``None`` if there is no such file (the linear score alone is used then, or the
    hand order of the support lane).

    Raises ``RankerError`` when the file is unreadable or was fitted for other ``inputs`` than this code computes."""
    if not path.exists():
        return None
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        r = TreeRanker.from_dict(d)
    except (OSError, ValueError, KeyError, TypeError) as e:
        if isinstance(e, RankerError):
            raise RankerError(f"{path}: {e}; re-fit it with `python -m evals.fit --ranker`") from e
        raise RankerError(f"{path} is not a readable ranker ({e}); re-fit it with `python -m evals.fit --ranker` "
                          "or delete it to use the hand weights alone") from e
    if r.names != inputs:
        raise RankerError(f"{path} was fitted for other inputs than matcher.learned computes (the features changed); "
                          "re-fit it with `python -m evals.fit --ranker`")
    return r


@functools.lru_cache(maxsize=1)
def default_ranker() -> TreeRanker | None:
    """The shipped ranker (``matcher/ranker.json``), loaded once."""
    return load_ranker()


@functools.lru_cache(maxsize=1)
def default_support_ranker() -> TreeRanker | None:
    """The shipped ranker of the support lane (``matcher/support_ranker.json``), loaded once."""
    return load_ranker(SUPPORT_RANKER_FILE, SUPPORT_INPUT_NAMES)
