"""Package management on real .argosmodel archives: install, replace, remove, hostile files, online."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import httpx
import pytest

from translation import PackageError, Translator, packages

EN_FR = "translate-en_fr-1_0"


def entries(archive: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(archive) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist() if not i.is_dir()]


def write_zip(path: Path, items: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in items:
            zf.writestr(name, data)
    return path


def with_metadata(items, **changes) -> list[tuple[str, bytes]]:
    out = []
    for name, data in items:
        if name.endswith("/metadata.json"):
            meta = json.loads(data)
            meta.update(changes)
            data = json.dumps(meta).encode()
        out.append((name, data))
    return out


def snapshot(folder: Path) -> dict[str, int]:
    """Every file under the packages folder with its size."""
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def argos_pairs() -> list[tuple[str, str, str]]:
    """What argostranslate's own API sees as installed."""
    module = packages.argos_package_module()
    return sorted((p.from_code, p.to_code, p.package_version) for p in module.get_installed_packages())


# --------------------------------------------------------------------------- install / list


def test_install_is_visible_to_argostranslate_and_listed(pkg_dir, archive):
    pkg = packages.install_archive(archive("en_fr"))
    assert (pkg.name, pkg.pair, pkg.version, pkg.loadable) == (EN_FR, ("en", "fr"), "1.0", True)
    assert pkg.path == pkg_dir / EN_FR
    assert argos_pairs() == [("en", "fr", "1.0")]
    listed = packages.installed()
    assert [p.to_dict()["pair"] for p in listed] == ["en-fr"]
    assert pkg.sentence_model() == pkg.path / "minisbd" / "en.onnx"


def test_default_folder_is_tandem_user_data(monkeypatch, tmp_path):
    monkeypatch.delenv("TANDEM_PACKAGES_DIR", raising=False)
    folder = packages.packages_dir()
    assert folder.parts[-2:] == ("Tandem", "packages") or folder.parts[-2:] == ("tandem", "packages")
    assert folder.is_dir() and str(folder).startswith(str(tmp_path))  # XDG_DATA_HOME is in tmp


def test_broken_folder_is_listed_as_unloadable_and_ignored_by_engine(pkg_dir, archive):
    packages.install_archive(archive("en_fr"))
    (pkg_dir / "leftover").mkdir()
    listed = {p.name: p for p in packages.installed()}
    assert listed["leftover"].problem == "metadata.json is missing."
    assert Translator().translate("Hello there.", "en", "fr").model == EN_FR


def test_second_version_replaces_the_first(pkg_dir, archive):
    packages.install_archive(archive("en_fr"))
    newer = packages.install_archive(archive("en_fr_1.1"))
    assert [p.name for p in packages.installed()] == [newer.name] == ["translate-en_fr-1_1"]
    assert argos_pairs() == [("en", "fr", "1.1")]
    # An explicit install of an older version replaces too (the user asked for it).
    packages.install_archive(archive("en_fr"))
    assert [p.name for p in packages.installed()] == [EN_FR]


def test_reinstalling_the_same_version_keeps_one_copy(pkg_dir, archive):
    packages.install_archive(archive("en_fr"))
    packages.install_archive(archive("en_fr"))
    assert [p.name for p in packages.installed()] == [EN_FR]
    assert not list(pkg_dir.parent.glob(".packages-staging/*"))


def test_failed_swap_leaves_previous_package_intact(pkg_dir, archive, monkeypatch):
    packages.install_archive(archive("en_fr"))
    before = snapshot(pkg_dir)
    real_replace = os.replace

    def failing_replace(src, dst):
        if Path(dst).parent == pkg_dir and Path(src).name == "translate-en_fr-1_1":
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(packages.os, "replace", failing_replace)
    with pytest.raises(PackageError, match="No space left"):
        packages.install_archive(archive("en_fr_1.1"))
    assert snapshot(pkg_dir) == before
    assert Translator().translate("Hello there.", "en", "fr").model_version == "1.0"


def test_remove(pkg_dir, archive):
    packages.install_archive(archive("en_fr"))
    packages.install_archive(archive("fr_en"))
    removed = packages.remove(EN_FR)
    assert removed.pair == ("en", "fr")
    assert argos_pairs() == [("fr", "en", "1.0")]
    with pytest.raises(PackageError, match='No installed package named "nope".*translate-fr_en-1_0'):
        packages.remove("nope")


