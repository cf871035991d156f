"""Shared UI helpers: the translation table, the language switch, cached loaders and safe text display.

Every UI string lives in :data:`STRINGS` (Azerbaijani and English). User text is never passed to Streamlit as
HTML; where highlighting needs HTML, it is built from escaped pieces only (see :func:`escape`).
"""
from __future__ import annotations

import streamlit as st

import statutes

LANGS = {"az": "Azərbaycanca", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Cybercrime offence classifier and sentencing reference", "az": "Kibercinayətlərin tövsifi və cəza arayışı"},
    "language": {"en": "Language", "az": "Dil"},
    "disclaimer": {"en": "A reference for training, not legal advice. Check the official text on e-qanun.az.",
                   "az": "Tədris üçün arayışdır, hüquqi məsləhət deyil. Rəsmi mətni e-qanun.az-da yoxlayın."},
    "page_statutes": {"en": "Statutes", "az": "Qanun mətni"},
    "statutes_title": {"en": "Chapter 30 — Cybercrimes", "az": "30-cu fəsil — Kibercinayətlər"},
    "tab_part": {"en": "Part", "az": "Hissə"},
    "tab_compare": {"en": "Compare", "az": "Müqayisə"},
    "tab_history": {"en": "Amendment history", "az": "Düzəlişlər tarixi"},
    "tab_definitions": {"en": "Definitions", "az": "Anlayışlar"},
    "article": {"en": "Article", "az": "Maddə"},
    "part": {"en": "Part", "az": "Hissə"},
    "parts": {"en": "Parts", "az": "Hissələr"},
    "offence_date": {"en": "Offence date", "az": "Əməlin tarixi"},
    "offence_date_help": {"en": "The wording in force on this date is shown, with Art. 10's milder-law rule applied.",
                          "az": "Bu tarixdə qüvvədə olan redaksiya göstərilir; 10-cu maddənin yüngülləşdirici qanun qaydası tətbiq olunur."},
    "use_date": {"en": "Use an offence date", "az": "Əməlin tarixini nəzərə al"},
    "official_text": {"en": "Official text (Azerbaijani)", "az": "Rəsmi mətn"},
    "reconstructed_text": {"en": "Reconstructed earlier wording (Azerbaijani)", "az": "Bərpa edilmiş əvvəlki redaksiya"},
    "english_text": {"en": "English rendering (ours, current wording, not official)", "az": "İngiliscə ifadə (bizim, hazırkı redaksiya, rəsmi deyil)"},
    "elements": {"en": "Elements of the offence", "az": "Cinayətin tərkib əlamətləri"},
    "includes": {"en": "Covers the acts of", "az": "Bu hissə aşağıdakı əməlləri əhatə edir"},
    "qualifiers": {"en": "Qualifying circumstances", "az": "Tövsifedici hallar"},
    "sanctions": {"en": "Sanctions", "az": "Sanksiyalar"},
    "consequences": {"en": "Category and consequences", "az": "Kateqoriya və nəticələri"},
    "release": {"en": "Release options", "az": "Azad etmə imkanları"},
    "open_questions": {"en": "Open questions (the Code leaves these open)", "az": "Açıq məsələlər (Məcəllə bunları açıq qoyur)"},
    "kind": {"en": "Punishment", "az": "Cəza"},
    "element_kind": {"en": "Kind", "az": "Növ"},
    "role": {"en": "Role", "az": "Növü"},
    "min": {"en": "Minimum", "az": "Minimum"},
    "max": {"en": "Maximum", "az": "Maksimum"},
    "unit": {"en": "Unit", "az": "Vahid"},
    "source": {"en": "Source (article)", "az": "Mənbə (maddə)"},
    "main": {"en": "main (alternative)", "az": "əsas (alternativ)"},
    "additional": {"en": "additional", "az": "əlavə"},
    "mandatory": {"en": "mandatory", "az": "məcburi"},
    "months": {"en": "months", "az": "ay"},
    "AZN": {"en": "AZN", "az": "manat"},
    "category": {"en": "Category", "az": "Kateqoriya"},
    "limitation": {"en": "Limitation period", "az": "Məsuliyyətə cəlbetmə müddəti"},
    "years": {"en": "years", "az": "il"},
    "wording_of": {"en": "Wording of", "az": "Redaksiya tarixi"},
    "not_covered": {"en": "Not covered", "az": "Əhatə olunmur"},
    "compare_pick": {"en": "Parts to compare", "az": "Müqayisə ediləcək hissələr"},
    "history_chart": {"en": "Wordings of each part over time", "az": "Hər hissənin redaksiyaları zaman üzrə"},
    "scope": {"en": "Applies to articles", "az": "Aid olduğu maddələr"},
    "threshold_amount": {"en": "Threshold", "az": "Hədd"},
    "history": {"en": "History", "az": "Tarixçə"},
    "available": {"en": "available", "az": "mümkündür"},
    "unavailable": {"en": "not available", "az": "mümkün deyil"},
    "status": {"en": "status", "az": "status"},
    "pending": {"en": "pending", "az": "baxılır"},
    "act": {"en": "Act", "az": "Akt"},
    "date": {"en": "Date", "az": "Tarix"},
    "what_changed": {"en": "What changed", "az": "Nə dəyişib"},
    # batch page
    "page_batch": {"en": "Batch", "az": "Toplu təhlil"},
    "batch_title": {"en": "Classify an incident log", "az": "Hadisə jurnalını təsnif et"},
    "batch_caps": {"en": "Files up to {mb} MB and {rows:,} rows here (set CYBERCRIME_UPLOAD_MB and CYBERCRIME_BATCH_ROWS to change). For larger logs use the command line: python -m classifier classify FILE -o OUT.csv --jobs 2",
                   "az": "Burada {mb} MB və {rows:,} sətirədək fayllar (dəyişmək üçün CYBERCRIME_UPLOAD_MB və CYBERCRIME_BATCH_ROWS). Daha böyük jurnallar üçün əmr sətrindən istifadə edin: python -m classifier classify FILE -o OUT.csv --jobs 2"},
    "upload": {"en": "Incident log (CSV, TSV, JSONL, XLSX or text, one incident per line)", "az": "Hadisə jurnalı (CSV, TSV, JSONL, XLSX və ya mətn, hər sətirdə bir hadisə)"},
    "text_column": {"en": "Text column", "az": "Mətn sütunu"},
    "classify": {"en": "Classify", "az": "Təsnif et"},
    "too_big": {"en": "The file is {size:.1f} MB, over the {mb} MB limit of the web page. Use the command line for it.", "az": "Fayl {size:.1f} MB-dır, veb səhifənin {mb} MB həddindən böyükdür. Onun üçün əmr sətrindən istifadə edin."},
    "too_many_rows": {"en": "Only the first {rows:,} rows were classified (the page limit); use the command line for the whole file.", "az": "Yalnız ilk {rows:,} sətir təsnif edildi (səhifə həddi); bütün fayl üçün əmr sətrindən istifadə edin."},
    "cannot_read": {"en": "The file cannot be read", "az": "Fayl oxuna bilmir"},
    "rows_done": {"en": "rows classified", "az": "sətir təsnif edildi"},
    "rows_error": {"en": "rows with an error", "az": "xətalı sətir"},
    "filter_articles": {"en": "Show rows with these articles", "az": "Bu maddələri olan sətirləri göstər"},
    "filter_min_p": {"en": "Minimum top probability", "az": "Ən yüksək ehtimalın minimumu"},
    "errors_only": {"en": "Only rows with an error", "az": "Yalnız xətalı sətirlər"},
    "chart_articles": {"en": "Incidents per article", "az": "Maddələr üzrə hadisələr"},
    "chart_confidence": {"en": "Top probability per incident", "az": "Hər hadisə üzrə ən yüksək ehtimal"},
    "download_csv": {"en": "Download CSV", "az": "CSV yüklə"},
    "download_xlsx": {"en": "Download XLSX", "az": "XLSX yüklə"},
    "reader_notes": {"en": "Reading notes", "az": "Oxuma qeydləri"},
    # quiz page
    "page_quiz": {"en": "Quizzes", "az": "Testlər"},
    "quiz_title": {"en": "Quizzes", "az": "Testlər"},
    "tab_build": {"en": "Build (instructor)", "az": "Hazırla (müəllim)"},
    "tab_take": {"en": "Take a quiz (trainee)", "az": "Testi keç (tələbə)"},
    "tab_results": {"en": "Results (instructor)", "az": "Nəticələr (müəllim)"},
    "quiz_articles": {"en": "Articles", "az": "Maddələr"},
    "quiz_kinds": {"en": "Question kinds", "az": "Sual növləri"},
    "quiz_difficulty": {"en": "Difficulty", "az": "Çətinlik"},
    "any": {"en": "any", "az": "istənilən"},
    "quiz_count": {"en": "Number of questions", "az": "Sualların sayı"},
    "quiz_lang": {"en": "Quiz language", "az": "Testin dili"},
    "quiz_seed": {"en": "Seed (the same seed gives the same quiz)", "az": "Toxum (eyni toxum eyni testi verir)"},
    "quiz_build": {"en": "Build quiz", "az": "Testi hazırla"},
    "quiz_preview": {"en": "Preview with answer key", "az": "Cavablarla baxış"},
    "quiz_save": {"en": "Save for trainees", "az": "Tələbələr üçün saxla"},
    "quiz_saved": {"en": "Saved as quiz", "az": "Test saxlanıldı"},
    "quiz_export": {"en": "Export format", "az": "İxrac formatı"},
    "quiz_download": {"en": "Download", "az": "Yüklə"},
    "quiz_none_saved": {"en": "No saved quiz yet: build and save one first.", "az": "Hələ saxlanmış test yoxdur: əvvəlcə hazırlayıb saxlayın."},
    "quiz_pick": {"en": "Quiz", "az": "Test"},
    "trainee": {"en": "Your name", "az": "Adınız"},
    "quiz_submit": {"en": "Submit answers", "az": "Cavabları göndər"},
    "quiz_score": {"en": "Score", "az": "Bal"},
    "your_answer": {"en": "Your answer", "az": "Cavabınız"},
    "correct_answer": {"en": "Correct answer", "az": "Düzgün cavab"},
    "correct": {"en": "Correct", "az": "Düzdür"},
    "wrong": {"en": "Not right", "az": "Düz deyil"},
    "no_answer": {"en": "no answer", "az": "cavab yoxdur"},
    "need_name": {"en": "Enter your name first.", "az": "Əvvəlcə adınızı yazın."},
    "attempts": {"en": "Attempts", "az": "Cəhdlər"},
    "per_question": {"en": "Average score per question", "az": "Hər sual üzrə orta bal"},
    "common_wrong": {"en": "Most common wrong answers", "az": "Ən çox verilən səhv cavablar"},
    "no_attempts": {"en": "No attempts yet.", "az": "Hələ cəhd yoxdur."},
    "question": {"en": "Question", "az": "Sual"},
    "answer": {"en": "Answer", "az": "Cavab"},
    "count": {"en": "Count", "az": "Say"},
    "quiz_error": {"en": "Cannot build this quiz", "az": "Bu test hazırlana bilmir"},
    # sentencing page
    "page_sentencing": {"en": "Sentencing reference", "az": "Cəza arayışı"},
    "sentencing_title": {"en": "Sentencing reference", "az": "Cəza arayışı"},
    "sentencing_intro": {"en": "Choose the parts directly, or an article and the circumstances, without any text. Every figure shows the article it comes from.",
                         "az": "Hissələri birbaşa, yaxud maddəni və halları seçin — mətn lazım deyil. Hər rəqəm mənbə maddəsi ilə göstərilir."},
    "mode_parts": {"en": "Choose parts", "az": "Hissələri seç"},
    "mode_circumstances": {"en": "Article and circumstances", "az": "Maddə və hallar"},
    "label": {"en": "Offence", "az": "Cinayət"},
    "basic_variant": {"en": "Variant (273-1)", "az": "Variant (273-1)"},
    "circumstances_pick": {"en": "Circumstances", "az": "Hallar"},
    "chosen_part": {"en": "Chosen part", "az": "Seçilən hissə"},
    "add_part": {"en": "Add to the comparison", "az": "Müqayisəyə əlavə et"},
    # analyse page
    "page_analyse": {"en": "Analyse a scenario", "az": "Ssenarini təhlil et"},
    "analyse_title": {"en": "Analyse an incident", "az": "Hadisəni təhlil et"},
    "incident_text": {"en": "Incident description (Azerbaijani, English or Russian)", "az": "Hadisənin təsviri (azərbaycan, ingilis və ya rus dilində)"},
    "incident_help": {"en": "Describe what happened: who did what to which system, and with what result.",
                      "az": "Nə baş verdiyini yazın: kim hansı sistemə qarşı nə edib və nəticəsi nə olub."},
    "analyse_button": {"en": "Analyse", "az": "Təhlil et"},
    "known_facts": {"en": "Known facts (override what the text shows)", "az": "Məlum faktlar (mətndən aşkar ediləni əvəz edir)"},
    "fact_auto": {"en": "from the text", "az": "mətndən"},
    "fact_yes": {"en": "yes", "az": "bəli"},
    "fact_no": {"en": "no", "az": "xeyr"},
    "fact_prior_conspiracy_group": {"en": "Group acting in prior conspiracy", "az": "Qabaqcadan əlbir olan qrup"},
    "fact_organised_group": {"en": "Organised group", "az": "Mütəşəkkil dəstə"},
    "fact_official_position": {"en": "Official using his position", "az": "Vəzifəli şəxs qulluq mövqeyindən istifadə edib"},
    "fact_repeat": {"en": "Repeat offence", "az": "Təkrar törədilib"},
    "fact_public_infrastructure": {"en": "Target is public-importance infrastructure", "az": "Hədəf ictimai əhəmiyyətli infrastrukturdur"},
    "fact_attempt": {"en": "Stopped at attempt", "az": "Cəhd mərhələsində dayandırılıb"},
    "fact_foreign_national": {"en": "Offender is a foreign national", "az": "Təqsirləndirilən əcnəbidir"},
    "fact_minor": {"en": "Offender is under 18", "az": "Təqsirləndirilən 18 yaşından azdır"},
    "fact_art60_conditions": {"en": "Art. 60.1 conditions met, no aggravating circumstance", "az": "60.1-ci maddənin şərtləri var, ağırlaşdırıcı hal yoxdur"},
    "damage_amount": {"en": "Damage amount (0 = from the text)", "az": "Ziyanın məbləği (0 = mətndən)"},
    "currency": {"en": "Currency", "az": "Valyuta"},
    "empty_text": {"en": "Type or paste an incident description first.", "az": "Əvvəlcə hadisənin təsvirini yazın."},
    "verdict_offences": {"en": "Candidate offences", "az": "Ehtimal olunan cinayətlər"},
    "verdict_low_confidence": {"en": "Low confidence: no article reaches its threshold. The closest candidate is shown; read it as a question, not an answer.",
                               "az": "Aşağı etibarlılıq: heç bir maddə həddə çatmır. Ən yaxın variant göstərilir; onu cavab deyil, sual kimi oxuyun."},
    "verdict_out_of_scope": {"en": "Out of scope: nothing in Chapter 30 fits this description (it may fall under another chapter, e.g. fraud, Art. 178).",
                             "az": "Əhatə xaricində: təsvir 30-cu fəslin heç bir maddəsinə uyğun deyil (başqa fəslə, məsələn, dələduzluğa — 178-ci maddə — aid ola bilər)."},
    "probabilities": {"en": "All articles, by probability", "az": "Bütün maddələr, ehtimala görə"},
    "threshold": {"en": "threshold", "az": "hədd"},
    "selected_part": {"en": "Part", "az": "Hissə"},
    "why_part": {"en": "Why this part", "az": "Niyə bu hissə"},
    "element_shown": {"en": "shown", "az": "göstərilib"},
    "element_missing": {"en": "not evident", "az": "görünmür"},
    "evidence_words": {"en": "Words that pushed this article", "az": "Bu maddəyə təsir edən sözlər"},
    "circumstances_found": {"en": "Circumstances", "az": "Hallar"},
    "source_text": {"en": "from the text", "az": "mətndən"},
    "source_user": {"en": "given by you", "az": "sizin göstərdiyiniz"},
    "penalties": {"en": "Penalties and consequences", "az": "Cəzalar və nəticələri"},
    "aggregate": {"en": "Several offences together (aggregate, Art. 66.2)", "az": "Bir neçə cinayət birlikdə (məcmu, 66.2)"},
    "absorption": {"en": "Absorption: imprisonment", "az": "Udma: azadlıqdan məhrum etmə"},
    "addition": {"en": "Addition: imprisonment up to", "az": "Toplama: azadlıqdan məhrum etmə ən çoxu"},
    "download_md": {"en": "Download analysis (Markdown)", "az": "Təhlili yüklə (Markdown)"},
    "download_html": {"en": "Download analysis (HTML)", "az": "Təhlili yüklə (HTML)"},
    "warnings": {"en": "Note", "az": "Qeyd"},
    "damage_found": {"en": "Damage stated", "az": "Göstərilən ziyan"},
    "bad_text": {"en": "This text cannot be analysed", "az": "Bu mətn təhlil edilə bilmir"},
    "model_building": {"en": "Building the model from training_data/ (first use, about a minute)…", "az": "Model training_data/ əsasında qurulur (ilk istifadə, təxminən bir dəqiqə)…"},
}


