"""IMS QTI 2.1 (Blackboard, OpenOlat, Inspera, TAO): export and parse.

A zip with ``imsmanifest.xml``, an ``assessment.xml`` test and one ``assessmentItem`` per question in
``items/``. Choices use ``choiceInteraction`` (``maxChoices`` 1 or 0), numbers ``textEntryInteraction`` with a
tolerance in ``responseProcessing``, matching ``matchInteraction`` with ``directedPair`` responses. Per-option
feedback is a ``modalFeedback`` shown through the ``FEEDBACK`` outcome; each item's metadata are in its
``label`` attribute.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..errors import FormatError
from ..model import Option, Question, Quiz
from .common import (decode_meta, encode_meta, external_id, internal_id, letter, make_question, meta_fields, meta_pairs,
                     need, number, pack_feedback, parse_xml, quiz_from, quiz_ident, sub, unpack_feedback, xml_bytes)
from .package import Resource, read_package, write_package

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
GENERAL = "GENERAL"


def _root(tag: str, **attrs: str) -> ET.Element:
    return ET.Element(tag, {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA, **attrs})


def export(quiz: Quiz) -> bytes:
    """The quiz as a QTI 2.1 zip."""
    files, resources, refs = {}, [], []
    for q in quiz.questions:
        ident = external_id(quiz, q)  # derived from the quiz's content: two quizzes never share one
        path = f"items/{ident}.xml"
        files[path] = xml_bytes(_item(q, ident, quiz.lang))
        resources.append(Resource(ident, "imsqti_item_xmlv2p1", path, (path,)))
        refs.append((ident, path))
    test = _root("assessmentTest", identifier=quiz_ident(quiz), title=quiz.title)
    part = sub(test, "testPart", identifier="part1", navigationMode="linear", submissionMode="individual")
    section = sub(part, "assessmentSection", identifier="section1", title=quiz.title, visible="true")
    for qid, path in refs:
        sub(section, "assessmentItemRef", identifier=qid, href=path)
    files["assessment.xml"] = xml_bytes(test)
    resources.insert(0, Resource(quiz_ident(quiz), "imsqti_test_xmlv2p1", "assessment.xml", ("assessment.xml",),
                                 tuple(qid for qid, _ in refs)))
    return write_package(quiz, ("QTIv2.1 Package", "1.0.0"), resources, files)


def _set(parent: ET.Element, outcome: str, base_type: str, *values: str) -> None:
    el = sub(parent, "setOutcomeValue", identifier=outcome)
    holder = sub(el, "multiple") if len(values) > 1 else el
    for v in values:
        sub(holder, "baseValue", v, baseType=base_type)


def _item(q: Question, ident: str, lang: str) -> ET.Element:
    item = _root("assessmentItem", identifier=ident, title=ident, label=encode_meta(meta_pairs(q)),
                 adaptive="false", timeDependent="false", **{"xml:lang": lang})
    base = {"numerical": "float", "matching": "directedPair"}.get(q.qtype, "identifier")
    card = "multiple" if q.qtype in ("multiple", "matching") else "single"
    resp = sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=card, baseType=base)
    correct = sub(resp, "correctResponse")
    if q.qtype == "matching":
        for i, o in enumerate(q.options):
            sub(correct, "value", f"L{letter(i)} R{_rights(q).index(o.match) + 1}")
    else:
        for i, o in enumerate(q.options):
            if o.correct:
                sub(correct, "value", o.text if q.qtype == "numerical" else letter(i))
    if q.qtype == "multiple":
        mapping = sub(resp, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
        for i, o in enumerate(q.options):
            sub(mapping, "mapEntry", mapKey=letter(i), mappedValue=number(round(q.fraction(o) / 100, 5)))
    elif q.qtype == "matching":
        mapping = sub(resp, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
        for value in correct.findall("value"):
            sub(mapping, "mapEntry", mapKey=value.text or "", mappedValue=number(round(1 / len(q.options), 5)))
    score = sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    sub(sub(score, "defaultValue"), "value", "0")
    sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")
    body = sub(item, "itemBody")
    proc = ET.Element("responseProcessing")
    if q.qtype == "numerical":
        sub(body, "p", q.stem)
        sub(sub(body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="8")
        _numeric_processing(q, proc)
    elif q.qtype == "matching":
        inter = sub(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true", maxAssociations=str(len(q.options)))
        sub(inter, "prompt", q.stem)
        lefts, rights = sub(inter, "simpleMatchSet"), sub(inter, "simpleMatchSet")
        for i, o in enumerate(q.options):
            sub(lefts, "simpleAssociableChoice", o.text, identifier=f"L{letter(i)}", matchMax="1")
        for j, right in enumerate(_rights(q)):
            sub(rights, "simpleAssociableChoice", right, identifier=f"R{j + 1}", matchMax=str(len(q.options)))
        _mapped_score(proc)
        _set(proc, "FEEDBACK", "identifier", GENERAL)
    else:
        inter = sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="true",
                    maxChoices="0" if q.qtype == "multiple" else "1")
        sub(inter, "prompt", q.stem)
        for i, o in enumerate(q.options):
            sub(inter, "simpleChoice", o.text, identifier=letter(i))
        if q.qtype == "multiple":
            _mapped_score(proc)
        else:
            cond = sub(sub(proc, "responseCondition"), "responseIf")
            match = sub(cond, "match")
            sub(match, "variable", identifier="RESPONSE")
            sub(match, "correct", identifier="RESPONSE")
            _set(cond, "SCORE", "float", "1")
        feedback = sub(sub(proc, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
        sub(feedback, "variable", identifier="RESPONSE")
        sub(feedback, "baseValue", GENERAL, baseType="identifier")
    item.append(proc)
    if q.qtype != "matching":
        for i, o in enumerate(q.options):
            _modal(item, letter(i), o.feedback)
    _modal(item, GENERAL, pack_feedback(q))
    return item


def _mapped_score(proc: ET.Element) -> None:
    """SCORE 1 for the correct response, else the mapped partial credit (three shares of 0.33333 would add up to
    0.99999, short of full marks)."""
    cond = sub(proc, "responseCondition")
    right = sub(cond, "responseIf")
    match = sub(right, "match")
    sub(match, "variable", identifier="RESPONSE")
    sub(match, "correct", identifier="RESPONSE")
    _set(right, "SCORE", "float", "1")
    sub(sub(sub(cond, "responseElse"), "setOutcomeValue", identifier="SCORE"), "mapResponse", identifier="RESPONSE")


def _rights(q: Question) -> list[str]:
    return sorted({o.match for o in q.options})


def _numeric_processing(q: Question, proc: ET.Element) -> None:
    cond = sub(proc, "responseCondition")
    for i, o in enumerate(q.options):
        branch = sub(cond, "responseIf" if i == 0 else "responseElseIf")
        tol = number(q.tolerance) if o.correct else "0"
        mode = "absolute" if o.correct and q.tolerance else "exact"
        equal = sub(branch, "equal", toleranceMode=mode, **({"tolerance": f"{tol} {tol}"} if mode == "absolute" else {}))
        sub(equal, "variable", identifier="RESPONSE")
        sub(equal, "baseValue", o.text, baseType="float")
        if o.correct:
            _set(branch, "SCORE", "float", "1")
        _set(branch, "FEEDBACK", "identifier", letter(i), GENERAL)
    _set(sub(cond, "responseElse"), "FEEDBACK", "identifier", GENERAL)


def _modal(item: ET.Element, ident: str, text: str) -> None:
    el = sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=ident, showHide="show")
    for line in text.split("\n"):
        sub(el, "p", line)


def parse(data: bytes) -> Quiz:
    """Read a QTI 2.1 zip back into a quiz. Raises :class:`FormatError` if it is malformed."""
    header, resources, files = read_package(data)
    items = [r for r in resources if r.type == "imsqti_item_xmlv2p1"]
    if not items:
        raise FormatError("imsmanifest.xml lists no QTI 2.1 items")
    questions = [_parse_item(parse_xml(files[r.href], r.href), header.get("lang", "en")) for r in items]
    return quiz_from(header, questions)


def _parse_item(item: ET.Element, lang: str) -> Question:
    qid = internal_id(item.get("identifier", ""))
    meta = meta_fields(decode_meta(item.get("label", "")), qid)
    modal = {m.get("identifier"): "\n".join("".join(p.itertext()) for p in m.findall("p")) for m in item.findall("modalFeedback")}
    correct = [v.text or "" for v in item.findall("responseDeclaration/correctResponse/value")]
    body = need(item.find("itemBody"), f"itemBody of {qid}")
    match = body.find("matchInteraction")
    if match is not None:
        sets = match.findall("simpleMatchSet")
        rights = {c.get("identifier"): "".join(c.itertext()) for c in sets[1]}
        pairs = dict(v.split() for v in correct)
        lefts = sets[0].findall("simpleAssociableChoice")
        general, pair_fb = unpack_feedback(modal.get(GENERAL, ""), "matching", len(lefts))
        options = [Option("".join(c.itertext()), True, fb, rights[pairs[c.get("identifier")]]) for c, fb in zip(lefts, pair_fb)]
        return make_question(qid, meta, "matching", match.findtext("prompt") or "", options, general)
    choice = body.find("choiceInteraction")
    if choice is not None:
        options = [Option("".join(c.itertext()), c.get("identifier") in correct, modal.get(c.get("identifier"), ""))
                   for c in choice.findall("simpleChoice")]
        qtype = "multiple" if choice.get("maxChoices") == "0" else "single"
        return make_question(qid, meta, qtype, choice.findtext("prompt") or "", options, modal.get(GENERAL, ""))
    stem = body.findtext("p") or ""
    options, tolerance = [], 0.0
    for i, branch in enumerate(item.findall("responseProcessing/responseCondition/*")):
        equal = branch.find("equal")
        if equal is None:
            continue
        value = equal.findtext("baseValue") or ""
        ok = branch.find("setOutcomeValue[@identifier='SCORE']") is not None
        if ok and equal.get("tolerance"):
            tolerance = float(equal.get("tolerance").split()[0])
        options.append(Option(value, ok, modal.get(letter(i), "")))
    return make_question(qid, meta, "numerical", stem, options, modal.get(GENERAL, ""), tolerance)
