"""Help cards: for every layer, what it does, its output-shape formula filled in with one node's
numbers, what each parameter means, when to use it and the classic mistake made with it.

Two kinds of text live here:

* Sentences (what, when to use, common mistake, parameter meanings, notes) are plain English
  string literals, one per text, never formatted. The app translates each where it shows it with
  `QCoreApplication.translate(HELP_CONTEXT, text)`; `help_texts()` lists them all for the .ts file.
  A card's title and category are the registry's own, translated under the context "layers".
* Formulas (output shape, parameter count) are math with symbols and numbers only, computed here
  and shown untranslated. Given a node's parameters and input types they are filled in with its
  numbers; otherwise, or when the node does not fit its inputs, they are the generic form.

A filled shape formula always ends in the shape that the layer's own `infer` gives (`help_card`
checks it and falls back to the generic form if not), so a card never shows a wrong number.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from studio.layers.base import Call, LayerType, TensorType, format_shape
from studio.layers.registry import get_layer

HELP_CONTEXT = "layer_help"
"""Qt translation context of every sentence on a card."""


@dataclass(frozen=True)
class HelpCard:
    layer_id: str
    title: str
    """The registry's title (translate it under the context "layers")."""
    category: str
    """The registry's category (translate it under the context "layers")."""
    what: str
    formula: str
    """Output-shape formula; with `filled`, this node's numbers and its output shape last."""
    params: tuple[tuple[str, str], ...]
    """(parameter name, meaning) for every parameter, in the registry's order."""
    when_to_use: str
    common_mistake: str
    params_count: str
    """Parameter-count formula; '0' for a layer without weights."""
    params_note: str = ""
    """Optional sentence on how the count is made up (e.g. PyTorch against Keras)."""
    filled: bool = False
    """Whether `formula` and `params_count` carry this node's numbers."""


def help_card(
    layer_id: str,
    params: dict[str, Any] | None = None,
    inputs: list[TensorType] | None = None,
) -> HelpCard:
    """The help card of a layer type, filled in with one node's numbers where they are given.

    `params` may be partial (defaults fill the rest) or None (all defaults). `inputs` are the
    node's input types, or None while they are unknown (the palette); a layer without input
    ports (Input) is filled in from `params` alone. Inputs or parameters the layer cannot take
    give the generic formulas, never an error. Only an unknown `layer_id` raises
    (UnknownLayerError, a KeyError).
    """
    layer = get_layer(layer_id)
    texts = _TEXTS.get(layer_id) or _fallback_texts(layer)
    formulas = _FORMULAS.get(layer_id, _Formulas("", "0"))
    shape, count = formulas.generic_shape, formulas.generic_count
    filled = _filled(layer, formulas, params, inputs)
    if filled is not None:
        shape, count = filled
    return HelpCard(
        layer_id=layer.id,
        title=layer.title,
        category=layer.category,
        what=texts.what,
        formula=shape,
        params=tuple((p.name, texts.params.get(p.name) or p.help) for p in layer.params),
        when_to_use=texts.when_to_use,
        common_mistake=texts.common_mistake,
        params_count=count,
        params_note=texts.params_note,
        filled=filled is not None,
    )


def has_card(layer_id: str) -> bool:
    """Whether the layer has its own texts here (not only the registry's summary)."""
    return layer_id in _TEXTS


def help_texts() -> list[str]:
    """Every translatable sentence of the cards, each once, for the translation files."""
    seen: dict[str, None] = {}
    for t in _TEXTS.values():
        for text in (t.what, t.when_to_use, t.common_mistake, *t.params.values(), t.params_note):
            if text:
                seen[text] = None
    return list(seen)


def final_shape(formula: str) -> str:
    """The result a filled shape formula ends in: after its last '→', then after its last '='."""
    return formula.rsplit("→", 1)[-1].rsplit("=", 1)[-1].strip()


def _filled(
    layer: LayerType,
    formulas: _Formulas,
    params: dict[str, Any] | None,
    inputs: list[TensorType] | None,
) -> tuple[str, str] | None:
    if formulas.shape is None:
        return None
    if inputs is None and layer.inputs == 0 and params is not None:
        inputs = []  # Input: its parameters alone give its shape
    if inputs is None:
        return None
    try:
        values = layer.params.validate(dict(params or {}), layer.id)
        if len(inputs) != layer.input_count(values) or not all(
            isinstance(t, TensorType) and t.rank for t in inputs
        ):
            return None
        call = Call(values, list(inputs))
        out = layer.infer(call)
        shape = formulas.shape(call, out)
        count = formulas.count(call) if formulas.count is not None else "0"
    except Exception:  # a node that does not fit its inputs: the card shows the generic form
        return None
    if final_shape(shape) != format_shape(out.shape):
        return None
    return shape, count


# Formulas ---------------------------------------------------------------------------------

ShapeFn = Callable[[Call, TensorType], str]
CountFn = Callable[[Call], str]


@dataclass(frozen=True)
class _Formulas:
    generic_shape: str
    generic_count: str
    shape: ShapeFn | None = None
    count: CountFn | None = None


def _s(shape: tuple[int, ...]) -> str:
    return format_shape(shape)


def _n(value: int) -> str:
    return f"{value:,}"


def _prod(values: tuple[int, ...] | list[int]) -> str:
    return "·".join(str(v) for v in values)


def _unchanged(c: Call, out: TensorType) -> str:
    return f"{_s(c.x.shape)} → {_s(out.shape)}"


