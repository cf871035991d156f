"""Real-browser end-to-end test: ``streamlit run app.py`` on a free loopback port, driven by Debian's headless
Chromium through Playwright. Screenshots go to ``test-artifacts/``.

Skipped when /usr/bin/chromium is missing, except in CI (``CI=true``), where a missing browser is a failure.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(model, tmp_path_factory):
    """A real Streamlit server on 127.0.0.1 (the model is built beforehand by the ``model`` fixture), with its own
    empty quiz database."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI; .ci/run installs Debian's chromium")
        pytest.skip("Chromium not installed")
    port = _free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
           "QUIZ_DB": str(tmp_path_factory.mktemp("quiz") / "quiz.sqlite3")}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.address", "127.0.0.1", "--server.port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1400, "height": 3200})
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    ctx.close()


def _shot(page, name: str) -> None:
    page.wait_for_timeout(1500)  # let canvas tables and progress bars paint
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _english(page, url: str, path: str = "") -> None:
    page.goto(f"{url}/{path}")
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.wait_for_timeout(500)


def test_analyse_a_scenario_in_the_browser(page, server):
    _english(page, server)
    page.locator("textarea").first.fill(
        "Hackers broke into the servers of Kapital Bank, encrypted the customer database and demanded a ransom; "
        "the bank puts the losses at 2 million manat. <script>alert('x')</script>")
    page.get_by_role("button", name="Analyse").click()
    page.get_by_text("Candidate offences").wait_for()
    page.get_by_text("Part 271.3").first.wait_for()
    _shot(page, "analyse.png")
    body = page.inner_text("body")
    assert "Limitation period" in body and "less grave" in body  # penalties panel (the table itself is a canvas)
    assert "<script>alert('x')</script>" in body  # shown as text, not executed or dropped
    # change a known fact: the part follows without re-typing
    page.get_by_role("radiogroup", name="Target is public-importance infrastructure").get_by_text("no").click()
    page.get_by_text("Part 271.1").first.wait_for()
    _shot(page, "analyse_fact_changed.png")


def test_statute_browser_in_the_browser(page, server):
    _english(page, server, "statutes")
    page.get_by_text("Official text (Azerbaijani)").wait_for()
    assert "Kompyuter sisteminə" in page.inner_text("body")
    _shot(page, "statutes.png")


def test_quiz_trainee_mode_in_the_browser(page, server):
    _english(page, server, "quiz")
    page.get_by_role("button", name="Build quiz").click()
    page.get_by_role("button", name="Save for trainees").click()
    page.get_by_text("Saved as quiz").wait_for()
    _shot(page, "quiz_build.png")
    page.get_by_role("tab", name="Take a quiz (trainee)").click()
    page.get_by_label("Your name").fill("Browser trainee")
    for group in page.locator('[data-testid="stForm"] [role="radiogroup"]').all():
        group.locator("label").first.click()
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("Score").first.wait_for()
    _shot(page, "quiz_take.png")
    assert "Correct answer" in page.inner_text("body") or "Correct" in page.inner_text("body")


def test_batch_upload_in_the_browser(page, server, tmp_path):
    log = tmp_path / "incidents.csv"
    log.write_text("id,text\n1,Hackers encrypted the hospital's servers and demanded 50000 USD; surgeries were postponed.\n"
                   "2,\n3,I lost my laptop in a taxi.\n", encoding="utf-8")
    _english(page, server, "batch")
    page.locator('input[type="file"]').set_input_files(str(log))
    page.get_by_role("button", name="Classify").click()
    page.get_by_role("button", name="Download CSV").wait_for()
    body = page.inner_text("body")
    assert "rows classified" in body and "rows with an error" in body
    _shot(page, "batch.png")
