"""Learning by seeing it: the live augmentation preview beside its settings, an autoencoder's
inputs beside its reconstructions, and a GAN trained in the app with its generated samples after
each epoch, its two losses, stop and pause, and the export of its generator.

Runs use a few hundred built-in synthetic shapes (NETSTUDIO_TRAIN_LIMIT), so each takes seconds
on a slow two-core machine."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch

from studio.augment import NOT_IMAGES, augment_preview, preview_images
from studio.compiler import compile_graph
from studio.evaluation import evaluate_reconstructions, model_inputs, reconstructs_input
from studio.gan import GENERATOR_WEIGHTS, exported_part
from studio.runs import load_trained
from studio.templates import load_template
from widgets.training.controller import PAUSED
from widgets.training.images import sample_image
from widgets.training.worker import AUTOENCODER, CLASSIFIER, GAN

pytest_plugins = ["app_fixtures"]

RUN_MS = 120_000


def on_shapes(template: str, epochs: int, **training):
    project = load_template(template)
    project.dataset["name"] = "synthetic-shapes"
    project.training.update(epochs=epochs, batch_size=64, **training)
    return project


@pytest.fixture
def limits(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "192")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "20")


# The engine's side ------------------------------------------------------------------------


def test_the_preview_augments_as_training_does_and_says_when_the_shapes_stand_in():
    shapes = preview_images({"name": "synthetic-shapes"}, count=4)
    assert shapes.images.shape == (4, 1, 28, 28) and shapes.stand_in_reason is None
    waves = preview_images({"name": "synthetic-waveforms"}, count=3)
    assert waves.dataset == "synthetic-shapes" and waves.stand_in_reason == NOT_IMAGES
    off = augment_preview(shapes.images, {"aug_rotation": 0.0}, draws=2)
    assert torch.equal(off, shapes.images[:, None].expand(-1, 2, -1, -1, -1))
    settings = {"aug_rotation": 30.0, "aug_shift": 0.1}
    rotated = augment_preview(shapes.images, settings, draws=2, seed=1)
    assert torch.equal(rotated, augment_preview(shapes.images, settings, draws=2, seed=1))
    assert not torch.equal(rotated, augment_preview(shapes.images, settings, draws=2, seed=2))
    assert not torch.equal(rotated, off)


def test_reconstructions_are_the_models_outputs_as_images():
    graph = load_template("conv-autoencoder").graph
    assert reconstructs_input(graph) and not reconstructs_input(load_template("seed-cnn").graph)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 784), torch.nn.Sigmoid())
    x = preview_images({"name": "synthetic-shapes"}, count=5).images
    rec = evaluate_reconstructions(model, x, (1, 28, 28), count=3)
    expected = model(model_inputs(x[:3], (1, 28, 28))).detach()
    assert rec.outputs.dtype == np.uint8 and rec.outputs.shape == (3, 1, 28, 28)
    np.testing.assert_array_equal(
        rec.outputs, expected.mul(255).round().to(torch.uint8).reshape(3, 1, 28, 28).numpy()
    )
    np.testing.assert_array_equal(rec.inputs, x[:3].numpy())
    assert rec.errors.shape == (3,) and rec.mean_error > 0


# Augmentation preview ---------------------------------------------------------------------


def open_augmentation(window, qtbot):
    preview = window.training_panel.form.augment_preview
    window.show_page(1)
    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        window.training_panel.form.sections["augmentation"].header.setChecked(True)
    return preview


def test_the_augmentation_grid_follows_the_settings(make_window, qtbot):
    window = make_window(on_shapes("seed-cnn", 1))
    preview = open_augmentation(window, qtbot)
    rows, columns = len(preview.originals), preview.grid.columns
    shown = preview.shown_images().reshape(rows, columns, 1, 28, 28)
    # All augmentation off: every draw is the training image itself, unchanged.
    assert preview.source.stand_in_reason is None and not preview.note.isVisible()
    for column in range(columns):
        np.testing.assert_array_equal(shown[:, column], preview.originals.numpy())

    with qtbot.waitSignal(preview.redrawn, timeout=5000):
        window.document.set_training({"aug_rotation": 40.0})
    rotated = preview.shown_images().reshape(rows, columns, 1, 28, 28)
    np.testing.assert_array_equal(rotated[:, 0], preview.originals.numpy())  # the originals
    for column in range(1, columns):
        assert not np.array_equal(rotated[:, column], shown[:, column])
    # Exactly the engine's augmentation of those images.
    expected = augment_preview(preview.originals, window.document.project.training, columns - 1)
    np.testing.assert_array_equal(rotated[:, 1:], expected.numpy())

    with qtbot.waitSignal(preview.redrawn, timeout=5000):
        preview.shuffle.click()
    assert not np.array_equal(preview.shown_images(), rotated.reshape(-1, 1, 28, 28))

    with qtbot.waitSignal(preview.redrawn, timeout=5000):
        window.document.set_training({"aug_rotation": 0.0})
    np.testing.assert_array_equal(preview.shown_images(), shown.reshape(-1, 1, 28, 28))


def test_a_data_set_without_images_says_the_shapes_stand_in(make_window, qtbot):
    window = make_window(on_shapes("seed-cnn", 1))
    preview = open_augmentation(window, qtbot)
    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        window.document.set_dataset({"name": "synthetic-waveforms"})
    assert preview.source.stand_in_reason == NOT_IMAGES
    assert preview.note.isVisible() and "synthetic shapes" in preview.note.text()


# Autoencoder ------------------------------------------------------------------------------


def test_an_autoencoder_run_shows_inputs_beside_their_reconstructions(make_window, qtbot, limits):
    window = make_window(on_shapes("conv-autoencoder", 1))
    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        assert window.start_training()
    outcome = window.training.outcome
    assert outcome is not None and outcome.kind == AUTOENCODER and outcome.evaluation is None
    results = window.results
    tabs = results.tabs
    assert tabs.currentWidget() is results.reconstructions
    visible = {tabs.widget(i) for i in range(tabs.count()) if tabs.isTabVisible(i)}
    assert results.predictions not in visible and results.confusion not in visible
    assert results.gan_samples not in visible and results.activations in visible

    grid = results.reconstructions.grid
    assert len(grid.indices) == 20  # every test sample of the tiny run, one page
    x = outcome.x_test[:20]
    with torch.no_grad():
        out = outcome.model(model_inputs(x, outcome.input_shape))
    expected = out.clamp(0, 1).mul(255).round().to(torch.uint8).reshape(20, 1, 28, 28).numpy()
    np.testing.assert_array_equal(grid.data.outputs[:20], expected)
    np.testing.assert_array_equal(grid.data.inputs[:20], x.numpy())
    painted = grid.picture("output", 3)
    assert painted == sample_image(expected[3])
    assert "Mean squared error" in results.reconstructions.summary.text()

    # A classifier afterwards brings its own tabs back.
    results.show_kind(CLASSIFIER)
    assert tabs.isTabVisible(tabs.indexOf(results.predictions))
    assert not tabs.isTabVisible(tabs.indexOf(results.reconstructions))


# GAN ----------------------------------------------------------------------------------------


def test_a_gan_trains_in_the_app_with_a_new_sample_grid_each_epoch(
    make_window, qtbot, limits, tmp_path
):
    window = make_window(on_shapes("gan-shapes", 3))
    results, seen = window.results, []
    grids_at_epoch = []

    def epoch(report):
        seen.append(report)
        grids_at_epoch.append(results.gan_samples.updates)

    window.training.epochReported.connect(epoch)
    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        assert window.start_training()
    outcome = window.training.outcome
    assert outcome is not None, window.training_panel.message.text()
    assert outcome.kind == GAN and outcome.result.status == "finished"
    assert results.kind == GAN and results.top.currentWidget() is results.gan_losses
    assert results.tabs.currentWidget() is results.gan_samples

    # One new grid as each epoch ends, and the generator's drawing changes between them.
    assert grids_at_epoch == [1, 2, 3]
    grids = [images for _, images in results.gan_samples.grids]
    assert len(grids) == 3 and grids[0].shape == (64, 1, 28, 28)
    for earlier, later in itertools.pairwise(grids):
        assert not np.array_equal(earlier, later)
    np.testing.assert_array_equal(results.gan_samples.current_images(), grids[-1])
    np.testing.assert_array_equal(outcome.samples, grids[-1])
    # Both networks' losses, per epoch, on the GAN's own plots.
    losses = results.gan_losses.series
    assert len(losses["g_loss", "epoch"]) == 3 and len(losses["d_loss", "epoch"]) == 3
    assert [r["epoch"] for r in seen] == [1, 2, 3] and all("d_loss" in r for r in seen)
    # The activations follow the noise vectors through the generator into the discriminator.
    results.tabs.setCurrentWidget(results.activations)
    assert results.activations.select_node("generated_image")
    maps = results.activations.current_maps()
    assert maps is not None and maps.shape[-2:] == (28, 28)
    # Looking back at epoch 1.
    results.gan_samples.slider.setValue(0)
    np.testing.assert_array_equal(results.gan_samples.current_images(), grids[0])

    # The export is the generator: noise in, an image out.
    assert exported_part(outcome.run_dir) == outcome.run_dir / GENERATOR_WEIGHTS
    dialog = window.open_export_dialog()
    assert "generator" in dialog.note.text() and dialog.note.isVisibleTo(dialog)
    assert dialog.source == outcome.run_dir / GENERATOR_WEIGHTS
    dialog.set_format("safetensors")
    dialog.path.setText(str(tmp_path / "generator"))
    dialog.start_export()
    with qtbot.waitSignal(dialog.job.done, timeout=RUN_MS):
        pass
    project, weights = load_trained(tmp_path / "generator.safetensors")
    generator = compile_graph(project.graph)
    generator.load_state_dict(weights)
    assert generator(torch.randn(2, 64)).shape == (2, 1, 28, 28)
    dialog.done(0)


def test_a_gan_run_pauses_and_stops_mid_run_keeping_a_usable_generator(
    make_window, qtbot, monkeypatch
):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "640")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "10")
    window = make_window(on_shapes("gan-shapes", 4))
    controller = window.training
    controller.report_every_s = 0.0

    with qtbot.waitSignal(controller.batchReported, timeout=RUN_MS):
        window.start_training()
    window.actions.pause.trigger()
    assert controller.state_name == PAUSED
    qtbot.waitUntil(lambda: controller._state.status == "paused", timeout=RUN_MS)
    window.actions.pause.trigger()
    with qtbot.waitSignal(controller.epochReported, timeout=RUN_MS):
        pass
    with qtbot.waitSignal(controller.runEnded, timeout=RUN_MS):
        window.actions.stop.trigger()

    outcome = controller.outcome
    assert outcome is not None and outcome.result.status == "stopped"
    assert 1 <= outcome.result.epochs_done < 4
    # The grid ends on what the stopped generator draws, and the run folder holds it: the
    # generator's weights are those of the trained chain, and it draws images.
    np.testing.assert_array_equal(window.results.gan_samples.current_images(), outcome.samples[:64])
    part, weights = load_trained(outcome.run_dir / GENERATOR_WEIGHTS)
    chain = outcome.model.state_dict()
    for name, tensor in weights.items():
        assert torch.equal(chain[name], tensor)
    generator = compile_graph(part.graph)
    generator.load_state_dict(weights)
    with torch.no_grad():
        images = generator.eval()(torch.randn(3, 64))
    assert images.shape == (3, 1, 28, 28) and torch.isfinite(images).all()


def test_a_gan_on_data_without_images_fails_with_a_plain_message(make_window, qtbot, limits):
    project = on_shapes("gan-shapes", 1)
    project.dataset["name"] = "synthetic-waveforms"
    window = make_window(project)
    with qtbot.waitSignal(window.training.runFailed, timeout=RUN_MS) as failed:
        window.start_training()
    assert "learns to draw images" in failed.args[0] and "Traceback" not in failed.args[0]


def test_the_result_tabs_get_ready_for_the_kind_of_model_drawn(make_window):
    window = make_window(load_template("gan-shapes"))
    results, tabs = window.results, window.results.tabs
    assert results.kind == GAN and results.top.currentWidget() is results.gan_losses
    assert tabs.currentWidget() is results.gan_samples
    window.document.replace(load_template("conv-autoencoder"), None)
    assert results.kind == AUTOENCODER and tabs.currentWidget() is results.reconstructions
    assert results.top.currentWidget() is results.plots
    window.document.replace(load_template("seed-mlp"), None)
    assert results.kind == CLASSIFIER and tabs.currentWidget() is results.predictions


def test_gan_loss_plots_draw_the_last_epoch_when_the_run_ends(qapp):
    from widgets.training.gan_losses import GanLossPlots

    plots = GanLossPlots()
    plots.begin_run(2)
    for epoch in (1, 2):
        plots.add_epoch({"epoch": epoch, "g_loss": 1.0 / epoch, "d_loss": 0.5, "d_accuracy": 0.7})
    plots.end_run()  # no event processed: the redraw timer has not fired
    drawn_x, drawn_y = plots.curves["g_loss", "epoch"].getData()
    assert list(drawn_x) == [1.0, 2.0] and list(drawn_y) == [1.0, 0.5]


def test_earlier_gan_runs_are_laid_over_the_gan_loss_plots(qapp, tmp_path):
    from widgets.training.gan_losses import GanLossPlots
    from widgets.training.runs import RunInfo

    history = [
        {"epoch": 1, "g_loss": 1.2, "d_loss": 0.5, "d_accuracy": 0.8},
        {"epoch": 2, "g_loss": 0.9, "d_loss": 0.6, "d_accuracy": 0.6},
    ]
    gan_run = RunInfo(tmp_path / "20261122-120000", "finished", 2, None, None, "x", history)
    classifier_run = RunInfo(
        tmp_path / "20261122-110000", "finished", 1, 0.5, 1.0, "x", [{"epoch": 1, "loss": 1.0}]
    )
    plots = GanLossPlots()
    plots.set_overlays([gan_run, classifier_run])  # only the GAN run has a GAN's curves
    drawn = sorted((list(c.getData()[0]), list(c.getData()[1])) for c in plots.overlays)
    assert drawn == [([1.0, 2.0], [0.5, 0.6]), ([1.0, 2.0], [0.8, 0.6]), ([1.0, 2.0], [1.2, 0.9])]
    on_plots = plots.plots["loss"].listDataItems() + plots.plots["accuracy"].listDataItems()
    assert all(curve in on_plots for curve in plots.overlays)
    assert "20261122-120000" in plots.legend.text()
    assert "20261122-110000" not in plots.legend.text()
    plots.set_overlays([])
    assert plots.overlays == [] and "20261122-120000" not in plots.legend.text()
