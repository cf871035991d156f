"""Check one writer's corpus file while it is being written: ``python training_data/check_file.py FILE [FILE ...]``.

Prints every validation problem (labels, aligned parts chosen by the statute table, tags, register, language,
split matching the folder), near-duplicates inside the file (character 5-gram Jaccard >= 0.7), and the shape
figures the corpus v2 brief asks for: labels, languages, registers, length spread, share of Azerbaijani typed
without its letters, and the share of ``none`` rows that use the offences' vocabulary. Exit 1 on any problem.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from classifier.corpus import COLUMNS, validate  # noqa: E402

AZ_LETTERS = re.compile("[əƏşŞçÇğĞıİöÖüÜ]")
OFFENCE_WORDS = re.compile(
    r"hack|unauthori[sz]|breach|intrusion|ransomware|malware|compromis|cyber-?attack|"
    r"icaz[əe]siz|s[ıi]nd[ıi]r|haker|qanunsuz daxil|взлом|хакер|несанкционир|неправомерн",
    re.IGNORECASE,
)


def shingles(text: str) -> set[str]:
    t = re.sub(r"\s+", " ", text.lower())
    return {t[i:i + 5] for i in range(max(1, len(t) - 4))}


def near_duplicates(texts: list[str], threshold: float = 0.7) -> list[tuple[int, int, float]]:
    sets = [shingles(t) for t in texts]
    index: dict[str, list[int]] = {}
    out = []
    for i, s in enumerate(sets):
        counts: dict[int, int] = {}
        for g in s:
            for j in index.get(g, ()):
                counts[j] = counts.get(j, 0) + 1
        for j, inter in counts.items():
            jac = inter / (len(s) + len(sets[j]) - inter)
            if jac >= threshold:
                out.append((j, i, jac))
        for g in s:
            index.setdefault(g, []).append(i)
    return out


def check(path: Path) -> int:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        print(f"{path}: missing columns {missing}")
        return 1
    df["file"] = f"{path.parent.name}/{path.name}"
    problems = validate(df)
    for p in problems:
        print("PROBLEM", p)
    dups = near_duplicates(df["text"].tolist())
    for i, j, jac in dups:
        print(f"NEAR-DUPLICATE {df.id[i]} ~ {df.id[j]} (Jaccard {jac:.2f})")
    n = len(df)
    lengths = df["text"].str.len()
    none = df[df.articles == "none"]
    az = df[df.lang == "az"]
    print(f"\n{path}: {n} rows; problems {len(problems)}; near-duplicates {len(dups)}")
    labels = df["articles"].str.split(";").explode().value_counts()
    print("labels:", ", ".join(f"{k} {v}" for k, v in labels.items()))
    print("languages:", ", ".join(f"{k} {v}" for k, v in df.lang.value_counts().items()))
    print("registers:", ", ".join(f"{k} {v}" for k, v in df.register.value_counts().items()))
    print(f"length: under 200 chars {100 * (lengths < 200).mean():.0f} %, over 800 chars "
          f"{100 * (lengths > 800).mean():.0f} %, median {int(lengths.median()) if n else 0}")
    if len(az):
        plain = ~az["text"].str.contains(AZ_LETTERS)
        print(f"Azerbaijani without its letters: {100 * plain.mean():.0f} % of {len(az)}")
    if len(none):
        vocab = none["text"].str.contains(OFFENCE_WORDS)
        print(f"none rows using offence vocabulary: {100 * vocab.mean():.0f} % of {len(none)} (keep at most 15 %)")
    offences = df[df.articles != "none"]
    if len(offences):
        vocab = offences["text"].str.contains(OFFENCE_WORDS)
        print(f"offence rows using the plain offence vocabulary: {100 * vocab.mean():.0f} % of {len(offences)}")
    return 1 if problems or dups else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(max(check(Path(p)) for p in sys.argv[1:]))
