"""Two-fold cross-validation over the funded examples: does knowing what a programme funded help to
find it for a company that describes a *different* funded project?

The dev cases are consultants' notes; they rarely describe a project the way a funded company does, so
they cannot tell whether the funded-example features help. Here each funded example of an open money
programme is, in turn, a query (its own first-person project text), while the index holds only the
examples of the other fold. The target is the example's programme. No locked-test or real-company case
is used.

    python -m evals.example_cv                  # current configuration
    python -m evals.example_cv --weights example=0,example=0.05
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

from matcher.api import match
from matcher.engine import build_engine
from matcher.models import MONEY_INSTRUMENTS
from matcher.rank import Weights
from matcher.settings import Settings, get_settings

from .run import PRODUCT_DATE



def fold_of(programme_id: str, company: str) -> int:
    return int(hashlib.sha256(f"{programme_id}:{company}".encode()).hexdigest()[:8], 16) % 2


def fold_corpus(src: Path, dst: Path, fold: int) -> list[tuple[str, str]]:
    """Copy the corpus to ``dst`` without the examples of ``fold``; return those as (programme, query)."""
    shutil.copytree(src, dst)
    held = []
    for f in sorted((dst / "programmes").glob("*.yaml")):
        rec = yaml.safe_load(f.read_text(encoding="utf-8"))
        exs = rec.get("examples") or []
        if not exs:
            continue
        keep = [e for e in exs if fold_of(rec["id"], e["company"]) != fold]
        if rec.get("status") != "closed" and MONEY_INSTRUMENTS & set(rec.get("instruments") or []):
            held += [(rec["id"], e["project_de"]) for e in exs if fold_of(rec["id"], e["company"]) == fold]
        if len(keep) != len(exs):
            if keep:
                rec["examples"] = keep
            else:
                rec.pop("examples")
            f.write_text(yaml.safe_dump(rec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return held


def evaluate(weight_specs: list[str]) -> dict[str, dict[str, float]]:
    base = get_settings()
    results: dict[str, list[tuple[float, float]]] = {spec: [] for spec in weight_specs}
    with tempfile.TemporaryDirectory(prefix="example-cv-") as tmp:
        for fold in (0, 1):
            cdir = Path(tmp) / f"corpus{fold}"
            held = fold_corpus(base.corpus_dir, cdir, fold)
            s = Settings(**{**base.model_dump(), "today": PRODUCT_DATE, "corpus_dir": cdir,
                            "data_dir": Path(tmp) / f"data{fold}"})
            eng = build_engine(s)
            for spec in weight_specs:
                w = Weights(**{k: float(v) for k, v in (kv.split("=") for kv in spec.split(";") if kv)})
                for pid, query in held:
                    ids = [h.id for h in match(query, top_k=10, engine=eng, weights=w).programmes]
                    rank = ids.index(pid) + 1 if pid in ids else None
                    results[spec].append((1.0 if rank and rank <= 5 else 0.0, 1.0 / rank if rank else 0.0))
    return {spec: {"n": len(r), "recall@5": statistics.mean(x for x, _ in r), "mrr@10": statistics.mean(y for _, y in r)}
            for spec, r in results.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.example_cv", description=__doc__.splitlines()[0])
    ap.add_argument("--weights", default="", help="comma-separated weight settings, each 'name=value;name=value'")
    a = ap.parse_args(argv)
    specs = a.weights.split(",") if a.weights else [""]
    for spec, m in evaluate(specs).items():
        print(f"{spec or 'default weights'}: n={m['n']} recall@5={m['recall@5']:.3f} mrr@10={m['mrr@10']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
