"""User text made inert for Markdown and HTML: what a user typed shows as the characters typed, never as markup.

Two contexts, one module: :func:`markdown` for Markdown documents read as text (reports, the CLI: backslash
escapes stay readable), :func:`markup` for text placed in Markdown that may also carry our own HTML (the app's
highlighting: character entities work in both), :func:`html` for HTML pages.
"""
from __future__ import annotations

import html as _html
import re

_MARKDOWN = re.compile(r"([\\`*_\[\]{}<>#|!~])")
_ENTITIES = str.maketrans({**{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~$"},
                           "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def markdown(text: str) -> str:
    """Every character that could start Markdown markup or an HTML tag backslash-escaped (``\\<script\\>``,
    ``\\*\\*bold\\*\\*``, ``\\[link\\](x)``), which a Markdown renderer shows as the characters typed."""
    return _MARKDOWN.sub(r"\\\1", text)


def markup(text: str) -> str:
    """HTML and Markdown syntax as character entities, in one pass (so no entity is escaped twice):
    ``<script>``, ``**bold**`` or ``[link](x)`` show as typed in Markdown with or without HTML."""
    return text.translate(_ENTITIES)


def html(text: str, quote: bool = True) -> str:
    """Text for an HTML or XML document (quotes too, unless ``quote=False`` for element content)."""
    return _html.escape(text, quote=quote)
