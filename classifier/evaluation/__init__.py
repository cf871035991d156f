"""How good the model is: the evaluation report (``python -m classifier evaluate``), its measures and charts, the
baselines measured in the same run, robustness to unrelated text, and the behavioural suite.

- :func:`evaluate` (:mod:`.report`) — writes ``reports/evaluation.md`` with its charts (:mod:`.plots`);
- :mod:`.metrics` — :func:`ece`, :func:`scores`, :func:`part_accuracy`, :func:`confusion_counts`;
- :mod:`.baseline` — majority and keyword-rule baselines; :mod:`.robustness` — padded test texts;
- :mod:`.behaviour` — the CheckList-style suite (``training_data/behaviour/``).

It imports scikit-learn and matplotlib; classification never imports this package (the CLI does on `evaluate`).
"""
from .baseline import keyword_predict, majority_predict
from .behaviour import cases, pass_rates, run
from .metrics import confusion_counts, ece, part_accuracy, predict_parts, scores
from .report import evaluate, markdown_table
from .robustness import padded, robustness, unrelated_sentences
from .sets import TARGETS, SetResult, score_set

__all__ = ["cases", "confusion_counts", "ece", "evaluate", "keyword_predict", "majority_predict", "markdown_table",
           "padded", "part_accuracy", "pass_rates", "predict_parts", "robustness", "run", "scores",
           "unrelated_sentences", "TARGETS", "SetResult", "score_set"]
