"""Keras' meaning of padding 'same', checked against numbers worked out by hand or by Keras'
documented formula, never by NetStudio's own code.

TensorFlow's 'same': out = ⌈n / s⌉; the border needed, total = max((out − 1)·s + k − n, 0), is
split with the odd cell at the end (before = total // 2). The offsets are checked by looking at
which input cell each output reads: a convolution whose kernel holds a single 1 copies one
cell of its (padded) input, so the output shows where every window starts.
"""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from studio.compiler import compile_graph
from studio.graph import Graph
from studio.shapes import infer_shapes


def chain(input_shape: list[int], *layers: tuple[str, dict]) -> tuple[Graph, list[str]]:
    """Input → layers…, one after the other; the node ids in order (the Input's first)."""
    g = Graph()
    ids = [g.add_node("Input", {"shape": input_shape}).id]
    for layer_id, params in layers:
        node = g.add_node(layer_id, params)
        g.connect(ids[-1], node.id)
        ids.append(node.id)
    return g, ids


def output_shape(g: Graph, node_id: str) -> tuple[int, ...]:
    analysis = infer_shapes(g)
    assert analysis.ok, analysis.problems
    return analysis.nodes[node_id].output.shape


def run(g: Graph, x: torch.Tensor) -> torch.Tensor:
    model = compile_graph(g).eval()
    with torch.no_grad():
        return model(x)


# Output sizes ---------------------------------------------------------------------------------

SIZES = (5, 6, 7, 8, 13, 28)  # odd and even


@pytest.mark.parametrize("strides", [1, 2, 3])
@pytest.mark.parametrize("kernel", [1, 2, 3, 4, 5])
def test_conv2d_same_gives_ceil_of_size_over_strides(kernel, strides):
    for n in SIZES:
        for h, w in ((n, n), (n, n + 1)):
            g, ids = chain(
                [2, h, w],
                ("Conv2D", {"filters": 3, "kernel_size": kernel, "strides": strides,
                            "padding": "same"}),
            )  # fmt: skip
            expected = (3, math.ceil(h / strides), math.ceil(w / strides))
            assert output_shape(g, ids[-1]) == expected, (h, w)
            assert tuple(run(g, torch.randn(1, 2, h, w)).shape) == (1, *expected)


@pytest.mark.parametrize("strides", [1, 2, 3])
@pytest.mark.parametrize("kernel", [1, 2, 3, 4, 5])
def test_conv1d_same_gives_ceil_of_steps_over_strides(kernel, strides):
    for n in SIZES:
        g, ids = chain(
            [n, 2],
            ("Conv1D", {"filters": 4, "kernel_size": kernel, "strides": strides,
                        "padding": "same"}),
        )  # fmt: skip
        expected = (math.ceil(n / strides), 4)
        assert output_shape(g, ids[-1]) == expected, n
        assert tuple(run(g, torch.randn(1, n, 2)).shape) == (1, *expected)


# Where the border goes ------------------------------------------------------------------------


def numbered_image(h: int, w: int) -> torch.Tensor:
    """1×1×h×w with cell (r, c) = 100·r + c + 1: every cell nonzero and telling where it is."""
    rows = torch.arange(h, dtype=torch.float32)[:, None]
    cols = torch.arange(w, dtype=torch.float32)[None, :]
    return (100 * rows + cols + 1)[None, None]


def cells(h: int, w: int, rows: list[int], cols: list[int]) -> torch.Tensor:
    """The cells (r, c) for r in rows, c in cols of a numbered image; 0 outside it (padding)."""
    out = torch.zeros(len(rows), len(cols))
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            if 0 <= r < h and 0 <= c < w:
                out[i, j] = 100 * r + c + 1
    return out


def picking_conv2d(h: int, w: int, kernel: int, strides: int, at: tuple[int, int]) -> Graph:
    """A compiled 'same' Conv2D whose one filter copies kernel cell `at` of each window."""
    g, ids = chain(
        [1, h, w],
        ("Conv2D", {"filters": 1, "kernel_size": kernel, "strides": strides,
                    "padding": "same", "use_bias": False}),
    )  # fmt: skip
    model = compile_graph(g).eval()
    conv = model.get_submodule(ids[-1])
    with torch.no_grad():
        conv.weight.zero_()
        conv.weight[0, 0, at[0], at[1]] = 1.0
    return model


