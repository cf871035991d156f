"""Every page of the app opens without an exception in both UI languages, and every UI string is translated."""
import pytest

from i18n import LANGS, catalogue

PAGES = ["app_pages/analyse.py", "app_pages/sentencing.py", "app_pages/statutes.py", "app_pages/batch.py",
         "app_pages/quiz.py"]


@pytest.mark.parametrize("lang", ["az", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_opens(app, page, lang):
    app.sidebar.radio(key="lang").set_value(lang).run()
    app.switch_page(page).run()
    assert not app.exception
    assert app.title and app.title[0].value


def test_every_string_has_both_languages():
    """The UI's strings (``app.*`` in the one catalogue; ``tests/test_i18n.py`` checks every key the code uses)."""
    app = {k: v for k, v in catalogue().items() if k.startswith("app.")}
    missing = [k for k, v in app.items() if set(v) != set(LANGS) or not all(v.values())]
    assert len(app) > 100 and missing == []
