"""Shared fixtures. Tests run from the project root so that ``app.py`` and the data folders are found."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _project_root():
    os.chdir(ROOT)
    yield


@pytest.fixture(scope="session")
def model():
    """The project's model, built from training_data/ on first use (as the app and CLI do)."""
    from classifier.model import get_model
    return get_model()
