"""Kinds of corpus topics, shared by the corpus checks and the ranking (data, no logic).

Open topics fit any company (innovation, advice, networks); broad topics say little about fit; every other topic names
a technology or a field. Both ``corpus`` (a ``field_only`` record must name fields) and ``rank`` (a programme specific
to fields the company did not mention loses a little) read these sets, so they live below both.
"""

from __future__ import annotations

OPEN_TOPICS = frozenset({"innovation", "technology-transfer", "networking", "advice", "funding-advice"})

BROAD_TOPICS = OPEN_TOPICS | {
    "skills", "production", "investment", "digitalisation", "founding", "venture-capital", "working-capital",
    "internationalisation", "environment", "energy", "succession", "industrial-sites", "women", "urban-production",
}
