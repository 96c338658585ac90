"""Convolution, pooling and upsampling layers over sequences (1D), images (2D) and volumes (3D);
depthwise and separable convolutions and SpatialDropout2D for images (zero padding and cropping
are in padding.py).

Sizes follow Keras: 'valid' keeps only whole windows; 'same' gives ⌈size / strides⌉ and pads
as TensorFlow does, the odd cell at the end (pad_before = total // 2). PyTorch's own padding
is symmetric, so an uneven pad is an explicit F.pad before the module.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from studio.layers.base import (
    Call,
    Formula,
    LayerType,
    ModuleSpec,
    ShapeError,
    TensorType,
    example,
    format_shape,
    no_flops,
)
from studio.layers.common import (
    BoolParam,
    ChoiceParam,
    Dim,
    FloatParam,
    IntParam,
    SizeParam,
    activation_param,
    apply_activation,
    count,
    need_image,
    need_numbers,
    need_sequence,
    params,
    per_axis,
    product,
    unchanged_text,
)
from studio.messages import msg, term

# Where the sliding axes are -------------------------------------------------------------------


@dataclass(frozen=True)
class Space:
    """The sliding axes of a 1D, 2D or 3D layer. Sequences are time×features (Keras and the
    recurrent layers' layout); images and volumes are channels first (PyTorch's)."""

    dims: int

    @property
    def torch_suffix(self) -> str:
        return f"{self.dims}d"

    def check(self, layer: str, x: TensorType) -> None:
        if self.dims == 1:
            need_sequence(layer, x, msg("use the 2D layer for images, or Reshape to time×features"))
        elif self.dims == 2:
            need_image(layer, x, IMAGE_HINT_2D)
        else:
            need_numbers(layer, x)
            if x.rank != 4:
                raise ShapeError(
                    msg(
                        "{layer} expects a volume (channels×depth×height×width), but gets a "
                        "{got}; add a Reshape to channels×depth×height×width before it",
                        layer=layer,
                        got=x.describe(),
                    )
                )

    def sizes(self, x: TensorType) -> tuple[int, ...]:
        return x.shape[:1] if self.dims == 1 else x.shape[1:]

    def channels(self, x: TensorType) -> int:
        return x.shape[1] if self.dims == 1 else x.shape[0]

    def shape(self, channels: int, sizes: tuple[int, ...]) -> tuple[int, ...]:
        return (*sizes, channels) if self.dims == 1 else (channels, *sizes)

    def text(self, dims: list[Dim], channels: int) -> str:
        """'out = … → 32×14×14' with one part per axis where they differ."""
        if self.dims == 1:
            return per_axis(dims, tail=(channels,))
        names = ("out_H", "out_W") if self.dims == 2 else ("out_D", "out_H", "out_W")
        return per_axis(dims, (channels,), names)


IMAGE_HINT_2D = msg("add a Reshape to channels×height×width (e.g. 1×28×28) before it, or use Dense")
SEQUENCE, IMAGE, VOLUME = Space(1), Space(2), Space(3)


def _sequences_first(em, x, space: Space):
    """Batched time×features → features×time, as torch's 1D modules want it."""
    return em.method(x, "transpose", 1, 2) if space.dims == 1 else x


# Sizes: one computation for the shape rule, the module and the help card ---------------------


@dataclass(frozen=True)
class Windows:
    """The output sizes of a sliding window, with the padding each axis needs."""

    dims: list[Dim]
    pads: list[tuple[int, int]]
    """(before, after) per axis, for 'same'; zeros for 'valid'."""

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(d.value for d in self.dims)

    @property
    def symmetric(self) -> bool:
        return all(a == b for a, b in self.pads)

    def torch_pad(self) -> tuple[int, ...]:
        """F.pad's argument: the last axis first, (before, after) each."""
        return tuple(v for pair in reversed(self.pads) for v in pair)


