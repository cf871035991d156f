"""How figures are written: one formatter for every figure shown to people (reports, pages, quizzes, cards)."""
from __future__ import annotations


def number(value: float, group: str = "", digits: int = 2) -> str:
    """A figure for people: a whole number with ``group`` between thousands (``""`` none, ``","`` or ``" "``),
    any other value rounded to ``digits`` places without trailing zeros (``3.5``, ``13.33``).

    >>> number(4000), number(4000, ","), number(1000, " "), number(3.5), number(2_000_000.4, ",", 0)
    ('4000', '4,000', '1 000', '3.5', '2,000,000')
    """
    value = round(float(value), digits)
    if value.is_integer():
        whole = f"{int(value):,}"
        return whole.replace(",", group) if group != "," else whole
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def figure(value: float, digits: int = 2):
    """A figure as each language writes it in running text: ``4,000`` in English, ``4000`` in Azerbaijani
    (a :class:`~i18n.Text`, so it renders in the language of the message it is a parameter of)."""
    from .catalogue import Text
    return Text.fixed({"en": number(value, ",", digits), "az": number(value, "", digits)})


UNITS = ("months", "years", "AZN")
"""The units of the statute data's figures (a sanction's ``unit``; limitation periods in years)."""


def quantity(value: float, unit: str):
    """A figure with its unit as each language writes it (a :class:`~i18n.Text`): months that make whole years
    as years (``24`` → "2 years" / "2 il", ``3`` → "3 months" / "3 ay"), manat as "2,000 AZN" / "2000 manat".

    Raises ``KeyError`` for a unit outside :data:`UNITS`.
    """
    from .catalogue import Text
    if unit not in UNITS:
        raise KeyError(f"unknown unit {unit!r}; units are: {', '.join(UNITS)}")
    if unit == "months" and value >= 12 and float(value) % 12 == 0:
        value, unit = value / 12, "years"
    n, one = figure(value), value == 1
    if unit == "AZN":
        return Text("unit.AZN", n=n)
    if unit == "years":
        return Text("unit.years_one", n=n) if one else Text("unit.years", n=n)
    return Text("unit.months_one", n=n) if one else Text("unit.months", n=n)