def lang() -> str:
    """The UI language chosen in the sidebar ('az' by default)."""
    return st.session_state.get("lang", "az")


def t(key: str) -> str:
    """The UI string ``key`` in the current language; raises KeyError for a missing key (caught by tests)."""
    return STRINGS[key][lang()]


def language_switch() -> None:
    """The sidebar language switch; its value lives in ``st.session_state['lang']``."""
    st.session_state.setdefault("lang", "az")
    st.sidebar.radio(STRINGS["language"][lang()] + " / Language", list(LANGS), format_func=LANGS.get,
                     key="lang", horizontal=True)
    st.sidebar.caption(t("disclaimer"))


def pick(texts: dict[str, str] | object) -> str:
    """Pick the current language from a {'en':…, 'az':…} dict or a Localized model."""
    if isinstance(texts, dict):
        return texts.get(lang()) or texts["en"]
    return texts.get(lang())  # statutes.schema.Localized


_ENTITIES = str.maketrans({**{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~$"},
                           "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def escape(text: str) -> str:
    """Make user text inert for ``st.markdown``: HTML-escaped, and Markdown syntax turned into character
    entities, so ``<script>``, ``**bold**`` or ``[link](x)`` show as the characters typed."""
    return text.translate(_ENTITIES)  # one pass, so no entity is escaped twice


@st.cache_resource(show_spinner=False)
def model():
    """The classifier's model, built from training_data/ on first use and then shared by all sessions."""
    import classifier
    with st.spinner(t("model_building")):
        return classifier.get_model()


def quiz_store():
    """The quiz database (``$QUIZ_DB`` or the default path); cheap to open, so not cached across sessions."""
    import quiz
    return quiz.QuizStore()


@st.cache_resource(show_spinner=False)
def statute_table() -> statutes.StatuteTable:
    """The statute table, loaded once per server process (it is immutable)."""
    return statutes.load_table()


def highlight(text: str, spans, css: str = "background:#fde68a;border-radius:3px;padding:0 2px") -> str:
    """HTML of ``text`` with ``spans`` (objects with start/end) marked; every piece of text is escaped first."""
    marks = sorted({(s.start, s.end) for s in spans if 0 <= s.start < s.end <= len(text)})
    out, pos = [], 0
    for start, end in marks:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark style="{css}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def fmt_number(x: float) -> str:
    return f"{int(x):,}".replace(",", " ") if float(x).is_integer() else f"{x:g}"
