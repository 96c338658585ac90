"""Convolution, pooling and upsampling layers."""

from __future__ import annotations

from studio.layers.base import Call, LayerType, ModuleSpec, ShapeError, TensorType
from studio.layers.core import need_numbers
from studio.layers.registry import (
    BoolParam,
    ChoiceParam,
    IntParam,
    activation_param,
    apply_activation,
    params,
    register,
)
from studio.messages import msg, term
from studio.params import SizeParam


def conv_length(size: int, kernel: int, stride: int, padding: int, dilation: int = 1) -> int:
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def need_image(layer: str, x: TensorType, hint: str) -> None:
    need_numbers(layer, x)
    if x.rank != 3:
        raise ShapeError(
            msg(
                "{layer} expects an image (channels×height×width), but gets a {got}; {hint}",
                layer=layer,
                got=x.describe(),
                hint=hint,
            )
        )


def need_sequence(layer: str, x: TensorType, hint: str) -> None:
    need_numbers(layer, x)
    if x.rank != 2:
        raise ShapeError(
            msg(
                "{layer} expects a sequence (time steps×features), but gets a {got}; {hint}",
                layer=layer,
                got=x.describe(),
                hint=hint,
            )
        )


def _check_window(layer: str, kernel: tuple[int, ...], size: tuple[int, ...], what: str) -> None:
    if any(k > s for k, s in zip(kernel, size, strict=True)):
        k = "×".join(map(str, kernel))
        s = "×".join(map(str, size))
        raise ShapeError(
            msg(
                "{layer} {what} {window} is larger than its {size} input; use a smaller {what}, "
                "'same' padding, or less pooling before it",
                layer=layer,
                what=what,
                window=k,
                size=s,
            )
        )


def _same_padding_check(layer: str, c: Call) -> None:
    if c["padding"] == "same" and c["strides"] != 1:
        raise ShapeError(
            msg(
                "{layer} can pad to the 'same' size only with strides 1; set strides to 1 "
                "or padding to 'valid'",
                layer=layer,
            )
        )


CONV_PARAMS = (
    IntParam("filters", 32, help="Number of feature maps it learns.", minimum=1, maximum=8192),
    SizeParam("kernel_size", 3, help="Size of the sliding window, e.g. 3 for 3×3."),
    IntParam("strides", 1, help="Step of the window; 2 halves the size.", minimum=1, maximum=64),
    ChoiceParam(
        "padding",
        "valid",
        help="valid: no padding, the output shrinks; same: pad to keep the size (strides 1 only).",
        choices=("valid", "same"),
    ),
    IntParam(
        "dilation", 1, help="Spacing inside the window (atrous convolution).", minimum=1, maximum=64
    ),
    activation_param(),
    BoolParam("use_bias", True, help="Add a learned offset to each feature map."),
)


# Conv2D -----------------------------------------------------------------------------------

_IMAGE_HINT_2D = msg(
    "add a Reshape to channels×height×width (e.g. 1×28×28) before it, or use Dense"
)


def _infer_conv2d(c: Call) -> TensorType:
    need_image("Conv2D", c.x, _IMAGE_HINT_2D)
    _same_padding_check("Conv2D", c)
    _, h, w = c.x.shape
    kh, kw = c["kernel_size"]
    d = c["dilation"]
    if c["padding"] == "same":
        return TensorType((c["filters"], h, w))
    _check_window("Conv2D", (d * (kh - 1) + 1, d * (kw - 1) + 1), (h, w), term("kernel"))
    s = c["strides"]
    return TensorType((c["filters"], conv_length(h, kh, s, 0, d), conv_length(w, kw, s, 0, d)))


def _conv2d_module(c: Call) -> ModuleSpec:
    padding = "same" if c["padding"] == "same" else 0
    return ModuleSpec(
        "Conv2d",
        (c.x.shape[0], c["filters"], c["kernel_size"]),
        {
            "stride": c["strides"],
            "padding": padding,
            "dilation": c["dilation"],
            "bias": c["use_bias"],
        },
    )


