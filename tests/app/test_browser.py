"""Real-browser end-to-end test: ``streamlit run app.py`` on a free loopback port, driven by Debian's headless
Chromium through Playwright. Screenshots go to ``test-artifacts/``.

Besides the flows, it checks what a person would check in a laptop-sized window (1280×800): no label or figure
cut off and nothing to scroll sideways, the Azerbaijani pages without English words outside the user's text,
the results in view after Analyse, every page at its own URL, the language switch keeping each choice, and the
downloads (the report as a printed page, quiz files named by format and language).

Skipped when /usr/bin/chromium is missing, except in CI (``CI=true``), where a missing browser is a failure.
"""
from __future__ import annotations

import os
import re
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


def _english(page, url: str, path: str = "analyse") -> None:
    page.goto(f"{url}/{path}")
    page.locator("h1").first.wait_for()
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.get_by_text("Language / Language").wait_for()
    page.wait_for_timeout(500)


@pytest.fixture
def laptop(browser, server):
    """A page in a laptop-sized window, where cut labels and off-screen results show."""
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    ctx.close()


def _open(page, url: str, path: str, lang: str) -> None:
    page.goto(f"{url}/{path}")
    page.locator("h1").first.wait_for()
    if lang == "en":
        page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        page.get_by_text("Language / Language").wait_for()
    page.wait_for_timeout(1000)


def _view(page, name: str) -> None:
    """A screenshot of what the window shows (not the whole page): what a person sees without scrolling."""
    page.wait_for_timeout(1200)
    page.screenshot(path=str(ARTIFACTS / name))


_CUT = """() => [...document.querySelectorAll('[data-testid="stMain"] *, [data-testid="stSidebar"] *')].filter(el => {
    const cs = getComputedStyle(el);
    return el.offsetParent !== null && el.innerText && el.innerText.trim()
        && cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
}).map(el => el.innerText.trim())"""


def _cut_or_sideways(page) -> list[str]:
    """Texts cut off with an ellipsis, and whether the page scrolls sideways."""
    cut = page.evaluate(_CUT)
    if page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"):
        cut.append("<the page scrolls sideways>")
    return cut


def _english_words() -> set[str]:
    """Words of the English UI that the Azerbaijani UI never uses, and Streamlit's own English widget texts."""
    from i18n import catalogue
    words = lambda lang: {w.lower() for v in catalogue().values() for w in re.findall(r"[A-Za-z]{4,}", v[lang])}
    streamlit = {"choose", "options", "select", "drag", "drop", "browse", "files", "limit", "deploy"}
    return (words("en") - words("az")) | streamlit


_VISIBLE_WORDS = """() => {
    const hide = document.createElement('style');  // icon ligatures ("quiz", "warning") and the English rendering
    hide.textContent = '[translate="no"][aria-hidden="true"], .st-key-english-rendering {display: none !important}';
    document.head.appendChild(hide);
    const text = ['[data-testid="stMain"]', '[data-testid="stSidebar"]']
        .map(s => document.querySelector(s)?.innerText || '').join(' ');
    hide.remove();
    return text;
}"""


def _english_on_page(page) -> list[str]:
    """English words visible in the main area and the sidebar, less icon names and the statute's English
    rendering, which the Statutes page shows on purpose (the user's own text is Azerbaijani in these tests; the
    language switch names English in English)."""
    text = page.evaluate(_VISIBLE_WORDS).replace("English", "").replace("Language", "")
    english = _english_words()
    return sorted({w for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() in english})


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
    page.get_by_text("Known facts (override").click()  # a collapsed panel beside the description
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
    page.get_by_role("button", name="Download CSV", exact=True).wait_for()
    page.get_by_text("rows with an error", exact=True).wait_for()  # the page may still be drawing the figures
    page.get_by_text("rows classified", exact=True).wait_for()
    _shot(page, "batch.png")


AZ_TEXT = "Keçmiş iş yoldaşım oğurladığı parolumla icazəm olmadan elektron poçt hesabıma daxil olub və məktublarımı oxuyub."


