"""Strict reading of the statute data files: YAML → validated models, or an error naming file and key path.

PyYAML on its own keeps the last of two duplicate keys and reads ``273.10`` as the float ``273.1``; both would
silently change the law. So the YAML node tree is checked first (duplicate keys, ids written as numbers), then
the plain data is validated by the pydantic models in :mod:`statutes.schema`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import StatuteDataError

# Keys whose values are article, part or label ids and must therefore be strings.
ID_KEYS = frozenset({"id", "article", "includes", "basic_parts", "parts", "scope", "articles", "applies_to"})
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})

M = TypeVar("M")


def _path(parts: list[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _check_nodes(node: yaml.Node, file: str, path: list[Any], id_context: bool = False) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise StatuteDataError(file, _path(path + [key]),
                                       f"duplicate key '{key}' (lines {seen[key] + 1} and {key_node.start_mark.line + 1})")
            seen[key] = key_node.start_mark.line
            _check_nodes(value_node, file, path + [key], key in ID_KEYS)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _check_nodes(item, file, path + [i], id_context)
    elif isinstance(node, yaml.ScalarNode) and id_context and not node.style and node.tag in _NUMBER_TAGS:
        raise StatuteDataError(file, _path(path),
                               f"unquoted id {node.value} would be read as a number; write it in quotes: '{node.value}'")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where installed (same results as the pure-Python one, several times faster)."""


def read_yaml(path: Path) -> Any:
    """Read one YAML file strictly: the node tree is checked, then turned into data (parsed once).

    Raises
    ------
    StatuteDataError
        If the file is not valid YAML, repeats a key, or writes an id as a bare number.
    """
    file = path.name
    try:
        text = path.read_text(encoding="utf-8")
        loader = _LOADER(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise StatuteDataError(file, "", f"cannot read file: {exc}") from exc
    try:
        node = loader.get_single_node()
        if node is None:
            raise StatuteDataError(file, "", "file is empty")
        _check_nodes(node, file, [])
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise StatuteDataError(file, "", f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()


def _format(exc: ValidationError) -> tuple[str, str]:
    errors = exc.errors()
    message = errors[0]["msg"]
    if len(errors) > 1:
        message += "; also " + "; ".join(f"{_path(list(e['loc'])) or '<root>'}: {e['msg']}" for e in errors[1:5])
    return _path(list(errors[0]["loc"])), message


def validate(data: Any, model: type[M] | Any, file: str) -> M:
    """Validate plain data against a model (or a type such as ``list[Label]``), naming file and key path."""
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return model.model_validate(data)
        return TypeAdapter(model).validate_python(data)
    except ValidationError as exc:
        path, messages = _format(exc)
        raise StatuteDataError(file, path, messages) from None


def load_file(path: Path, model: type[M] | Any) -> M:
    """Read and validate one data file."""
    return validate(read_yaml(path), model, path.name)