# (size, kernel, strides) → the rows the top-left and the bottom-right kernel cell read,
# worked out by hand from Keras' rule (−1 and `size` are padding).
BORDERS = {
    # 7, k 3, s 2: out 4, total (4 − 1)·2 + 3 − 7 = 2: 1 before, 1 after.
    (7, 3, 2): ([-1, 1, 3, 5], [1, 3, 5, 7]),
    # 8, k 3, s 2: out 4, total (4 − 1)·2 + 3 − 8 = 1: 0 before, 1 after.
    (8, 3, 2): ([0, 2, 4, 6], [2, 4, 6, 8]),
    # 5, k 2, s 1: out 5, total 1: 0 before, 1 after (an even kernel with strides 1).
    (5, 2, 1): ([0, 1, 2, 3, 4], [1, 2, 3, 4, 5]),
    # 9, k 5, s 3: out 3, total (3 − 1)·3 + 5 − 9 = 2: 1 before, 1 after.
    (9, 5, 3): ([-1, 2, 5], [3, 6, 9]),
    # 10, k 4, s 3: out 4, total (4 − 1)·3 + 4 − 10 = 3: 1 before, 2 after.
    (10, 4, 3): ([-1, 2, 5, 8], [2, 5, 8, 11]),
}


@pytest.mark.parametrize(("size", "kernel", "strides"), list(BORDERS))
def test_conv2d_same_pads_as_tensorflow(size, kernel, strides):
    first, last = BORDERS[(size, kernel, strides)]
    x = numbered_image(size, size)
    with torch.no_grad():
        top_left = picking_conv2d(size, size, kernel, strides, (0, 0))(x)[0, 0]
        bottom_right = picking_conv2d(size, size, kernel, strides, (kernel - 1, kernel - 1))(x)
    assert torch.equal(top_left, cells(size, size, first, first))
    assert torch.equal(bottom_right[0, 0], cells(size, size, last, last))


def test_conv2d_same_pads_each_axis_on_its_own():
    # 7 rows, 8 columns, kernel 3, strides 2: rows padded 1 before, columns 0 before.
    x = numbered_image(7, 8)
    with torch.no_grad():
        top_left = picking_conv2d(7, 8, 3, 2, (0, 0))(x)[0, 0]
    assert torch.equal(top_left, cells(7, 8, [-1, 1, 3, 5], [0, 2, 4, 6]))


def test_conv1d_same_pads_the_odd_step_at_the_end():
    # 9 steps, kernel 4, strides 2: out 5, total (5 − 1)·2 + 4 − 9 = 3: 1 before, 2 after.
    g, ids = chain(
        [9, 1],
        ("Conv1D", {"filters": 1, "kernel_size": 4, "strides": 2, "padding": "same",
                    "use_bias": False}),
    )  # fmt: skip
    model = compile_graph(g).eval()
    conv = model.get_submodule(ids[-1])
    x = torch.arange(1.0, 10.0).reshape(1, 9, 1)  # step t holds t + 1
    read = {}
    for tap in (0, 3):
        with torch.no_grad():
            conv.weight.zero_()
            conv.weight[0, 0, tap] = 1.0
            read[tap] = model(x)[0, :, 0].tolist()
    assert read[0] == [0, 2, 4, 6, 8]  # steps −1, 1, 3, 5, 7
    assert read[3] == [3, 5, 7, 9, 0]  # steps 2, 4, 6, 8, 10 (9 and 10 are padding)


# Pooling --------------------------------------------------------------------------------------

PEAKED = torch.tensor(
    [
        [1.0, 2.0, 0.0, 0.0],
        [3.0, 4.0, 0.0, 0.0],
        [0.0, 0.0, 5.57, 0.0],
        [0.0, 0.0, 0.0, 1.0],
    ]
)[None, None]


def pool(layer_id: str, x: torch.Tensor, **params) -> torch.Tensor:
    g, _ = chain(list(x.shape[1:]), (layer_id, params))
    return run(g, x)[0, 0]