def test_analyse_brings_the_results_into_view_with_every_figure_whole(laptop, server):
    page = laptop
    _open(page, server, "analyse", "az")
    page.locator("textarea").first.fill(AZ_TEXT)
    page.get_by_role("button", name="Təhlil et").click()
    page.get_by_text("Ehtimal olunan cinayətlər").wait_for()
    page.get_by_text("müəyyən müddətə azadlıqdan məhrum etmə").first.wait_for()
    page.wait_for_timeout(1500)
    top = page.evaluate("() => document.querySelector('.st-key-results').getBoundingClientRect().top")
    assert -5 <= top < 400, f"the results start {top}px from the top of the window"
    _view(page, "analyse_results_az.png")
    assert _cut_or_sideways(page) == []
    assert _english_on_page(page) == []
    body = page.inner_text("body")
    assert "3 ay (maddə 55.2) – 2 il (maddə 271.1)" in body and "böyük ictimai təhlükə törətməyən (maddə 15.2)" in body
    page.get_by_text("Yüklə", exact=False).last.scroll_into_view_if_needed()
    _view(page, "analyse_results_az_end.png")


def test_analyse_in_english_with_an_example_and_a_report(laptop, server, tmp_path):
    page = laptop
    _open(page, server, "analyse", "en")
    _view(page, "analyse_start_en.png")
    assert _cut_or_sideways(page) == []
    page.get_by_role("button", name="Ransomware at a bank").click()
    page.wait_for_timeout(800)
    assert "ransom" in page.locator("textarea").first.input_value()
    page.get_by_role("button", name="Analyse").click()
    page.get_by_text("Candidate offences").wait_for()
    page.wait_for_timeout(1500)
    assert page.evaluate("() => document.querySelector('.st-key-results').getBoundingClientRect().top") < 400
    assert "inferred from the conduct" in page.inner_text("body")
    _view(page, "analyse_results_en.png")
    assert _cut_or_sideways(page) == []
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download analysis (HTML)").click()
    report = tmp_path / dl.value.suggested_filename
    dl.value.save_as(report)
    assert dl.value.suggested_filename == "analysis-en.html"
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "report_en_print.png"), full_page=True)
    assert "Chapter 30 analysis" in page.inner_text("body")


def test_a_long_paste_is_kept_and_analysed_in_part(laptop, server):
    page = laptop
    _open(page, server, "analyse", "en")
    page.locator("textarea").first.fill("Hackers broke into the bank's servers and encrypted the database. " * 460)
    assert len(page.locator("textarea").first.input_value()) > 30_000
    page.get_by_role("button", name="Analyse").click()
    page.get_by_text("over the limit of 20,000").wait_for()
    _view(page, "analyse_long_paste_en.png")


def test_every_page_has_its_own_url(laptop, server):
    page = laptop
    for path, title in [("analyse", "Hadisəni təhlil et"), ("sentencing", "Cəza arayışı"), ("statutes", "30-cu fəsil"),
                        ("batch", "Hadisə jurnalını təsnif et"), ("quiz", "Testlər")]:
        page.goto(f"{server}/{path}")
        page.locator("h1").first.wait_for()
        assert page.locator("h1").first.inner_text().startswith(title) and page.url.endswith(f"/{path}")
    page.goto(server)
    page.locator("h1").first.wait_for()
    assert page.url.endswith("/analyse")


@pytest.mark.parametrize("path,name", [("sentencing", "sentencing"), ("statutes", "statutes")])
@pytest.mark.parametrize("lang", ["az", "en"])
def test_reference_pages_show_whole_figures(laptop, server, path, name, lang):
    page = laptop
    _open(page, server, path, lang)
    page.get_by_text("maddə 55.2" if lang == "az" else "Art. 55.2").first.wait_for()
    _view(page, f"{name}_{lang}.png")
    assert _cut_or_sideways(page) == []
    if lang == "az":
        assert _english_on_page(page) == []


