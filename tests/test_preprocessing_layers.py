"""Rescaling, Normalization and GaussianNoise as a Keras reader expects them: Normalization
measures the training data before the first epoch (through the same run pipeline as the app
and the command line), keeps the statistics in the weights, and a resumed run keeps them; the
exported source carries the layers' classes and runs with PyTorch alone."""

import subprocess
import sys

import pytest
import torch

from studio.adapt import adapt_normalization
from studio.compiler import compile_graph
from studio.data import load_dataset
from studio.data.base import Dataset
from studio.export import export
from studio.graph import Graph
from studio.layers.modules import GaussianNoise, Normalization, Rescaling
from studio.project import Project
from studio.runs import load_checkpoint, load_trained
from studio.runs.pipeline import RunRequest, execute
from studio.source import SourceError, model_source
from studio.templates import load_template
from studio.training import Trainer, TrainingState

MEANS = torch.tensor([5.0, -3.0, 0.5])
STDS = torch.tensor([2.0, 0.5, 10.0])


def measurements(n: int = 2000, shift: float = 0.0, seed: int = 0) -> Dataset:
    """Three features with known means and standard deviations; the class says whether the
    first feature is above its mean."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n + 200, 3, generator=g) * STDS + MEANS + shift
    y = (x[:, 0] > MEANS[0]).long()
    return Dataset(
        "measurements",
        "Measurements",
        "classification",
        x[:n],
        y[:n],
        x[n:],
        y[n:],
        ["low", "high"],
        source="generated",
    )


def chain(*layers: tuple[str, dict], shape=(3,)) -> Graph:
    g = Graph()
    previous = g.add_node("Input", {"shape": list(shape)})
    for layer_id, params in layers:
        node = g.add_node(layer_id, params)
        g.connect(previous.id, node.id, 0)
        previous = node
    return g


def normalized_classifier(epochs: int = 1) -> Project:
    graph = chain(("Normalization", {}), ("Dense", {"units": 2}), ("Output", {}))
    project = Project(name="Normalized", graph=graph)
    project.training.update(
        {"epochs": epochs, "batch_size": 100, "validation_split": 0.0, "learning_rate": 0.05}
    )
    return project


# Normalization ------------------------------------------------------------------------------


def test_keras_example_adapts_per_feature_and_normalizes():
    """keras.layers.Normalization's documented example: adapted to these rows, [0, 7, 4]
    comes out as [-1, -1, -1]."""
    model = compile_graph(chain(("Normalization", {})))
    rows = torch.tensor([[0.0, 7.0, 4.0], [2.0, 9.0, 6.0], [0.0, 7.0, 4.0], [2.0, 9.0, 6.0]])
    (done,) = adapt_normalization(model, lambda: iter([rows[:3], rows[3:]]))
    assert done.samples == 4
    torch.testing.assert_close(model(torch.tensor([[0.0, 7.0, 4.0]])), -torch.ones(1, 3))


def test_before_adapting_normalization_is_the_identity():
    model = compile_graph(chain(("Normalization", {}))).eval()
    x = torch.randn(4, 3) * 7 + 2
    torch.testing.assert_close(model(x), x)


def test_image_statistics_are_per_channel_and_layers_adapt_in_order():
    # The second Normalization sees the first one's result, scaled by 3 and shifted by 1.
    graph = chain(
        ("Normalization", {}),
        ("Rescaling", {"scale": 3.0, "offset": 1.0}),
        ("GaussianNoise", {"stddev": 5.0}),  # eval mode while adapting: no noise
        ("Normalization", {}),
        shape=(2, 4, 4),
    )
    model = compile_graph(graph)
    g = torch.Generator().manual_seed(1)
    images = torch.randn(600, 2, 4, 4, generator=g) * torch.tensor([3.0, 0.2]).view(2, 1, 1)
    images += torch.tensor([10.0, -1.0]).view(2, 1, 1)
    first, second = adapt_normalization(model, lambda: iter(images.split(64)), limit=500)
    assert first.samples == second.samples == 500  # the limit cuts a batch short
    used = images[:500]
    torch.testing.assert_close(first.mean, used.mean((0, 2, 3)))
    torch.testing.assert_close(first.std, used.transpose(0, 1).reshape(2, -1).std(1, correction=0))
    torch.testing.assert_close(second.mean, torch.ones(2), atol=1e-5, rtol=0)
    torch.testing.assert_close(second.std, torch.full((2,), 3.0), atol=1e-4, rtol=0)
    assert model.normalization_1.mean.shape == (2, 1, 1)
    assert model.training  # given back as it was


def test_a_run_adapts_normalization_to_its_training_data(tmp_path):
    """Through the run pipeline (the app's and the command line's): the layer holds the
    training data's statistics, normalizes it to mean 0 and standard deviation 1, says so, and
    the saved weights carry the statistics."""
    data = measurements()
    messages = []
    outcome = execute(
        RunRequest(normalized_classifier(epochs=2), out_dir=tmp_path / "run", data=data),
        TrainingState(on_message=messages.append),
    )
    layer = outcome.model.normalization_1
    x = data.x_train
    torch.testing.assert_close(layer.mean, x.mean(0))
    torch.testing.assert_close(layer.variance, x.var(0, correction=0))
    assert torch.allclose(layer.mean, MEANS, atol=0.5) and torch.allclose(
        layer.variance.sqrt(), STDS, rtol=0.1
    )
    with torch.no_grad():
        normalized = layer(x)
    torch.testing.assert_close(normalized.mean(0), torch.zeros(3), atol=1e-4, rtol=0)
    torch.testing.assert_close(normalized.std(0, correction=0), torch.ones(3), atol=1e-4, rtol=0)
    said = [m for m in messages if m.startswith("Normalization normalization_1: adapted")]
    assert said and "2,000 training samples" in said[0] and "per feature (3)" in said[0]
    assert outcome.result.test_accuracy > 0.95  # one normalized feature decides the class

    project, weights = load_trained(tmp_path / "run")
    reloaded = compile_graph(project.graph)
    reloaded.load_state_dict(weights)
    torch.testing.assert_close(reloaded.normalization_1.mean, layer.mean)
    torch.testing.assert_close(reloaded.normalization_1.variance, layer.variance)


def test_a_resumed_run_keeps_its_statistics(tmp_path):
    data = measurements()

    def stop_in_second_epoch(report):
        if report.epoch == 2:
            state.request_stop()

    state = TrainingState(on_batch=stop_in_second_epoch, report_every_s=0)
    first = Trainer(normalized_classifier(epochs=3), data, state, tmp_path).run()
    assert first.status == "stopped"
    saved = load_checkpoint(tmp_path / "checkpoint.pt")["models"]["model"]
    torch.testing.assert_close(saved["normalization_1.mean"], data.x_train.mean(0))

    # Resumed on data shifted by 100: measuring again would move the mean by 100.
    messages = []
    resumed = Trainer(
        normalized_classifier(epochs=3),
        measurements(shift=100.0),
        TrainingState(on_message=messages.append),
        tmp_path,
        resume=True,
    ).run()
    assert resumed.status == "finished"
    torch.testing.assert_close(resumed.model.normalization_1.mean, data.x_train.mean(0))
    assert not [m for m in messages if "adapted" in m]


def test_a_gan_adapts_its_discriminator_to_real_images_and_its_generator_to_noise():
    project = load_template("gan-shapes")
    graph = project.graph
    for source, target in (("dense_1", "reshape_1"), ("conv2d_1", "leaky_re_lu_1")):
        (edge,) = [e for e in graph.outgoing(source) if e.target == target]
        graph.disconnect(edge)
        node = graph.add_node("Normalization", {})
        graph.connect(source, node.id, 0)
        graph.connect(node.id, target, 0)
    project.training.update({"epochs": 1, "batch_size": 100})
    messages = []
    trainer = Trainer(
        project,
        load_dataset("synthetic-shapes").subset(300, 50),
        TrainingState(on_message=messages.append),
    )
    trainer.run()
    adapted = sorted(m for m in messages if "adapted" in m)
    assert adapted[0].startswith("Normalization normalization_1: adapted to 300 random noise")
    assert "per feature (3,136)" in adapted[0]
    assert adapted[1].startswith("Normalization normalization_2: adapted to 300 training samples")
    assert "per channel (32)" in adapted[1]
    discriminator = trainer.task.models()["discriminator"]
    assert discriminator.normalization_2.variance.max() < 0.5  # measured: no longer all ones


def test_stop_pressed_while_measuring_ends_the_measuring(tmp_path):
    messages = []
    state = TrainingState()

    def stop_after_the_first_message(text):
        messages.append(text)
        state.request_stop()

    state.on_message = stop_after_the_first_message
    result = Trainer(normalized_classifier(), measurements(), state, tmp_path).run()
    assert result.status == "stopped"
    assert messages[0].startswith("Measuring the training data for the Normalization layers")
    assert not [m for m in messages if "adapted" in m]
    torch.testing.assert_close(result.model.normalization_1.mean, torch.zeros(3))


def test_a_model_without_normalization_is_not_measured():
    model = compile_graph(chain(("Dense", {"units": 2})))

    def never():
        raise AssertionError("no data needed")

    assert adapt_normalization(model, never) == []


# Exported source ----------------------------------------------------------------------------


def test_exported_source_carries_the_classes_and_runs_with_torch_alone(tmp_path):
    graph = chain(
        ("Rescaling", {"scale": 0.5, "offset": 1.0}),
        ("Normalization", {}),
        ("GaussianNoise", {"stddev": 0.3}),
        ("Dense", {"units": 2}),
    )
    source = model_source(graph, "Measured")
    for cls in ("Rescaling", "Normalization", "GaussianNoise"):
        assert f"\nclass {cls}(nn.Module):" in source
    assert source.index("class Normalization") < source.index("class Measured")
    (tmp_path / "model.py").write_text(source)

    model = compile_graph(graph)
    adapt_normalization(model, lambda: iter([torch.randn(50, 3) * 4 + 9]))
    torch.save(model.state_dict(), tmp_path / "weights.pt")
    x = torch.randn(5, 3) * 4 + 9
    torch.save(x, tmp_path / "x.pt")
    with torch.no_grad():
        expected = model.eval()(x)

    # A fresh interpreter where NetStudio cannot be imported.
    script = (
        "import sys; sys.modules['studio'] = None\n"
        "import torch, model\n"
        "net = model.Measured().eval()\n"
        "net.load_state_dict(torch.load('weights.pt', weights_only=True))\n"
        "x = torch.load('x.pt', weights_only=True)\n"
        "with torch.no_grad(): torch.save(net(x), 'out.pt')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    torch.testing.assert_close(torch.load(tmp_path / "out.pt", weights_only=True), expected)


def test_a_model_class_named_like_a_layer_class_is_refused():
    with pytest.raises(SourceError, match="cannot be called 'Normalization'"):
        model_source(chain(("Normalization", {})), "Normalization")


def test_exported_package_of_a_run_has_the_adapted_statistics(tmp_path):
    data = measurements(500)
    execute(
        RunRequest(normalized_classifier(), out_dir=tmp_path / "run", data=data), TrainingState()
    )
    target = tmp_path / "package"
    export(tmp_path / "run", "py", target)
    script = (
        "import sys; sys.modules['studio'] = None\n"
        "import common\n"
        "net = common.build_model()\n"
        "net.load_state_dict(common.load_weights(common.default_weights()))\n"
        "print(net.normalization_1.mean.tolist())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=target, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    got = torch.tensor(eval(done.stdout.strip().splitlines()[-1]))
    torch.testing.assert_close(got, data.x_train.mean(0))


# Rescaling and GaussianNoise ----------------------------------------------------------------


def test_rescaling_default_brings_pixels_into_0_to_1():
    model = compile_graph(chain(("Rescaling", {}), shape=(1, 2, 2)))
    pixels = torch.tensor([[[[0.0, 51.0], [127.5, 255.0]]]])
    torch.testing.assert_close(model(pixels), torch.tensor([[[[0.0, 0.2], [0.5, 1.0]]]]))
    centred = Rescaling(1 / 127.5, -1.0)
    torch.testing.assert_close(centred(pixels), torch.tensor([[[[-1.0, -0.6], [0.0, 1.0]]]]))


def test_gaussian_noise_only_while_training():
    layer = GaussianNoise(0.25)
    x = torch.full((200, 500), 3.0)
    torch.testing.assert_close(layer.eval()(x), x)
    torch.manual_seed(0)
    noise = layer.train()(x) - x
    assert noise.mean().abs() < 0.005
    assert noise.std().item() == pytest.approx(0.25, rel=0.01)
    assert GaussianNoise(0.0).train()(x) is x


def test_normalization_is_not_trained_by_gradients():
    layer = Normalization((3,))
    assert not list(layer.parameters())
    assert set(layer.state_dict()) == {"mean", "variance"}