def test_max_pooling_same_pool_3_on_4x4_is_tensorflows():
    # out ⌈4 / 3⌉ = 2, total (2 − 1)·3 + 3 − 4 = 2: 1 before, 1 after, so the windows hold
    # rows and columns {0, 1} and {2, 3}.
    tensorflow = torch.tensor([[4.0, 0.0], [0.0, 5.57]])
    ours = pool("MaxPooling2D", PEAKED, pool_size=3, padding="same")
    assert torch.equal(ours, tensorflow)
    # PyTorch's ceil mode takes rows {0, 1, 2} and {3}: 1.57 more in the first cell.
    ceil_mode = F.max_pool2d(PEAKED, 3, 3, ceil_mode=True)[0, 0]
    assert torch.equal(ceil_mode, torch.tensor([[5.57, 0.0], [0.0, 1.0]]))
    assert (ceil_mode - ours)[0, 0].item() == pytest.approx(1.57)


def test_max_pooling_same_never_takes_the_padding():
    x = -numbered_image(4, 4)  # every value below the zeros a careless pad would add
    ours = pool("MaxPooling2D", x, pool_size=3, padding="same")
    assert torch.equal(ours, torch.tensor([[-1.0, -3.0], [-201.0, -203.0]]))


def test_average_pooling_same_averages_the_real_cells_only():
    x = torch.arange(1.0, 17.0).reshape(1, 1, 4, 4)  # rows 1–4, 5–8, 9–12, 13–16
    ours = pool("AveragePooling2D", x, pool_size=3, padding="same")
    # Windows {0, 1} × {0, 1} etc.: (1 + 2 + 5 + 6) / 4, never / 9.
    assert torch.equal(ours, torch.tensor([[3.5, 5.5], [11.5, 13.5]]))


def near(value: float):
    """Equal up to float32 rounding: an uneven border is averaged as the padded window's
    average divided by the share of real cells in it."""
    return pytest.approx(value, rel=1e-6)


def test_average_pooling_same_with_the_odd_cell_at_the_end():
    # 8×8, pool 3, strides 2: out 4, total (4 − 1)·2 + 3 − 8 = 1: 0 before, 1 after, so the
    # last window holds rows 6, 7 and a padded 8.
    x = torch.arange(1.0, 65.0).reshape(1, 1, 8, 8)  # cell (r, c) = 8r + c + 1
    ours = pool("AveragePooling2D", x, pool_size=3, strides=2, padding="same")
    assert ours[0, 0].item() == near(10.0)  # the mean of rows 0–2 × columns 0–2 is its centre
    assert ours[3, 3].item() == near((55 + 56 + 63 + 64) / 4)
    assert ours[0, 3].item() == near((7 + 8 + 15 + 16 + 23 + 24) / 6)
    # 7×7, pool 2: out 4, the last window has only row and column 6.
    x7 = torch.arange(1.0, 50.0).reshape(1, 1, 7, 7)
    ours7 = pool("AveragePooling2D", x7, pool_size=2, padding="same")
    assert ours7[3, 3].item() == near(49.0)
    assert ours7[0, 3].item() == near((7 + 14) / 2)


@pytest.mark.parametrize(("layer_id", "torch_pool"), [
    ("MaxPooling2D", F.max_pool2d),
    ("AveragePooling2D", F.avg_pool2d),
])  # fmt: skip
def test_keep_partial_is_still_pytorchs_ceil_mode(layer_id, torch_pool):
    """Projects saved before 'same' pooling existed keep computing what they computed."""
    for x, k, s in (
        (PEAKED, 3, 3),
        (torch.randn(1, 1, 7, 9), 2, 2),
        (torch.randn(1, 1, 10, 11), 3, 2),
    ):
        ours = pool(layer_id, x, pool_size=k, strides=s, keep_partial=True)
        assert torch.equal(ours, torch_pool(x, k, s, ceil_mode=True)[0, 0])
    assert torch.equal(
        pool("MaxPooling2D", PEAKED, pool_size=3, keep_partial=True),
        torch.tensor([[5.57, 0.0], [0.0, 1.0]]),
    )


# Stems from Keras guides ----------------------------------------------------------------------


def params_of(g: Graph, node_id: str) -> int:
    return infer_shapes(g).nodes[node_id].params


def test_dcgan_discriminator_stem():
    g, ids = chain(
        [1, 28, 28],
        ("Conv2D", {"filters": 64, "kernel_size": 5, "strides": 2, "padding": "same"}),
    )
    assert output_shape(g, ids[-1]) == (64, 14, 14)
    assert params_of(g, ids[-1]) == 5 * 5 * 1 * 64 + 64  # Keras' summary: 1,664
    assert tuple(run(g, torch.randn(2, 1, 28, 28)).shape) == (2, 64, 14, 14)


