"""Training and data set settings, declared with the same typed parameters as layers.

They are stored in the project file, set on the command line, and (later) edited in the app's
training panel, all validated by these declarations.
"""

from __future__ import annotations

import re
from typing import Any

from studio.data.base import DatasetError
from studio.data.resize import IMAGE_SETTINGS, check_image_settings
from studio.messages import msg
from studio.params import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    Param,
    ParamError,
    ParamSet,
)

OPTIMIZERS = ("adam", "adamw", "sgd", "rmsprop")
SCHEDULES = ("constant", "step", "exponential", "cosine", "plateau")

class DeviceParam(Param):
    """A device name: auto, cpu, mps, cuda or cuda:N. Whether it exists here is checked when
    training starts, since a project may be opened on another machine."""

    def validate(self, value: Any) -> str:
        if not isinstance(value, str) or not re.fullmatch(r"auto|cpu|mps|cuda(:\d+)?", value):
            raise ParamError(
                msg("Device must be auto, cpu, cuda, cuda:N or mps; not {value!r}", value=value)
            )
        return value


TRAINING_PARAMS = ParamSet(
    (
        ChoiceParam(
            "optimizer",
            "adam",
            help="How weights are updated from the gradients.",
            choices=OPTIMIZERS,
        ),
        FloatParam(
            "learning_rate", 1e-3, help="Size of each update step.", minimum=1e-8, maximum=10.0
        ),
        FloatParam(
            "momentum",
            0.9,
            help="SGD and RMSprop: how much of the last step carries on.",
            maximum=0.999,
        ),
        BoolParam("nesterov", False, help="SGD: look-ahead (Nesterov) momentum."),
        FloatParam(
            "weight_decay",
            0.0,
            label="L2 weight decay",
            help="Pulls weights towards zero to fight overfitting.",
            maximum=1.0,
        ),
        FloatParam(
            "l1",
            0.0,
            label="L1 penalty",
            help="Adds the sum of |weights| to the loss, making weights sparse.",
            maximum=1.0,
        ),
        IntParam("batch_size", 32, help="Samples per update step.", minimum=1, maximum=65536),
        IntParam("epochs", 5, help="Passes over the training data.", minimum=1, maximum=10000),
        FloatParam(
            "validation_split",
            0.0,
            help="Fraction of the training data held out to validate each epoch.",
            maximum=0.9,
        ),
        IntParam(
            "train_limit",
            0,
            label="Training samples (0: all)",
            help="Train on only this many samples (the validation part is held out first): "
            "with few samples a large model learns them by heart, and overfitting shows.",
            maximum=1 << 30,
        ),
        ChoiceParam(
            "schedule",
            "constant",
            label="Learning-rate schedule",
            help="How the learning rate changes over the epochs.",
            choices=SCHEDULES,
        ),
        IntParam("schedule_step", 2, help="step: epochs between decays.", minimum=1, maximum=10000),
        FloatParam(
            "schedule_gamma",
            0.5,
            help="step/exponential/plateau: factor the rate is multiplied by.",
            minimum=0.001,
            maximum=1.0,
        ),
        IntParam(
            "early_stopping",
            0,
            label="Early-stopping patience",
            help="Stop when validation loss has not improved for this many epochs (0: off).",
            maximum=1000,
        ),
        IntParam(
            "seed",
            0,
            help="Seed for weights, shuffling and splits: same seed, same run.",
            maximum=2**31 - 1,
        ),
        ChoiceParam(
            "weight_init",
            "glorot",
            label="Weight initialisation",
            help="glorot: Keras' defaults (Glorot-uniform weights, zero biases), as in the "
            "guides; pytorch: PyTorch's defaults.",
            choices=("glorot", "pytorch"),
        ),
        DeviceParam(
            "device",
            "auto",
            help="auto picks a GPU when there is one; cpu, cuda, cuda:N (the N-th GPU) or mps.",
        ),
        BoolParam(
            "mixed_precision",
            False,
            help="Compute in 16-bit where the device supports it: faster on GPUs.",
        ),
        FloatParam(
            "aug_rotation",
            0.0,
            label="Rotation (degrees)",
            help="Rotate training images randomly by up to this angle.",
            maximum=180.0,
        ),
        FloatParam(
            "aug_shift",
            0.0,
            label="Shift (fraction)",
            help="Move training images randomly by up to this fraction of their size.",
            maximum=0.5,
        ),
        BoolParam(
            "aug_flip",
            False,
            label="Horizontal flip",
            help="Mirror training images at random (not for digits or text).",
        ),
        FloatParam(
            "aug_crop",
            0.0,
            label="Random crop (fraction)",
            help="Zoom into a random part, cropping up to this fraction of the size.",
            maximum=0.5,
        ),
        FloatParam(
            "aug_noise",
            0.0,
            label="Noise",
            help="Add Gaussian noise with this standard deviation (pixels 0–1).",
            maximum=1.0,
        ),
    )
)

DATASET_DEFAULTS: dict[str, Any] = {
    "name": "synthetic-shapes",
    "path": None,
    "label_column": None,
    "task": None,
    **IMAGE_SETTINGS,  # an image folder's resize policy and size
}


def default_training() -> dict[str, Any]:
    return TRAINING_PARAMS.defaults()


# "Compare optimizers" trains one model with each of these; a key names the run's folder.
OPTIMIZER_VARIANTS = ("sgd", "sgd-momentum", "adam", "adamw", "rmsprop", "sgd-nesterov")


def optimizer_variant(training: dict[str, Any], key: str) -> dict[str, Any]:
    """`training` with the optimizer `key` names; everything else (learning rate, epochs, seed,
    L2, …) stays as it is, so the runs differ by their optimizer alone."""
    momentum = training["momentum"] or 0.9  # "with momentum" must have some: 0.9, as usual
    changes = {
        "sgd": {"optimizer": "sgd", "momentum": 0.0, "nesterov": False},
        "sgd-momentum": {"optimizer": "sgd", "momentum": momentum, "nesterov": False},
        "sgd-nesterov": {"optimizer": "sgd", "momentum": momentum, "nesterov": True},
        "adam": {"optimizer": "adam"},
        # Without weight decay AdamW is Adam, step for step: use PyTorch's default then.
        "adamw": {"optimizer": "adamw", "weight_decay": training["weight_decay"] or 0.01},
        # RMSprop as PyTorch and Keras have it by default: no momentum.
        "rmsprop": {"optimizer": "rmsprop", "momentum": 0.0},
    }
    if key not in changes:
        raise ParamError(f"There is no optimizer {key!r} to compare; choose from "
                         f"{', '.join(OPTIMIZER_VARIANTS)}")
    return validate_training({**training, **changes[key]})


def validate_training(values: dict[str, Any]) -> dict[str, Any]:
    return TRAINING_PARAMS.validate(values, "Training")


def validate_dataset(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(DATASET_DEFAULTS)
    if unknown:
        raise ParamError(f"unknown data set setting {sorted(unknown)[0]!r}")
    out = {**DATASET_DEFAULTS, **values}
    if not isinstance(out["name"], str) or not out["name"]:
        raise ParamError("name must be the name of a data set, such as 'fashion-mnist'")
    for key in ("path", "label_column"):
        if out[key] is not None and not isinstance(out[key], str):
            raise ParamError(f"{key} must be text or null")
    if out["task"] not in (None, "classification", "regression"):
        raise ParamError("task must be 'classification', 'regression' or null")
    try:
        return check_image_settings(out)
    except DatasetError as exc:
        raise ParamError(str(exc)) from None
