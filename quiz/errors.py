"""Errors of the quiz package.

:class:`QuizError` is a data error: a filter that matches nothing in Chapter 30 (an unknown article or kind),
too few questions for the request, or a scenario bank that disagrees with the statute table. The CLI turns it
into exit code 1. :class:`FormatError` is raised by the parsers when an exported file cannot be read back.
"""


class QuizError(ValueError):
    """A quiz cannot be built or stored from the data given; the message says what to change."""


class FormatError(QuizError):
    """An exported quiz file (GIFT, Moodle XML, QTI, CSV) is malformed; the message names the place."""