def _per_axis(parts: list[tuple[str, int]], lead: tuple[int, ...]) -> str:
    """'out = <text> = n → lead×n×n' when both axes compute alike, else one part per axis."""
    values = tuple(v for _, v in parts)
    result = _s((*lead, *values))
    if len(parts) == 1 or all(p == parts[0] for p in parts):
        return f"out = {parts[0][0]} = {parts[0][1]} → {result}"
    names = ("out_H", "out_W")
    axes = ", ".join(f"{name} = {text} = {v}" for name, (text, v) in zip(names, parts, strict=True))
    return f"{axes} → {result}"


def _sliding(size: int, k: int, s: int, p: int) -> tuple[str, int]:
    return f"⌊({size} − {k} + 2·{p}) / {s}⌋ + 1", (size - k + 2 * p) // s + 1


def _conv_axes(c: Call, sizes: tuple[int, ...], kernels: tuple[int, ...]) -> tuple[str, list]:
    """Dilated kernel sizes (as a prefix) and the sliding-window text of each axis."""
    d, s = c["dilation"], c["strides"]
    effective = tuple(d * (k - 1) + 1 for k in kernels)
    prefix = ""
    if d > 1:
        names = ("k",) if len(set(kernels)) == 1 else ("k_H", "k_W")
        prefix = (
            ", ".join(
                f"{name} = {d}·({k} − 1) + 1 = {e}"
                for name, k, e in zip(names, kernels, effective, strict=False)
            )
            + "; "
        )
    parts = []
    for size, k in zip(sizes, effective, strict=True):
        if c["padding"] == "same":
            if k % 2 == 0:  # PyTorch pads k − 1 in all, unevenly: no whole p to show
                parts.append((f"{size} − {k} + ({k} − 1) + 1", size))
                continue
            parts.append(_sliding(size, k, 1, (k - 1) // 2))
        else:
            parts.append(_sliding(size, k, s, 0))
    return prefix, parts


def _conv2d_shape(c: Call, out: TensorType) -> str:
    _, h, w = c.x.shape
    prefix, parts = _conv_axes(c, (h, w), tuple(c["kernel_size"]))
    return prefix + _per_axis(parts, (c["filters"],))


def _conv1d_shape(c: Call, out: TensorType) -> str:
    t, _ = c.x.shape
    prefix, parts = _conv_axes(c, (t,), (c["kernel_size"],))
    text, length = parts[0]
    return f"{prefix}out = {text} = {length} → {_s((length, c['filters']))}"


def _deconv_shape(c: Call, out: TensorType) -> str:
    _, h, w = c.x.shape
    s, p, op = c["strides"], c["padding"], c["output_padding"]
    parts = [
        (f"({size} − 1)·{s} − 2·{p} + {k} + {op}", (size - 1) * s - 2 * p + k + op)
        for size, k in zip((h, w), c["kernel_size"], strict=True)
    ]
    return _per_axis(parts, (c["filters"],))


def _pool_shape(c: Call, out: TensorType) -> str:
    ch, h, w = c.x.shape
    parts = []
    for size, k in zip((h, w), c["pool_size"], strict=True):
        s = c["strides"] or k
        if not c["keep_partial"]:
            parts.append(_pool_axis(f"⌊({size} − {k}) / {s}⌋", (size - k) // s))
            continue
        n = -(-(size - k) // s)
        text = _pool_axis(f"⌈({size} − {k}) / {s}⌉", n)
        if n * s >= size:  # as PyTorch: a last window must start inside the image
            text = (f"{text[0]} − 1", n)
        parts.append(text)
    return _per_axis(parts, (ch,))


def _pool_axis(windows: str, n: int) -> tuple[str, int]:
    return f"{windows} + 1", n + 1


def _global_pool_shape(c: Call, out: TensorType) -> str:
    return f"{_s(c.x.shape)} → {_s(out.shape)}"


def _upsample_shape(c: Call, out: TensorType) -> str:
    ch, h, w = c.x.shape
    size = c["size"]
    return _per_axis([(f"{h}·{size}", h * size), (f"{w}·{size}", w * size)], (ch,))


def _recurrent_shape(c: Call, out: TensorType) -> str:
    t = c.x.shape[0]
    units = c["units"]
    if c["bidirectional"]:
        width = f"(2·{units})" if c["return_sequences"] else f"2·{units}"
        step = f"{t}×{width}" if c["return_sequences"] else width
        return f"{_s(c.x.shape)} → {step} = {_s(out.shape)}"
    return f"{_s(c.x.shape)} → {_s(out.shape)}"


def _transformer_shape(c: Call, out: TensorType) -> str:
    features = c.x.shape[1]
    per_head = features // c["heads"]
    return f"dₕ = {features} / {c['heads']} = {per_head}; {_s(c.x.shape)} → {_s(out.shape)}"


def _positions_shape(c: Call, out: TensorType) -> str:
    return f"{_s(c.x.shape)} + P ({_s(c.x.shape)}) → {_s(out.shape)}"


def _input_shape(c: Call, out: TensorType) -> str:
    return f"out = {_s(out.shape)}"


def _flatten_shape(c: Call, out: TensorType) -> str:
    if c.x.rank == 1:
        return _unchanged(c, out)
    return f"{_s(c.x.shape)} → {_prod(c.x.shape)} = {_s(out.shape)}"


def _reshape_shape(c: Call, out: TensorType) -> str:
    target = list(c["target_shape"])
    total = c.x.numel
    if -1 not in target:
        return f"{_prod(c.x.shape)} = {_prod(target)} → {_s(out.shape)}"
    others = [v for v in target if v != -1]
    known = f"({_prod(others)})" if len(others) > 1 else str(math.prod(others))
    size = "" if c.x.rank == 1 else f"{_prod(c.x.shape)} = "
    return f"{size}{total}, −1 = {total} / {known} = {total // math.prod(others)} → {_s(out.shape)}"


def _add_shape(c: Call, out: TensorType) -> str:
    return " + ".join(_s(t.shape) for t in c.inputs) + f" → {_s(out.shape)}"


def _concat_shape(c: Call, out: TensorType) -> str:
    joined = " ⊕ ".join(_s(t.shape) for t in c.inputs)
    first = c.inputs[0]
    index = 0 if first.rank == 3 else first.rank - 1
    summed = "(" + " + ".join(str(t.shape[index]) for t in c.inputs) + ")"
    if first.rank == 1:
        summed = summed[1:-1]
    parts = [str(v) for v in first.shape]
    parts[index] = summed
    return f"{joined} → {'×'.join(parts)} = {_s(out.shape)}"


def _dense_count(c: Call) -> str:
    f, units = c.x.shape[-1], c["units"]
    inner = f"({f} + 1)" if c["use_bias"] else str(f)
    return f"{inner} × {units} = {_n((f + c['use_bias']) * units)}"


def _conv_count(fan_in: Callable[[Call], tuple[int, ...]]) -> CountFn:
    def count(c: Call) -> str:
        sizes = fan_in(c)
        filters, bias = c["filters"], c["use_bias"]
        inner = f"({_prod(sizes)} + 1)" if bias else f"{_prod(sizes)}"
        return f"{inner} × {filters} = {_n((math.prod(sizes) + bias) * filters)}"

    return count


def _recurrent_count(gates: int, keras_single_bias: bool) -> CountFn:
    def count(c: Call) -> str:
        f, h = c.x.shape[1], c["units"]
        directions = 2 if c["bidirectional"] else 1
        per_gate = f"{f}·{h} + {h}·{h} + 2·{h}"
        head = "2 × " if directions == 2 else ""
        body = f"{gates} × ({per_gate})" if gates > 1 else per_gate
        if gates == 1 and directions == 2:
            body = f"({per_gate})"
        total = directions * gates * (f * h + h * h + 2 * h)
        text = f"{head}{body} = {_n(total)}"
        if keras_single_bias:
            keras = directions * gates * (f + h + 1) * h
            gate = f"{gates} × " if gates > 1 else ""
            text += f" (Keras: {head}{gate}({f} + {h} + 1) × {h} = {_n(keras)})"
        return text

    return count


def _batchnorm_count(c: Call) -> str:
    features = c.x.shape[0] if c.x.rank == 3 else c.x.shape[-1]
    return f"2 × {features} = {_n(2 * features)}"


def _layernorm_count(c: Call) -> str:
    shape = c.x.shape if c.x.rank == 3 else c.x.shape[-1:]
    return f"2 × {_prod(shape)} = {_n(2 * math.prod(shape))}"


def _transformer_count(c: Call) -> str:
    d, f = c.x.shape[1], c["ff_dim"]
    total = 4 * d * d + 2 * d * f + 9 * d + f
    return f"4·{d}·{d} + 2·{d}·{f} + 9·{d} + {f} = {_n(total)}"


def _positions_count(c: Call) -> str:
    t, f = c.x.shape
    return f"{t} × {f} = {_n(t * f)}"


def _embedding_count(c: Call) -> str:
    v, d = c["input_dim"], c["output_dim"]
    return f"{v} × {d} = {_n(v * d)}"


_SAME = _Formulas("out = x", "0", _unchanged)
_CONV2D_COUNT = "(C·kh·kw + 1) × filters"
_RECURRENT_SHAPE = "T×F → H   (return_sequences: T×H;  bidirectional: 2·H)"

_FORMULAS: dict[str, _Formulas] = {
    "Input": _Formulas("out = shape", "0", _input_shape),
    "Output": _Formulas("out = x", "0", _unchanged),
    "Dense": _Formulas("F → units   (T×F → T×units)", "(F + 1) × units", _unchanged, _dense_count),
    "Flatten": _Formulas("C×H×W → C·H·W   (T×F → T·F)", "0", _flatten_shape),
    "Reshape": _Formulas("∏ in = ∏ target_shape;  −1 = ∏ in / ∏ others", "0", _reshape_shape),
    "Dropout": _SAME,
    "Embedding": _Formulas(
        "T → T×output_dim", "input_dim × output_dim", _unchanged, _embedding_count
    ),
    "Conv2D": _Formulas(
        "out = ⌊(H − k + 2p) / s⌋ + 1 → filters×out_H×out_W",
        _CONV2D_COUNT,
        _conv2d_shape,
        _conv_count(lambda c: (c.x.shape[0], *c["kernel_size"])),
    ),
    "Conv1D": _Formulas(
        "out = ⌊(T − k + 2p) / s⌋ + 1 → out×filters",
        "(F·k + 1) × filters",
        _conv1d_shape,
        _conv_count(lambda c: (c.x.shape[1], c["kernel_size"])),
    ),
    "ConvTranspose2D": _Formulas(
        "out = (H − 1)·s − 2p + k + op → filters×out_H×out_W",
        _CONV2D_COUNT,
        _deconv_shape,
        _conv_count(lambda c: (c.x.shape[0], *c["kernel_size"])),
    ),
    "MaxPooling2D": _Formulas(
        "out = ⌊(H − k) / s⌋ + 1 → C×out_H×out_W   (keep_partial: ⌈ ⌉)", "0", _pool_shape
    ),
    "AveragePooling2D": _Formulas(
        "out = ⌊(H − k) / s⌋ + 1 → C×out_H×out_W   (keep_partial: ⌈ ⌉)", "0", _pool_shape
    ),
    "GlobalAveragePooling": _Formulas("C×H×W → C   (T×F → F)", "0", _global_pool_shape),
    "GlobalMaxPooling": _Formulas("C×H×W → C   (T×F → F)", "0", _global_pool_shape),
    "UpSampling2D": _Formulas("out = H·size → C×out_H×out_W", "0", _upsample_shape),
    "LSTM": _Formulas(
        _RECURRENT_SHAPE, "4 × (F·H + H·H + 2·H)", _recurrent_shape, _recurrent_count(4, True)
    ),
    "GRU": _Formulas(
        _RECURRENT_SHAPE, "3 × (F·H + H·H + 2·H)", _recurrent_shape, _recurrent_count(3, False)
    ),
    "SimpleRNN": _Formulas(
        _RECURRENT_SHAPE, "F·H + H·H + 2·H", _recurrent_shape, _recurrent_count(1, True)
    ),
    "TransformerEncoder": _Formulas(
        "T×F → T×F,  dₕ = F / heads",
        "4·d·d + 2·d·f + 9·d + f   (d = F, f = ff_dim)",
        _transformer_shape,
        _transformer_count,
    ),
    "PositionalEmbedding": _Formulas(
        "T×F → T×F   (x + P, one learned row of P per step)", "T × F", _positions_shape,
        _positions_count,
    ),
    "BatchNorm": _Formulas("out = x", "2 × C", _unchanged, _batchnorm_count),
    "LayerNorm": _Formulas("out = x", "2 × F   (C×H×W: 2 × C·H·W)", _unchanged, _layernorm_count),
    "ReLU": _SAME,
    "LeakyReLU": _SAME,
    "Sigmoid": _SAME,
    "Tanh": _SAME,
    "GELU": _SAME,
    "Softmax": _SAME,
    "Add": _Formulas("x₁ + x₂ + … → x₁   (all the same shape)", "0", _add_shape),
    "Concatenate": _Formulas(
        "C₁×H×W ⊕ C₂×H×W → (C₁ + C₂)×H×W   (T×F₁ ⊕ T×F₂ → T×(F₁ + F₂))", "0", _concat_shape
    ),
}


# Texts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Texts:
    what: str
    when_to_use: str
    common_mistake: str
    params: Mapping[str, str] = field(default_factory=dict)
    params_note: str = ""


def _fallback_texts(layer: LayerType) -> _Texts:
    """A layer registered without a card still shows its summary and parameter help."""
    return _Texts(layer.summary, "", "")


_ACTIVATION = (
    "The function applied to every output value: relu in hidden layers, softmax on the last "
    "layer of a classifier, linear (none) to keep the raw numbers. The same as Keras' activation "
    "argument."
)
_BIAS_DENSE = (
    "Adds one learned offset to each neuron's sum (the + 1 in the parameter count). Leave it on, "
    "unless a BatchNorm follows, which brings its own offset."
)
_BIAS_CONV = (
    "Adds one learned offset to each feature map (the + 1 in the parameter count). Leave it on, "
    "unless a BatchNorm follows, which brings its own offset."
)
_FILTERS = (
    "How many different patterns the layer learns: each filter gives one feature map, so this is "
    "the number of output channels. 32 or 64 are common; deeper layers usually have more."
)
_STRIDES_2D = (
    "How far the window moves at each step (s in the formula). 1 visits every position; 2 skips "
    "every other one and roughly halves the height and width."
)
_PADDING = (
    "valid: no border is added (p = 0), so the height and width each shrink by k − 1. same: a "
    "border of zeros keeps the height and width unchanged; it needs strides 1."
)
_DILATION = (
    "Gaps between the cells of the window (d): with 2, a 3×3 window covers 5×5 pixels and sees "
    "further with the same number of weights. Leave it at 1 unless you need a wider view."
)
_EPSILON = (
    "A tiny number added to the variance so that nothing is ever divided by zero. It rarely needs "
    "changing."
)
_INPUTS = "How many connections come in (2 to 8); the node shows that many input ports."
_POOL_SIZE = (
    "Size of the window (k in the formula): 2 turns each 2×2 block into one value, halving the "
    "height and width. A pair [height, width] gives a rectangle."
)
_POOL_STRIDES = (
    "How far the window moves at each step (s in the formula); 0 means the same as the pool size, "
    "so that the windows do not overlap."
)
_KEEP_PARTIAL = (
    "When the windows do not fit evenly, keep the last, incomplete window (the size is rounded up, "
    "⌈ ⌉) instead of dropping it (rounded down, ⌊ ⌋). With strides equal to the pool size this is "
    "Keras' padding 'same'."
)
_POOL_MISTAKE = (
    "Pooling too often: each 2×2 pooling halves the size (28 → 14 → 7 → 3), until the next kernel "
    "no longer fits. With keep_partial off an odd size also loses its last row and column (7 → 3); "
    "turn it on to keep them."
)
_GLOBAL_MISTAKE = (
    "Putting it on an input that is already a flat vector, where there is nothing left to pool. "
    "Use it instead of Flatten, not together with it."
)
_UNITS = (
    "Size of the hidden state (H in the formula): how much the layer can remember at each step, "
    "and the length of the vector it outputs."
)
_RETURN_SEQUENCES = (
    "Off: output only the vector of the last step, for a classifier on top. On: output a vector "
    "for every time step, which another recurrent layer (or a Conv1D) on top needs."
)
_BIDIRECTIONAL = (
    "Also read the sequence from the end to the start and join both readings, which doubles the "
    "output size (2·H). It helps when the whole sequence is known in advance, such as a sentence."
)
_RECURRENT_PARAMS = {
    "units": _UNITS,
    "return_sequences": _RETURN_SEQUENCES,
    "bidirectional": _BIDIRECTIONAL,
}
_STACKING_MISTAKE = (
    "Feeding it an image (1×28×28) or a flat vector: it expects time steps×features, so Reshape "
    "the image to 28×28 (rows as steps). When stacking two recurrent layers, turn on "
    "return_sequences in the first, or the second receives one vector instead of a sequence."
)

_TEXTS: dict[str, _Texts] = {
    "Input": _Texts(
        what=(
            "Where data enters the model. It fixes the shape of one sample (the batch size is "
            "added automatically), and every shape after it is computed from this one."
        ),
        when_to_use=(
            "Every model starts with one, or one per kind of data. Set its shape to match your "
            "data set."
        ),
        common_mistake=(
            "Writing an image's shape channels-last as in Keras (28×28×1). NetStudio is "
            "channels-first like PyTorch: use 1×28×28, or 3×32×32 for colour images."
        ),
        params={
            "shape": (
                "One sample's shape without the batch: channels×height×width for images "
                "(1×28×28 for MNIST), time steps×features for sequences, features for a row of "
                "a table."
            ),
            "dtype": (
                "float32 for pixels and measurements; int64 for token ids that go into an "
                "Embedding."
            ),
        },
    ),
    "Output": _Texts(
        what=(
            "The end of the model. It passes its input on unchanged and says which loss training "
            "makes smaller and what the model's output is compared with."
        ),
        when_to_use=(
            "Every model ends in one. Choose the loss that fits the task: cross_entropy to pick "
            "one class, mse to predict numbers."
        ),
        common_mistake=(
            "Ending a classifier with a Dense whose units differ from the number of classes. The "
            "last Dense needs one unit per class: 10 for the ten digits of MNIST."
        ),
        params={
            "loss": (
                "How wrong the model is, the number that training makes smaller: cross_entropy "
                "to pick one class out of several, binary_cross_entropy for yes/no or several "
                "labels at once, mse (mean squared error) for numbers and reconstructions."
            ),
            "target": (
                "What the output is compared with: labels, the answers of the data set; input, "
                "the input itself, to train an autoencoder to reproduce it; or real_or_fake, "
                "for the discriminator of a GAN, whether a sample is real data or was drawn by "
                "the generator before it."
            ),
        },
    ),
    "Dense": _Texts(
        what=(
            "A fully connected layer: each of its neurons computes a weighted sum of all input "
            "values plus an offset, then applies the activation. It is the building block of a "
            "multilayer perceptron (MLP)."
        ),
        when_to_use=(
            "For table-like data, and as the last layers of almost every classifier, after "
            "Flatten or global pooling."
        ),
        common_mistake=(
            "Feeding it an image (such as 32×13×13) directly: Dense expects a flat vector. "
            "Insert a Flatten, or a GlobalAveragePooling, before it."
        ),
        params={
            "units": (
                "How many neurons, which is how many numbers come out. The last Dense of a "
                "classifier needs one per class (10 for MNIST)."
            ),
            "activation": _ACTIVATION,
            "use_bias": _BIAS_DENSE,
        },
    ),
    "Flatten": _Texts(
        what=(
            "Lays all values of an image or a sequence out in one long vector, without changing "
            "them. It has no weights."
        ),
        when_to_use="Between the convolution and pooling part of a CNN and its Dense layers.",
        common_mistake=(
            "Flattening large feature maps straight into a big Dense: 64×26×26 is 43,264 values, "
            "and a Dense(128) after it has 5.5 million weights. Pool first, or use "
            "GlobalAveragePooling instead."
        ),
    ),
    "Reshape": _Texts(
        what=(
            "Rearranges the same values into a new shape, such as a vector of 784 into a "
            "1×28×28 image. Nothing is computed or learned."
        ),
        when_to_use=(
            "To give a flat vector an image shape (a generator's Dense output into 7×7 feature "
            "maps), or to read a 1×28×28 image as 28 time steps of 28 features for an LSTM."
        ),
        common_mistake=(
            "Choosing sizes whose product differs from the input's number of values: 784 cannot "
            "become 1×28×27. Multiply the sizes to check, or write −1 for one of them."
        ),
        params={
            "target_shape": (
                "The new shape without the batch. The sizes must multiply to the input's number "
                "of values; −1, once, means 'whatever size makes it fit'."
            ),
        },
    ),
    "Dropout": _Texts(
        what=(
            "During training, sets a random fraction of its input values to zero at every step, "
            "so that the network cannot rely on any single neuron. When evaluating and "
            "predicting it does nothing."
        ),
        when_to_use=(
            "When the training accuracy pulls far ahead of the validation accuracy "
            "(overfitting), typically after large Dense layers."
        ),
        common_mistake=(
            "Setting the rate too high (0.8 or more): the network loses most of its signal and "
            "even the training accuracy stays low. Start with 0.2 to 0.5."
        ),
        params={
            "rate": (
                "Fraction of the values set to zero at each training step; 0.2 to 0.5 is usual. "
                "The others are scaled up by 1 / (1 − rate) so that the average stays the same."
            ),
        },
    ),
    "Embedding": _Texts(
        what=(
            "Replaces each token id (a whole number standing for a word or a symbol) by a vector "
            "learned during training. A list of ids becomes a sequence the next layers can read."
        ),
        when_to_use=(
            "As the first layer after an int64 Input for text or other tokens, before an LSTM, "
            "GRU, Conv1D or Transformer encoder."
        ),
        common_mistake=(
            "Connecting it to a float Input or to an image: it needs whole-number token ids. Set "
            "the Input's dtype to int64 and its shape to [sequence length], and make input_dim "
            "larger than the largest id."
        ),
        params={
            "input_dim": (
                "Vocabulary size: how many different token ids there are (the largest id + 1)."
            ),
            "output_dim": "Length of the vector learned for each token (D in the formula).",
        },
    ),
    "Conv2D": _Texts(
        what=(
            "Slides small windows of learned weights (filters) over the image. Each filter "
            "detects one local pattern, such as an edge or a curve, and outputs a feature map "
            "showing where that pattern appears."
        ),
        when_to_use=(
            "For images: stack a few Conv2D layers (with relu) and MaxPooling2D layers, as the "
            "guide's MNIST CNN does."
        ),
        common_mistake=(
            "A kernel larger than its input, such as 3×3 after pooling has shrunk the image to "
            "2×2: each 'valid' convolution takes k − 1 pixels off, so use padding 'same', a "
            "smaller kernel or less pooling. Feeding it a flat 784 vector is the other classic: "
            "Reshape it to 1×28×28 first."
        ),
        params={
            "filters": _FILTERS,
            "kernel_size": (
                "Size of the window that slides over the image (k in the formula): 3 means 3×3. "
                "A pair [height, width] gives a rectangle."
            ),
            "strides": _STRIDES_2D,
            "padding": _PADDING,
            "dilation": _DILATION,
            "activation": _ACTIVATION,
            "use_bias": _BIAS_CONV,
        },
    ),
    "Conv1D": _Texts(
        what=(
            "Slides learned filters along the time axis of a sequence, detecting short local "
            "patterns such as a rise or a peak in a signal. Each filter gives one output feature "
            "per time step."
        ),
        when_to_use=(
            "For signals, time series and text: a fast alternative or complement to recurrent "
            "layers for finding local patterns."
        ),
        common_mistake=(
            "Giving it an image or features×time: NetStudio's sequences are time steps×features, "
            "as for LSTM. Use Conv2D for images, or Reshape a 1×28×28 image to 28×28 first."
        ),
        params={
            "filters": (
                "How many different patterns the layer learns; each gives one output feature per "
                "time step."
            ),
            "kernel_size": (
                "Length of the window that slides along time (k in the formula), such as 3 steps."
            ),
            "strides": (
                "How far the window moves at each step (s in the formula); 2 roughly halves the "
                "number of time steps."
            ),
            "padding": (
                "valid: no padding (p = 0), so the sequence loses k − 1 steps. same: pads with "
                "zeros to keep the number of steps; it needs strides 1."
            ),
            "dilation": (
                "Gaps between the cells of the window (d): with 2, a window of 3 spans 5 steps. "
                "Leave it at 1 unless you need a wider view."
            ),
            "activation": _ACTIVATION,
            "use_bias": _BIAS_CONV,
        },
    ),
    "ConvTranspose2D": _Texts(
        what=(
            "Learned upsampling: it enlarges an image, usually doubling its height and width, "
            "while learning how to fill in the detail. It works like a strided Conv2D run "
            "backwards."
        ),
        when_to_use=(
            "In decoders: the second half of an autoencoder, or the generator of a GAN, to grow "
            "small feature maps back into a full image."
        ),
        common_mistake=(
            "Ending one pixel off (13 instead of 14), so that the output no longer matches the "
            "image. With strides 2, use kernel 3, padding 1 and output_padding 1 to exactly "
            "double the size."
        ),
        params={
            "filters": _FILTERS,
            "kernel_size": "Size of the window (k in the formula): 3 means 3×3.",
            "strides": (
                "How much it enlarges (s in the formula): 2 roughly doubles the height and width."
            ),
            "padding": (
                "Pixels trimmed from each border of the result (p in the formula). Kernel 3, "
                "strides 2, padding 1 and output_padding 1 exactly double the size."
            ),
            "output_padding": (
                "Extra rows and columns added on one side (op in the formula) to reach an exact "
                "size; it must be smaller than the strides."
            ),
            "activation": _ACTIVATION,
            "use_bias": _BIAS_CONV,
        },
    ),
    "MaxPooling2D": _Texts(
        what=(
            "Splits each feature map into small windows and keeps only the largest value of "
            "each. The image gets smaller while the strongest responses survive; it has no "
            "weights."
        ),
        when_to_use=(
            "After one or two Conv2D layers, to halve the height and width: fewer values to "
            "process, and some tolerance to small shifts of the image."
        ),
        common_mistake=_POOL_MISTAKE,
        params={
            "pool_size": _POOL_SIZE,
            "strides": _POOL_STRIDES,
            "keep_partial": _KEEP_PARTIAL,
        },
    ),
    "AveragePooling2D": _Texts(
        what=(
            "Splits each feature map into small windows and keeps the average of each. The image "
            "gets smaller and smoother; it has no weights."
        ),
        when_to_use=(
            "To shrink an image while keeping the overall strength of each region, not only its "
            "peak; max pooling is the more common choice in classifiers."
        ),
        common_mistake=_POOL_MISTAKE,
        params={
            "pool_size": _POOL_SIZE,
            "strides": _POOL_STRIDES,
            "keep_partial": _KEEP_PARTIAL,
        },
    ),
    "GlobalAveragePooling": _Texts(
        what=(
            "Averages each whole feature map (or each feature over all time steps) down to one "
            "number, turning a C×H×W image into a vector of C values. It has no weights."
        ),
        when_to_use=(
            "At the end of a CNN instead of Flatten: it gives far fewer values, so the Dense "
            "after it needs far fewer weights and overfits less."
        ),
        common_mistake=_GLOBAL_MISTAKE,
    ),
    "GlobalMaxPooling": _Texts(
        what=(
            "Keeps the largest value of each whole feature map (or of each feature over all time "
            "steps), turning a C×H×W image into a vector of C values: how strongly each pattern "
            "appears anywhere."
        ),
        when_to_use=(
            "To detect whether a pattern occurs anywhere in an image or a sequence, wherever it "
            "is, such as a keyword in a text."
        ),
        common_mistake=_GLOBAL_MISTAKE,
    ),
    "UpSampling2D": _Texts(
        what=(
            "Enlarges an image by repeating each pixel, or by blending neighbouring pixels, "
            "multiplying the height and width by a factor. It has no weights."
        ),
        when_to_use=(
            "In decoders and GAN generators, as a simple alternative to ConvTranspose2D, usually "
            "followed by a Conv2D."
        ),
        common_mistake=(
            "Expecting it to add detail: it only repeats pixels, so the result looks blocky. "
            "Follow it with a Conv2D (padding 'same') that learns to refine it."
        ),
        params={
            "size": "By how much the height and width are multiplied: 2 turns 7×7 into 14×14.",
            "interpolation": (
                "nearest copies each pixel into a block; bilinear blends neighbouring pixels for "
                "a smoother result."
            ),
        },
    ),
    "LSTM": _Texts(
        what=(
            "A recurrent layer: it reads a sequence one step at a time and carries a memory from "
            "step to step. Three gates (input, forget, output) learn what to store, what to "
            "forget and what to pass on, so it can link events far apart in time."
        ),
        when_to_use=(
            "For sequences where order and long-range context matter: text, sensor readings, "
            "time series."
        ),
        common_mistake=_STACKING_MISTAKE,
        params=_RECURRENT_PARAMS,
        params_note=(
            "PyTorch gives each gate two bias vectors (one for the input, one for the state), so "
            "it counts 4 × (F·H + H·H + 2·H): 4·H more than Keras' 4 × (F + H + 1) × H, which "
            "has one. Both learn the same; bidirectional doubles the count."
        ),
    ),
    "GRU": _Texts(
        what=(
            "A recurrent layer like the LSTM, but with two gates (update and reset) and no "
            "separate memory cell. It has fewer weights and often learns as well."
        ),
        when_to_use="Wherever an LSTM fits; try it when you want a smaller and faster model.",
        common_mistake=_STACKING_MISTAKE,
        params=_RECURRENT_PARAMS,
        params_note=(
            "Its three parts each have two bias vectors, in PyTorch as in Keras (reset_after, "
            "its default), so both count 3 × (F·H + H·H + 2·H). Bidirectional doubles the count."
        ),
    ),
    "SimpleRNN": _Texts(
        what=(
            "The plain recurrent layer: at each step it mixes the new input with its previous "
            "state in one weighted sum followed by tanh. Simple, but it forgets quickly."
        ),
        when_to_use=(
            "For short sequences and to learn how recurrence works; prefer LSTM or GRU for real "
            "tasks."
        ),
        common_mistake=(
            "Using it on long sequences (hundreds of steps): the gradient vanishes along the "
            "way and it learns only from the last few steps. Use an LSTM or a GRU for those."
        ),
        params=_RECURRENT_PARAMS,
        params_note=(
            "PyTorch has two bias vectors, so it counts F·H + H·H + 2·H: H more than Keras' "
            "(F + H + 1) × H, which has one. Bidirectional doubles the count."
        ),
    ),
    "TransformerEncoder": _Texts(
        what=(
            "One block of a Transformer encoder. In multi-head self-attention every time step "
            "looks at every other step and takes in what is relevant; then a small feed-forward "
            "network processes each step, each part with a residual connection and a LayerNorm."
        ),
        when_to_use=(
            "For sequences, such as text tokens after an Embedding, when relations between "
            "distant steps matter; stack several blocks for a bigger model."
        ),
        common_mistake=(
            "Choosing a number of heads that does not divide the feature size: 8 features cannot "
            "be split among 3 heads. Feeding it raw token ids or an image is the other one: put "
            "an Embedding, or a Reshape to time steps×features, before it."
        ),
        params={
            "heads": (
                "How many attention heads look at the sequence side by side, each on F / heads "
                "of the features; it must divide the feature size F."
            ),
            "ff_dim": (
                "Width of the small two-layer network applied to each step after attention (f "
                "in the formula); often 2 to 4 times the feature size."
            ),
            "dropout": (
                "Fraction of values dropped inside the block during training, against overfitting."
            ),
            "activation": (
                "Activation of the feed-forward network: relu, or gelu as in BERT and GPT."
            ),
            "norm_first": (
                "Normalize before attention and the feed-forward network (pre-LN) instead of "
                "after; deep stacks train more stably with it on."
            ),
        },
        params_note=(
            "Attention: 4 × (d·d + d) for the query, key, value and output projections. "
            "Feed-forward: d·f + f + f·d + d. Two LayerNorms: 4·d. The number of heads does not "
            "change the count."
        ),
    ),
    "PositionalEmbedding": _Texts(
        what=(
            "Adds a learned vector to each time step: one for the first step, another for the "
            "second, and so on. Self-attention by itself does not see the order of the steps; "
            "with these vectors added it can tell where in the sequence each step is."
        ),
        when_to_use=(
            "Right before the first Transformer encoder block, after the Dense or Embedding that "
            "gives each step its features."
        ),
        common_mistake=(
            "Leaving it out: a Transformer encoder without positions treats the sequence as an "
            "unordered bag of steps, so it cannot tell a rising ramp from a falling one."
        ),
        params_note=(
            "One vector of F numbers per time step: T × F in all. Its table is as long as the "
            "sequence, so the model takes sequences of exactly T steps."
        ),
    ),
    "BatchNorm": _Texts(
        what=(
            "Normalizes each channel (or feature) to mean 0 and variance 1 over the current "
            "batch, then scales and shifts it with two learned numbers. When evaluating it uses "
            "running averages collected in training instead of the batch."
        ),
        when_to_use=(
            "After Conv2D or Dense layers in deeper networks, especially when training is slow or "
            "unstable."
        ),
        common_mistake=(
            "Training with very small batches (2 to 8 samples), whose mean and variance are too "
            "noisy. Use batches of 32 or more, or LayerNorm."
        ),
        params={
            "momentum": (
                "How slowly the running mean and variance (used when evaluating) follow the "
                "batches: 0.99 moves them 1% towards each batch. This is Keras' convention; "
                "PyTorch's momentum is 1 minus this."
            ),
            "epsilon": _EPSILON,
        },
        params_note=(
            "2 × C learned numbers: a scale γ and an offset β per channel. The running mean and "
            "variance are not learned by gradients and not counted here; Keras counts them as "
            "non-trainable, 4 × C in all."
        ),
    ),
    "LayerNorm": _Texts(
        what=(
            "Normalizes the values of each sample on its own (each time step's features, for a "
            "sequence) to mean 0 and variance 1, then scales and shifts them with learned "
            "numbers. It does not depend on the batch."
        ),
        when_to_use=(
            "In Transformers and recurrent models, and whenever batches are small, where "
            "BatchNorm's statistics are unreliable."
        ),
        common_mistake=(
            "Expecting it to work per channel like BatchNorm: on an image it normalizes all of "
            "C×H×W together and learns 2·C·H·W numbers, a lot for large images. Use BatchNorm "
            "in CNNs."
        ),
        params={"epsilon": _EPSILON},
    ),
    "ReLU": _Texts(
        what=(
            "Keeps positive values and replaces negative ones by 0: f(x) = max(0, x). Cheap and "
            "effective, it is the default activation of hidden layers."
        ),
        when_to_use=(
            "After Dense or Conv2D layers in the hidden part of a network; setting the layer's "
            "activation parameter to relu does the same."
        ),
        common_mistake=(
            "Putting it on the last layer: the outputs can then never be negative, which breaks "
            "regression and clips a classifier's scores. End with linear or softmax instead."
        ),
    ),
    "LeakyReLU": _Texts(
        what=(
            "Like ReLU, but negative values are multiplied by a small slope instead of set to 0: "
            "f(x) = x for x > 0, slope·x otherwise. Neurons never go completely silent."
        ),
        when_to_use=(
            "When many ReLU neurons output only zeros (dying ReLU), and in GAN discriminators."
        ),
        common_mistake=(
            "Setting negative_slope to 1, which turns it into a straight line with no "
            "non-linearity at all. Keep it small, 0.01 to 0.3."
        ),
        params={
            "negative_slope": (
                "How much of a negative input is let through: 0.01 gives 0.01·x for x < 0. 0 "
                "makes it a plain ReLU; GANs often use 0.2."
            ),
        },
    ),
    "Sigmoid": _Texts(
        what=(
            "Squashes any number into the range 0 to 1: σ(x) = 1 / (1 + e^(−x)). The result can "
            "be read as the probability of yes."
        ),
        when_to_use=(
            "On the output for yes/no decisions or several independent labels, with "
            "binary_cross_entropy; rarely in hidden layers."
        ),
        common_mistake=(
            "Using it in many hidden layers: its slope is at most 0.25, so gradients shrink layer "
            "after layer (vanishing gradients) and learning stalls. Use ReLU in hidden layers."
        ),
    ),
    "Tanh": _Texts(
        what=(
            "Squashes any number into the range −1 to 1: tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ). "
            "Centred on zero, it is the activation inside recurrent layers."
        ),
        when_to_use=(
            "When outputs must lie between −1 and 1, such as the last layer of a GAN generator "
            "for images scaled to −1…1."
        ),
        common_mistake=(
            "Using it on the last layer while the targets lie in 0 to 1 (pixels divided by 255). "
            "Scale the targets to −1…1, or use Sigmoid there instead."
        ),
    ),
    "GELU": _Texts(
        what=(
            "A smooth version of ReLU: f(x) = x·Φ(x), where Φ(x) is the chance that a standard "
            "normal value is below x. Small negative values pass a little."
        ),
        when_to_use="In Transformer models, and as a drop-in alternative to ReLU.",
        common_mistake=(
            "Putting it on the last layer as if it squashed its input: like ReLU it is unbounded "
            "above and nearly zero below. Keep it for hidden layers."
        ),
    ),
    "Softmax": _Texts(
        what=(
            "Turns a vector of scores into probabilities: each score x becomes eˣ divided by the "
            "sum of all eˣ, so all are positive and add up to 1. On an image it works across "
            "the channels of each pixel."
        ),
        when_to_use=(
            "Only at the very end of a classifier, to read its scores as class probabilities."
        ),
        common_mistake=(
            "Applying softmax twice, such as a Softmax layer after a Dense that already has "
            "activation softmax: the probabilities get squashed towards equal and learning "
            "stalls. Use one softmax at the end; NetStudio leaves that one out in training, "
            "because cross_entropy applies it itself."
        ),
    ),
    "Add": _Texts(
        what=(
            "Adds its inputs value by value; all of them must have exactly the same shape. It "
            "joins a shortcut back into the main path: a residual connection, as in ResNet."
        ),
        when_to_use=(
            "For residual (skip) connections: adding a block's input to its output lets deep "
            "networks train well."
        ),
        common_mistake=(
            "Adding branches whose shapes differ, such as 32×14×14 and 64×7×7. Make them agree: "
            "the same filters and pooling on both paths, or a 1×1 Conv2D on the shortcut."
        ),
        params={"inputs": _INPUTS},
    ),
    "Concatenate": _Texts(
        what=(
            "Places its inputs side by side along the channels (images) or the features "
            "(sequences and vectors), so that the output holds all of them. All other sizes must "
            "match."
        ),
        when_to_use=(
            "To combine branches that looked at the data in different ways, such as different "
            "kernel sizes or two kinds of input, keeping all of their features."
        ),
        common_mistake=(
            "Joining images whose height and width differ, such as 32×14×14 with 32×7×7: only "
            "the channels may differ. Pool or upsample one branch to the other's size first."
        ),
        params={"inputs": _INPUTS},
    ),
}
