"""GANs: how the chain is cut into a generator and a discriminator, plain errors for graphs that
are not GANs, and the GAN trainer's reports, sample grids, stop, pause, resume and files."""

import json
import threading

import pytest
import torch

from studio.compiler import compile_graph
from studio.data import load_dataset
from studio.gan import GanError, gan_parts, is_gan, split_gan
from studio.graph import Graph
from studio.project import load_project
from studio.runs import load_checkpoint, load_trained
from studio.templates import load_template, template_names
from studio.training import Trainer, TrainingState


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes").subset(192, 10)


def gan_project(**training):
    project = load_template("gan-shapes")
    project.training.update({"epochs": 2, "batch_size": 64, **training})
    return project


# The graph ----------------------------------------------------------------------------------


def test_only_the_gan_templates_are_gans():
    gans = [n for n in template_names() if is_gan(load_template(n).graph)]
    assert gans == ["gan-fashion", "gan-shapes"]


def test_the_chain_is_cut_after_the_generated_image():
    graph = load_template("gan-shapes").graph
    parts = gan_parts(graph, (1, 28, 28))
    assert parts.sample_node == "generated_image"
    assert parts.noise_shape == (64,) and parts.sample_shape == (1, 28, 28)
    generator, discriminator = split_gan(graph)  # without a data set: any 1-channel image
    assert "noise" in generator.nodes and "output_1" not in generator.nodes
    assert "generated_image" not in discriminator.nodes
    assert tuple(discriminator.node("sample").params["shape"]) == (1, 28, 28)

    g, d = compile_graph(generator), compile_graph(discriminator)
    images = g(torch.randn(3, 64))
    assert images.shape == (3, 1, 28, 28) and images.min() >= 0 and images.max() <= 1
    assert d(images).shape == (3, 1)
    # Both parts keep their node names: together they are the whole graph's weights.
    whole = compile_graph(graph)
    whole.load_state_dict({**g.state_dict(), **d.state_dict()})


def _chain(graph: Graph, *layers) -> None:
    previous = None
    for layer_id, params in layers:
        node = graph.add_node(layer_id, params)
        if previous:
            graph.connect(previous, node.id)
        previous = node.id


def _gan(generator_end=(("Reshape", {"target_shape": [1, 28, 28]}),), head=None, units=1):
    g = Graph()
    _chain(
        g,
        ("Input", {"shape": [16]}),
        ("Dense", {"units": 784, "activation": "sigmoid"}),
        *generator_end,
        ("Flatten", {}),
        ("Dense", {"units": units}),
        ("Output", head or {"loss": "binary_cross_entropy", "target": "real_or_fake"}),
    )
    return g


def test_a_small_hand_drawn_gan_splits():
    generator, discriminator = split_gan(_gan())
    assert list(generator.nodes) == ["input_1", "dense_1", "reshape_1"]
    assert list(discriminator.nodes) == ["flatten_1", "dense_2", "output_1", "sample"]


@pytest.mark.parametrize(
    ("graph", "message"),
    [
        (
            load_template("seed-mlp").graph,
            "not a GAN: a GAN ends in an Output whose target is real_or_fake",
        ),
        (
            _gan(head={"loss": "mse", "target": "real_or_fake"}),
            "set its loss to binary_cross_entropy",
        ),
        (_gan(units=10), "must end in one number"),
        (_gan(generator_end=()), "end the generator in a Reshape to [1, 28, 28]"),
    ],
    ids=["classifier", "loss", "verdict", "no-image"],
)
def test_a_graph_that_is_not_a_gan_gets_a_plain_error(graph, message):
    with pytest.raises(GanError) as caught:
        split_gan(graph, (1, 28, 28))
    assert message in str(caught.value)


def test_two_inputs_and_a_shape_problem_are_named():
    graph = _gan()
    graph.add_node("Input", {"shape": [1, 28, 28]}, node_id="real")
    add = graph.add_node("Add")
    graph.disconnect(graph.outgoing("reshape_1")[0])
    graph.connect("reshape_1", add.id, 0)
    graph.connect("real", add.id, 1)
    graph.connect(add.id, "flatten_1")
    with pytest.raises(GanError, match="A GAN starts from one Input"):
        split_gan(graph)
    broken = _gan()
    broken.set_params("reshape_1", {"target_shape": [2, 28, 28]})
    with pytest.raises(GanError, match="cannot be built yet:\n  - reshape_1: Reshape cannot"):
        split_gan(broken)


