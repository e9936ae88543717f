"""Two lanes: money for funding questions, support offers beside them.

Money is every programme with a money instrument (grant, loan, equity, guarantee, tax credit,
scholarship, prize). A support-only offer (advice, network, training) enters the programme ranking
only when the company asks for advice or when no money programme fits; otherwise it goes to its own
lane, shown beside MPI projects and contacts.
"""

from __future__ import annotations

from .models import MONEY_INSTRUMENTS, CompanyProfile
from .rank import SUPPORT_ONLY, Scored

# the stated needs that let a support offer into the programme ranking
ADMITTING_NEEDS = frozenset({"advice"})
# needs and wished instruments that ask for money as well
MONEY_NEEDS = frozenset({"financing", "investment"})
# programmes on the first screen of the money lane (the rest is behind "more")
FIRST_SCREEN = 5


def advice_only(profile: CompanyProfile) -> bool:
    """The company asks for advice and not also for money: then support offers may lead the ranking.
    Asked for both ("Beratung zur Digitalisierung und Geld für ein MES"), money keeps the programme list
    and the support lane beside it shows the advice offers."""
    if not ADMITTING_NEEDS & set(profile.needs):
        return False
    return not (MONEY_NEEDS & set(profile.needs) or MONEY_INSTRUMENTS & set(profile.instruments_wished))


def is_support_only(item: Scored) -> bool:
    return set(item.prog.instruments) <= SUPPORT_ONLY


def split_lanes(ranked: list[Scored], profile: CompanyProfile,
                first_screen: int = FIRST_SCREEN) -> tuple[list[Scored], list[Scored]]:
    """(programme lane, support lane), each in the given order.

    Asked for advice, support offers compete in the programme lane; those the ranking put below the first screen
    still get the support lane, so "which EU calls fit, and who helps with the proposal?" shows the calls and the
    advice offers, each once."""
    if advice_only(profile):
        main = [x for i, x in enumerate(ranked) if i < first_screen or not is_support_only(x)]
        support = [x for i, x in enumerate(ranked) if i >= first_screen and is_support_only(x)]
    else:
        main = [x for x in ranked if not is_support_only(x)]
        support = [x for x in ranked if is_support_only(x)]
    if not any(x.overall != "ineligible" and x.effective_status != "closed" for x in main):
        return ranked, []  # nothing else fits: support offers are the answer
    return main, support


def fitting_support(support: list[Scored]) -> list[Scored]:
    """The support offers worth showing beside the money: those that serve one of the company's stated needs
    (a succession office is no help for new ovens). Without stated needs every offer may fit.
    (Chosen on dev: nDCG@10 0.740 -> 0.746, recall unchanged.) Offers specific to a field the company did not name
    (a course on additive manufacturing for a switchgear maker's wiring staff) come after the others."""
    fitting = [x for x in support if "need_mismatch" not in x.features]
    return sorted(fitting, key=lambda x: "field_mismatch" in x.features)
