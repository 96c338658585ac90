"""The templates for the model families the guides name: each is what its builder makes, fits
together without a warning, and learns on its built-in data in a quick run."""

import pytest
import torch

from studio.compiler import compile_graph
from studio.data import load_dataset
from studio.init import keras_init
from studio.shapes import infer_shapes
from studio.templates import BUILDERS, load_template
from studio.training import Trainer, train

FAMILY = (
    "gru-classifier",
    "transformer-classifier",
    "overfitting-demo",
    "gan-shapes",
    "gan-fashion",
)


@pytest.fixture(scope="module")
def waveforms():
    return load_dataset("synthetic-waveforms").subset(1200, 300)


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes")


@pytest.mark.parametrize("name", FAMILY)
def test_template_file_is_its_builders_and_fits_together(name):
    project = load_template(name)
    assert project.to_dict() == BUILDERS[name]().to_dict(), "run python -m studio.templates"
    analysis = infer_shapes(project.graph)
    assert analysis.ok and not analysis.warnings, analysis.problems + analysis.warnings
    # The overfitting demo and the Fashion-MNIST GAN need real images (see their builders); the
    # others train on built-in data.
    builtin = project.dataset["name"].startswith("synthetic-")
    assert project.description and (builtin or name in ("overfitting-demo", "gan-fashion"))


def quick(name: str, **training):
    project = load_template(name)
    project.training.update(training)
    return project


@pytest.mark.parametrize(
    ("name", "epochs", "accuracy"),
    [
        ("gru-classifier", 4, 0.35),
        ("transformer-classifier", 3, 0.5),
    ],
)
def test_sequence_classifier_learns_the_waveforms(name, epochs, accuracy, waveforms):
    result = train(quick(name, epochs=epochs), waveforms)
    losses = [h["loss"] for h in result.history]
    assert losses[-1] < losses[0]
    assert result.test_accuracy > accuracy  # six classes: chance is 0.17


def test_overfitting_demo_pulls_apart_and_dropout_narrows_the_gap():
    from studio.data import DatasetError

    try:
        data = load_dataset("fashion-mnist").subset(20000, 100)  # 1,000 held out to validate
    except DatasetError:
        pytest.skip("Fashion-MNIST is not installed (scripts/setup.sh installs it)")

    def last_gap(project) -> tuple[float, dict]:
        last = train(project, data).history[-1]
        return last["accuracy"] - last["val_accuracy"], last

    plain = load_template("overfitting-demo")
    gap, last = last_gap(plain)
    assert last["accuracy"] > 0.95 and gap > 0.15, last
    with_dropout = load_template("overfitting-demo")
    g = with_dropout.graph
    g.disconnect(next(e for e in g.edges if e.source == "dense_1"))
    dropout = g.add_node("Dropout", {"rate": 0.5}).id
    g.connect("dense_1", dropout)
    g.connect(dropout, "dense_2")
    narrower, _ = last_gap(with_dropout)
    assert narrower < gap - 0.04, (gap, narrower)


def test_gan_draws_images_more_like_the_data(shapes):
    # 128 steps: the first thing a generator learns is the data's overall look (dark
    # backgrounds, ink in the middle); drawing clean shapes takes the template's full run.
    data = shapes.subset(2048, 10)
    real = data.float_x(data.x_train)

    def distance(images: torch.Tensor) -> float:  # between the mean images
        return (images.float().mean(0) - real.mean(0)).pow(2).mean().sqrt().item()

    def dark(images: torch.Tensor) -> float:
        return (images < 0.25).float().mean().item()

    trainer = Trainer(quick("gan-shapes", epochs=2, batch_size=32), data, sample_count=64)
    result = trainer.run()
    torch.manual_seed(0)
    untrained = compile_graph(trainer.task.parts.generator)
    keras_init(untrained)
    with torch.no_grad():
        before = untrained(trainer.task.fixed_noise)
    after = result.samples / 255
    assert distance(after) < 0.6 * distance(before), (distance(before), distance(after))
    assert dark(before) < 0.1 and abs(dark(after) - dark(real)) < 0.2, (dark(after), dark(real))
    assert all(h["d_loss"] > 0.05 for h in result.history)  # the discriminator is not winning
