"""FLOPs by formula where torch's counter would be the first user of torch._dynamo (seconds of
imports, once, in the app's GUI thread): ConvTranspose2D, checked against the counter; and a
summary that reuses the shape analysis it is given."""

from __future__ import annotations

import random

from test_flops import _flops_of_compiled_node

from studio.flops import node_flops
from studio.layers.base import Call, ShapeError, TensorType
from studio.layers.registry import get_layer
from studio.shapes import infer_shapes
from studio.summary import summarize
from studio.templates import load_template


def test_transposed_convolutions_by_formula_agree_with_torch():
    rng = random.Random(5)
    layer = get_layer("ConvTranspose2D")
    checked = 0
    while checked < 25:
        stride = rng.randint(1, 3)
        params = {
            "filters": rng.randint(1, 24),
            "kernel_size": (rng.randint(1, 5), rng.randint(1, 5)),
            "strides": stride,
            "padding": rng.randint(0, 2),
            "output_padding": rng.randint(0, stride - 1),
            "use_bias": rng.random() < 0.5,
        }
        values = layer.params.validate(params, layer.title)
        inputs = (TensorType(tuple(rng.randint(1, 12) for _ in range(3))),)
        try:
            layer.infer(Call(values, list(inputs)))
        except ShapeError:
            continue
        expected = _flops_of_compiled_node("ConvTranspose2D", values, inputs)
        assert node_flops("ConvTranspose2D", tuple(sorted(values.items())), inputs) == expected
        checked += 1


def test_a_summary_reuses_the_analysis_it_is_given_and_leaves_it_as_it_was():
    graph = load_template("seed-cnn").graph
    analysis = infer_shapes(graph)
    problems, warnings = list(analysis.problems), list(analysis.warnings)
    summary = summarize(graph, batch_size=10**9, analysis=analysis)  # a batch that cannot fit
    assert summary.analysis.nodes is analysis.nodes  # not inferred again
    assert summary.total_params == analysis.total_params
    assert [r.node_id for r in summary.rows] == analysis.order
    # The memory warning belongs to the summary; the caller's analysis is untouched.
    assert len(summary.analysis.warnings) == len(warnings) + 1
    assert analysis.problems == problems and analysis.warnings == warnings
    assert summary.rows == summarize(graph, batch_size=10**9).rows
