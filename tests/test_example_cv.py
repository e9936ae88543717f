"""The funded-example cross-validation holds each example out exactly once and never indexes it then."""

from pathlib import Path

import yaml

from evals.example_cv import fold_corpus, fold_of
from matcher.corpus import load_corpus

REPO = Path(__file__).resolve().parents[1]


def _examples(root: Path) -> set[tuple[str, str]]:
    out = set()
    for f in (root / "programmes").glob("*.yaml"):
        rec = yaml.safe_load(f.read_text(encoding="utf-8"))
        out |= {(rec["id"], e["company"]) for e in rec.get("examples") or []}
    return out


def test_each_fold_indexes_only_the_other_folds_examples(tmp_path):
    src = REPO / "corpus"
    all_ex = _examples(src)
    assert len(all_ex) >= 20, "the shipped corpus should carry funded examples"
    held_total = 0
    for fold in (0, 1):
        dst = tmp_path / f"c{fold}"
        held = fold_corpus(src, dst, fold)
        kept = _examples(dst)
        assert all(fold_of(pid, co) != fold for pid, co in kept)
        assert kept == {(pid, co) for pid, co in all_ex if fold_of(pid, co) != fold}
        assert held and all(len(q) >= 20 for _, q in held)
        held_total += len(held)
        load_corpus(dst)  # the rewritten copy is still a valid corpus
    assert held_total <= len(all_ex)
