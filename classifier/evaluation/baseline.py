"""Reference points measured in the same run as the model: a majority baseline and a keyword-rule baseline.

The keyword rules are what a careful analyst would grep for, per label, in the three languages (folded
Azerbaijani spelling); they are deliberately simple and independent of the model and of the cue file.
"""
from __future__ import annotations

import re

import numpy as np

from ..text import normalise

KEYWORDS: dict[str, list[str]] = {
    "271": [r"hack", r"unauthori[sz]ed access", r"broke into", r"logged in", r"sindir", r"daxil ol", r"ele kecir", r"girib",
            r"взлом", r"несанкционированн\w* доступ", r"проник"],
    "272": [r"intercept", r"sniff", r"wiretap", r"man-in-the-middle", r"dinle", r"ele kecir", r"перехват", r"прослуш"],
    "273.1": [r"ransomware", r"encrypt", r"delet", r"wip", r"sifrele", r"silib", r"удал", r"зашифр", r"шифровальщик"],
    "273.2": [r"ddos", r"denial of service", r"outage", r"down for", r"iflic", r"dayandi", r"недоступ", r"отказ в обслуживании"],
    "273-1": [r"malware for sale", r"sold (malware|passwords|credentials|access)", r"phishing kit", r"skimmer", r"satib", r"satir",
              r"прода\w* (вредонос|парол|доступ)", r"парол\w* прода"],
    "273-2": [r"forg", r"falsif", r"fake record", r"altered (the )?(grade|record|entr)", r"saxta", r"подделк", r"фальсифи"],
}


def keyword_predict(texts: list[str], labels: list[str]) -> np.ndarray:
    pats = {lab: re.compile("|".join(KEYWORDS[lab])) for lab in labels}
    out = np.zeros((len(texts), len(labels)), dtype=int)
    for i, t in enumerate(texts):
        f = normalise(t)
        for j, lab in enumerate(labels):
            out[i, j] = bool(pats[lab].search(f))
    return out


def majority_predict(train_y: np.ndarray, n: int) -> np.ndarray:
    """Predict, for every incident, the most frequent value of each label in train (here: no offence)."""
    majority = (train_y.mean(axis=0) > 0.5).astype(int)
    return np.tile(majority, (n, 1))