register(
    LayerType(
        id="Conv2D",
        title="Conv2D",
        category="Convolution",
        summary="Slides small learned filters over an image to detect local patterns.",
        params=params(*CONV_PARAMS),
        infer=_infer_conv2d,
        module=_conv2d_module,
        emit=lambda em, c, xs: apply_activation(em, em.module(xs[0]), c["activation"], 3),
    )
)


# Conv1D -----------------------------------------------------------------------------------


def _infer_conv1d(c: Call) -> TensorType:
    need_sequence("Conv1D", c.x, msg("use Conv2D for images, or Reshape to time×features"))
    _same_padding_check("Conv1D", c)
    t, _ = c.x.shape
    k = c["kernel_size"]
    if c["padding"] == "same":
        return TensorType((t, c["filters"]))
    _check_window("Conv1D", (c["dilation"] * (k - 1) + 1,), (t,), term("kernel"))
    return TensorType((conv_length(t, k, c["strides"], 0, c["dilation"]), c["filters"]))


def _conv1d_module(c: Call) -> ModuleSpec:
    padding = "same" if c["padding"] == "same" else 0
    return ModuleSpec(
        "Conv1d",
        (c.x.shape[1], c["filters"], c["kernel_size"]),
        {
            "stride": c["strides"],
            "padding": padding,
            "dilation": c["dilation"],
            "bias": c["use_bias"],
        },
    )


def _emit_conv1d(em, c: Call, xs):
    # Sequences are time×features (as for LSTM); Conv1d wants features first, so swap around it.
    y = em.module(em.method(xs[0], "transpose", 1, 2))
    return apply_activation(em, em.method(y, "transpose", 1, 2), c["activation"], 2)


register(
    LayerType(
        id="Conv1D",
        title="Conv1D",
        category="Convolution",
        summary="Slides learned filters along a sequence (time steps × features).",
        params=params(
            *(
                IntParam(
                    "kernel_size", 3, help="Length of the sliding window.", minimum=1, maximum=1024
                )
                if p.name == "kernel_size"
                else p
                for p in CONV_PARAMS
            )
        ),
        infer=_infer_conv1d,
        module=_conv1d_module,
        emit=_emit_conv1d,
    )
)


# ConvTranspose2D --------------------------------------------------------------------------


def _infer_deconv(c: Call) -> TensorType:
    need_image("ConvTranspose2D", c.x, _IMAGE_HINT_2D)
    if c["output_padding"] >= c["strides"]:
        raise ShapeError(
            msg(
                "ConvTranspose2D output padding ({padding}) must be smaller than its "
                "strides ({strides})",
                padding=c["output_padding"],
                strides=c["strides"],
            )
        )
    _, h, w = c.x.shape
    kh, kw = c["kernel_size"]
    s, p, op = c["strides"], c["padding"], c["output_padding"]
    oh, ow = (h - 1) * s - 2 * p + kh + op, (w - 1) * s - 2 * p + kw + op
    if oh < 1 or ow < 1:
        raise ShapeError(
            msg(
                "ConvTranspose2D padding {padding} is too large for its input; reduce it", padding=p
            )
        )
    return TensorType((c["filters"], oh, ow))


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


register(
    LayerType(
        id="ConvTranspose2D",
        title="ConvTranspose2D",
        category="Convolution",
        summary="Learned upsampling: the reverse of a strided Conv2D, used in decoders.",
        params=params(
            IntParam("filters", 32, help="Number of feature maps.", minimum=1, maximum=8192),
            SizeParam("kernel_size", 3, help="Size of the window."),
            IntParam("strides", 2, help="2 doubles the size.", minimum=1, maximum=64),
            IntParam("padding", 1, help="Pixels trimmed from each border.", maximum=64),
            IntParam(
                "output_padding",
                1,
                help="Extra pixels on one side to reach an exact size.",
                maximum=63,
            ),
            activation_param(),
            BoolParam("use_bias", True, help="Add a learned offset to each feature map."),
        ),
        infer=_infer_deconv,
        module=_deconv_module,
        emit=lambda em, c, xs: apply_activation(em, em.module(xs[0]), c["activation"], 3),
    )
)


