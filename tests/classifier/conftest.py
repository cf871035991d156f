import pytest


@pytest.fixture(scope="session")
def model():
    """The project's model, built from training_data/ on first use (as the app and CLI do)."""
    from classifier.training import get_model
    return get_model()
