"""Errors raised while reading or querying the statute table."""


class StatuteDataError(ValueError):
    """A statute data file is malformed: the message names the file and the key path.

    Raised by the loader for duplicate keys, unknown keys, unquoted ids, min > max, unordered or overlapping
    dates and cross-reference errors, so that whoever edits the law-as-data sees where to look.
    """

    def __init__(self, file: str, path: str, message: str):
        self.file, self.path, self.message = file, path, message
        super().__init__(f"{file}: {path or '<root>'}: {message}")


class UnknownPartError(KeyError):
    """A part or label id that Chapter 30 does not have (e.g. ``"271.4"``)."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the message readable
        return str(self.args[0])


class NotCoveredError(ValueError):
    """An offence date before the 2012 rewrite of Chapter 30 was certainly in force, whose wording this table does
    not hold. ``note`` is the explanation (a localised :class:`~statutes.messages.Note`); ``str()`` is its English."""

    def __init__(self, note):
        self.note = note
        super().__init__(str(note))
