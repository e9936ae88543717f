"""Leak guard: no held-out real-company case may also be a funded example of the corpus.

A funded example is indexed as its own chunk. If the company of a real-company evaluation case is also
an example of the programme that funded it, the engine sees the answer, and the real-company metric is
no longer a held-out measure. ``leaks`` lists such pairs; ``make test`` fails on any.

    python -m evals.leakage
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from matcher.corpus import load_corpus
from matcher.settings import get_settings

from .schema import GoldCase, load_all_cases

_LEGAL_FORMS = re.compile(
    r"\b(gmbh|ag|se|kg|ug|ohg|mbh|co|e\.?\s?v|inc|ltd|llc|sa|sas|bv|plc|haftungsbeschränkt|team)\b\.?", re.I)


def company_key(name: str) -> str:
    """A comparable form of a company name: no parenthesis, legal form, punctuation or case."""
    name = re.sub(r"\(.*?(\)|$)", " ", name)
    name = _LEGAL_FORMS.sub(" ", name.lower())
    return " ".join(re.findall(r"[a-z0-9äöüß]+", name))


def case_company(case: GoldCase) -> str:
    """The company of a real-company case: its note starts with the name, up to the first comma."""
    return company_key((case.note or "").split(",")[0])


@dataclass(frozen=True)
class Leak:
    case_id: str
    programme_id: str
    company: str


def _same(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    # "berlin heart" vs "berlin heart mit der freien universitaet berlin": one name starts the other
    return len(short) >= 5 and (long_.startswith(short + " ") or f" {short} " in f" {long_} ")


def leaks(cases: list[GoldCase] | None = None, programmes=None) -> list[Leak]:
    cases = [c for c in (cases if cases is not None else load_all_cases()) if c.origin == "real"]
    programmes = programmes if programmes is not None else load_corpus(get_settings().corpus_dir).programmes
    found = []
    for p in programmes:
        for ex in p.examples:
            key = company_key(ex.company)
            for c in cases:
                if _same(key, case_company(c)):
                    found.append(Leak(c.id, p.id, ex.company))
    return found


def main() -> int:
    found = leaks()
    for lk in found:
        print(f"{lk.case_id}: its company is a funded example of {lk.programme_id} ({lk.company!r})")
    print(f"{len(found)} leak(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