def test_statutes_compare_shows_whole_figures(laptop, server):
    page = laptop
    _open(page, server, "statutes", "az")
    page.get_by_role("tab", name="Müqayisə").click()
    page.wait_for_timeout(1500)
    _view(page, "statutes_compare_az.png")
    assert _cut_or_sideways(page) == []
    assert _english_on_page(page) == []
    for tab, shot in (("Düzəlişlər tarixi", "statutes_history_az.png"), ("Anlayışlar", "statutes_definitions_az.png")):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(1500)
        _view(page, shot)
        assert _english_on_page(page) == [], tab


def test_the_language_switch_keeps_each_choice(laptop, server):
    page = laptop
    _open(page, server, "sentencing", "az")
    page.get_by_text("Maddə və hallar").click()
    page.wait_for_timeout(1000)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.get_by_text("Article and circumstances").wait_for()
    page.wait_for_timeout(1000)
    checked = page.get_by_role("radio", name="Article and circumstances")
    assert checked.is_checked()
    _view(page, "sentencing_switched_en.png")
    assert _cut_or_sideways(page) == []
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Quizzes").click()  # same session, not a reload
    page.get_by_role("button", name="Build quiz").click()
    page.get_by_text("Preview with answer key").wait_for()
    assert page.get_by_role("radio", name="English").nth(1).is_checked()
    main = page.locator('[data-testid="stMain"]')
    for _ in range(20):  # the preview's questions render after its heading; on a busy machine, a while after
        if "any" in main.inner_text():
            break
        page.wait_for_timeout(500)
    assert "any" in main.inner_text()


def test_quiz_page_in_azerbaijani_and_its_downloads(laptop, server):
    page = laptop
    _open(page, server, "quiz", "az")
    page.get_by_role("button", name="Testi hazırla").click()
    page.get_by_text("Cavablarla baxış").wait_for()
    _view(page, "quiz_build_az.png")
    assert _english_on_page(page) == []
    names = []
    for fmt in ("QTI 1.2 (Canvas)", "QTI 2.1"):
        box = page.get_by_role("combobox", name="İxrac formatı")
        box.click()
        box.fill(fmt)  # the list is filtered by what is typed
        page.get_by_role("option", name=fmt, exact=True).click()
        page.wait_for_timeout(800)
        with page.expect_download() as dl:
            page.get_by_role("button", name=re.compile("^Yüklə")).click()
        names.append(dl.value.suggested_filename)
    assert names == ["quiz-7-qti12-az.zip", "quiz-7-qti21-az.zip"]


def test_batch_page_in_azerbaijani(laptop, server, tmp_path):
    page = laptop
    log = tmp_path / "jurnal.csv"
    log.write_text("id,text\n1,Hakerlər xəstəxananın serverlərini şifrələyib fidyə tələb ediblər.\n2,\n"
                   "3,Taksidə noutbukumu itirmişəm.\n", encoding="utf-8")
    _open(page, server, "batch", "az")
    page.locator('input[type="file"]').set_input_files(str(log))
    page.get_by_text("Faylın ilk sətirləri").wait_for()
    page.get_by_role("button", name="Təsnif et").click()
    page.get_by_role("button", name="Excel üçün CSV yüklə").wait_for()
    page.wait_for_timeout(1500)
    _view(page, "batch_az.png")
    page.get_by_text("Maddələr üzrə hadisələr").scroll_into_view_if_needed()  # the page scrolls inside its main area
    _view(page, "batch_az_results.png")
    assert _cut_or_sideways(page) == []
    assert _english_on_page(page) == []
    with page.expect_download() as dl:
        page.get_by_role("button", name="Excel üçün CSV yüklə").click()
    assert Path(dl.value.path()).read_bytes().startswith(b"\xef\xbb\xbf")