def test_the_trainer_refuses_data_that_is_not_images_or_has_another_shape():
    waves = load_dataset("synthetic-waveforms").subset(8, 2)
    with pytest.raises(GanError, match="learns to draw images"):
        Trainer(gan_project(), waves)
    small = load_dataset("synthetic-shapes").subset(8, 2)
    small.x_train = small.x_train[:, :, :14, :14]
    with pytest.raises(GanError, match=r"shape of a sample \(1×14×14\)"):
        Trainer(gan_project(), small)


# Training -----------------------------------------------------------------------------------


def test_short_run_reports_losses_draws_changing_samples_and_writes_its_files(tmp_path, shapes):
    batches, epochs, grids = [], [], []
    state = TrainingState(on_batch=batches.append, on_epoch=epochs.append, report_every_s=0)
    trainer = Trainer(gan_project(), shapes, state, out_dir=tmp_path, sample_count=16)
    result = trainer.run()
    grids = [(e.epoch, e.extras["samples"]) for e in epochs]

    assert result.status == "finished" and state.status == "finished"
    assert [e.epoch for e in epochs] == [1, 2] and len(batches) == 6
    # Named figures: each network's loss, and how often the discriminator judges right.
    for report in batches + epochs:
        figures = report.metrics
        assert set(figures) == {"g_loss", "d_loss", "d_accuracy"}
        assert torch.isfinite(torch.tensor([figures["g_loss"], figures["d_loss"]])).all()
        assert 0 <= figures["d_accuracy"] <= 1
    # One grid per epoch, for the same noise; training changes what the generator draws.
    assert [epoch for epoch, _ in grids] == [1, 2]
    first, second = (images for _, images in grids)
    assert first.dtype == torch.uint8 and first.shape == (16, 1, 28, 28)
    assert not torch.equal(first, second)
    assert trainer.task.samples[-1] is second and result.samples is second

    # The files: the whole chain's weights (both parts), each part alone, samples, metrics.
    project, weights = load_trained(tmp_path)
    compile_graph(project.graph).load_state_dict(weights)
    generator, g_weights = load_trained(tmp_path / "generator.safetensors")
    model = compile_graph(generator.graph)
    model.load_state_dict(g_weights)
    trained_generator, _ = trainer.task.part_models()
    torch.testing.assert_close(model(torch.ones(2, 64)), trained_generator(torch.ones(2, 64)))
    assert (tmp_path / "samples" / "epoch_002.png").is_file()
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["task"] == "gan" and len(metrics["history"]) == 2
    assert {"g_loss", "d_loss", "d_accuracy"} <= set(metrics["history"][0])
    assert "loss" not in metrics["history"][0]
    assert load_project(tmp_path / "project.json").to_dict() == gan_project().to_dict()


def test_stop_mid_epoch_then_resume_finishes_the_run(tmp_path, shapes):
    def stop_in_second_epoch(report):
        if report.epoch == 2 and report.batch == 1:
            state.request_stop()

    state = TrainingState(on_batch=stop_in_second_epoch, report_every_s=0)
    trainer = Trainer(gan_project(), shapes, state, out_dir=tmp_path, sample_count=4)
    result = trainer.run()
    assert result.status == "stopped" and state.status == "stopped"
    assert result.epochs_done == 1 and load_checkpoint(tmp_path / "checkpoint.pt")["epoch"] == 1

    resumed = Trainer(
        gan_project(), shapes, TrainingState(), tmp_path, resume=True, sample_count=4
    ).run()
    assert resumed.status == "finished" and [h["epoch"] for h in resumed.history] == [1, 2]


def test_pause_waits_until_resumed(shapes):
    def pause_once(report):
        if report.step == 1:
            state.request_pause()
            threading.Timer(0.2, state.resume).start()

    messages = []
    state = TrainingState(on_batch=pause_once, on_message=messages.append, report_every_s=0)
    result = Trainer(gan_project(epochs=1), shapes, state, sample_count=4).run()
    assert result.status == "finished" and "Paused." in messages


def test_label_smoothing_and_other_settings_train(shapes):
    project = gan_project(epochs=1, optimizer="sgd", learning_rate=0.01, weight_init="pytorch")
    result = Trainer(project, shapes.subset(64, 2), label_smoothing=0.1,
                     sample_count=4).run()
    assert result.status == "finished" and len(result.history) == 1


def test_a_gan_run_exports_its_generator_and_other_runs_stay_as_they_are(tmp_path):
    from studio.gan import GENERATOR_WEIGHTS, exported_part

    assert exported_part(tmp_path) == tmp_path  # a run folder without a generator
    (tmp_path / GENERATOR_WEIGHTS).write_bytes(b"")
    assert exported_part(tmp_path) == tmp_path / GENERATOR_WEIGHTS
    weights = tmp_path / "model.safetensors"
    assert exported_part(weights) == weights  # a file is exported as it is
