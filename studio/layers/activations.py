"""Activation functions as nodes of their own (they are also a parameter of Dense and Conv)."""

from __future__ import annotations

from studio.layers.base import Call, LayerType, TensorType
from studio.layers.core import need_numbers
from studio.layers.registry import FloatParam, apply_activation, params, register

_ACTIVATIONS = {
    # id: (activation name, summary)
    "ReLU": ("relu", "max(0, x): the default choice for hidden layers."),
    "LeakyReLU": ("leaky_relu", "Like ReLU, but lets a small slope through for negative inputs."),
    "Sigmoid": ("sigmoid", "Squashes values to between 0 and 1; for yes/no outputs."),
    "Tanh": ("tanh", "Squashes values to between −1 and 1; used inside recurrent layers."),
    "GELU": ("gelu", "A smooth ReLU, the usual choice in Transformers."),
    "Softmax": ("softmax", "Turns scores into probabilities that sum to 1 (over the features)."),
}


def _infer(layer_id: str):
    def infer(c: Call) -> TensorType:
        need_numbers(layer_id, c.x)
        return c.x

    return infer


def _emit(name: str):
    def emit(em, c: Call, xs):
        return apply_activation(em, xs[0], name, c.x.rank, c.params.get("negative_slope", 0.01))

    return emit


for _id, (_name, _summary) in _ACTIVATIONS.items():
    register(
        LayerType(
            id=_id,
            title=_id,
            category="Activation",
            summary=_summary,
            params=params(
                FloatParam("negative_slope", 0.01, help="Slope for negative inputs.", maximum=1.0)
            )
            if _id == "LeakyReLU"
            else params(),
            infer=_infer(_id),
            emit=_emit(_name),
        )
    )

ACTIVATION_LAYERS = {layer_id: name for layer_id, (name, _) in _ACTIVATIONS.items()}
