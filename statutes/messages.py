"""Explanations the statute code composes: a :class:`Note` is a catalogue message (``statutes.<id>`` in
``i18n/catalogue.yaml``) with the article it rests on and its parameters; numbers come from the data, words from
the catalogue, so the app, the CLI and exports can each show it in the user's language."""
from __future__ import annotations

from typing import Any

from i18n import LANGS, Text, cap, number, say


class Note(Text):
    """An explanation with the article it rests on; ``open_question`` marks a point the Code leaves open.

    ``Note(id, article, **params)``: ``{article}`` in the message is the article, written "Qeyd" for "Note" in
    Azerbaijani. A :class:`~i18n.Text`, so ``note.text("az")`` gives the Azerbaijani wording."""

    id: str
    article: str
    open_question: str | None

    def __new__(cls, id: str, article: str, /, open_question: str | None = None, **params: Any) -> Note:
        self = super().__new__(cls, f"statutes.{id}", article=article, **params)
        self.id, self.article, self.open_question = id, article, open_question
        return self

    def text(self, lang: str = "en", variant: str | None = None) -> str:
        """The wording in ``lang``; ``variant`` is accepted as by every :class:`~i18n.Text` (a note has none)."""
        if lang == "en":
            return str(self)
        article = self.article.replace("Note", "Qeyd") if lang == "az" else self.article
        return say(self.key, lang, **{**self.params, "article": article})

    def __reduce__(self):
        return (_note, (self.id, self.article, self.open_question, {k: v for k, v in self.params.items() if k != "article"}))


def _note(id, article, open_question, params):
    return Note(id, article, open_question=open_question, **params)


def joined(texts: list[Text], sep: str = ", ") -> Text:
    """Several localised texts as one, joined by ``sep`` in every language."""
    return Text.fixed({lang: sep.join(t.text(lang) for t in texts) for lang in LANGS})


def capitalised(text: Text) -> Text:
    """A localised text with a capital first letter in every language (to open a sentence)."""
    return Text.fixed({lang: cap(text.text(lang), lang) for lang in LANGS})


def years(n: float) -> Text:
    """``1 year`` / ``2 years`` / ``3.5 years`` in each language."""
    return Text("statutes.year" if n == 1 else "statutes.years", n=number(n))
