"""Layers that change an image's or a sequence's border, not its values: ZeroPadding2D,
ZeroPadding1D and Cropping2D. None has weights; each shape rule and formula is computed by one
helper (_padding_dims, _cropping_dims).
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.layers.base import (
    Call,
    Formula,
    LayerType,
    ShapeError,
    TensorType,
    example,
    format_shape,
    no_flops,
)
from studio.layers.common import Dim, SizeParam, need_image, params
from studio.layers.conv import IMAGE, IMAGE_HINT_2D, SEQUENCE, Space, with_examples
from studio.messages import Message, msg, term
from studio.params import ParamError


@dataclass(frozen=True)
class BeforeAfterParam(SizeParam):
    """Cells added at the start and the end of a sequence: one number for both, or a pair
    [before, after] (Keras' ZeroPadding1D). Edited as a pair, each number named."""

    axes: tuple[Message, ...] = (term("before", "layers"), term("after", "layers"))

    def validate(self, value):
        pair = isinstance(value, (list, tuple)) and len(value) == 2
        if not (_is_whole(value) or (pair and all(_is_whole(v) for v in value))):
            raise ParamError(
                msg("{title} must be a whole number or a pair [before, after]", title=self.term)
            )
        return super().validate(value)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _padding_dims(layer_id: str, space: Space, c: Call) -> list[Dim]:
    space.check(layer_id, c.x)
    # A sequence's pair is (before, after) in time; an image's is (height, width), each
    # padded on both sides.
    edges = [tuple(c["padding"])] if space.dims == 1 else [(p, p) for p in c["padding"]]
    return [
        Dim(f"{size} + {before} + {after}", size + before + after)
        for size, (before, after) in zip(space.sizes(c.x), edges, strict=True)
    ]


def _make_zero_padding(layer_id: str, space: Space, summary: str, size: SizeParam) -> LayerType:
    def emit(em, c: Call, xs):
        if space.dims == 1:  # batch×time×features: the time axis is the second to last
            before, after = c["padding"]
            return em.call("F.pad", xs[0], (0, 0, before, after))
        h, w = c["padding"]
        return em.call("F.pad", xs[0], (w, w, h, h))

    def infer(c: Call) -> TensorType:
        sizes = tuple(d.value for d in _padding_dims(layer_id, space, c))
        return TensorType(space.shape(space.channels(c.x), sizes))

    axis = "T" if space.dims == 1 else "H"
    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Convolution",
        summary=summary,
        params=params(size),
        infer=infer,
        emit=emit,
        formula=Formula(
            f"out = {axis} + before + after",
            "0",
            lambda c, out: space.text(_padding_dims(layer_id, space, c), space.channels(c.x)),
        ),
        flops=no_flops,
    )


ZERO_PADDING_2D = with_examples(
    _make_zero_padding(
        "ZeroPadding2D",
        IMAGE,
        "Adds rows and columns of zeros around an image.",
        SizeParam("padding", 1, minimum=0, maximum=1024),
    ),
    example({}, (3, 5, 6)),
    example({"padding": [2, 0]}, (1, 4, 4)),
    example({"padding": [1, 3]}, (2, 3, 5)),
)
ZERO_PADDING_1D = with_examples(
    _make_zero_padding(
        "ZeroPadding1D",
        SEQUENCE,
        "Adds time steps of zeros at the start and the end of a sequence.",
        BeforeAfterParam("padding", 1, minimum=0, maximum=1 << 16),
    ),
    example({}, (6, 3)),
    example({"padding": [3, 0]}, (5, 2)),
)


def _cropping_dims(c: Call) -> list[Dim]:
    need_image("Cropping2D", c.x, IMAGE_HINT_2D)
    dims = [
        Dim(f"{size} − {crop} − {crop}", size - 2 * crop)
        for size, crop in zip(c.x.shape[1:], c["cropping"], strict=True)
    ]
    if any(d.value < 1 for d in dims):
        raise ShapeError(
            msg(
                "Cropping2D takes {crop} from each side of a {size} image, which leaves "
                "nothing; crop less",
                crop=format_shape(c["cropping"]),
                size=format_shape(c.x.shape[1:]),
            )
        )
    return dims


def _emit_cropping(em, c: Call, xs):
    (h, w), (ch, cw) = c.x.shape[1:], c["cropping"]
    everything = slice(None)
    return em.getitem(xs[0], (everything, everything, slice(ch, h - ch), slice(cw, w - cw)))


CROPPING_2D = LayerType(
    id="Cropping2D",
    title="Cropping2D",
    category="Convolution",
    summary="Cuts rows and columns off the borders of an image.",
    params=params(SizeParam("cropping", 0, minimum=0, maximum=1024)),
    infer=lambda c: TensorType((c.x.shape[0], *(d.value for d in _cropping_dims(c)))),
    emit=_emit_cropping,
    examples=(
        example({"cropping": 1}, (3, 6, 5)),
        example({"cropping": [0, 2]}, (2, 4, 7)),
        example({}, (1, 3, 3)),
    ),
    formula=Formula(
        "out = H − 2·crop → C×out_H×out_W",
        "0",
        lambda c, out: IMAGE.text(_cropping_dims(c), c.x.shape[0]),
    ),
    flops=no_flops,
)


LAYERS = [ZERO_PADDING_2D, ZERO_PADDING_1D, CROPPING_2D]
