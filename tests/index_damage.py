"""A small real index with two published generations, and ways to damage its files (shared by the tests of
index integrity and of the CLI on a damaged index)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from ingest.settings import Settings
from retriever import generations as gens
from retriever.embedders import UseEmbedder
from retriever.hybrid import HybridRetriever
from retriever.index import ingest_paths
from retriever.lexical import ChineseTokenizer

DOC = "test-city-2024-subsidy"
OLD_AMOUNT, NEW_AMOUNT = "1000元", "1200元"
POLICY = f"""测试市人民政府关于职业技能培训补贴的通知
一、补贴标准
（一）参加职业技能培训并取得证书的，给予培训补贴{OLD_AMOUNT}。
（二）企业职工参加岗位技能提升培训的，按规定给予补贴。
二、附则
本通知自发布之日起施行。
"""
OTHER = """测试县关于技工院校招生的通知
一、招生对象
（一）初中毕业生可报考技工院校。
（二）技工院校毕业生享受相应待遇。
"""
QUERY = "取得证书 培训补贴"


def truncate(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def garbage(path: Path) -> None:
    size = max(path.stat().st_size, 64)
    path.write_bytes(os.urandom(size))


def delete(path: Path) -> None:
    path.unlink()


DAMAGES: dict[str, Callable[[Path], None]] = {"truncated": truncate, "garbage": garbage, "deleted": delete}


def build_two_generations(root: Path, embedder: UseEmbedder) -> tuple[str, str]:
    """Corpus in ``root/policies``, index in ``root/index``: (older generation, live one). The live one says
    1200元 where the older says 1000元, so a test can tell which one is served."""
    corpus = root / "policies"
    corpus.mkdir()
    (corpus / f"{DOC}.txt").write_text(POLICY, encoding="utf-8")
    (corpus / "test-county-2024-schools.txt").write_text(OTHER, encoding="utf-8")
    settings = Settings(data_dir=corpus, index_dir=root / "index", _env_file=None)
    older = ingest_paths(settings, embedder=embedder).generation
    (corpus / f"{DOC}.txt").write_text(POLICY.replace(OLD_AMOUNT, NEW_AMOUNT), encoding="utf-8")
    live = ingest_paths(settings, embedder=embedder).generation
    assert older and live and older != live
    assert sorted(p.name for p in settings.index_dir.iterdir() if p.is_dir()) == sorted([older, live])
    return older, live


def copy_of(root: Path, tmp_path: Path) -> Settings:
    shutil.copytree(root, tmp_path / "copy")
    return Settings(
        data_dir=tmp_path / "copy" / "policies",
        index_dir=tmp_path / "copy" / "index",
        state_dir=tmp_path / "copy" / "state",
        _env_file=None,
    )


def damaged_copy(
    generations: tuple[Path, str, str], tmp_path: Path, relative: str, damage: str, *, keep_older: bool = True
) -> Settings:
    """A copy of ``build_two_generations``' (root, older, live) with ``relative`` of the live generation damaged,
    and the older generation removed unless ``keep_older``."""
    root, older, live = generations
    settings = copy_of(root, tmp_path)
    if not keep_older:
        shutil.rmtree(settings.index_dir / older)
    DAMAGES[damage](target(settings, live, relative))
    return settings


def target(settings: Settings, generation: str, relative: str) -> Path:
    """``CURRENT`` or a file of ``generation``; ``*`` stands for Chroma's segment directory."""
    if relative == gens.CURRENT_FILE:
        return settings.index_dir / gens.CURRENT_FILE
    matches = sorted((settings.index_dir / generation).glob(relative))
    assert len(matches) == 1, (relative, matches)
    return matches[0]


def open_reader(settings: Settings, embedder: UseEmbedder, tokenizer: ChineseTokenizer) -> HybridRetriever:
    """What ``open_retriever`` builds, sharing the loaded jieba dictionary across many cases."""
    reader = HybridRetriever(index_dir=settings.index_dir, embedder=embedder, tokenizer=tokenizer)
    reader.snapshot()
    return reader
