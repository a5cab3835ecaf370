"""The project's import graph (docs: DESIGN.md): every module imports; no cycles among project
modules; nothing imports the CLI; the parsers stay free of pipelines, Scrapy and Twisted.

The graph is read from the source with ``ast``, imports inside functions included: a lazy import
hides a cycle from the interpreter, not from the design.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("scraper", "pipelines")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {
    _module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))
}


def _imported_names(name: str, path: Path) -> set[str]:
    """Every dotted name ``path`` imports, made absolute: ``from a import b`` gives ``a.b`` when that
    is a project module, else ``a``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:  # `from package import module` imports the module
                full = f"{module}.{alias.name}"
                out.add(full if full in MODULES else module)
    return out


def _project_module(dotted: str) -> str | None:
    while dotted and dotted not in MODULES:
        dotted = dotted.rpartition(".")[0]
    return dotted or None


IMPORTS: dict[str, set[str]] = {name: _imported_names(name, path) for name, path in MODULES.items()}
GRAPH: dict[str, set[str]] = {
    name: {m for m in map(_project_module, names) if m and m != name} for name, names in IMPORTS.items()
}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _closure(name: str) -> set[str]:
    seen, todo = {name}, [name]
    while todo:
        for dep in GRAPH[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def test_the_graph_sees_the_project():
    assert {"scraper.cli", "scraper.crawl", "scraper.workers", "pipelines.normalize",
            "scraper.pages.rules", "scraper.spiders.portal"} <= set(MODULES)
    assert "scraper.crawl" in GRAPH["scraper.cli"]  # lazy and `from package import module` forms count
    assert "scraper.parsers.errors" in GRAPH["scraper.parsers"]


def test_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_imports(name):
    importlib.import_module(name)


def test_no_import_cycles_among_project_modules():
    assert _cycles(GRAPH) == []


def test_nothing_imports_the_cli():
    assert sorted(name for name, deps in GRAPH.items() if "scraper.cli" in deps) == []


def test_parsers_import_no_pipelines_scrapy_or_twisted():
    forbidden = ("pipelines", "scrapy", "twisted")
    bad = []
    for name in sorted(MODULES):
        if name != "scraper.parsers" and not name.startswith("scraper.parsers."):
            continue
        for module in sorted(_closure(name)):  # the parsers' own imports and those of what they import
            bad += [(name, module, imported) for imported in sorted(IMPORTS[module])
                    if imported.split(".")[0] in forbidden]
    assert bad == []


def test_the_store_imports_no_pipelines_or_crawl():
    """Imports flow spider -> parsers -> pipelines -> store: the store knows nothing above it."""
    above = ("pipelines", "scraper.spiders", "scraper.crawl", "scraper.cli", "scraper.workers")
    bad = [(name, dep) for name in MODULES if name.startswith("scraper.storage") for dep in GRAPH[name]
           if dep.startswith(above)]
    assert bad == []