# Pooling ----------------------------------------------------------------------------------


def _pool_stride(c: Call) -> tuple[int, int]:
    return tuple(c["strides"] or k for k in c["pool_size"])  # type: ignore[return-value]


def _make_pool(layer_id: str, torch_cls: str, summary: str) -> LayerType:
    def infer(c: Call) -> TensorType:
        need_image(layer_id, c.x, msg("use GlobalAveragePooling for sequences"))
        ch, h, w = c.x.shape
        _check_window(layer_id, c["pool_size"], (h, w), term("pool size"))
        sh, sw = _pool_stride(c)
        ph, pw = c["pool_size"]
        if c["keep_partial"]:
            oh, ow = -(-(h - ph) // sh) + 1, -(-(w - pw) // sw) + 1
            # As PyTorch: a last window must start inside the image.
            oh, ow = oh - ((oh - 1) * sh >= h), ow - ((ow - 1) * sw >= w)
        else:
            oh, ow = (h - ph) // sh + 1, (w - pw) // sw + 1
        return TensorType((ch, oh, ow))

    def module(c: Call) -> ModuleSpec:
        return ModuleSpec(
            torch_cls,
            (c["pool_size"],),
            {"stride": _pool_stride(c), "ceil_mode": c["keep_partial"]},
        )

    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Pooling",
        summary=summary,
        params=params(
            SizeParam("pool_size", 2, help="Window size; 2 halves height and width."),
            IntParam("strides", 0, help="Step of the window; 0 means the pool size.", maximum=64),
            BoolParam(
                "keep_partial",
                False,
                help="Keep a last window that hangs over the border (as Keras 'same' when "
                "the strides equal the pool size).",
            ),
        ),
        infer=infer,
        module=module,
        emit=lambda em, c, xs: em.module(xs[0]),
    )


register(_make_pool("MaxPooling2D", "MaxPool2d", "Keeps the largest value of each window."))
register(_make_pool("AveragePooling2D", "AvgPool2d", "Averages each window."))


def _make_global_pool(layer_id: str, reduce: str, summary: str) -> LayerType:
    def infer(c: Call) -> TensorType:
        need_numbers(layer_id, c.x)
        if c.x.rank == 3:
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
        dims = (2, 3) if c.x.rank == 3 else 1
        return em.method(xs[0], reduce, dims)

    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Pooling",
        summary=summary,
        params=params(),
        infer=infer,
        emit=emit,
    )


register(
    _make_global_pool(
        "GlobalAveragePooling",
        "mean",
        "Averages each feature map (or each feature over time) to one number.",
    )
)
register(
    _make_global_pool(
        "GlobalMaxPooling", "amax", "Keeps the largest value of each feature map (or over time)."
    )
)


# UpSampling2D -----------------------------------------------------------------------------


def _infer_upsample(c: Call) -> TensorType:
    need_image("UpSampling2D", c.x, _IMAGE_HINT_2D)
    ch, h, w = c.x.shape
    return TensorType((ch, h * c["size"], w * c["size"]))


register(
    LayerType(
        id="UpSampling2D",
        title="UpSampling2D",
        category="Convolution",
        summary="Enlarges an image by repeating (or interpolating) pixels; no weights.",
        params=params(
            IntParam("size", 2, help="Factor for height and width.", minimum=1, maximum=16),
            ChoiceParam(
                "interpolation",
                "nearest",
                help="nearest repeats pixels; bilinear blends them.",
                choices=("nearest", "bilinear"),
            ),
        ),
        infer=_infer_upsample,
        module=lambda c: ModuleSpec(
            "Upsample", (), {"scale_factor": float(c["size"]), "mode": c["interpolation"]}
        ),
        emit=lambda em, c, xs: em.module(xs[0]),
    )
)