def test_resnet_stem():
    g, ids = chain(
        [3, 224, 224],
        ("Conv2D", {"filters": 64, "kernel_size": 7, "strides": 2, "padding": "same"}),
        ("MaxPooling2D", {"pool_size": 3, "strides": 2, "padding": "same"}),
    )
    assert output_shape(g, ids[1]) == (64, 112, 112)
    assert output_shape(g, ids[2]) == (64, 56, 56)
    assert params_of(g, ids[1]) == 7 * 7 * 3 * 64 + 64  # Keras' summary: 9,472
    assert tuple(run(g, torch.randn(1, 3, 224, 224)).shape) == (1, 64, 56, 56)


def test_resnet_stem_as_keras_applications_writes_it():
    # keras.applications.ResNet50: ZeroPadding2D(3), Conv2D(64, 7, strides 2, valid),
    # ZeroPadding2D(1), MaxPooling2D(3, strides 2, valid).
    g, ids = chain(
        [3, 224, 224],
        ("ZeroPadding2D", {"padding": 3}),
        ("Conv2D", {"filters": 64, "kernel_size": 7, "strides": 2}),
        ("ZeroPadding2D", {"padding": 1}),
        ("MaxPooling2D", {"pool_size": 3, "strides": 2}),
    )
    shapes = [output_shape(g, i) for i in ids[1:]]
    assert shapes == [(3, 230, 230), (64, 112, 112), (64, 114, 114), (64, 56, 56)]


# The layers Keras counts its own way ----------------------------------------------------------


def test_separable_and_depthwise_counts_are_keras():
    # SeparableConv2D(64, 3) on 32 channels: depthwise 3·3·32 (no bias) + pointwise 32·64 + 64.
    g, ids = chain([32, 16, 16], ("SeparableConv2D", {"filters": 64}))
    assert params_of(g, ids[-1]) == 2400
    assert output_shape(g, ids[-1]) == (64, 14, 14)
    # DepthwiseConv2D(3, depth_multiplier 2) on 32 channels: 3·3·32·2 + 32·2 biases.
    g, ids = chain([32, 16, 16], ("DepthwiseConv2D", {"depth_multiplier": 2, "padding": "same"}))
    assert params_of(g, ids[-1]) == 640
    assert output_shape(g, ids[-1]) == (64, 16, 16)


def test_depthwise_keeps_channels_apart():
    """Output map c·m + i reads input channel c only (Keras' order of depthwise outputs)."""
    g, ids = chain([2, 5, 5], ("DepthwiseConv2D", {"depth_multiplier": 2, "use_bias": False}))
    model = compile_graph(g).eval()
    with torch.no_grad():
        model.get_submodule(ids[-1]).weight.fill_(1.0)
        x = torch.zeros(1, 2, 5, 5)
        x[0, 1] = 1.0  # only channel 1 holds anything
        out = model(x)[0]
    assert out[:2].abs().sum() == 0  # the two maps of channel 0
    assert torch.equal(out[2:], torch.full((2, 3, 3), 9.0))  # channel 1's: 3×3 ones each


def test_zero_padding_and_cropping_by_hand():
    x = numbered_image(3, 4)
    g, _ = chain([1, 3, 4], ("ZeroPadding2D", {"padding": [1, 2]}))
    padded = run(g, x)[0, 0]
    assert padded.shape == (5, 8)
    assert torch.equal(padded, cells(3, 4, [-1, 0, 1, 2, 3], [-2, -1, 0, 1, 2, 3, 4, 5]))
    g, _ = chain([1, 3, 4], ("Cropping2D", {"cropping": [1, 1]}))
    assert torch.equal(run(g, x)[0, 0], cells(3, 4, [1], [1, 2]))
    # ZeroPadding1D [2, 0]: two zero steps before, none after; the features untouched.
    seq = torch.tensor([[[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]]])
    g, _ = chain([3, 2], ("ZeroPadding1D", {"padding": [2, 0]}))
    assert run(g, seq)[0].tolist() == [[0, 0], [0, 0], [1, 10], [2, 20], [3, 30]]


def test_cropping_everything_is_refused_with_a_reason():
    g, ids = chain([1, 4, 6], ("Cropping2D", {"cropping": [2, 1]}))
    analysis = infer_shapes(g)
    assert not analysis.ok
    problem = str(analysis.nodes[ids[-1]].error)
    assert "leaves nothing" in problem and "4×6" in problem
