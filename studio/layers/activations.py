"""Activation functions as nodes of their own (most are also a choice of Dense's and Conv's
`activation` parameter), and PReLU, whose slope is learned."""

from __future__ import annotations

from studio.layers.base import Call, Formula, LayerType, ModuleSpec, TensorType, example, no_flops
from studio.layers.common import FloatParam, count, need_numbers, params, unchanged_text

_ACTIVATIONS = {
    # id: (activation name, summary)
    "ReLU": ("relu", "max(0, x): the default choice for hidden layers."),
    "LeakyReLU": ("leaky_relu", "Like ReLU, but lets a small slope through for negative inputs."),
    "ELU": ("elu", "Like ReLU, but smooth below zero, where it levels off at −alpha."),
    "SELU": ("selu", "A scaled ELU that keeps activations normalized in deep Dense stacks."),
    "Sigmoid": ("sigmoid", "Squashes values to between 0 and 1; for yes/no outputs."),
    "Tanh": ("tanh", "Squashes values to between −1 and 1; used inside recurrent layers."),
    "GELU": ("gelu", "A smooth ReLU, the usual choice in Transformers."),
    "Softmax": ("softmax", "Turns scores into probabilities that sum to 1 (over the features)."),
}

# The parameter that shapes an activation, with Keras' default for the layer: LeakyReLU's
# negative_slope is 0.3 in Keras (2 and 3), ELU's alpha 1.0.
_SHAPE_PARAMS = {
    "LeakyReLU": FloatParam("negative_slope", 0.3, maximum=1.0),
    "ELU": FloatParam("alpha", 1.0, maximum=10.0),
}


def _infer(layer_id: str):
    def infer(c: Call) -> TensorType:
        need_numbers(layer_id, c.x)
        return c.x

    return infer


def _emit(name: str):
    from studio.layers.common import apply_activation

    def emit(em, c: Call, xs):
        shape = c.params.get("negative_slope", c.params.get("alpha"))
        return apply_activation(em, xs[0], name, c.x.rank, shape)

    return emit


def _activation_layer(layer_id: str, name: str, summary: str) -> LayerType:
    shape_param = _SHAPE_PARAMS.get(layer_id)
    cases = [example({}, (5,)), example({}, (2, 3, 3)), example({}, (4, 5))]
    if shape_param is not None:
        cases.append(example({shape_param.name: 0.2}, (6,)))
    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Activation",
        summary=summary,
        params=params(shape_param) if shape_param is not None else params(),
        infer=_infer(layer_id),
        emit=_emit(name),
        examples=tuple(cases),
        formula=Formula("out = x", "0", unchanged_text),
        flops=no_flops,
    )


# PReLU ------------------------------------------------------------------------------------


def _prelu_channels(c: Call) -> int:
    return c.x.shape[0] if c.x.rank == 3 else c.x.shape[-1]


def _emit_prelu(em, c: Call, xs):
    if c.x.rank != 2:
        return em.module(xs[0])
    # nn.PReLU's slopes follow dimension 1; sequences are time×features.
    return em.method(em.module(em.method(xs[0], "transpose", 1, 2)), "transpose", 1, 2)


PRELU = LayerType(
    id="PReLU",
    title="PReLU",
    category="Activation",
    summary="A LeakyReLU whose negative slope is learned, one per channel (or feature).",
    params=params(FloatParam("initial_slope", 0.25, maximum=1.0)),
    infer=_infer("PReLU"),
    module=lambda c: ModuleSpec("PReLU", (_prelu_channels(c), c["initial_slope"])),
    emit=_emit_prelu,
    examples=(example({}, (5,)), example({"initial_slope": 0.1}, (2, 3, 3)), example({}, (4, 5))),
    formula=Formula(
        "out = x",
        "C   (one slope per channel or feature)",
        unchanged_text,
        lambda c: f"{_prelu_channels(c)} = {count(_prelu_channels(c))}",
    ),
    flops=no_flops,
)


LAYERS = [
    *(_activation_layer(i, name, summary) for i, (name, summary) in _ACTIVATIONS.items()),
    PRELU,
]

ACTIVATION_LAYERS = {layer_id: name for layer_id, (name, _) in _ACTIVATIONS.items()}
