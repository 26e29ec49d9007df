"""A damaged index never crashes and is never served silently (issue 14, item 2).

Every file of a published generation (and ``CURRENT``) is truncated, overwritten with garbage or deleted, on a
real index (real Chroma, bm25s, the bundled embedder) in a temp dir:
- with an older intact generation kept, readers fall back to it with a Chinese warning and ``ingest`` repairs;
- with none, opening fails with ``DamagedIndexError`` saying how to rebuild, and ``ingest`` rebuilds.
The fast cases cover one file of each kind; the slow matrix walks every file the generation actually has, so a
file added later (e.g. verified rules) is covered without changing this test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from index_damage import (
    DAMAGES,
    NEW_AMOUNT,
    OLD_AMOUNT,
    QUERY,
    build_two_generations,
    copy_of,
    damaged_copy,
    open_reader,
    target,
    truncate,
)

from ingest.errors import IndexError_
from ingest.settings import Settings
from retriever import generations as gens
from retriever.embedders import UseEmbedder
from retriever.factory import open_retriever
from retriever.index import ingest_paths
from retriever.integrity import DamagedIndexError
from retriever.lexical import ChineseTokenizer


@pytest.fixture(scope="module")
def embedder() -> UseEmbedder:
    return UseEmbedder()


@pytest.fixture(scope="module")
def tokenizer() -> ChineseTokenizer:
    return ChineseTokenizer()


@pytest.fixture(scope="module")
def two_generations(tmp_path_factory: pytest.TempPathFactory, embedder: UseEmbedder) -> tuple[Path, str, str]:
    """(root with policies/ and index/, older generation, live generation): the live one says 1200元."""
    root = tmp_path_factory.mktemp("integrity")
    older, live = build_two_generations(root, embedder)
    return root, older, live


def texts(retriever) -> str:
    return " ".join(hit.chunk.text for hit in retriever.search(QUERY, top_k=5).hits)


def assert_falls_back(settings: Settings, older: str, embedder: UseEmbedder, tokenizer: ChineseTokenizer) -> None:
    """Readers (search/ask and docs) get the older generation and a Chinese warning."""
    reader = open_reader(settings, embedder, tokenizer)
    assert reader.generation == older
    assert reader.index_problem and "已改用完好的版本" in reader.index_problem and older in reader.index_problem
    assert OLD_AMOUNT in texts(reader)  # the older content, served knowingly — never "0 results"
    docs = gens.open_live(settings.index_dir, lambda generation: generation)
    assert docs.name == older and docs.warning == reader.index_problem


def assert_repairs(settings: Settings, older: str, embedder: UseEmbedder, tokenizer: ChineseTokenizer) -> None:
    """Ingest on the unchanged corpus publishes an intact generation built on the older one; the warning goes."""
    report = ingest_paths(settings, embedder=embedder)
    assert report.published and report.generation not in (older, None)
    assert any("已改用完好的版本" in p.message_zh for p in report.problems if p.severity == "warning")
    assert report.reused_vectors > 0  # built on the intact generation, not re-embedded from scratch
    repaired = open_reader(settings, embedder, tokenizer)
    assert repaired.index_problem is None and repaired.generation == report.generation
    assert NEW_AMOUNT in texts(repaired)
    assert sorted(p.name for p in settings.index_dir.iterdir() if p.is_dir()) == sorted([older, report.generation])


def assert_falls_back_then_repairs(
    settings: Settings, older: str, embedder: UseEmbedder, tokenizer: ChineseTokenizer
) -> None:
    assert_falls_back(settings, older, embedder, tokenizer)
    assert_repairs(settings, older, embedder, tokenizer)


def assert_refused(settings: Settings, embedder: UseEmbedder, tokenizer: ChineseTokenizer) -> None:
    """No intact generation: a clear error saying how to rebuild, for readers and for docs."""
    with pytest.raises(DamagedIndexError) as caught:
        open_reader(settings, embedder, tokenizer)
    assert "policy-assistant ingest --rebuild" in caught.value.zh and "\n" not in caught.value.one_line()
    with pytest.raises(DamagedIndexError):
        gens.open_live(settings.index_dir, lambda generation: generation)


def assert_rebuilt(settings: Settings, embedder: UseEmbedder, tokenizer: ChineseTokenizer) -> None:
    report = ingest_paths(settings, embedder=embedder)
    assert report.published and report.embedded_chunks == report.chunk_count > 0
    repaired = open_reader(settings, embedder, tokenizer)
    assert repaired.index_problem is None and NEW_AMOUNT in texts(repaired)


def assert_refused_then_rebuilt(settings: Settings, embedder: UseEmbedder, tokenizer: ChineseTokenizer) -> None:
    assert_refused(settings, embedder, tokenizer)
    assert_rebuilt(settings, embedder, tokenizer)


def assert_current_damage_handled(settings: Settings, live: str, embedder: UseEmbedder, tokenizer) -> None:
    """A broken CURRENT: the newest intact generation (the live one) is served with a warning; ingest rewrites."""
    reader = open_reader(settings, embedder, tokenizer)
    assert reader.generation == live and "CURRENT" in (reader.index_problem or "")
    report = ingest_paths(settings, embedder=embedder)
    assert report.published and gens.read_current(settings.index_dir) == report.generation
    assert open_reader(settings, embedder, tokenizer).index_problem is None


# one file of each kind (the store files, the records, the pointer), with the older generation kept or not;
# the slow matrix below walks every file
REPRESENTATIVE = [
    ("chunks.jsonl", "truncated", True),
    ("manifest.json", "garbage", True),
    (gens.CURRENT_FILE, "deleted", True),
    ("bm25/vocab.index.json", "garbage", True),
    ("chroma/chroma.sqlite3", "truncated", True),
    ("chroma/*/length.bin", "garbage", True),  # Chroma itself served wrong neighbours from this one, silently
    ("chunks.jsonl", "truncated", False),
    ("chroma/chroma.sqlite3", "truncated", False),
]


@pytest.mark.parametrize(
    ("relative", "damage", "keep_older"),
    REPRESENTATIVE,
    ids=[f"{r}-{d}-{'fallback' if k else 'none-intact'}" for r, d, k in REPRESENTATIVE],
)
def test_damaged_live_generation(
    two_generations: tuple[Path, str, str],
    tmp_path: Path,
    embedder: UseEmbedder,
    tokenizer: ChineseTokenizer,
    relative: str,
    damage: str,
    keep_older: bool,
) -> None:
    """Fallback with a warning and repair by ingest — or, with nothing intact, a clear error and a rebuild."""
    settings = damaged_copy(two_generations, tmp_path, relative, damage, keep_older=keep_older)
    _, older, live = two_generations
    if relative == gens.CURRENT_FILE:
        assert_current_damage_handled(settings, live, embedder, tokenizer)
    elif keep_older:
        assert_falls_back_then_repairs(settings, older, embedder, tokenizer)
    else:
        assert_refused_then_rebuilt(settings, embedder, tokenizer)


def test_manifest_records_every_file_and_seals_itself(two_generations: tuple[Path, str, str]) -> None:
    root, _, live = two_generations
    directory = root / "index" / live
    manifest = gens.load_generation(root / "index", live).manifest
    on_disk = {p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file()}
    assert set(manifest.files) == on_disk - {gens.MANIFEST_FILE}
    unhashed = {name for name, record in manifest.files.items() if record.sha256 is None}
    assert unhashed == {"chroma/chroma.sqlite3"}  # rewritten by Chroma on every open; checked by content
    counts = manifest.counts
    assert counts["chunks"] == counts["vectors"] == counts["bm25"] == manifest.chunk_count > 0
    assert counts["bm25_sentences"] >= manifest.chunk_count
    assert len(manifest.seal) == 64


def test_an_edited_manifest_is_detected(two_generations: tuple[Path, str, str], tmp_path: Path) -> None:
    settings = copy_of(two_generations[0], tmp_path)
    live = two_generations[2]
    path = settings.index_dir / live / gens.MANIFEST_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("测试市", "别的市", 1), encoding="utf-8")
    with pytest.raises(DamagedIndexError, match=r"manifest\.json 已被改动"):
        gens.load_generation(settings.index_dir, live)


def test_a_generation_from_before_checksums_is_served_and_republished(
    two_generations: tuple[Path, str, str], tmp_path: Path, embedder: UseEmbedder
) -> None:
    """An index written before manifests carried checksums still opens (its counts and database are checked);
    the next ingest publishes a sealed generation although no document changed."""
    import json

    settings = copy_of(two_generations[0], tmp_path)
    live = two_generations[2]
    path = settings.index_dir / live / gens.MANIFEST_FILE
    sealed = json.loads(path.read_text(encoding="utf-8"))
    legacy = {key: value for key, value in sealed.items() if key not in ("files", "counts", "seal")}
    path.write_text(json.dumps(legacy, ensure_ascii=False, indent=2), encoding="utf-8")
    opened = gens.open_live(settings.index_dir, lambda generation: generation)
    assert opened.name == live and not opened.sealed and opened.warning is None
    report = ingest_paths(settings, embedder=embedder)
    assert report.published and report.embedded_chunks == 0
    assert any("旧格式" in p.message_zh for p in report.problems)
    assert gens.load_generation(settings.index_dir).sealed


def test_a_file_added_before_the_manifest_is_covered(tmp_path: Path) -> None:
    """Any file a later ingest step writes into the generation (say verified rules) is sealed with the rest."""
    from retriever.models import IndexManifest

    directory = tmp_path / "gen-20260101T000000000000-abcdef"
    directory.mkdir()
    (directory / "rules.json").write_text('{"rules": []}', encoding="utf-8")
    manifest = IndexManifest(
        embedding_name="x", embedding_dimension=2, documents=[], chunk_count=0, created_at="", store="server"
    )  # vectors on a server: no local Chroma files in this directory
    gens.write_generation_files(directory, [], manifest)
    sealed = gens.load_generation(tmp_path, directory.name).manifest
    assert set(sealed.files) == {"rules.json", gens.CHUNKS_FILE}
    (directory / "rules.json").write_text('{"rules": [1]}', encoding="utf-8")
    with pytest.raises(DamagedIndexError, match=r"rules\.json"):
        gens.load_generation(tmp_path, directory.name)


@pytest.mark.slow
def test_chroma_files_stay_verifiable_after_readers_open_them(
    two_generations: tuple[Path, str, str], tmp_path: Path, embedder: UseEmbedder
) -> None:
    """Chroma rewrites files it has not persisted on every open; the writer leaves nothing pending, so a
    generation still verifies after other processes opened and queried it."""
    import subprocess
    import sys

    settings = copy_of(two_generations[0], tmp_path)
    script = (
        "import sys; from pathlib import Path; from ingest.settings import Settings; "
        "from retriever.factory import open_retriever; "
        "s = Settings(data_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]), _env_file=None); "
        "assert open_retriever(s).search('培训补贴').hits"
    )
    for _ in range(2):
        subprocess.run(
            [sys.executable, "-c", script, str(settings.data_dir), str(settings.index_dir)],
            check=True,
            timeout=300,
            cwd=Path(__file__).resolve().parent.parent,
        )
    assert gens.load_generation(settings.index_dir).warning is None


def test_a_reader_does_not_reverify_a_fallback_on_every_search(
    two_generations: tuple[Path, str, str],
    tmp_path: Path,
    embedder: UseEmbedder,
    tokenizer: ChineseTokenizer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = copy_of(two_generations[0], tmp_path)
    _, older, live = two_generations
    truncate(settings.index_dir / live / gens.CHUNKS_FILE)
    reader = open_reader(settings, embedder, tokenizer)
    opened: list[str] = []
    real = gens.load_generation
    monkeypatch.setattr(gens, "load_generation", lambda *a, **k: opened.append(a[1]) or real(*a, **k))
    for _ in range(3):
        assert reader.search(QUERY).hits
    assert opened == [] and reader.generation == older


def test_missing_index_is_still_no_index(tmp_path: Path, embedder: UseEmbedder) -> None:
    settings = Settings(data_dir=tmp_path, index_dir=tmp_path / "index", _env_file=None)
    with pytest.raises(IndexError_, match="还没有建立索引") as caught:
        open_retriever(settings, embedder=embedder)
    assert not isinstance(caught.value, DamagedIndexError)


@pytest.mark.slow
def test_every_file_of_a_generation_every_damage(
    two_generations: tuple[Path, str, str], tmp_path: Path, embedder: UseEmbedder, tokenizer: ChineseTokenizer
) -> None:
    """The full matrix: each file the live generation has (plus CURRENT) × truncated/garbage/deleted, with and
    without an intact older generation. Readers are checked in every case; the ingest repair (the same mechanism
    whatever file is damaged) once per file, the damage kind rotating. Collects every failure, then fails once."""
    root, older, live = two_generations
    directory = root / "index" / live
    files = sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file())
    kinds = list(DAMAGES)
    failures: list[str] = []
    tried = 0
    for number, relative in enumerate([*files, gens.CURRENT_FILE]):
        for damage, apply in DAMAGES.items():
            repair = damage == kinds[number % len(kinds)]
            for keep_older in (True, False):
                if relative == gens.CURRENT_FILE and not keep_older:
                    continue  # without CURRENT the live generation itself is the intact fallback
                case = tmp_path / f"case-{tried}"
                settings = copy_of(two_generations[0], case)
                if not keep_older:
                    shutil.rmtree(settings.index_dir / older)
                try:
                    path = target(settings, live, relative)
                    if path.stat().st_size == 0 and damage == "truncated":
                        continue  # an empty file cannot be truncated (garbage and deletion still apply)
                    apply(path)
                    tried += 1
                    if relative == gens.CURRENT_FILE:
                        assert_current_damage_handled(settings, live, embedder, tokenizer)
                    elif keep_older:
                        assert_falls_back(settings, older, embedder, tokenizer)
                        if repair:
                            assert_repairs(settings, older, embedder, tokenizer)
                    else:
                        assert_refused(settings, embedder, tokenizer)
                        if repair:
                            assert_rebuilt(settings, embedder, tokenizer)
                except Exception as exc:  # report every case, then fail once
                    failures.append(f"{relative} {damage} keep_older={keep_older}: {type(exc).__name__}: {exc}")
                finally:
                    shutil.rmtree(case, ignore_errors=True)
    print(f"damaged-index matrix: {len(files) + 1} files, {tried} cases, {len(failures)} failures")
    assert tried >= 4 * len(files), tried
    assert not failures, "\n".join(failures)
