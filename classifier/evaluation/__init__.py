"""How good the model is: the evaluation report (``python -m classifier evaluate``), its measures and charts, the
baselines measured in the same run, robustness to unrelated text, and the behavioural suite.

- :func:`evaluate` (:mod:`.report`) — writes ``reports/evaluation.md`` with its charts (:mod:`.plots`);
- :mod:`.metrics` — :func:`ece`, :func:`scores`, :func:`part_accuracy`, :func:`confusion_counts`;
- :mod:`.baseline` — majority and keyword-rule baselines; :mod:`.robustness` — padded test texts;
- :mod:`.behaviour` — the CheckList-style suite (``training_data/behaviour/``).

Imported on use only (scikit-learn and matplotlib): classification never needs it.
"""