def test_batch_page_says_what_is_wrong_with_a_file_in_azerbaijani(laptop, server, tmp_path):
    """Issue 15: the readers' messages (a malformed line, a file that is not text, a guessed encoding) in the
    page's language, with their line numbers and encodings."""
    page = laptop
    fixtures = Path(__file__).resolve().parents[1] / "classifier" / "batch_fixtures"
    _open(page, server, "batch", "az")
    page.locator('input[type="file"]').set_input_files(str(fixtures / "not_text.csv"))
    page.get_by_text("Fayl oxuna bilmir").wait_for()
    _view(page, "batch_az_not_text.png")
    assert _english_on_page(page) == []
    log = tmp_path / "pozuq.csv"
    log.write_bytes("id,text\n1,Хакеры взломали сервер банка и зашифровали базу,лишнее,поле\n"
                    "2,\"Кто-то украл мой пароль и вошёл в почту\n".encode("cp1251"))  # Windows-1251, malformed
    page.locator('input[type="file"]').set_input_files(str(log))
    page.get_by_text("Faylın ilk sətirləri").wait_for()
    page.get_by_role("button", name="Təsnif et").click()
    page.get_by_text("Oxuma qeydləri", exact=False).first.wait_for()
    page.wait_for_timeout(1500)
    _view(page, "batch_az_messages.png")
    text = page.evaluate(_VISIBLE_WORDS)
    assert "kodlaşdırması cp1251 kimi təxmin edildi" in text and "sətir 2: sətirdə 4 sahə var" in text
    assert _english_on_page(page) == []


def test_batch_page_with_no_classifiable_row_in_azerbaijani(laptop, server, tmp_path):
    """Issue 15c: a file in which every row is in error gets a notice with the commonest reason instead of two empty
    charts; the table and the downloads stay."""
    page = laptop
    log = tmp_path / "bos.csv"
    log.write_text("id,text\n1,\n2,   \n3,...\n", encoding="utf-8")
    _open(page, server, "batch", "az")
    page.locator('input[type="file"]').set_input_files(str(log))
    page.get_by_text("Faylın ilk sətirləri").wait_for()
    page.get_by_role("button", name="Təsnif et").click()
    page.get_by_text("Heç bir sətir təsnif edilə bilmədi", exact=False).wait_for()
    page.get_by_role("button", name="Excel üçün CSV yüklə").wait_for()
    page.wait_for_timeout(1500)
    page.get_by_text("Heç bir sətir təsnif edilə bilmədi", exact=False).scroll_into_view_if_needed()
    _view(page, "batch_az_none_classified.png")
    text = page.evaluate(_VISIBLE_WORDS)
    assert "Ən çox rast gələn xəta (3 sətir): mətn boşdur və ya onda söz yoxdur" in text
    assert "Maddələr üzrə hadisələr" not in text
    assert _cut_or_sideways(page) == [] and _english_on_page(page) == []


def test_a_typed_offence_date_and_analyse_without_leaving_the_field(laptop, server):
    """Issue 15: a date typed into the field and Analyse clicked at once (no Enter, no Tab). Streamlit 1.67's date
    field (one segment per part of the date) commits it as the click takes the focus away; the result says which
    date it applied, and it is the one typed and the one the field shows."""
    page = laptop
    _open(page, server, "analyse", "en")
    page.get_by_text("Use an offence date").click()
    page.wait_for_timeout(800)
    page.locator("textarea").first.fill("Someone guessed my password and logged into my e-mail account.")
    page.locator('.st-key-analyse_date [data-type="year"]').click()
    page.keyboard.type("20150601")  # year, month and day: each segment moves on to the next when full
    field = page.locator('.st-key-analyse_date [data-testid="stDateInputField"]')
    assert re.sub(r"\s", "", field.inner_text()) == "2015-06-01"
    # A person's click comes a few hundred milliseconds after the last key at the soonest; at machine speed on a
    # loaded CI machine the click could overtake the field's own handling of the last keystroke (seen once).
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Analyse").click()
    notice = page.get_by_text(re.compile("^Offence date applied")).first
    notice.wait_for()
    page.wait_for_timeout(1500)
    notice.scroll_into_view_if_needed()
    _view(page, "analyse_typed_date_en.png")
    assert notice.inner_text().startswith("Offence date applied: 2015-06-01.")
    assert "271.1 in the version in force from 2012-06-29" in notice.inner_text()
    assert re.sub(r"\s", "", field.inner_text()) == "2015-06-01"