def windows(
    layer: str,
    sizes: tuple[int, ...],
    kernels: tuple[int, ...],
    strides: tuple[int, ...],
    padding: str,
    dilation: int = 1,
    what: str = "",
) -> Windows:
    effective = tuple(dilation * (k - 1) + 1 for k in kernels)
    dims, pads = [], []
    if padding == "same":
        for size, k, s in zip(sizes, effective, strides, strict=True):
            out = -(-size // s)
            total = max((out - 1) * s + k - size, 0)
            dims.append(Dim(f"⌈{size} / {s}⌉", out))
            pads.append((total // 2, total - total // 2))
        return Windows(dims, pads)
    if any(k > size for k, size in zip(effective, sizes, strict=True)):
        raise ShapeError(
            msg(
                "{layer} {what} {window} is larger than its {size} input; use a smaller {what}, "
                "'same' padding, or less pooling before it",
                layer=layer,
                what=what or term("kernel"),
                window=format_shape(effective),
                size=format_shape(sizes),
            )
        )
    for size, k, s in zip(sizes, effective, strides, strict=True):
        dims.append(Dim(f"⌊({size} − {k}) / {s}⌋ + 1", (size - k) // s + 1))
        pads.append((0, 0))
    return Windows(dims, pads)


def _pad_and_run(em, x, found: Windows, value: float = 0.0):
    """F.pad where the padding is uneven (the module then pads nothing), else nothing: the
    module's own symmetric padding does it."""
    if found.symmetric:
        return x
    if value:
        return em.call("F.pad", x, found.torch_pad(), "constant", value)
    return em.call("F.pad", x, found.torch_pad())


def _module_padding(found: Windows) -> tuple[int, ...]:
    return tuple(a for a, _ in found.pads) if found.symmetric else (0,) * len(found.pads)


# Convolutions -------------------------------------------------------------------------------


def with_examples(layer: LayerType, *examples) -> LayerType:
    """A layer made by a factory, with the cases its tests run."""
    flat = [e for item in examples for e in (item if isinstance(item, tuple) else (item,))]
    return dataclasses.replace(layer, examples=tuple(flat))


def _tuple(value, dims: int) -> tuple[int, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,) * dims


def conv_windows(layer: str, space: Space, c: Call) -> Windows:
    space.check(layer, c.x)
    return windows(
        layer,
        space.sizes(c.x),
        _tuple(c["kernel_size"], space.dims),
        (c["strides"],) * space.dims,
        c["padding"],
        c["dilation"],
    )


def conv_prefix(c: Call, space: Space) -> str:
    """'k = 2·(3 − 1) + 1 = 5; ' for a dilated kernel, and the padding 'same' adds."""
    kernels = _tuple(c["kernel_size"], space.dims)
    d = c["dilation"]
    if d == 1:
        return ""
    names = ("k",) if len(set(kernels)) == 1 else ("k_D", "k_H", "k_W")[-len(kernels) :]
    return (
        ", ".join(
            f"{n} = {d}·({k} − 1) + 1 = {d * (k - 1) + 1}"
            for n, k in zip(names, kernels, strict=False)
        )
        + "; "
    )


def conv_count_text(c: Call, fan_in: tuple[int, ...], filters: int, bias: bool) -> str:
    inner = f"({product(fan_in)} + 1)" if bias else product(fan_in)
    return f"{inner} × {filters} = {count((math.prod(fan_in) + bias) * filters)}"


def make_conv(layer_id: str, space: Space, summary: str, kernel: SizeParam | IntParam) -> LayerType:
    def infer(c: Call) -> TensorType:
        found = conv_windows(layer_id, space, c)
        return TensorType(space.shape(c["filters"], found.sizes))

    def module(c: Call) -> ModuleSpec:
        found = conv_windows(layer_id, space, c)
        padding = _module_padding(found)
        return ModuleSpec(
            f"Conv{space.torch_suffix}",
            (space.channels(c.x), c["filters"], c["kernel_size"]),
            {
                "stride": c["strides"],
                "padding": padding[0] if space.dims == 1 else padding,
                "dilation": c["dilation"],
                "bias": c["use_bias"],
            },
        )

    def emit(em, c: Call, xs):
        found = conv_windows(layer_id, space, c)
        x = _pad_and_run(em, _sequences_first(em, xs[0], space), found)
        y = _sequences_first(em, em.module(x), space)
        return apply_activation(em, y, c["activation"], c.x.rank)

    def shape_text(c: Call, out: TensorType) -> str:
        found = conv_windows(layer_id, space, c)
        return conv_prefix(c, space) + space.text(found.dims, c["filters"])

    def fan_in(c: Call) -> tuple[int, ...]:
        return (space.channels(c.x), *_tuple(c["kernel_size"], space.dims))

    def flops(c: Call, out: TensorType) -> int:
        return 2 * out.numel * math.prod(fan_in(c))

    sizes = {1: "T", 2: "H", 3: "D"}[space.dims]
    kernel_text = {1: "F·k", 2: "C·kh·kw", 3: "C·kd·kh·kw"}[space.dims]
    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Convolution",
        summary=summary,
        params=params(
            IntParam("filters", 32, minimum=1, maximum=8192),
            kernel,
            IntParam("strides", 1, minimum=1, maximum=64),
            ChoiceParam("padding", "valid", choices=("valid", "same")),
            IntParam("dilation", 1, minimum=1, maximum=64),
            activation_param(),
            BoolParam("use_bias", True),
        ),
        infer=infer,
        module=module,
        emit=emit,
        formula=Formula(
            f"valid: out = ⌊({sizes} − k) / s⌋ + 1;  same: out = ⌈{sizes} / s⌉",
            f"({kernel_text} + 1) × filters",
            shape_text,
            lambda c: conv_count_text(c, fan_in(c), c["filters"], c["use_bias"]),
        ),
        flops=flops,
    )


CONV2D = make_conv(
    "Conv2D",
    IMAGE,
    "Slides small learned filters over an image to detect local patterns.",
    SizeParam("kernel_size", 3),
)
CONV2D = with_examples(
    CONV2D,
    (
        example({"filters": 4}, (3, 12, 10)),
        example({"filters": 2, "kernel_size": [3, 5], "strides": 2}, (1, 11, 13)),
        example({"filters": 5, "padding": "same", "activation": "softmax"}, (2, 7, 7)),
        example({"filters": 3, "dilation": 2, "use_bias": False}, (2, 9, 9)),
        # Keras 'same' with strides: 28 → 14 (even), 7 → 4 with an uneven pad.
        example({"filters": 2, "padding": "same", "strides": 2}, (1, 28, 28)),
        example({"filters": 2, "kernel_size": 4, "padding": "same", "strides": 3}, (1, 7, 8)),
        example({"filters": 2, "kernel_size": 2, "padding": "same"}, (1, 5, 5)),
    ),
)
CONV1D = make_conv(
    "Conv1D",
    SEQUENCE,
    "Slides learned filters along a sequence (time steps × features).",
    IntParam("kernel_size", 3, minimum=1, maximum=1024),
)
CONV1D = with_examples(
    CONV1D,
    (
        example({"filters": 4, "kernel_size": 3}, (16, 3)),
        example({"filters": 2, "kernel_size": 5, "padding": "same", "activation": "relu"}, (10, 2)),
        example({"filters": 3, "kernel_size": 3, "strides": 2, "dilation": 2}, (20, 1)),
        example({"filters": 2, "kernel_size": 4, "strides": 2, "padding": "same"}, (9, 3)),
    ),
)
CONV3D = make_conv(
    "Conv3D",
    VOLUME,
    "Slides learned filters through a volume (depth × height × width), such as a scan or a clip.",
    SizeParam("kernel_size", 3, dims=3),
)
CONV3D = with_examples(
    CONV3D,
    (
        example({"filters": 2}, (1, 5, 6, 7)),
        example(
            {"filters": 3, "kernel_size": [1, 3, 3], "padding": "same", "strides": 2}, (2, 4, 7, 8)
        ),
    ),
)


# ConvTranspose2D --------------------------------------------------------------------------


def _deconv_dims(c: Call) -> list[Dim]:
    need_image("ConvTranspose2D", c.x, IMAGE_HINT_2D)
    if c["output_padding"] >= c["strides"]:
        raise ShapeError(
            msg(
                "ConvTranspose2D output padding ({padding}) must be smaller than its "
                "strides ({strides})",
                padding=c["output_padding"],
                strides=c["strides"],
            )
        )
    s, p, op = c["strides"], c["padding"], c["output_padding"]
    dims = [
        Dim(f"({size} − 1)·{s} − 2·{p} + {k} + {op}", (size - 1) * s - 2 * p + k + op)
        for size, k in zip(c.x.shape[1:], c["kernel_size"], strict=True)
    ]
    if any(d.value < 1 for d in dims):
        raise ShapeError(
            msg(
                "ConvTranspose2D padding {padding} is too large for its input; reduce it", padding=p
            )
        )
    return dims


def _deconv_module(c: Call) -> ModuleSpec:
    return ModuleSpec(
        "ConvTranspose2d",
        (c.x.shape[0], c["filters"], c["kernel_size"]),
        {
            "stride": c["strides"],
            "padding": c["padding"],
            "output_padding": c["output_padding"],
            "bias": c["use_bias"],
        },
    )


CONV_TRANSPOSE_2D = LayerType(
    id="ConvTranspose2D",
    title="ConvTranspose2D",
    category="Convolution",
    summary="Learned upsampling: the reverse of a strided Conv2D, used in decoders.",
    params=params(
        IntParam("filters", 32, minimum=1, maximum=8192),
        SizeParam("kernel_size", 3),
        IntParam("strides", 2, minimum=1, maximum=64),
        IntParam("padding", 1, maximum=64),
        IntParam("output_padding", 1, maximum=63),
        activation_param(),
        BoolParam("use_bias", True),
    ),
    infer=lambda c: TensorType((c["filters"], *(d.value for d in _deconv_dims(c)))),
    module=_deconv_module,
    emit=lambda em, c, xs: apply_activation(em, em.module(xs[0]), c["activation"], 3),
    examples=(
        example({"filters": 3}, (4, 5, 6)),
        example(
            {"filters": 2, "strides": 1, "padding": 0, "output_padding": 0, "kernel_size": [2, 3]},
            (1, 4, 4),
        ),
    ),
    formula=Formula(
        "out = (H − 1)·s − 2p + k + op → filters×out_H×out_W",
        "(C·kh·kw + 1) × filters",
        lambda c, out: IMAGE.text(_deconv_dims(c), c["filters"]),
        lambda c: conv_count_text(
            c, (c.x.shape[0], *c["kernel_size"]), c["filters"], c["use_bias"]
        ),
    ),
    # Every input pixel scatters one kernel into every output map.
    flops=lambda c, out: 2 * c.x.numel * c["filters"] * math.prod(c["kernel_size"]),
)


# Pooling ----------------------------------------------------------------------------------

# Max pooling pads with the lowest float32 (not -inf: exported source writes the value as a
# Python literal); a window always holds at least one real value, so it never wins.
_LOWEST = -3.4028234663852886e38


def pool_windows(layer: str, space: Space, c: Call) -> Windows:
    space.check(layer, c.x)
    sizes = space.sizes(c.x)
    kernels = _tuple(c["pool_size"], space.dims)
    strides = tuple(c["strides"] or k for k in kernels)
    if c["padding"] == "same" and c["keep_partial"]:
        raise ShapeError(
            msg(
                "{layer} has both padding 'same' and keep_partial on; 'same' already keeps "
                "every partial window (as Keras does): turn keep_partial off",
                layer=layer,
            )
        )
    if not c["keep_partial"]:
        return windows(layer, sizes, kernels, strides, c["padding"], what=term("pool size"))
    windows(layer, sizes, kernels, strides, "valid", what=term("pool size"))  # the size check
    dims = []
    for size, k, s in zip(sizes, kernels, strides, strict=True):
        n = -(-(size - k) // s)
        if n * s >= size:  # as PyTorch's ceil mode: a last window must start inside the input
            dims.append(Dim(f"⌈({size} − {k}) / {s}⌉ + 1 − 1", n))
        else:
            dims.append(Dim(f"⌈({size} − {k}) / {s}⌉ + 1", n + 1))
    return Windows(dims, [(0, 0)] * len(dims))


def make_pool(layer_id: str, kind: str, space: Space, summary: str) -> LayerType:
    """Max or average pooling ('max', 'avg') over the sliding axes of `space`."""
    torch_cls = f"{'Max' if kind == 'max' else 'Avg'}Pool{space.torch_suffix}"

    def infer(c: Call) -> TensorType:
        found = pool_windows(layer_id, space, c)
        return TensorType(space.shape(space.channels(c.x), found.sizes))

    def module(c: Call) -> ModuleSpec:
        found = pool_windows(layer_id, space, c)
        kernels = _tuple(c["pool_size"], space.dims)
        strides = tuple(c["strides"] or k for k in kernels)
        padding = _module_padding(found)
        if space.dims == 1:
            kernels, strides, padding = kernels[0], strides[0], padding[0]
        kwargs = {"stride": strides, "padding": padding, "ceil_mode": c["keep_partial"]}
        if kind == "avg" and c["padding"] == "same":
            kwargs["count_include_pad"] = False  # Keras averages the real values only
        return ModuleSpec(torch_cls, (kernels,), kwargs)

    def emit(em, c: Call, xs):
        found = pool_windows(layer_id, space, c)
        x = _sequences_first(em, xs[0], space)
        if kind == "max" or found.symmetric:
            y = em.module(_pad_and_run(em, x, found, _LOWEST if kind == "max" else 0.0))
        else:
            # An uneven pad: sum over the padded window / number of real values in it, both as
            # averages over the same window so that the padding cancels.
            y = em.module(em.call("F.pad", x, found.torch_pad()))
            ones = em.method(x, "new_ones", (1, 1, *space.sizes(c.x)))
            kernels = _tuple(c["pool_size"], space.dims)
            strides = tuple(c["strides"] or k for k in kernels)
            share = em.call(
                f"F.avg_pool{space.torch_suffix}",
                em.call("F.pad", ones, found.torch_pad()),
                kernels,
                strides,
            )
            y = em.call("torch.div", y, share)
        return _sequences_first(em, y, space)

    def shape_text(c: Call, out: TensorType) -> str:
        return space.text(pool_windows(layer_id, space, c).dims, space.channels(c.x))

    size_param = (
        IntParam("pool_size", 2, minimum=1, maximum=1024)
        if space.dims == 1
        else SizeParam("pool_size", 2, dims=space.dims)
    )
    sizes = {1: "T", 2: "H", 3: "D"}[space.dims]
    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Pooling",
        summary=summary,
        params=params(
            size_param,
            IntParam("strides", 0, maximum=64),
            ChoiceParam("padding", "valid", choices=("valid", "same")),
            BoolParam("keep_partial", False),
        ),
        infer=infer,
        module=module,
        emit=emit,
        formula=Formula(
            f"valid: out = ⌊({sizes} − k) / s⌋ + 1;  same: out = ⌈{sizes} / s⌉"
            "   (keep_partial: ⌈ ⌉ instead of ⌊ ⌋)",
            "0",
            shape_text,
        ),
        flops=no_flops,
    )


_POOL_2D_EXAMPLES = (
    example({}, (3, 9, 9)),
    example({"pool_size": 3, "strides": 2, "keep_partial": True}, (2, 10, 11)),
    example({"pool_size": 2, "keep_partial": True}, (1, 7, 8)),
    # Keras 'same': pool 3 on 4×4 pads 1 before and 1 after; 2 on 7×7 pads 1 after only.
    example({"pool_size": 3, "padding": "same"}, (1, 4, 4)),
    example({"pool_size": 2, "padding": "same"}, (2, 7, 7)),
    example({"pool_size": [3, 2], "strides": 2, "padding": "same"}, (1, 6, 5)),
)
_POOL_1D_EXAMPLES = (
    example({}, (9, 3)),
    example({"pool_size": 3, "strides": 2, "padding": "same"}, (8, 2)),
    example({"pool_size": 3, "padding": "same"}, (7, 2)),
)
_POOL_3D_EXAMPLES = (
    example({}, (2, 4, 6, 6)),
    example({"pool_size": [1, 3, 3], "strides": 2, "padding": "same"}, (1, 3, 5, 4)),
)

MAX_POOLING_2D = with_examples(
    make_pool("MaxPooling2D", "max", IMAGE, "Keeps the largest value of each window."),
    *_POOL_2D_EXAMPLES,
)
AVERAGE_POOLING_2D = with_examples(
    make_pool("AveragePooling2D", "avg", IMAGE, "Averages each window."),
    *_POOL_2D_EXAMPLES,
    example({"pool_size": [2, 3], "strides": 1}, (1, 5, 6)),
)
MAX_POOLING_1D = with_examples(
    make_pool("MaxPooling1D", "max", SEQUENCE, "Keeps the largest value of each stretch of time."),
    *_POOL_1D_EXAMPLES,
)
AVERAGE_POOLING_1D = with_examples(
    make_pool("AveragePooling1D", "avg", SEQUENCE, "Averages each stretch of time steps."),
    *_POOL_1D_EXAMPLES,
)
MAX_POOLING_3D = with_examples(
    make_pool("MaxPooling3D", "max", VOLUME, "Keeps the largest value of each block of a volume."),
    *_POOL_3D_EXAMPLES,
)


def _make_global_pool(layer_id: str, reduce: str, summary: str) -> LayerType:
    def infer(c: Call) -> TensorType:
        need_numbers(layer_id, c.x)
        if c.x.rank in (3, 4):
            return TensorType((c.x.shape[0],))
        if c.x.rank == 2:
            return TensorType((c.x.shape[1],))
        raise ShapeError(
            msg(
                "{layer} expects an image or a sequence, but gets a {got}"
                "; it is already flat, remove this layer",
                layer=layer_id,
                got=c.x.describe(),
            )
        )

    def emit(em, c: Call, xs):
        dims = tuple(range(2, c.x.rank + 1)) if c.x.rank >= 3 else 1
        return em.method(xs[0], reduce, dims)

    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Pooling",
        summary=summary,
        params=params(),
        infer=infer,
        emit=emit,
        examples=(example({}, (3, 5, 5)), example({}, (7, 4)), example({}, (2, 3, 4, 5))),
        formula=Formula(
            "C×H×W → C   (T×F → F;  C×D×H×W → C)",
            "0",
            lambda c, out: f"{format_shape(c.x.shape)} → {format_shape(out.shape)}",
        ),
        flops=no_flops,
    )


GLOBAL_AVERAGE_POOLING = _make_global_pool(
    "GlobalAveragePooling",
    "mean",
    "Averages each feature map (or each feature over time) to one number.",
)
GLOBAL_MAX_POOLING = _make_global_pool(
    "GlobalMaxPooling", "amax", "Keeps the largest value of each feature map (or over time)."
)


# UpSampling2D -----------------------------------------------------------------------------


def _upsample_dims(c: Call) -> list[Dim]:
    need_image("UpSampling2D", c.x, IMAGE_HINT_2D)
    size = c["size"]
    return [Dim(f"{n}·{size}", n * size) for n in c.x.shape[1:]]


UPSAMPLING_2D = LayerType(
    id="UpSampling2D",
    title="UpSampling2D",
    category="Convolution",
    summary="Enlarges an image by repeating (or interpolating) pixels; no weights.",
    params=params(
        IntParam("size", 2, minimum=1, maximum=16),
        ChoiceParam("interpolation", "nearest", choices=("nearest", "bilinear")),
    ),
    infer=lambda c: TensorType((c.x.shape[0], *(d.value for d in _upsample_dims(c)))),
    module=lambda c: ModuleSpec(
        "Upsample", (), {"scale_factor": float(c["size"]), "mode": c["interpolation"]}
    ),
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(
        example({}, (2, 4, 5)),
        example({"size": 3, "interpolation": "bilinear"}, (1, 3, 3)),
    ),
    formula=Formula(
        "out = H·size → C×out_H×out_W",
        "0",
        lambda c, out: IMAGE.text(_upsample_dims(c), c.x.shape[0]),
    ),
    flops=no_flops,
)


# Depthwise and separable convolutions --------------------------------------------------------
# One filter per input channel (groups = channels in PyTorch). Output channel c·m + i is the
# i-th filter of input channel c, the order Keras' depthwise kernels give.


def _depthwise_spec(c: Call, found: Windows, bias: bool) -> ModuleSpec:
    channels = c.x.shape[0]
    return ModuleSpec(
        "Conv2d",
        (channels, channels * c["depth_multiplier"], c["kernel_size"]),
        {
            "stride": c["strides"],
            "padding": _module_padding(found),
            "dilation": c["dilation"],
            "groups": channels,
            "bias": bias,
        },
    )


def _depthwise_flops(c: Call, sizes: tuple[int, ...]) -> int:
    """One product per kernel cell, per output value of the depthwise step."""
    maps = c.x.shape[0] * c["depth_multiplier"]
    return 2 * maps * math.prod(sizes) * math.prod(c["kernel_size"])


def _emit_depthwise(layer_id: str):
    """TensorFlow's uneven 'same' border (if any), the node's module, its activation."""

    def emit(em, c: Call, xs):
        found = conv_windows(layer_id, IMAGE, c)
        y = em.module(_pad_and_run(em, xs[0], found))
        return apply_activation(em, y, c["activation"], 3)

    return emit


def _depthwise_params() -> tuple:
    """Keras' DepthwiseConv2D arguments (dilation_rate named dilation, as Conv2D's here)."""
    return (
        SizeParam("kernel_size", 3),
        IntParam("strides", 1, minimum=1, maximum=64),
        ChoiceParam("padding", "valid", choices=("valid", "same")),
        IntParam("depth_multiplier", 1, minimum=1, maximum=256),
        IntParam("dilation", 1, minimum=1, maximum=64),
        activation_param(),
        BoolParam("use_bias", True),
    )


def _depthwise_count(c: Call) -> str:
    kh, kw = c["kernel_size"]
    channels, m = c.x.shape[0], c["depth_multiplier"]
    bias = c["use_bias"]
    inner = f"({kh}·{kw} + 1)" if bias else f"{kh}·{kw}"
    return f"{inner} × {channels}·{m} = {count((kh * kw + bias) * channels * m)}"


def _depthwise_shape(c: Call, out: TensorType) -> str:
    found = conv_windows("DepthwiseConv2D", IMAGE, c)
    return conv_prefix(c, IMAGE) + IMAGE.text(found.dims, out.shape[0])


DEPTHWISE_CONV_2D = LayerType(
    id="DepthwiseConv2D",
    title="DepthwiseConv2D",
    category="Convolution",
    summary="Filters each channel of an image on its own, with depth_multiplier filters each.",
    params=params(*_depthwise_params()),
    infer=lambda c: TensorType(
        (
            c.x.shape[0] * c["depth_multiplier"],
            *conv_windows("DepthwiseConv2D", IMAGE, c).sizes,
        )
    ),
    module=lambda c: _depthwise_spec(c, conv_windows("DepthwiseConv2D", IMAGE, c), c["use_bias"]),
    emit=_emit_depthwise("DepthwiseConv2D"),
    examples=(
        example({}, (3, 8, 9)),
        example({"depth_multiplier": 2, "use_bias": False, "activation": "relu"}, (2, 6, 6)),
        example({"kernel_size": [3, 5], "strides": 2, "padding": "same"}, (4, 7, 8)),
        example({"strides": 2, "padding": "same", "depth_multiplier": 3}, (1, 8, 8)),
        example({"dilation": 2, "padding": "same"}, (2, 9, 9)),
    ),
    formula=Formula(
        "valid: out = ⌊(H − k) / s⌋ + 1;  same: out = ⌈H / s⌉ → C·m×out_H×out_W",
        "(kh·kw + 1) × C·m",
        _depthwise_shape,
        _depthwise_count,
    ),
    flops=lambda c, out: _depthwise_flops(c, out.shape[1:]),
)


def _separable_spec(c: Call) -> ModuleSpec:
    found = conv_windows("SeparableConv2D", IMAGE, c)
    maps = c.x.shape[0] * c["depth_multiplier"]
    # Keras' depthwise step has no bias; the one bias is the pointwise step's.
    return ModuleSpec(
        "Sequential",
        (
            _depthwise_spec(c, found, bias=False),
            ModuleSpec("Conv2d", (maps, c["filters"], 1), {"bias": c["use_bias"]}),
        ),
    )


def _separable_count(c: Call) -> str:
    kh, kw = c["kernel_size"]
    channels, m, filters = c.x.shape[0], c["depth_multiplier"], c["filters"]
    bias = c["use_bias"]
    pointwise = f"({channels}·{m} + 1)" if bias else f"{channels}·{m}"
    total = channels * kh * kw * m + (channels * m + bias) * filters
    return f"{channels}·{kh}·{kw}·{m} + {pointwise} × {filters} = {count(total)}"


def _separable_shape(c: Call, out: TensorType) -> str:
    found = conv_windows("SeparableConv2D", IMAGE, c)
    return conv_prefix(c, IMAGE) + IMAGE.text(found.dims, c["filters"])


SEPARABLE_CONV_2D = LayerType(
    id="SeparableConv2D",
    title="SeparableConv2D",
    category="Convolution",
    summary="A cheaper Conv2D: filters each channel on its own, then mixes channels with 1×1.",
    params=params(IntParam("filters", 32, minimum=1, maximum=8192), *_depthwise_params()),
    infer=lambda c: TensorType((c["filters"], *conv_windows("SeparableConv2D", IMAGE, c).sizes)),
    module=_separable_spec,
    emit=_emit_depthwise("SeparableConv2D"),
    examples=(
        example({"filters": 4}, (3, 8, 9)),
        example({"filters": 5, "depth_multiplier": 2, "padding": "same"}, (2, 6, 7)),
        example(
            {"filters": 3, "kernel_size": 4, "strides": 2, "padding": "same", "use_bias": False},
            (2, 9, 8),
        ),
        example({"filters": 2, "dilation": 2, "activation": "relu"}, (3, 9, 9)),
    ),
    formula=Formula(
        "valid: out = ⌊(H − k) / s⌋ + 1;  same: out = ⌈H / s⌉ → filters×out_H×out_W",
        "C·kh·kw·m + (C·m + 1) × filters",
        _separable_shape,
        _separable_count,
    ),
    flops=lambda c, out: (
        _depthwise_flops(c, out.shape[1:]) + 2 * out.numel * c.x.shape[0] * c["depth_multiplier"]
    ),
)


# SpatialDropout2D ---------------------------------------------------------------------------


def _infer_spatial_dropout(c: Call) -> TensorType:
    need_image("SpatialDropout2D", c.x, msg("use Dropout for vectors and sequences"))
    return c.x


SPATIAL_DROPOUT_2D = LayerType(
    id="SpatialDropout2D",
    title="SpatialDropout2D",
    category="Core",
    summary="During training, zeroes whole feature maps of an image at random.",
    params=params(FloatParam("rate", 0.2, maximum=0.95)),
    infer=_infer_spatial_dropout,
    module=lambda c: ModuleSpec("Dropout2d", (c["rate"],)),
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(example({}, (4, 5, 5)), example({"rate": 0.5}, (1, 3, 7))),
    formula=Formula("out = x", "0", unchanged_text),
    flops=no_flops,
)


LAYERS = [
    CONV2D,
    CONV1D,
    CONV_TRANSPOSE_2D,
    MAX_POOLING_2D,
    AVERAGE_POOLING_2D,
    GLOBAL_AVERAGE_POOLING,
    GLOBAL_MAX_POOLING,
    UPSAMPLING_2D,
    CONV3D,
    MAX_POOLING_1D,
    AVERAGE_POOLING_1D,
    MAX_POOLING_3D,
    DEPTHWISE_CONV_2D,
    SEPARABLE_CONV_2D,
    SPATIAL_DROPOUT_2D,
]
