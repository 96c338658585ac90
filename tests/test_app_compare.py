"""Comparing runs in the app: "Compare optimizers" trains one run per ticked optimizer and
overlays them; the overfitting preset, trained again with Dropout, shows a smaller gap next to
the first run's curves.

Runs use small subsets (NETSTUDIO_TRAIN_LIMIT / NETSTUDIO_TEST_LIMIT) so each takes a second or
two on a slow two-core machine."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_app_training import tiny_project

from studio.params import ParamError
from studio.runs import METRICS_FILE
from studio.settings import OPTIMIZER_VARIANTS, default_training, optimizer_variant
from studio.templates import load_template
from widgets.training.controller import IDLE, RUNNING

pytest_plugins = ["app_fixtures"]

RUN_MS = 60_000


@pytest.fixture
def limits(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "256")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "120")


def compare(qtbot, window, keys: list[str]):
    """Tick exactly `keys` in the dialog, press Start and wait for the comparison to end."""
    window.actions.compare.trigger()
    dialog = window.comparison.dialog
    for key, box in dialog.boxes.items():
        box.setChecked(key in keys)
    with qtbot.waitSignal(window.comparison.ended, timeout=3 * RUN_MS) as ended:
        dialog.start_button.click()
        assert window.comparison.active and not window.actions.compare.isEnabled()
    return ended.args[0]


def pen_color(curve) -> str:
    return curve.opts["pen"].color().name()


def test_each_variant_changes_the_optimizer_alone():
    base = {**default_training(), "learning_rate": 0.01, "momentum": 0.0, "seed": 7}
    variants = {key: optimizer_variant(base, key) for key in OPTIMIZER_VARIANTS}
    assert variants["sgd"]["optimizer"] == "sgd" and variants["sgd"]["momentum"] == 0
    assert variants["sgd-momentum"]["momentum"] == 0.9  # "with momentum" has some
    assert variants["sgd-nesterov"]["nesterov"] and variants["adam"]["optimizer"] == "adam"
    assert variants["adamw"]["weight_decay"] == 0.01  # else AdamW would be Adam
    for settings in variants.values():
        assert settings["learning_rate"] == 0.01 and settings["seed"] == 7
    with pytest.raises(ParamError, match="no optimizer 'lion'"):
        optimizer_variant(base, "lion")


def test_the_dialog_offers_six_optimizers_and_needs_one_ticked(make_window):
    window = make_window(tiny_project())
    window.actions.compare.trigger()
    dialog = window.comparison.dialog
    assert list(dialog.boxes) == list(OPTIMIZER_VARIANTS)
    assert dialog.ticked() == ["sgd", "sgd-momentum", "adam"]
    assert dialog.boxes["adam"].text() == "Adam" and dialog.start_button.text() == "Start 3 Runs"
    for box in dialog.boxes.values():
        box.setChecked(False)
    assert not dialog.start_button.isEnabled() and "at least one" in dialog.problem.text()
    dialog.reject()
    assert not window.comparison.start([])
    assert "at least one" in window.training_panel.message.text()


def test_comparing_sgd_and_adam_overlays_both_runs_named_in_the_legend(
    make_window, qtbot, limits
):
    window = make_window(tiny_project(epochs=2))
    done = compare(qtbot, window, ["sgd", "adam"])

    assert [r.key for r in done] == ["sgd", "adam"]
    assert window.training.state_name == IDLE and window.actions.compare.isEnabled()
    plots, runs = window.results.plots, window.results.runs
    for compared in done:
        run = compared.run
        assert run.status == "finished" and run.path.name.endswith("-" + compared.key)
        metrics = json.loads((run.path / METRICS_FILE).read_text())
        assert metrics["settings"]["seed"] == 0 and metrics["dataset"] == done[0].run.dataset
        # Both runs are ticked in the runs list and drawn on both plots from their history.
        assert runs._is_ticked(str(run.path))
        for metric in ("loss", "accuracy"):
            for kind, field in (("train", metric), ("val", f"val_{metric}")):
                x, y = plots.overlay_curves[run.name, metric, kind].getData()
                assert list(x) == [1.0, 2.0]
                np.testing.assert_allclose(y, [h[field] for h in run.history])
    sgd = json.loads((done[0].run.path / METRICS_FILE).read_text())["settings"]
    assert sgd["optimizer"] == "sgd" and sgd["momentum"] == 0
    # Each run its own colour, and the legend names the optimizers in that colour.
    colors = [pen_color(plots.overlay_curves[r.run.name, "loss", "train"]) for r in done]
    assert colors[0] != colors[1]
    legend = plots.legend.text().lower()
    for color, name in zip(colors, ("sgd", "adam"), strict=True):
        assert f"color:{color}'><b>━━</b></span>&nbsp;{name} (gap" in legend
    # The last run is not drawn twice: only the overlays remain.
    assert plots.curves["loss", "train"].getData()[0] is None or not len(
        plots.curves["loss", "train"].getData()[0]
    )
    # The table of final numbers, one row per optimizer.
    table = window.comparison.table
    assert table.isVisible() and table.table.rowCount() == 2
    assert [table.cell(0, 0), table.cell(1, 0)] == ["SGD", "Adam"]
    last = done[1].run.history[-1]
    assert table.cell(1, 2) == f"{last['loss']:.4f}"
    assert table.cell(1, 5) == f"{last['val_accuracy'] * 100:.1f}%"
    table.close()


def test_stop_ends_the_comparison_and_keeps_the_finished_runs(make_window, qtbot, monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "1500")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "100")
    window = make_window(tiny_project(epochs=2))
    controller, comparison = window.training, window.comparison
    controller.report_every_s = 0.0

    def stop_in_the_second_run(index: int, key: str) -> None:
        if index == 1:
            controller.batchReported.connect(stop_once)

    def stop_once(report: dict) -> None:
        controller.batchReported.disconnect(stop_once)
        assert controller.state_name == RUNNING
        window.actions.stop.trigger()

    comparison.runBegun.connect(stop_in_the_second_run)
    done = compare(qtbot, window, ["sgd", "sgd-momentum", "adam"])

    assert [r.key for r in done] == ["sgd", "sgd-momentum"]
    assert done[0].run.status == "finished" and len(done[0].run.history) == 2
    assert done[1].run.status == "stopped"
    folders = [p.name for p in window.runs_folder().iterdir()]
    assert not any(name.endswith("-adam") for name in folders)  # never started
    assert not comparison.active and controller.state_name == IDLE
    assert window.actions.compare.isEnabled() and window.actions.train.isEnabled()
    assert window.results.runs._is_ticked(str(done[0].run.path))
    assert (done[0].run.name, "accuracy", "val") in window.results.plots.overlay_curves
    table = comparison.table
    assert table.cell(1, 0) == "SGD with momentum (stopped)"
    assert table.note.text().startswith("Stopped: the runs that finished are kept")
    table.close()


def add_dropout_after_dense_1(window) -> None:
    """As a user does it: a Dropout between dense_1 and dense_2, rewired, one undo step each."""
    document = window.document
    edge = next(e for e in document.graph.edges if e.source == "dense_1")
    with document.batch():
        assert document.remove([], [edge])
        node = document.add_node("Dropout", (500.0, 200.0), {"rate": 0.5})
        assert document.connect("dense_1", node) and document.connect(node, "dense_2")
    assert document.analysis.ok


def test_overfitting_preset_then_dropout_narrows_the_gap_with_the_first_run_overlaid(
    make_window, qtbot, monkeypatch
):
    from studio.data import DatasetError, load_dataset

    try:
        load_dataset("fashion-mnist")
    except DatasetError:
        pytest.skip("Fashion-MNIST is not installed (scripts/setup.sh installs it)")
    # 4,000 images: 200 held out to validate (the template's 5 %), 300 to train on (its
    # Training samples setting), as in the full template but with a quicker validation.
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "4000")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "200")
    window = make_window(load_template("overfitting-demo"))
    plots = window.results.plots

    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        assert window.start_training()
    first = window.training.outcome
    history = first.result.history
    gap = history[-1]["accuracy"] - history[-1]["val_accuracy"]
    assert history[-1]["accuracy"] > 0.95 and gap > 0.12, history[-1]
    readout = f"{gap * 100:.1f} %"
    assert plots.gap == readout and readout in plots.plots["accuracy"].titleLabel.text
    assert "300 of the" in window.training_panel.message.text()  # the Training samples cap

    add_dropout_after_dense_1(window)
    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        assert window.start_training()
    second = window.training.outcome.result.history
    narrower = second[-1]["accuracy"] - second[-1]["val_accuracy"]
    assert narrower < gap - 0.04, (gap, narrower)
    assert plots.gap == f"{narrower * 100:.1f} %"

    # The first run was laid over the plots when the second began, training and validation.
    name = first.run_dir.name
    assert window.results.runs._is_ticked(str(first.run_dir))
    for kind, field in (("train", "accuracy"), ("val", "val_accuracy")):
        _, y = plots.overlay_curves[name, "accuracy", kind].getData()
        np.testing.assert_allclose(y, [h[field] for h in history])
    assert f"run {name} (gap {gap * 100:.1f} %)" in plots.legend.text()
    _, live = plots.curves["accuracy", "val"].getData()
    np.testing.assert_allclose(live, [h["val_accuracy"] for h in second])
