"""Run → Transfer Learning Demo…: three models (frozen body, fine-tuned body, from scratch)
train one after another on a worker thread, their curves overlaid with a legend naming each,
the gaps to the scratch model read out beside the measured figures; Stop keeps what finished.

Tiny settings: a few dozen images, a couple of batches per model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from studio.transfer_demo import MEASURED_SEEDS, VARIANTS, DemoSettings, measured

pytest_plugins = ["app_fixtures"]

DEMO_MS = 120_000
TINY = DemoSettings(per_class=2, pretrain_samples=96, pretrain_epochs=1, steps=2,
                    val_per_class=4, test_limit=40)


@pytest.fixture
def demo(window):
    window.actions.transfer_demo.trigger()
    dialog = window.transfer_demo.dialog
    assert dialog is not None and dialog.isVisible()
    yield dialog
    dialog.shutdown()


def run_tiny(qtbot, demo, settings=TINY):
    with qtbot.waitSignal(demo.ended, timeout=DEMO_MS) as ended:
        assert demo.start(settings)
        assert not demo.start_button.isEnabled() and demo.stop_button.isEnabled()
    return ended.args[0]


def legend(demo) -> str:
    return demo.plots.legend.text()


def test_the_demo_is_in_the_run_menu(window):
    texts = [a.text() for a in window.run_menu.actions()]
    assert "Transfer &Learning Demo…" in texts


def test_the_transfer_learning_template_links_to_the_demo(make_window):
    from studio.templates import load_template

    window = make_window(load_template("transfer-learning"))
    panel = window.training_panel
    assert panel.demo_link.isVisibleTo(panel) and "Transfer Learning Demo" in (
        panel.demo_link.text())
    panel.demo_link.linkActivated.emit("demo")
    assert window.transfer_demo.dialog is not None and window.transfer_demo.dialog.isVisible()
    window.document.replace(load_template("seed-cnn"), None)
    assert not panel.demo_link.isVisibleTo(panel)  # a model trained from scratch: no link


def test_three_models_overlaid_with_the_gaps_read_out(qtbot, demo):
    result = run_tiny(qtbot, demo)
    assert result is not None and not result.stopped
    assert [r.variant for r in result.runs] == list(VARIANTS)
    # Each finished model is laid over the plots, validation curve included, named in the
    # legend by what it is.
    assert len(demo.plots._overlay_runs) == 3
    for run in demo.plots._overlay_runs:
        assert (run.name, "accuracy", "val") in demo.plots.overlay_curves
    for title in ("Frozen body", "Fine-tuned body", "From scratch"):
        assert title in legend(demo)
    # The models' own train − validation gaps stay out of it: the gaps read out are between
    # the models.
    assert "Models (" in legend(demo) and "(gap" not in legend(demo)
    # The table's live column holds each model's test accuracy; the gaps are read out.
    for run in result.runs:
        assert demo.cell(run.variant, 1) == f"{run.test_accuracy * 100:.1f} %"
    gaps = result.gaps()
    assert set(gaps) == {"fine_tuned", "frozen"}
    text = demo.gaps.text()
    assert "Fine-tuned − from scratch" in text and "Frozen − from scratch" in text
    sign = "+" if gaps["fine_tuned"] >= 0 else "−"
    assert f"{sign}{abs(gaps['fine_tuned']) * 100:.1f}" in text
    # Beside them, the figures measured over three seeds for the data set it trained on.
    figures = measured(demo.dataset_name, TINY.per_class) or measured(demo.dataset_name, 20)
    assert demo.dataset_name in ("fashion-mnist", "synthetic-shapes")
    assert f"measured over {MEASURED_SEEDS} seeds" in text or figures is None
    assert "Why:" in demo.why.text() and "frozen" in demo.why.text()
    # The data set is named, and whether it stands in for Fashion-MNIST.
    assert "Trains on" in demo.source_note.text()
    assert "Done: 3 of 3 models trained." in demo.status.text()

    # Again, stopped once the first model has finished: it stays overlaid and in the table,
    # and the gaps wait for scratch. (Stop is asked for in the worker's thread as the first
    # run ends, so that tiny runs cannot slip past it.) The body is the first demo's, kept in
    # the demo's folder: no second pretraining.
    demo.started.connect(
        lambda: demo._worker.runEnded.connect(
            lambda run: demo._worker.stop(), Qt.ConnectionType.DirectConnection
        )
    )
    with qtbot.waitSignal(demo.ended, timeout=DEMO_MS) as ended:
        demo.start(TINY)
    second = ended.args[0]
    assert second.reused and second.stopped
    assert [r.variant for r in second.runs] == ["frozen"]
    assert [r.tag for r in demo.plots._overlay_runs] == ["frozen"]
    assert "Frozen body" in legend(demo) and "From scratch" not in legend(demo)
    assert demo.cell("frozen", 1) != "–" and demo.cell("scratch", 1) == "–"
    assert second.gaps() == {} and "Frozen − from scratch: <b>–</b>" in demo.gaps.text()
    assert "Stopped: 1 of 3 models finished" in demo.status.text()
    assert demo.start_button.isEnabled() and not demo.stop_button.isEnabled()


def test_the_stop_button_ends_the_demo(qtbot, demo):
    with qtbot.waitSignal(demo.ended, timeout=DEMO_MS) as ended:
        demo.start(TINY)
        demo.stop_button.click()  # while the data set loads: nothing has trained yet
        assert not demo.stop_button.isEnabled() and "Stopping" in demo.status.text()
    result = ended.args[0]
    assert result.stopped and result.runs == []
    assert "Stopped: 0 of 3 models finished" in demo.status.text()
    assert demo.start_button.isEnabled()


def test_the_measured_column_shows_the_three_seed_figures(demo):
    figures = measured(demo.dataset_name, 20)
    assert figures is not None  # measured for Fashion-MNIST and for its stand-in alike
    for variant in VARIANTS:
        assert demo.cell(variant, 2) == f"{figures[variant] * 100:.1f} %"
    assert "measured over 3 seeds" in demo.gaps.text()  # before any run of its own
    demo.per_class.setCurrentIndex(demo.per_class.findData(5))
    five = measured(demo.dataset_name, 5)
    assert demo.cell("scratch", 2) == f"{five['scratch'] * 100:.1f} %"
