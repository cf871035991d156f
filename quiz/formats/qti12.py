"""IMS QTI 1.2 for Canvas (classic quizzes and item banks): export and parse.

A zip with ``imsmanifest.xml`` and one assessment file, ``<ident>/<ident>.xml``, in the Canvas dialect:
each ``<item>`` names its Canvas type in ``question_type`` metadata (``multiple_choice_question``,
``multiple_answers_question``, ``true_false_question``, ``numerical_question``, ``matching_question``),
scores in ``<resprocessing>`` and shows per-option ``<itemfeedback>``. Our metadata are extra
``qtimetadatafield`` entries, which Canvas ignores.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..errors import FormatError
from ..model import Option, Question, Quiz
from .common import (external_id, from_html, internal_id, letter, make_question, meta_fields, meta_pairs, need, number,
                     pack_feedback, parse_xml, quiz_from, quiz_ident, sub, to_html, unpack_feedback, xml_bytes)
from .package import Resource, read_package, write_package

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CANVAS = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
          "truefalse": "true_false_question", "numerical": "numerical_question", "matching": "matching_question"}
RESPONSE = "response1"


def export(quiz: Quiz) -> bytes:
    """The quiz as a QTI 1.2 zip for Canvas."""
    ident = quiz_ident(quiz)  # Canvas uses idents as migration ids: derived from the quiz, never shared by two
    root = ET.Element("questestinterop", xmlns=NS)
    section = sub(sub(root, "assessment", ident=ident, title=quiz.title), "section", ident="root_section")
    for q in quiz.questions:
        section.append(_item(q, external_id(quiz, q)))
    path = f"{ident}/{ident}.xml"
    resource = Resource(ident, "imsqti_xmlv1p2", path, (path,))
    return write_package(quiz, ("IMS Content", "1.1.3"), [resource], {path: xml_bytes(root)})


def _mattext(parent: ET.Element, text: str, html: bool) -> None:
    sub(sub(parent, "material"), "mattext", to_html(text) if html else text, texttype="text/html" if html else "text/plain")


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    _mattext(sub(sub(item, "itemfeedback", ident=ident), "flow_mat"), text, True)


def _condition(proc: ET.Element, cont: str, feedback: str | None = None, score: str | None = None,
               action: str = "Set") -> ET.Element:
    """A ``respcondition`` (conditionvar, then setvar, then displayfeedback, as the DTD orders them);
    returns its empty ``conditionvar`` for the caller to fill."""
    cond = sub(proc, "respcondition", continue_=cont)
    var = sub(cond, "conditionvar")
    if score is not None:
        sub(cond, "setvar", score, action=action, varname="SCORE")
    if feedback:
        sub(cond, "displayfeedback", feedbacktype="Response", linkrefid=feedback)
    return var


def _item(q: Question, ident: str) -> ET.Element:
    item = ET.Element("item", ident=ident, title=ident)
    md = sub(sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in [("question_type", CANVAS[q.qtype]), ("points_possible", "1.0"), *meta_pairs(q)]:
        field = sub(md, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", entry)
    pres = sub(item, "presentation")
    _mattext(pres, q.stem, True)
    proc = sub(item, "resprocessing")
    sub(sub(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    sub(_condition(proc, "Yes", "general_fb"), "other")
    if q.qtype == "matching":
        _matching(q, pres, proc)
    elif q.qtype == "numerical":
        _numerical(q, pres, proc)
    else:
        _choice(q, pres, proc)
    _feedback(item, "general_fb", pack_feedback(q))
    if q.qtype != "matching":
        for i, o in enumerate(q.options):
            _feedback(item, f"{letter(i)}_fb", o.feedback)
    return item


def _choice(q: Question, pres: ET.Element, proc: ET.Element) -> None:
    lid = sub(pres, "response_lid", ident=RESPONSE, rcardinality="Multiple" if q.qtype == "multiple" else "Single")
    render = sub(lid, "render_choice")
    for i, o in enumerate(q.options):
        _mattext(sub(render, "response_label", ident=letter(i)), o.text, False)
        sub(_condition(proc, "Yes", f"{letter(i)}_fb"), "varequal", letter(i), respident=RESPONSE)
    var = _condition(proc, "No", score="100")
    if q.qtype == "multiple":
        var = sub(var, "and")
    for i, o in enumerate(q.options):
        if o.correct:
            sub(var, "varequal", letter(i), respident=RESPONSE)
        elif q.qtype == "multiple":
            sub(sub(var, "not"), "varequal", letter(i), respident=RESPONSE)


def _numerical(q: Question, pres: ET.Element, proc: ET.Element) -> None:
    sub(sub(sub(pres, "response_str", ident=RESPONSE, rcardinality="Single"), "render_fib", fibtype="Decimal"),
        "response_label", ident="answer1")
    for i, o in enumerate(q.options):
        var = _condition(proc, "No" if o.correct else "Yes", f"{letter(i)}_fb", "100" if o.correct else None)
        if o.correct:
            either = sub(var, "or")
            sub(either, "varequal", o.text, respident=RESPONSE)
            both = sub(either, "and")
            sub(both, "vargte", number(float(o.text) - q.tolerance), respident=RESPONSE)
            sub(both, "varlte", number(float(o.text) + q.tolerance), respident=RESPONSE)
        else:
            sub(var, "varequal", o.text, respident=RESPONSE)


def _matching(q: Question, pres: ET.Element, proc: ET.Element) -> None:
    """Each right pair adds an equal share; every pair right sets exactly 100 (three shares of 33.33333 would
    add up to 99.99999)."""
    rights = sorted({o.match for o in q.options})
    share = number(round(100 / len(q.options), 5))
    pairs = []
    for i, o in enumerate(q.options):
        lid = sub(pres, "response_lid", ident=f"response_{letter(i)}", rcardinality="Single")
        _mattext(lid, o.text, False)
        render = sub(lid, "render_choice")
        for j, right in enumerate(rights):
            _mattext(sub(render, "response_label", ident=f"R{j + 1}"), right, False)
        pairs.append((f"R{rights.index(o.match) + 1}", f"response_{letter(i)}"))
        var = _condition(proc, "Yes", score=share, action="Add")
        sub(var, "varequal", pairs[-1][0], respident=pairs[-1][1])
    every = sub(_condition(proc, "No", score="100"), "and")
    for label, resp in pairs:
        sub(every, "varequal", label, respident=resp)


def parse(data: bytes) -> Quiz:
    """Read a QTI 1.2 zip back into a quiz. Raises :class:`FormatError` if it is malformed."""
    header, resources, files = read_package(data)
    res = next((r for r in resources if r.type.startswith("imsqti_xmlv1p2")), None)
    root = parse_xml(files[need(res, "QTI 1.2 resource in imsmanifest.xml").href], "QTI 1.2 assessment")  # type: ignore[arg-type]
    header.setdefault("title", root.find("assessment").get("title", "") if root.find("assessment") is not None else "")
    questions = [_parse_item(item, header.get("lang", "en")) for item in root.iter("item")]
    return quiz_from(header, questions)


def _read(el: ET.Element | None) -> str:
    if el is None:
        return ""
    mt = el if el.tag == "mattext" else need(el.find(".//mattext"), "mattext")
    return from_html(mt.text or "") if mt.get("texttype") == "text/html" else (mt.text or "")


def _parse_item(item: ET.Element, lang: str) -> Question:
    qid = internal_id(item.get("ident", ""))
    fields = [(f.findtext("fieldlabel") or "", f.findtext("fieldentry") or "") for f in item.iter("qtimetadatafield")]
    canvas = dict(fields).get("question_type", "multiple_choice_question")
    qtype = next((k for k, v in CANVAS.items() if v == canvas), None)
    if qtype is None:
        raise FormatError(f"QTI 1.2 item {qid}: unsupported question_type {canvas!r}")
    meta = meta_fields([(k, v) for k, v in fields if k not in ("question_type", "points_possible")], qid)
    pres = need(item.find("presentation"), f"presentation of item {qid}")
    stem = _read(pres.find("material"))
    feedback = {f.get("ident"): _read(f) for f in item.findall("itemfeedback")}
    conds = item.findall("resprocessing/respcondition")
    scoring = [c for c in conds if c.find("setvar") is not None]
    if qtype == "matching":
        scoring = [c for c in scoring if c.find("conditionvar/and") is None]  # one per pair, not "every pair"
        general, pair_fb = unpack_feedback(feedback.get("general_fb", ""), "matching", len(scoring))
        options = []
        for lid, cond, fb in zip(pres.findall("response_lid"), scoring, pair_fb):
            labels = {lb.get("ident"): _read(lb.find("material")) for lb in lid.iter("response_label")}
            options.append(Option(_read(lid.find("material")), True, fb, labels[cond.findtext("conditionvar/varequal")]))
        return make_question(qid, meta, "matching", stem, options, general)
    if qtype == "numerical":
        options, tolerance = [], 0.0
        for c in conds[1:]:
            ok = c.find("setvar") is not None
            value = c.findtext(".//varequal") or ""
            if ok:
                tolerance = float(c.findtext(".//varlte") or value) - float(value)
            options.append(Option(value, ok, feedback.get(c.find("displayfeedback").get("linkrefid"), "")))
        return make_question(qid, meta, "numerical", stem, options, feedback.get("general_fb", ""), round(tolerance, 6))
    right = {v.text for s in scoring for v in s.iter("varequal")} - {v.text for s in scoring for n in s.iter("not") for v in n}
    options = [Option(_read(lb.find("material")), lb.get("ident") in right, feedback.get(f"{lb.get('ident')}_fb", ""))
               for lb in pres.iter("response_label")]
    return make_question(qid, meta, qtype, stem, options, feedback.get("general_fb", ""))
