"""Evaluation metrics. IR metrics come from ranx; answer and profile checks score one case each."""

from __future__ import annotations

import re

from matcher.models import MatchResult


def ir_metrics(qrels: dict[str, dict[str, int]], runs: dict[str, dict[str, float]]) -> dict[str, float]:
    """recall@5 (of must), nDCG@10 (must=2, should=1), MRR (of must), via ranx.

    Cases without any relevant programme are left out (ranx needs a judged query).
    """
    from ranx import Qrels, Run, evaluate

    judged = {q: rel for q, rel in qrels.items() if any(v > 0 for v in rel.values())}
    if not judged:
        return {"recall@5": 0.0, "ndcg@10": 0.0, "mrr": 0.0}
    run = {q: (runs.get(q) or {"__none__": 0.0}) for q in judged}
    must_only = {q: {d: 1 for d, v in rel.items() if v == 2} for q, rel in judged.items()}
    must_only = {q: r for q, r in must_only.items() if r}
    out = {}
    graded = evaluate(Qrels(judged), Run(run), ["ndcg@10"])
    out["ndcg@10"] = float(graded["ndcg@10"] if isinstance(graded, dict) else graded)
    if must_only:
        m = evaluate(Qrels(must_only), Run({q: run[q] for q in must_only}), ["recall@5", "mrr"])
        out["recall@5"], out["mrr"] = float(m["recall@5"]), float(m["mrr"])
    return out


def first_screen_recall(musts: dict[str, list[str]], first_screen: dict[str, list[str]]) -> float | None:
    """Mean share of ``must`` ids among what the first screen shows (five programmes and the support
    lane beside them); cases without a ``must`` are left out."""
    rows = [len(set(m) & set(first_screen.get(q, []))) / len(m) for q, m in musts.items() if m]
    return sum(rows) / len(rows) if rows else None


def per_query(qrels: dict[str, dict[str, int]], runs: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Per-case recall@5 and nDCG@10 (for the failure list)."""
    from ranx import Qrels, Run, evaluate

    judged = {q: rel for q, rel in qrels.items() if any(v > 0 for v in rel.values())}
    if not judged:
        return {}
    run = Run({q: (runs.get(q) or {"__none__": 0.0}) for q in judged})
    evaluate(Qrels(judged), run, ["ndcg@10", "recall@5"], return_mean=False, save_results_in_run=True)
    return {q: {"ndcg@10": float(run.scores["ndcg@10"][q]), "recall@5": float(run.scores["recall@5"][q])}
            for q in judged}


def ranking_as_run(ids: list[str]) -> dict[str, float]:
    """A ranked id list as a ranx run (descending pseudo-scores keep the order)."""
    return {rid: float(len(ids) - i) for i, rid in enumerate(ids)}


def answer_checks(res: MatchResult, programme_names: dict[str, str], expected_lang: str,
                  questions_expected: bool | None) -> dict[str, bool]:
    """Faithfulness and form of one answer.

    - named_exist: every programme the answer names in bold exists in the corpus
    - cited: every listed programme carries a citation number that is in the source list
    - faithful: every citation points at a source of the record it is attached to
    - questions: follow-up questions present where the case expects them
    - language: the answer's language equals the query's
    """
    names = set(programme_names.values())
    bold = re.findall(r"^\d+\. \*\*(.+?)\*\*", res.answer, flags=re.M)
    named_exist = all(b in names for b in bold)
    by_id = {h.id: h for h in [*res.programmes, *res.support, *res.projects]}
    cited = all(any(c.record_id == h.id and f"[{c.n}]" in res.answer for c in res.citations) for h in res.programmes)
    faithful = all(c.record_id in by_id and any(s.url == c.url and s.title == c.title for s in by_id[c.record_id].sources)
                   for c in res.citations)
    out = {"named_exist": named_exist, "cited": cited, "faithful": faithful, "language": res.lang == expected_lang}
    if questions_expected:
        out["questions"] = bool(res.questions)
    return out


PROFILE_FIELDS = ("lang", "org_type", "employees", "size_class", "stage", "in_berlin", "founded_year", "needs",
                  "instruments_wished", "topics")


def profile_checks(actual: dict, expected: dict) -> dict[str, bool]:
    """Per-field correctness; list fields count as right when every expected item was found."""
    out = {}
    for f in PROFILE_FIELDS:
        if f not in expected or expected[f] is None:
            continue
        want, got = expected[f], actual.get(f)
        if isinstance(want, list):
            out[f] = set(want) <= set(got or [])
        elif f == "age_years":
            out[f] = got is not None and abs(got - want) <= 1
        else:
            out[f] = got == want
    return out
