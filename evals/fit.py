"""Fit the ranking weights on the dev part by cross-validation (never on the locked test part).

    python -m evals.fit            # 5-fold CV on dev: hand weights vs fitted; writes matcher/weights.yaml
    python -m evals.fit --dry-run  # report only
    python -m evals.fit --ranker   # 5-fold CV of the learned rankers; writes matcher/ranker.json (with the need
                                   # model matcher/need_model.json and the case base matcher/case_base.json) and
                                   # matcher/support_ranker.json (matcher/learned.py)
    python -m evals.fit --ranker --support   # only the support lane's ranker

The features of every candidate programme are computed once per case (profile, retrieval, rules);
a weight vector then only re-scores, re-orders and re-splits the lanes, so CV is cheap. The model is
a regularised logistic regression (scikit-learn) over the features of ``matcher.rank.FEATURE_WEIGHTS``,
label = the programme is ``must`` or ``should`` for the case (``must`` weighted twice). Its coefficients,
rescaled so that retrieval keeps its default weight, become the linear scorer's weights.
The file is a proposal: keep it only when `make eval` shows the locked test part and the real-company
cases do not drop (2026-11-30: dev rose, test stayed, real fell, so the hand weights stayed).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import statistics
import sys
from dataclasses import asdict, fields

import yaml

from matcher.api import read_profile
from matcher.engine import Engine, build_engine
from matcher.pipeline import MatchState, judge_eligibility, make_retrieve, make_score, ordering_stages
from matcher.rank import FEATURE_WEIGHTS, WEIGHTS_FILE, LinearScorer, Weights

from .metrics import first_screen_recall, ir_metrics, ranking_as_run
from .run import case_parts, product_settings
from .schema import load_all_cases

FEATURES = list(FEATURE_WEIGHTS)


def scored_states(cases, eng: Engine, refiner_of=None) -> dict[str, MatchState]:
    """Each case's state after scoring (features of every candidate), computed once. ``refiner_of(query)`` may give
    a second reading of a request (``matcher.match``'s ``refine_profile``; ``evals.llm_reader``)."""
    from matcher.clock import today

    d = today(eng.settings)
    out = {}
    stages = [make_retrieve("rrf"), judge_eligibility, make_score(LinearScorer(Weights()))]
    for c in cases:
        if not (c.must or c.should):
            continue
        st = read_profile(c.query, eng, d, refine_profile=refiner_of(c.query) if refiner_of is not None else None)
        for s in stages:
            st = s(st, eng)
        out[c.id] = st
    return out


def need_rows(states: dict[str, MatchState], cases) -> list[tuple]:
    """(query vector, needs read by keyword, expected needs) of each case with a state and an embedding."""
    out = []
    for c in cases:
        st = states.get(c.id)
        if st is not None and st.query_vec is not None:
            out.append((st.query_vec, list(st.profile.needs), list(c.expected_profile.needs if c.expected_profile else [])))
    return out


def attach_out_of_fold_need_probs(states: dict[str, MatchState], cases, embedding_model: str, folds: int = 5) -> None:
    """Give each state the need probabilities of a need model fitted on the other folds (``need_model``), so the
    ranker is fitted on probabilities as good as those of a request the model never saw."""
    from matcher.need_model import fit_need_model

    cs = sorted([c for c in cases if c.id in states and states[c.id].query_vec is not None], key=lambda c: c.id)
    for k in range(folds):
        held = [c for i, c in enumerate(cs) if i % folds == k]
        try:
            model = fit_need_model(need_rows(states, [c for i, c in enumerate(cs) if i % folds != k]), embedding_model)
        except ValueError:
            continue  # no expected needs to learn from: the keyword reading stands in
        for c in held:
            st = states[c.id]
            st.need_probs = model.predict(st.query_vec, st.profile.needs)


def case_base_rows(states: dict[str, MatchState], cases) -> list[tuple]:
    """(case id, query vector, programme relevance) of each case with a state, an embedding and a must or should."""
    out = []
    for c in cases:
        st = states.get(c.id)
        rel = c.relevance()
        if st is not None and st.query_vec is not None and any(r > 0 for r in rel.values()):
            out.append((c.id, st.query_vec, rel))
    return out


def case_base_texts(states: dict[str, MatchState], rows) -> list[str]:
    """The request of each ``case_base_rows`` row, as the match reads it (for the case base's word index)."""
    return [states[cid].retrieval_text for cid, _v, _r in rows]


def attach_out_of_fold_case_votes(states: dict[str, MatchState], cases, embedding_model: str, folds: int = 5) -> None:
    """Give each state the votes (by embedding and by words) of a case base built from the other folds
    (``matcher.case_base``): a case never votes for itself, so the ranker learns how far the votes of a request's
    neighbours can be trusted."""
    from matcher.case_base import build_case_base

    cs = sorted([c for c in cases if c.id in states and states[c.id].query_vec is not None], key=lambda c: c.id)
    for k in range(folds):
        rows = case_base_rows(states, [c for i, c in enumerate(cs) if i % folds != k])
        if not rows:
            continue  # nothing to vote with: the votes stay unknown
        base = build_case_base(rows, embedding_model, texts=case_base_texts(states, rows))
        for c in (c for i, c in enumerate(cs) if i % folds == k):
            st = states[c.id]
            st.case_votes = base.votes(st.query_vec)
            st.word_votes = base.word_votes(st.retrieval_text)


def ranking(state: MatchState, w: Weights, eng: Engine, ranker=None, support_ranker=None) -> tuple[list[str], list[str]]:
    """The shown ranking (five programmes, the support lane, the rest) and the first screen; with ``ranker``
    (a ``matcher.learned.TreeRanker``) its probability is blended in as in the product, with ``support_ranker``
    the support lane is chosen by it."""
    from matcher.pipeline import make_learned_score

    st = copy.copy(state)
    st.candidates = [copy.copy(x) for x in state.candidates]
    scorer = LinearScorer(w)
    for x in st.candidates:
        x.score = scorer(x.features)
    if ranker is not None:
        st = make_learned_score(ranker, w)(st, eng)
    st.top_k = 10
    for stage in ordering_stages(w, support_ranker, learned=ranker is not None):
        st = stage(st, eng)
    progs = [x.prog.id for x in st.chosen]
    support = [x.prog.id for x in st.support]
    return progs[:5] + support + progs[5:], progs[:5] + support


def evaluate(states: dict[str, MatchState], cases, w: Weights, eng: Engine, ranker=None,
             support_ranker=None) -> dict[str, float]:
    cs = [c for c in cases if c.id in states]
    qrels = {c.id: c.relevance() for c in cs}
    ranked = {c.id: ranking(states[c.id], w, eng, ranker, support_ranker) for c in cs}
    m = ir_metrics(qrels, {q: ranking_as_run(r[0]) for q, r in ranked.items()})
    r = first_screen_recall({c.id: c.must for c in cs}, {q: r[1] for q, r in ranked.items()})
    if r is not None:
        m["recall@5"] = r
    return m


def fit_weights(states: dict[str, MatchState], cases, base: Weights, c_reg: float = 1.0) -> Weights:
    """Logistic regression over candidate features; coefficients mapped onto ``Weights``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xs, ys, sw = [], [], []
    for c in cases:
        if c.id not in states:
            continue
        rel = c.relevance()
        for x in states[c.id].candidates:
            if x.overall == "ineligible":
                continue
            xs.append([x.features.get(f, 0.0) for f in FEATURES])
            r = rel.get(x.prog.id, 0)
            ys.append(1 if r > 0 else 0)
            sw.append(2.0 if r == 2 else 1.0)
    model = LogisticRegression(C=c_reg, max_iter=2000, class_weight="balanced")
    model.fit(np.asarray(xs), np.asarray(ys), sample_weight=np.asarray(sw))
    coef = dict(zip(FEATURES, model.coef_[0], strict=True))
    scale = base.retrieval / coef["retrieval"] if coef["retrieval"] > 0 else 1.0
    w = copy.copy(base)
    for f, (attr, sign) in FEATURE_WEIGHTS.items():
        setattr(w, attr, round(float(sign * coef[f] * scale), 4))
    return w


TUNABLE = [attr for attr, _sign in FEATURE_WEIGHTS.values()] + ["diversity_penalty"]
STEPS = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)


def fit_coordinate_ascent(states, cases, eng: Engine, base: Weights, passes: int = 2) -> Weights:
    """Coordinate ascent on nDCG@10 (Metzler & Croft 2007): each weight in turn is multiplied by the
    factors in ``STEPS`` (or set from 0 to 0.1) and kept where the training cases' mean nDCG@10 rises."""
    w = copy.copy(base)
    best = evaluate(states, cases, w, eng)["ndcg@10"]
    for _ in range(passes):
        improved = False
        for attr in TUNABLE:
            cur = getattr(w, attr)
            for cand in sorted({round(cur * f, 4) for f in STEPS} | ({0.1} if cur == 0 else set())):
                if cand == cur:
                    continue
                trial = copy.copy(w)
                setattr(trial, attr, cand)
                score = evaluate(states, cases, trial, eng)["ndcg@10"]
                if score > best + 1e-6:
                    best, w, improved = score, trial, True
        if not improved:
            break
    return w


FITTERS = {
    "logistic": lambda states, train, eng, c_reg: fit_weights(states, train, Weights(), c_reg),
    "coordinate-ascent": lambda states, train, eng, c_reg: fit_coordinate_ascent(states, train, eng, Weights()),
}


def cross_validate(states, cases, eng: Engine, folds: int = 5, c_reg: float = 1.0) -> dict[str, dict[str, float]]:
    """Mean held-out metrics of the hand weights and each fitted model over ``folds`` folds of cases."""
    cs = sorted([c for c in cases if c.id in states], key=lambda c: c.id)
    res: dict[str, list[dict]] = {"hand": [], **{name: [] for name in FITTERS}}
    for k in range(folds):
        held = [c for i, c in enumerate(cs) if i % folds == k]
        train = [c for i, c in enumerate(cs) if i % folds != k]
        res["hand"].append(evaluate(states, held, Weights(), eng))
        for name, fit in FITTERS.items():
            res[name].append(evaluate(states, held, fit(states, train, eng, c_reg), eng))
    return {name: {m: statistics.mean(r[m] for r in rows) for m in rows[0]} for name, rows in res.items()}


# ---------------------------------------------------------------- the learned ranker (matcher/learned.py)

# chosen by 5-fold CV on the dev part (2026-12-04, 596 cases; nDCG@10 / recall@5 / MRR): hand weights
# 0.723 / 0.873 / 0.762; depth 3, 100 trees, blend 1.0: 0.741 / 0.850; the same, blend 0.5: 0.749 / 0.869;
# depth 4, 200 trees, blend 0.5: 0.752 / 0.869; blend 0.7: 0.758 / 0.874 / 0.774 (chosen); the rank features
# alone, without the context inputs: 0.733 / 0.850
RANKER_PARAMS = {"max_iter": 200, "learning_rate": 0.05, "max_depth": 4, "l2_regularization": 1.0, "random_state": 0}
RANKER_BLEND = 0.7
# the support lane's ranker: fewer rows (about 15 offers per case), so shallower trees with larger leaves
SUPPORT_RANKER_PARAMS = {"max_iter": 150, "learning_rate": 0.05, "max_depth": 3, "min_samples_leaf": 20,
                         "l2_regularization": 1.0, "random_state": 0}


def _labelled_rows(states: dict[str, MatchState], cases, row_of, keep):
    """Input rows (``row_of(candidate, state)``), labels (a ``must`` or ``should`` programme) and sample weights
    (``must`` twice) of the candidates that ``keep`` accepts."""
    import numpy as np

    xs, ys, sw = [], [], []
    for c in cases:
        st = states.get(c.id)
        if st is None:
            continue
        rel = c.relevance()
        for x in st.candidates:
            if not keep(x):
                continue
            xs.append(row_of(x, st))
            r = rel.get(x.prog.id, 0)
            ys.append(1 if r > 0 else 0)
            sw.append(2.0 if r == 2 else 1.0)
    return np.asarray(xs, dtype=float), np.asarray(ys), np.asarray(sw)


def ranker_rows(states: dict[str, MatchState], cases):
    """The programme ranker's rows: every candidate that is not ineligible (see ``_labelled_rows``)."""
    from matcher.learned import ranker_inputs

    return _labelled_rows(states, cases,
                          lambda x, st: ranker_inputs(x.features, x.prog, st.profile, st.need_probs, st.case_votes,
                                                      st.word_votes),
                          lambda x: x.overall != "ineligible")


def support_rows(states: dict[str, MatchState], cases):
    """The support lane ranker's rows: every support offer that is not ineligible (see ``_labelled_rows``)."""
    from matcher.lanes import is_support_only
    from matcher.learned import support_inputs

    return _labelled_rows(states, cases, lambda x, st: support_inputs(x.features, x.prog, st.profile),
                          lambda x: x.overall != "ineligible" and is_support_only(x))


def tree_ranker_from_sklearn(model, blend: float, meta: dict, names: tuple[str, ...] | None = None):
    """The fitted ``HistGradientBoostingClassifier`` as a ``matcher.learned.TreeRanker`` (its node arrays) over
    ``names`` (default: the programme ranker's ``INPUT_NAMES``)."""
    import numpy as np

    from matcher.learned import INPUT_NAMES, TreeRanker

    roots, parts, offset = [], [], 0
    for (pred,) in model._predictors:  # one tree per boosting step (binary classification)
        nodes = pred.nodes
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits are not supported by matcher.learned")
        roots.append(offset)
        leaf = nodes["is_leaf"].astype(bool)
        parts.append({
            "feature": np.where(leaf, 0, nodes["feature_idx"]), "threshold": nodes["num_threshold"],
            "left": np.where(leaf, 0, nodes["left"] + offset), "right": np.where(leaf, 0, nodes["right"] + offset),
            "is_leaf": leaf, "value": np.where(leaf, nodes["value"], 0.0), "missing_left": nodes["missing_go_to_left"].astype(bool),
        })
        offset += len(nodes)
    cat = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return TreeRanker(baseline=float(np.ravel(model._baseline_prediction)[0]), roots=np.asarray(roots), blend=blend,
                      names=names or INPUT_NAMES, meta=meta, **cat)


def fit_ranker(states: dict[str, MatchState], cases, meta: dict | None = None):
    """Fit the tree ensemble on ``cases`` (``RANKER_PARAMS``) and return it as a ``TreeRanker``."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x, y, sw = ranker_rows(states, cases)
    # an input no row knows (no case votes attached) cannot be binned: 0 everywhere, so no tree splits on it
    x[:, np.isnan(x).all(axis=0)] = 0.0
    model = HistGradientBoostingClassifier(**RANKER_PARAMS).fit(x, y, sample_weight=sw)
    return tree_ranker_from_sklearn(model, RANKER_BLEND, meta or {})


def fit_support_ranker(states: dict[str, MatchState], cases, meta: dict | None = None):
    """Fit the support lane's trees on ``cases`` (``SUPPORT_RANKER_PARAMS``) and return them as a ``TreeRanker``."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    from matcher.learned import SUPPORT_INPUT_NAMES

    x, y, sw = support_rows(states, cases)
    model = HistGradientBoostingClassifier(**SUPPORT_RANKER_PARAMS).fit(x, y, sample_weight=sw)
    return tree_ranker_from_sklearn(model, 1.0, meta or {}, SUPPORT_INPUT_NAMES)


def cross_validate_ranker(states, cases, eng: Engine, folds: int = 5) -> dict[str, dict[str, float]]:
    """Mean held-out metrics of the hand weights, of the ranker fitted on the other folds, and of that ranker
    with the support lane chosen by a support ranker fitted on the same folds."""
    cs = sorted([c for c in cases if c.id in states], key=lambda c: c.id)
    res: dict[str, list[dict]] = {"hand": [], "ranker": [], "ranker+support": []}
    for k in range(folds):
        held = [c for i, c in enumerate(cs) if i % folds == k]
        train = [c for i, c in enumerate(cs) if i % folds != k]
        res["hand"].append(evaluate(states, held, Weights(), eng))
        ranker = fit_ranker(states, train)
        res["ranker"].append(evaluate(states, held, Weights(), eng, ranker))
        res["ranker+support"].append(evaluate(states, held, Weights(), eng, ranker, fit_support_ranker(states, train)))
    return {name: {m: statistics.mean(r[m] for r in rows) for m in rows[0]} for name, rows in res.items()}


def _write_tree(path, tree) -> None:
    path.write_text(json.dumps(tree.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(tree.roots)} trees, {len(tree.feature)} nodes)")


def main_ranker(dry_run: bool, support_only: bool = False) -> int:
    """Cross-validate and fit the programme ranker (``matcher/ranker.json``, with the need model
    ``matcher/need_model.json`` and the case base ``matcher/case_base.json`` whose probabilities and votes are among
    its inputs) and the support lane's ranker
    (``matcher/support_ranker.json``); each file is written only when its model wins on the held-out dev folds.
    With ``support_only`` the shipped programme ranker stays and only the support lane's ranker is refitted."""
    import sklearn

    from matcher.case_base import CASE_BASE_FILE, NEIGHBOURS, build_case_base
    from matcher.learned import RANKER_FILE, SUPPORT_RANKER_FILE
    from matcher.need_model import NEED_MODEL_FILE, fit_need_model

    eng = build_engine(product_settings())
    dev = case_parts(load_all_cases())["dev"]
    states = scored_states(dev, eng)
    attach_out_of_fold_need_probs(states, dev, eng.embedder.model_id)
    attach_out_of_fold_case_votes(states, dev, eng.embedder.model_id)
    cv = cross_validate_ranker(states, dev, eng)
    for name, m in cv.items():
        print(f"{name:14s} CV on dev ({len(states)} cases): " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()))
    if dry_run:
        return 0
    cv_meta = {n: {k: round(v, 4) for k, v in m.items()} for n, m in cv.items()}
    method = ("scikit-learn HistGradientBoostingClassifier on the dev part's {what} (label: must or should; must "
              "weighted twice); evals/fit.py --ranker")
    meta = {"fitted_on": dt.date.today().isoformat(), "scikit_learn": sklearn.__version__, "dev_cases": len(states),
            "cv_dev": cv_meta}
    if not support_only and cv["ranker"]["ndcg@10"] <= cv["hand"]["ndcg@10"]:
        print("the ranker is not better on held-out dev folds; matcher/ranker.json left unchanged", file=sys.stderr)
    elif not support_only:
        # the ranker is fitted on out-of-fold need probabilities; the product uses the need model fitted on all of dev
        need_model = fit_need_model(need_rows(states, dev), eng.embedder.model_id, {
            "fitted_on": meta["fitted_on"], "dev_cases": len(states),
            "method": "scikit-learn LogisticRegression per need (C 1) and for the main need (multinomial, C 3) over "
                      "the request's embedding and the needs read by keyword; evals/fit.py --ranker"})
        NEED_MODEL_FILE.write_text(json.dumps(need_model.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {NEED_MODEL_FILE}")
        # the ranker is fitted on out-of-fold votes; the product votes with every dev case
        rows = case_base_rows(states, dev)
        case_base = build_case_base(rows, eng.embedder.model_id, texts=case_base_texts(states, rows), meta={
            "fitted_on": meta["fitted_on"], "part": "dev",
            "method": f"the dev cases' request embeddings, hashed TF-IDF word vectors and must (1) / should (0.5) "
                      f"programmes; votes of the {NEIGHBOURS} nearest by cosine similarity (embedding; words); "
                      f"evals/fit.py --ranker"})
        CASE_BASE_FILE.write_text(json.dumps(case_base.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {CASE_BASE_FILE} ({len(case_base.case_ids)} cases)")
        _write_tree(RANKER_FILE, fit_ranker(states, dev, {**meta, "params": RANKER_PARAMS,
                                                          "method": method.format(what="candidates")}))
    with_lane, without = cv["ranker+support"], cv["ranker"]
    if with_lane["recall@5"] <= without["recall@5"] or with_lane["ndcg@10"] < without["ndcg@10"]:
        print("the support lane's ranker is not better on held-out dev folds; matcher/support_ranker.json left "
              "unchanged", file=sys.stderr)
        return 0
    _write_tree(SUPPORT_RANKER_FILE, fit_support_ranker(states, dev, {
        **meta, "params": SUPPORT_RANKER_PARAMS, "method": method.format(what="support offers")}))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.fit", description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="report, do not write matcher/weights.yaml")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--ranker", action="store_true",
                    help="fit the learned rankers (matcher/ranker.json, matcher/support_ranker.json) instead")
    ap.add_argument("--support", action="store_true",
                    help="with --ranker: keep matcher/ranker.json, fit only the support lane's ranker")
    a = ap.parse_args(argv)
    if a.ranker:
        return main_ranker(a.dry_run, support_only=a.support)
    eng = build_engine(product_settings())
    dev = case_parts(load_all_cases())["dev"]
    states = scored_states(dev, eng)
    cv = cross_validate(states, dev, eng, c_reg=a.c)
    for name, m in cv.items():
        print(f"{name:7s} CV on dev ({len(states)} cases): " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()))
    best = max(FITTERS, key=lambda n: cv[n]["ndcg@10"])
    w = FITTERS[best](states, dev, eng, a.c)
    print(f"fitted ({best}):", {k: v for k, v in asdict(w).items()})
    if a.dry_run:
        return 0
    if cv[best]["ndcg@10"] <= cv["hand"]["ndcg@10"]:
        print("fitted weights are not better on held-out dev folds; matcher/weights.yaml left unchanged", file=sys.stderr)
        return 0
    WEIGHTS_FILE.write_text(yaml.safe_dump({
        "fitted_on": dt.date.today().isoformat(),
        "method": f"{best}, chosen by 5-fold CV on the dev part ({len(states)} cases); evals/fit.py",
        "cv_dev": {n: {k: round(v, 4) for k, v in m.items()} for n, m in cv.items()},
        "weights": {f.name: getattr(w, f.name) for f in fields(Weights)},
    }, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
