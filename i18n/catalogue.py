"""The message catalogue (``catalogue.yaml``) and :class:`Text`, the one localised-text type."""
from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

CATALOGUE_FILE = Path(__file__).parent / "catalogue.yaml"
LANGS = ("en", "az")
"""The languages every message has; English is the fallback for any other."""
LANGUAGES = {"az": "Azərbaycanca", "en": "English"}
"""Each language's name in itself, for language pickers."""


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """``{key: {lang: template}}`` from ``catalogue.yaml`` (read once per process)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(CATALOGUE_FILE.read_text(encoding="utf-8"), Loader=loader)


def keys() -> list[str]:
    return list(catalogue())


VARIANT = "@"
"""Joins a key and the name of one of its variants: ``bulk.zip@page`` is ``bulk.zip`` as the app's pages say it."""


def _render(template: str, params: Mapping[str, Any], lang: str, variant: str | None = None) -> str:
    values = {k: (localised(v, lang, variant) if isinstance(v, Text) else v) for k, v in params.items()}
    return template.format(**values) if values else template


def _entry(key: str, variant: str | None) -> dict[str, str]:
    """Catalogue entry ``key``, or its ``variant`` (``key@variant``) when the catalogue has one."""
    entries = catalogue()
    named = f"{key}{VARIANT}{variant}"
    return entries[named] if variant and named in entries else entries[key]


class Text(str):
    """Localised text. Its ``str`` value is the English wording; :meth:`text` gives any language.

    ``Text(key, **params)`` renders catalogue entry ``key`` (parameters may be :class:`Text` too, rendered in the
    same language); :meth:`fixed` wraps wordings given per language (e.g. a title in the statute data).
    ``t["az"]``, ``t.get("az")``, ``t.az`` and ``t.text("az")`` all give the Azerbaijani wording.
    Raises ``KeyError`` for a key the catalogue does not define.
    """

    key: str | None
    params: dict[str, Any]
    wordings: dict[str, str] | None

    def __new__(cls, key: str, /, **params: Any) -> Text:
        entry = catalogue()[key]
        self = super().__new__(cls, _render(entry["en"], params, "en"))
        self.key, self.params, self.wordings = key, params, None
        return self

    @classmethod
    def fixed(cls, wordings: Mapping[str, str | None]) -> Text:
        """Text given in each language (``en`` required); missing languages fall back to English."""
        clean = {k: v for k, v in wordings.items() if v}
        self = str.__new__(cls, clean["en"])
        self.key, self.params, self.wordings = None, {}, clean
        return self

    def text(self, lang: str = "en", variant: str | None = None) -> str:
        """The wording in ``lang`` (English for a language it does not have).

        ``variant`` names a variant of the wording for one audience (``"page"``: the app's pages, whose users have
        controls rather than command-line options): entry ``key@variant`` is used where the catalogue has one, for
        this text and for any :class:`Text` among its parameters, and the plain entry elsewhere.
        """
        if self.wordings is not None:
            return self.wordings.get(lang) or self.wordings["en"]
        if lang == "en" and not variant:
            return str(self)
        entry = _entry(self.key, variant)
        return _render(entry.get(lang) or entry["en"], self.params, lang, variant)

    def get(self, lang: str, default: str | None = None) -> str:
        return self.text(lang)

    def __getitem__(self, item):
        if isinstance(item, str):
            return self.text(item)
        return str.__getitem__(self, item)

    @property
    def en(self) -> str:
        return self.text("en")

    @property
    def az(self) -> str:
        return self.text("az")

    @property
    def ru(self) -> str:
        return self.text("ru")

    def __reduce__(self):  # pickling and copying (caches, worker processes)
        if self.wordings is not None:
            return (Text.fixed, (self.wordings,))
        return (_from_key, (type(self), self.key, self.params))

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        """Validated from ``{en: ..., az: ..., ru: ...}`` in data files (``en`` and ``az`` required, no other key)."""
        from pydantic_core import core_schema
        fields = {lang: core_schema.typed_dict_field(core_schema.str_schema(), required=lang != "ru")
                  for lang in ("en", "az", "ru")}
        return core_schema.no_info_after_validator_function(
            cls.fixed, core_schema.typed_dict_schema(fields, extra_behavior="forbid"),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda t: dict(t.wordings or {"en": str(t)})))


def _from_key(cls, key, params):
    return cls(key, **params)


def localised(value: object, lang: str = "en", variant: str | None = None) -> str:
    """``value`` in ``lang`` (and its ``variant``, see :meth:`Text.text`) when it is a :class:`Text`, else as it is
    (a message from elsewhere, e.g. the operating system's reason a file cannot be opened)."""
    if not isinstance(value, Text):
        return str(value)
    return value.text(lang, variant) if variant else value.text(lang)  # a subclass's text() may take lang alone


class LocalisedError(Exception):
    """An error raised with a :class:`Text`: ``str(exc)`` is the English message (the CLI's), :meth:`message`
    gives it in any language (the app shows it in the page's). A mixin for the library's error types."""

    def message(self, lang: str = "en", variant: str | None = None) -> str:
        """The message in ``lang`` and, where the catalogue has one, its ``variant`` (see :meth:`Text.text`)."""
        return localised(self.args[0], lang, variant) if self.args else ""


def say(key: str, lang: str = "en", /, **params: Any) -> str:
    """Catalogue entry ``key`` rendered in ``lang`` with ``params``. Raises ``KeyError`` for an unknown key."""
    entry = catalogue()[key]
    return _render(entry.get(lang) or entry["en"], params, lang)
