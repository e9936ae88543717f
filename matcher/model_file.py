"""Reading the fitted model files shipped in ``matcher/`` (need model, case base): absent is ``None``, unusable is
an error that says how to fix it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def read_model_file(path: Path, from_dict: Callable[[dict], T], error: type[ValueError], what: str,
                    without: str) -> T | None:
    """``from_dict`` of the JSON in ``path``; ``None`` if there is no such file. A file that cannot be read or used
    raises ``error`` naming ``what`` it should be and what happens ``without`` it."""
    if not path.exists():
        return None
    try:
        return from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise error(f"{path} is not a usable {what} ({e}); re-fit it with `python -m evals.fit --ranker` "
                    f"or delete it ({without})") from e
