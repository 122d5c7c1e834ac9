"""The asks-ledger evaluation runs end to end (on its code path, not on a score threshold)."""

from __future__ import annotations

from benchmarks import fidelity


def test_fidelity_script_runs_on_one_case(capsys) -> None:  # type: ignore[no-untyped-def]
    result = fidelity.evaluate(only=["f_identity"])
    figures = result["heldout"]
    assert figures["asks_labelled"] == 4
    for key in (
        "ask_precision",
        "ask_recall",
        "answer_recall_at_1",
        "answer_recall_at_3",
        "status_accuracy",
        "decoy_on_top_rate",
        "unaddressed_called_unaddressed",
    ):
        assert 0.0 <= float(figures[key]) <= 1.0  # type: ignore[arg-type]
    assert fidelity.main(["--case", "f_identity"]) == 0
    assert "ask_recall" in capsys.readouterr().out
