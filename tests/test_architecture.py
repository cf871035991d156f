"""The shape of the code: no import circle in classifier/, no private name imported across modules, no
scikit-learn private API, small modules, and classification that never imports scikit-learn."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ("i18n", "statutes", "classifier", "quiz")
MODULES = {p: ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
           for d in LIBRARY for p in sorted((ROOT / d).rglob("*.py"))}


def _imports(path: Path, name: str) -> list[tuple[str, list[str]]]:
    """(imported module, names) for every import in the file, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[:len(base) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            out.append((module, [a.name for a in node.names]))
    return out


def _graph() -> dict[str, set[str]]:
    known = set(MODULES.values())
    graph = {}
    for path, name in MODULES.items():
        edges = set()
        for module, names in _imports(path, name):
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in known] or [module]
            edges |= {t for t in targets if t in known and t != name}
        graph[name] = edges
    return graph


def test_no_import_circle_in_the_library():
    graph, state, cycles = _graph(), {}, []

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + ".") or node.startswith(nxt + "."):
                continue  # a package and its own modules
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])
    assert cycles == []


def test_no_private_name_is_imported_across_modules():
    found = [(MODULES[p], m, n) for p in MODULES for m, names in _imports(p, MODULES[p])
             for n in names if n.startswith("_") and not n.startswith("__")]
    assert found == []


def test_no_private_scikit_learn_api():
    found = []
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not any(m.split(".")[0] == "sklearn" for m, _ in _imports(path, MODULES[path])):
            continue
        for m, names in _imports(path, MODULES[path]):
            if m.split(".")[0] == "sklearn" and any(part.startswith("_") for part in [*m.split("."), *names]):
                found.append((MODULES[path], m, names))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append((MODULES[path], node.attr, node.lineno))
    assert found == []


@pytest.mark.parametrize("path", [p for p in MODULES if p.parts[len(ROOT.parts)] == "classifier"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_classifier_module_is_under_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 300


def test_classifying_does_not_import_scikit_learn_or_skops():
    code = ("import sys, classifier.cli, classifier.bulk, classifier.analysis, classifier.model;"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'skops', 'matplotlib'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
