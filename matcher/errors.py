"""Typed exceptions of the matcher. Each message says what to do next."""


class MatcherError(Exception):
    """Base class of every error the matcher raises on purpose."""


class CorpusError(MatcherError):
    """The corpus could not be loaded: one or more files are invalid.

    ``problems`` holds one ``file: field: what is wrong`` line per error.
    """

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = f"{len(problems)} problem(s) in the corpus; fix them and run `matcher corpus check`:"
        super().__init__("\n".join([head, *problems[:50]]))


class IndexError_(MatcherError):
    """The index could not be built or opened."""


class BackendUnavailable(MatcherError):
    """A configured service (Chroma server, database, LLM endpoint) cannot be reached."""


class InputError(MatcherError):
    """The request itself is unusable (empty, too long, binary, malformed JSON)."""


class ConfigError(MatcherError):
    """A setting has an invalid value."""


class StoreError(MatcherError):
    """Saved consultations or feedback could not be read or written (database unreachable, locked, invalid URL)."""
