"""Two lanes: money for funding questions, support offers beside them.

Money is every programme with a money instrument (grant, loan, equity, guarantee, tax credit,
scholarship, prize). A support-only offer (advice, network, training) enters the programme ranking
only when the company asks for advice or when no money programme fits; otherwise it goes to its own
lane, shown beside MPI projects and contacts.
"""

from __future__ import annotations

from .models import CompanyProfile
from .rank import SUPPORT_ONLY, Scored

# the stated needs that let a support offer into the programme ranking
ADMITTING_NEEDS = frozenset({"advice"})


def is_support_only(item: Scored) -> bool:
    return set(item.prog.instruments) <= SUPPORT_ONLY


def split_lanes(ranked: list[Scored], profile: CompanyProfile) -> tuple[list[Scored], list[Scored]]:
    """(programme lane, support lane), each in the given order."""
    asked_for_advice = bool(ADMITTING_NEEDS & set(profile.needs))
    main = [x for x in ranked if asked_for_advice or not is_support_only(x)]
    support = [] if asked_for_advice else [x for x in ranked if is_support_only(x)]
    if not any(x.overall != "ineligible" and x.effective_status != "closed" for x in main):
        return ranked, []  # nothing else fits: support offers are the answer
    return main, support
