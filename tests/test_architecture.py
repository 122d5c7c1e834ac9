"""The shape of the house: a Qt-free core, and packaging that ships seeds and resources."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "briefer"
CORE = [
    "store",
    "ingest",
    "library",
    "briefs",
    "export",
    "cli",
    "bootstrap.py",
    "errors.py",
]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt() -> None:
    offenders = []
    for entry in CORE:
        target = SRC / entry
        files = [target] if target.is_file() else sorted(target.rglob("*.py"))
        for f in files:
            bad = {
                n for n in _imports(f) if n.split(".")[0] == "PySide6" or n.startswith("briefer.ui")
            }
            if bad:
                offenders.append(f"{f.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == []


def test_ui_imports_qt_through_one_door() -> None:
    offenders = [
        str(f.relative_to(ROOT))
        for f in sorted((SRC / "ui").rglob("*.py"))
        if f.name != "qt.py" and any(n.split(".")[0] == "PySide6" for n in _imports(f))
    ]
    assert offenders == []


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(p.relative_to(SRC.parent).parts)
        for p in [SRC, *SRC.rglob("*")]
        if p.is_dir() and (p / "__init__.py").exists()
    }
    assert found <= listed
    mapped = config["package-dir"]
    assert (ROOT / mapped["briefer.seeds"] / "manifest.json").exists()
    assert (ROOT / mapped["briefer.resources"] / "taxonomy.json").exists()


def test_seed_manifest_names_existing_files() -> None:
    import json

    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text("utf-8"))
    for entry in manifest["sources"]:
        assert (ROOT / "seeds" / entry["file"]).exists()
        assert entry["kind"] in ("industry", "official", "other")


def test_package_data_patterns_cover_resource_files() -> None:
    """Every file in resources/ and seeds/ is matched by a package-data pattern."""
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    for package in ("briefer.seeds", "briefer.resources"):
        base = ROOT / config["package-dir"][package]
        patterns = config["package-data"][package]
        for f in base.rglob("*"):
            if f.is_file() and f.suffix != ".py" and "__pycache__" not in f.parts:
                rel = f.relative_to(base).as_posix()
                assert any(fnmatch(rel, p) for p in patterns), f"{package}: {rel} not shipped"
