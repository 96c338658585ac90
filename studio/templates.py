"""Built-in project templates: JSON files in resources/templates, listed by their file name.

`build_templates()` is how those files were made (run `python -m studio.templates` to rewrite
them); the app and the command line only ever read the JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.graph import Graph
from studio.layout import layered_positions
from studio.project import Project, ProjectError, project_from_text, save_project
from studio.settings import default_training

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"


def template_names() -> list[str]:
    return sorted(p.stem for p in TEMPLATE_DIR.glob("*.json"))


def load_template(name: str) -> Project:
    path = TEMPLATE_DIR / f"{name}.json"
    if not path.is_file():
        known = ", ".join(template_names())
        raise ProjectError(f"There is no template {name!r}; the templates are: {known}")
    return project_from_text(path.read_text(encoding="utf-8"), where=name)


# How the template files are made ------------------------------------------------------------


def _chain(graph: Graph, start: str, *layers: tuple[str, dict[str, Any]]) -> str:
    previous = start
    for layer_id, params in layers:
        node = graph.add_node(layer_id, params)
        graph.connect(previous, node.id)
        previous = node.id
    return previous


def _project(name: str, description: str, graph: Graph, dataset: str, **training: Any) -> Project:
    for node_id, position in layered_positions(graph).items():
        graph.move_node(node_id, position)
    return Project(
        name=name,
        graph=graph,
        dataset={"name": dataset, "path": None, "label_column": None, "task": None},
        training={**default_training(), **training},
        description=description,
    )


def _seed_mlp() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [1, 28, 28]}).id
    _chain(
        g,
        x,
        ("Flatten", {}),
        ("Dense", {"units": 128, "activation": "relu"}),
        ("Dense", {"units": 64, "activation": "relu"}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    return _project(
        "Seed MLP (MNIST)",
        "The basics guide's multilayer perceptron.",
        g,
        "mnist",
        batch_size=32,
        epochs=5,
        validation_split=0.2,
    )


def _seed_cnn() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [1, 28, 28]}).id
    _chain(
        g,
        x,
        ("Conv2D", {"filters": 32, "kernel_size": 3, "activation": "relu"}),
        ("MaxPooling2D", {"pool_size": 2}),
        ("Conv2D", {"filters": 64, "kernel_size": 3, "activation": "relu"}),
        ("MaxPooling2D", {"pool_size": 2}),
        ("Conv2D", {"filters": 64, "kernel_size": 3, "activation": "relu"}),
        ("Flatten", {}),
        ("Dense", {"units": 64, "activation": "relu"}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    return _project(
        "Seed CNN (MNIST)",
        "The MNIST guide's convolutional network.",
        g,
        "mnist",
        batch_size=64,
        epochs=5,
    )


def _lstm_classifier() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [64, 1]}).id
    _chain(
        g,
        x,
        ("LSTM", {"units": 64}),
        ("Dense", {"units": 32, "activation": "relu"}),
        ("Dense", {"units": 6, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    return _project(
        "LSTM sequence classifier",
        "Recognises the kind of a waveform from its samples, read step by step.",
        g,
        "synthetic-waveforms",
        batch_size=64,
        epochs=10,
        learning_rate=3e-3,
    )


def _conv_autoencoder() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [1, 28, 28]}).id
    _chain(
        g,
        x,
        ("Conv2D", {"filters": 16, "padding": "same", "activation": "relu"}),
        ("MaxPooling2D", {"pool_size": 2}),
        ("Conv2D", {"filters": 8, "padding": "same", "activation": "relu"}),
        ("MaxPooling2D", {"pool_size": 2}),
        ("ConvTranspose2D", {"filters": 8, "activation": "relu"}),
        ("ConvTranspose2D", {"filters": 16, "activation": "relu"}),
        ("Conv2D", {"filters": 1, "padding": "same", "activation": "sigmoid"}),
        ("Output", {"loss": "mse", "target": "input"}),
    )
    return _project(
        "Convolutional autoencoder",
        "Squeezes each image through a 8×7×7 "
        "bottleneck and rebuilds it; trained to reproduce its input.",
        g,
        "fashion-mnist",
        batch_size=64,
        epochs=5,
    )


def _residual_cnn() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [1, 28, 28]}).id
    stem = _chain(g, x, ("Conv2D", {"filters": 32, "padding": "same", "activation": "relu"}))
    branch = _chain(
        g,
        stem,
        ("Conv2D", {"filters": 32, "padding": "same", "activation": "relu"}),
        ("Conv2D", {"filters": 32, "padding": "same"}),
    )
    add = g.add_node("Add").id
    g.connect(branch, add, 0)
    g.connect(stem, add, 1)  # the shortcut: the block only learns a correction
    _chain(
        g,
        add,
        ("ReLU", {}),
        ("MaxPooling2D", {"pool_size": 2}),
        ("Conv2D", {"filters": 64, "activation": "relu"}),
        ("GlobalAveragePooling", {}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    return _project(
        "Small residual CNN",
        "A convolution block with a shortcut joined by Add, as in ResNet.",
        g,
        "fashion-mnist",
        batch_size=64,
        epochs=5,
    )


def _gru_classifier() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [64, 1]}).id
    _chain(
        g,
        x,
        ("GRU", {"units": 64}),
        ("Dense", {"units": 32, "activation": "relu"}),
        ("Dense", {"units": 6, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    return _project(
        "GRU sequence classifier",
        "The LSTM classifier with a GRU: fewer gates, fewer weights, often as accurate.",
        g,
        "synthetic-waveforms",
        batch_size=64,
        epochs=10,
        learning_rate=3e-3,
    )


def _transformer_classifier() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [64, 1]}).id
    _chain(
        g,
        x,
        # Groups of 4 samples become one step (a "patch", as in vision transformers): 16
        # steps that each show a piece of the wave's shape, not single numbers.
        ("Reshape", {"target_shape": [16, 4]}),
        ("Dense", {"units": 32}),
        ("PositionalEmbedding", {}),
        ("TransformerEncoder", {"heads": 4, "ff_dim": 64, "dropout": 0.1}),
        ("TransformerEncoder", {"heads": 4, "ff_dim": 64, "dropout": 0.1}),
        ("GlobalAveragePooling", {}),
        ("Dense", {"units": 6, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    return _project(
        "Transformer sequence classifier",
        "Cuts a waveform into 16 pieces, adds their positions and lets self-attention compare "
        "them: a Transformer encoder as in BERT, on a small scale.",
        g,
        "synthetic-waveforms",
        batch_size=64,
        epochs=10,
        learning_rate=2e-3,
    )


def _overfitting_demo() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [1, 28, 28]}).id
    _chain(
        g,
        x,
        ("Flatten", {}),
        ("Dense", {"units": 512, "activation": "relu"}),
        ("Dense", {"units": 512, "activation": "relu"}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    # Little data for a large model: 300 clothing images for 670,000 weights, nothing to
    # regularise them. Measured on Fashion-MNIST over five seeds (README): the training
    # accuracy reaches about 98 % and the validation accuracy stays near 79 %, a gap of about
    # 20 points; one Dropout(0.5) after dense_1 brings it to about 13. Fashion-MNIST rather
    # than the built-in shapes: on shapes an MLP's validation accuracy is held back by
    # position and size, which no regulariser helps with, so Dropout barely narrows the gap.
    # 5 % held out (3,000 images) keeps each epoch's validation quick and steady.
    return _project(
        "Overfitting demo",
        "A wide MLP trained on only 300 images with no regularization: the training accuracy "
        "nears 100 % while the validation accuracy stays about 20 points lower. Add a Dropout "
        "layer after dense_1 and train again: the new run's gap is smaller, with the first "
        "run still laid over the plots. L2 weight decay works too, but only when strong "
        "(about 0.05 here): it then costs some validation accuracy.",
        g,
        "fashion-mnist",
        batch_size=32,
        epochs=15,
        validation_split=0.05,
        train_limit=300,
    )


def _discriminator(g: Graph, image: str) -> None:
    """A GAN's discriminator after the generated image: how real an image looks, with
    LeakyReLU(0.2) as DCGAN has it. Real images enter the same chain after `image`."""
    _chain(
        g,
        image,
        ("Conv2D", {"filters": 32, "kernel_size": 4, "strides": 2}),
        ("LeakyReLU", {"negative_slope": 0.2}),
        ("Conv2D", {"filters": 64, "kernel_size": 4, "strides": 2}),
        ("LeakyReLU", {"negative_slope": 0.2}),
        ("Flatten", {}),
        ("Dense", {"units": 1, "activation": "sigmoid"}),
        ("Output", {"loss": "binary_cross_entropy", "target": "real_or_fake"}),
    )


def _gan_fashion() -> Project:
    g = Graph()
    noise = g.add_node("Input", {"shape": [64]}, node_id="noise").id
    # DCGAN's generator: batch normalisation after each layer but the last, and 4×4 transposed
    # convolutions (a kernel the stride divides, so every output pixel gets as many
    # contributions: no checkerboard). Measured on Fashion-MNIST: recognisable trousers,
    # shoes and shirts after 3 epochs, where the plain generator still drew blurred blocks.
    deconv = {"kernel_size": 4, "strides": 2, "padding": 1, "output_padding": 0}
    image = _chain(
        g,
        noise,
        ("Dense", {"units": 64 * 7 * 7}),
        ("BatchNorm", {}),
        ("ReLU", {}),
        ("Reshape", {"target_shape": [64, 7, 7]}),
        ("ConvTranspose2D", {"filters": 32, **deconv}),
        ("BatchNorm", {}),
        ("ReLU", {}),
        ("ConvTranspose2D", {"filters": 1, **deconv, "activation": "sigmoid"}),
    )
    g.rename_node(image, "generated_image")
    _discriminator(g, "generated_image")
    return _project(
        "GAN (Fashion-MNIST)",
        "A DCGAN-style generator turns 64 random numbers into clothing images; a "
        "discriminator learns to tell them from real Fashion-MNIST images. After each epoch "
        "the grid of generated samples looks more like trousers, shoes and shirts.",
        g,
        "fashion-mnist",
        batch_size=64,
        epochs=5,
        learning_rate=2e-4,
        aug_noise=0.1,
    )


def _gan_shapes() -> Project:
    g = Graph()
    noise = g.add_node("Input", {"shape": [64]}, node_id="noise").id
    # The generator: 64 random numbers → a 1×28×28 image with pixels in 0–1 (sigmoid), as
    # the real images are. Real images enter the discriminator after its last node.
    image = _chain(
        g,
        noise,
        ("Dense", {"units": 64 * 7 * 7, "activation": "relu"}),
        ("Reshape", {"target_shape": [64, 7, 7]}),
        ("ConvTranspose2D", {"filters": 32, "activation": "relu"}),
        ("ConvTranspose2D", {"filters": 1, "activation": "sigmoid"}),
    )
    g.rename_node(image, "generated_image")
    image = "generated_image"
    _discriminator(g, image)
    return _project(
        "GAN (shapes)",
        "A generator turns random numbers into images; a discriminator learns to tell them "
        "from real shapes. Trained against each other, the generator's images look more and "
        "more like shapes: see the grid of generated samples after each epoch.",
        g,
        "synthetic-shapes",
        batch_size=64,
        epochs=10,
        learning_rate=2e-4,
        # The discriminator sees every image, real or generated, with a little noise added
        # ("instance noise"): the real images' own pixel noise, which no generator draws from
        # 64 numbers, then no longer gives the fakes away.
        aug_noise=0.1,
    )


def _transfer_learning() -> Project:
    g = Graph()
    x = g.add_node("Input", {"shape": [3, 224, 224]}).id
    # A frozen ImageNet backbone and a small head: the head alone learns, which is what works
    # with a few hundred photos. MobileNetV3-Small: the fastest backbone on a laptop's CPU.
    _chain(
        g,
        x,
        ("MobileNetV3Small", {"weights": "IMAGENET1K_V1", "freeze": "all"}),
        ("Dense", {"units": 128, "activation": "relu"}),
        ("Dropout", {"rate": 0.2}),
        ("Dense", {"units": 2, "activation": "softmax"}),
        ("Output", {"loss": "cross_entropy"}),
    )
    return _project(
        "Transfer learning",
        "Your own photos (a folder with one subfolder per class) classified by a "
        "MobileNetV3-Small pretrained on ImageNet, frozen, with a small head that learns. "
        "Choose your folder in the data set settings and set the last Dense layer's units to "
        "your number of classes. The backbone needs its pretrained weights file once: "
        "training downloads it, or put it into the cache folder. Run → Transfer Learning "
        "Demo… shows, without a download, what a pretrained body is worth: frozen, "
        "fine-tuned and from scratch side by side.",
        g,
        "image-folder",
        batch_size=32,
        epochs=5,
        validation_split=0.2,
    )


BUILDERS = {
    "seed-mlp": _seed_mlp,
    "seed-cnn": _seed_cnn,
    "lstm-classifier": _lstm_classifier,
    "conv-autoencoder": _conv_autoencoder,
    "residual-cnn": _residual_cnn,
    "gru-classifier": _gru_classifier,
    "transformer-classifier": _transformer_classifier,
    "overfitting-demo": _overfitting_demo,
    "gan-shapes": _gan_shapes,
    "gan-fashion": _gan_fashion,
    "transfer-learning": _transfer_learning,
}


def build_templates(directory: Path = TEMPLATE_DIR) -> None:
    for name, build in BUILDERS.items():
        save_project(build(), directory / f"{name}.json")


if __name__ == "__main__":
    build_templates()
    print("wrote", ", ".join(template_names()))
