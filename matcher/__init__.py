"""Förderlotse matching engine. The public API is ``match``; everything else is internal."""

from .models import CompanyProfile, MatchResult

__all__ = ["match", "CompanyProfile", "MatchResult"]


def match(query, **kwargs) -> MatchResult:
    """Match a company description or profile; see ``matcher.api.match``."""
    from .api import match as _match

    return _match(query, **kwargs)
