"""``python -m quiz``: see :mod:`quiz.cli`."""
import sys

from .cli import main

sys.exit(main())
