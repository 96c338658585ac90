"""Helpers for the registry-wide import round trips (tests/test_import_onnx.py and
tests/test_import_torch.py): all of a layer's examples side by side in one graph, so that one
export and one import check them all, and the examples whose export no importer reads yet."""

from __future__ import annotations

import pytest
import torch

from studio.compiler import compile_graph, example_inputs, plan_model
from studio.graph import Graph
from studio.layers.conv import windows
from studio.project import Project

_RECURRENT = {"LSTM", "GRU", "SimpleRNN"}
_AVERAGE_POOLING = {"AveragePooling2D": 2, "AveragePooling1D": 1}


def registry_layers() -> list:
    """pytest params (layer id, its examples) for every layer a model file can hold."""
    from studio.layers.registry import all_layers

    return [
        pytest.param(layer.id, list(layer.examples), id=layer.id)
        for layer in all_layers()
        if not (layer.is_input or layer.is_output or layer.category == "Pretrained")
    ]


def refused_example(layer_id: str, case) -> bool:
    """Examples that both importers refuse by design of the export: a bidirectional recurrent
    layer's last step (two slices joined), an average pooling with Keras' uneven 'same' (a
    padding, then a map of divisors)."""
    params = case.params
    if layer_id in _RECURRENT:
        return bool(params.get("bidirectional")) and not params.get("return_sequences")
    dims = _AVERAGE_POOLING.get(layer_id)
    if dims is None or params.get("padding") != "same":
        return False
    shape = tuple(case.inputs[0].shape)
    sizes = shape[1:] if dims == 2 else shape[:1]
    pool = params.get("pool_size", 2)
    kernel = tuple(pool) if isinstance(pool, (list, tuple)) else (pool,) * dims
    strides = (params.get("strides") or 0,) * dims
    strides = kernel if not any(strides) else strides
    return not windows("Pool", sizes, kernel, strides, "same").symmetric


def side_by_side(layer_id: str, cases: list) -> Project:
    """One graph holding every example, each with its own Inputs and Output."""
    graph = Graph()
    for case in cases:
        node = graph.add_node(layer_id, dict(case.params))
        for port, tensor in enumerate(case.inputs):
            source = graph.add_node("Input", {"shape": list(tensor.shape), "dtype": tensor.dtype})
            graph.connect(source.id, node.id, port)
        output = graph.add_node("Output", {"loss": "mse", "target": "labels"})
        graph.connect(node.id, output.id)
    return Project(name=layer_id, graph=graph)


def same_outputs(original: torch.nn.Module, source: Project, imported: Project, weights) -> None:
    """Every output of the imported model equals the original's, inputs and outputs matched
    by their node ids (both importers keep them)."""
    model = compile_graph(imported.graph).eval()
    model.load_state_dict(weights)  # strict: exactly the compiled model's parameters
    inputs = dict(
        zip(original.input_names, example_inputs(original.input_types, batch=3), strict=True)
    )
    with torch.no_grad():
        got = model(*[inputs[name] for name in model.input_names])
        want = original(*inputs.values())
    got = got if isinstance(got, tuple) else (got,)
    want = want if isinstance(want, tuple) else (want,)
    got_by_id = dict(zip(plan_model(imported.graph).outputs, got, strict=True))
    wanted_ids = plan_model(source.graph).outputs
    assert set(got_by_id) == set(wanted_ids)
    for name, value in zip(wanted_ids, want, strict=True):
        torch.testing.assert_close(got_by_id[name], value, atol=1e-4, rtol=1e-4)