def test_install_folder_is_idempotent_and_survives_a_bad_file(pkg_dir, archive, tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for key in ("en_fr", "fr_en"):
        src = archive(key)
        src.rename(bundle / src.name)
    (bundle / "broken.argosmodel").write_bytes(b"not a zip")
    first = packages.install_folder(bundle)
    assert sorted(p.name for p in first.installed) == [EN_FR, "translate-fr_en-1_0"]
    assert [(p.name, "not a model package" in why) for p, why in first.failed] == [
        ("broken.argosmodel", True)]
    second = packages.install_folder(bundle)
    assert second.installed == [] and len(second.skipped) == 2


# --------------------------------------------------------------------------- hostile archives


def zip_slip(items):
    return items + [("translate-en_fr-1_0/../../evil.txt", b"pwned")]


def absolute_path(items):
    return items + [("/tmp/evil.txt", b"pwned")]


def missing_model(items):
    return [(n, d) for n, d in items if "/model/" not in n]


def missing_tokenizer(items):
    return [(n, d) for n, d in items if not n.endswith("sentencepiece.model")]


def bpe_tokenizer(items):
    return [(n.replace("sentencepiece.model", "bpe.model"), d) for n, d in items]


def missing_metadata(items):
    return [(n, d) for n, d in items if not n.endswith("metadata.json")]


def bad_metadata_json(items):
    return [(n, b"{not json" if n.endswith("metadata.json") else d) for n, d in items]


def two_top_folders(items):
    return items + [("other/readme.txt", b"x")]


def file_at_top(items):
    return [(n.split("/", 1)[1], d) for n, d in items]


def corrupt_model(items):
    return [(n, b"\0" * len(d) if n.endswith("model.bin") else d) for n, d in items]


HOSTILE = {
    "zip-slip": (zip_slip, "points outside the package"),
    "absolute": (absolute_path, "absolute or unsafe path"),
    "no-model": (missing_model, "no model/model.bin"),
    "no-tokenizer": (missing_tokenizer, "no tokenizer"),
    "bpe": (bpe_tokenizer, "BPE tokenizer"),
    "no-metadata": (missing_metadata, "no metadata.json"),
    "bad-metadata": (bad_metadata_json, "not valid JSON"),
    "de-fr": (lambda items: with_metadata(items, from_code="de"), "de→fr"),
    "en-en": (lambda items: with_metadata(items, to_code="en"), "en→en"),
    "bad-version": (lambda items: with_metadata(items, package_version="soon"), "not a version"),
    "two-folders": (two_top_folders, "exactly one top-level folder"),
    "file-at-top": (file_at_top, "at its top level"),
    "corrupt-model": (corrupt_model, "model cannot be loaded"),
}


def assert_previous_package_intact(pkg_dir: Path, before: dict[str, int]) -> None:
    assert snapshot(pkg_dir) == before
    assert Translator().translate("Hello there.", "en", "fr").model == EN_FR
    assert not (pkg_dir.parent / "evil.txt").exists()
    staging = pkg_dir.parent / ".packages-staging"
    assert not staging.exists() or not any(staging.iterdir())


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archive_is_refused_and_previous_package_kept(case, pkg_dir, archive, tmp_path):
    packages.install_archive(archive("en_fr"))
    before = snapshot(pkg_dir)
    mutate, message = HOSTILE[case]
    bad = write_zip(tmp_path / f"{case}.argosmodel", mutate(entries(archive("en_fr_1.1"))))
    with pytest.raises(PackageError, match=message):
        packages.install_archive(bad)
    assert_previous_package_intact(pkg_dir, before)


def test_symlink_member_is_refused(pkg_dir, archive, tmp_path):
    packages.install_archive(archive("en_fr"))
    before = snapshot(pkg_dir)
    bad = write_zip(tmp_path / "link.argosmodel", entries(archive("en_fr_1.1")))
    with zipfile.ZipFile(bad, "a") as zf:
        info = zipfile.ZipInfo("translate-en_fr-1_1/evil")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(PackageError, match="symbolic link"):
        packages.install_archive(bad)
    assert_previous_package_intact(pkg_dir, before)


@pytest.mark.parametrize("cut", [0.5, 0.95])
def test_truncated_archive_is_refused(cut, pkg_dir, archive, tmp_path):
    packages.install_archive(archive("en_fr"))
    before = snapshot(pkg_dir)
    data = archive("en_fr_1.1").read_bytes()
    bad = tmp_path / "truncated.argosmodel"
    bad.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(PackageError, match="truncated or damaged"):
        packages.install_archive(bad)
    assert_previous_package_intact(pkg_dir, before)


def test_not_a_zip_and_missing_file(pkg_dir, tmp_path):
    text = tmp_path / "notes.argosmodel"
    text.write_text("hello")
    with pytest.raises(PackageError, match="not a model package"):
        packages.install_archive(text)
    with pytest.raises(PackageError, match="No such package file"):
        packages.install_archive(tmp_path / "absent.argosmodel")


def test_zip_bomb_ratio_is_refused(pkg_dir, archive, tmp_path):
    packages.install_archive(archive("en_fr"))
    before = snapshot(pkg_dir)
    items = entries(archive("en_fr_1.1")) + [("translate-en_fr-1_1/padding.bin", b"\0" * (64 << 20))]
    bomb = write_zip(tmp_path / "bomb.argosmodel", items)
    assert bomb.stat().st_size < (1 << 20)
    with pytest.raises(PackageError, match="zip bomb"):
        packages.install_archive(bomb)
    assert_previous_package_intact(pkg_dir, before)


def test_total_unpacked_size_is_capped(pkg_dir, archive, monkeypatch):
    packages.install_archive(archive("en_fr"))
    before = snapshot(pkg_dir)
    newer = archive("en_fr_1.1")
    declared = sum(zipfile.ZipFile(newer).getinfo(n).file_size for n, _ in entries(newer))
    monkeypatch.setattr(packages, "MAX_UNPACKED_BYTES", declared - 1)
    with pytest.raises(PackageError, match="unpacks to"):
        packages.install_archive(newer)
    assert_previous_package_intact(pkg_dir, before)


# --------------------------------------------------------------------------- online

INDEX = "https://index.test/index.json"


def index_entries(version: str, link: str) -> list[dict]:
    return [
        {"from_code": "en", "to_code": "fr", "package_version": "0.9", "links": ["https://dl.test/old"]},
        {"from_code": "en", "to_code": "fr", "package_version": version, "links": [link]},
        {"from_code": "en", "to_code": "es", "package_version": "9.0", "links": ["https://dl.test/es"]},
    ]


def serve(routes: dict[str, object]):
    """A mock transport: each URL maps to bytes, a JSON-able object, or an exception."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        seen.append(url)
        answer = routes.get(url)
        if answer is None:
            return httpx.Response(404)
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, bytes):
            return httpx.Response(200, content=answer)
        return httpx.Response(200, json=answer)

    return httpx.MockTransport(handler), seen


def test_online_install_picks_newest_and_validates(pkg_dir, archive):
    transport, seen = serve({
        INDEX: index_entries("1.1", "https://dl.test/en_fr.argosmodel"),
        "https://dl.test/en_fr.argosmodel": archive("en_fr_1.1").read_bytes(),
    })
    pkg = packages.install_online("en", "fr", index_url=INDEX, transport=transport)
    assert (pkg.name, pkg.version) == ("translate-en_fr-1_1", "1.1")
    assert seen == [INDEX, "https://dl.test/en_fr.argosmodel"]
    assert argos_pairs() == [("en", "fr", "1.1")]


@pytest.mark.parametrize("routes, message", [
    ({INDEX: httpx.ReadTimeout("slow")}, "did not answer within"),
    ({INDEX: b"<html>oops"}, "malformed \\(not JSON\\)"),
    ({INDEX: {"packages": []}}, "malformed \\(expected a list"),
    ({INDEX: [{"from_code": "fr", "to_code": "en", "package_version": "1", "links": []}]},
     "has no en→fr model"),
    ({}, "Cannot fetch the package index"),
    ({INDEX: index_entries("1.1", "https://dl.test/x")}, "Download failed"),
    ({INDEX: index_entries("1.1", "https://dl.test/x"), "https://dl.test/x": httpx.ReadTimeout("slow")},
     "timed out"),
    ({INDEX: index_entries("1.1", "https://dl.test/x"), "https://dl.test/x": b"PK\x03\x04junk"},
     "truncated or damaged"),
    ({INDEX: index_entries("1.1", "http://dl.test/x")}, "no https download"),
])
def test_online_failures_are_clear_and_change_nothing(routes, message, pkg_dir, archive):
    packages.install_archive(archive("en_fr"))
    before = snapshot(pkg_dir)
    transport, _ = serve(routes)
    with pytest.raises(PackageError, match=message):
        packages.install_online("en", "fr", index_url=INDEX, transport=transport, timeout=2)
    assert_previous_package_intact(pkg_dir, before)


def test_online_refuses_other_pairs_without_network(pkg_dir):
    transport, seen = serve({})
    with pytest.raises(PackageError, match="only installs en→fr and fr→en"):
        packages.install_online("en", "de", index_url=INDEX, transport=transport)
    assert seen == []
