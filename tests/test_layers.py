"""Every registered layer, checked against the real PyTorch module it builds, over the examples
it declares (a new layer is tested here by adding it to the registry, as timm's tests do).

For each example: the inferred shape equals the module's output shape, forward and backward
run, the compiled graph and the exported source compute the same thing, and the FLOPs formula
agrees with torch's counter.
"""

import warnings

import pytest
import torch
from torch.nn.attention import SDPBackend, sdpa_kernel

from studio.compiler import compile_graph, example_inputs
from studio.graph import Graph
from studio.layers.base import TensorType
from studio.layers.registry import all_layers
from studio.shapes import infer_shapes
from studio.source import model_source


def layer_examples():
    """pytest params (layer id, params, input types) over every example of every layer."""
    for layer in all_layers():
        for k, case in enumerate(layer.examples):
            yield pytest.param(layer.id, case.params, list(case.inputs), id=f"{layer.id}-{k}")


def graph_for(layer_id: str, params: dict, inputs: list[TensorType]) -> tuple[Graph, str]:
    g = Graph()
    if layer_id == "Input":
        g.add_node("Input", {"shape": [2, 3], **params})
        return g, "input_1"
    node = g.add_node(layer_id, params)
    for port, tensor in enumerate(inputs):
        src = g.add_node("Input", {"shape": list(tensor.shape), "dtype": tensor.dtype})
        g.connect(src.id, node.id, port)
    return g, node.id


def test_every_layer_has_examples():
    missing = [layer.id for layer in all_layers() if not layer.examples]
    assert not missing, f"give these layers examples: {missing}"


@pytest.mark.parametrize(("layer_id", "params", "inputs"), list(layer_examples()))
def test_shape_rule_matches_module(layer_id, params, inputs):
    g, node_id = graph_for(layer_id, params, inputs)
    analysis = infer_shapes(g)
    assert analysis.ok, analysis.problems
    expected = analysis.nodes[node_id].output

    model = compile_graph(g)
    xs = example_inputs(model.input_types, batch=3)
    for x in xs:
        if x.is_floating_point():
            x.requires_grad_(True)
    out = model(*xs)
    assert tuple(out.shape) == (3, *expected.shape)

    # Backward reaches every weight that trains (a frozen one must get nothing) and every
    # float input.
    (out.float() ** 2).sum().backward()
    for name, p in model.named_parameters():
        assert (p.grad is not None) == p.requires_grad, name
    for x in xs:
        if x.is_floating_point() and layer_id != "Input":
            assert x.grad is not None

    # The parameter count shown to the user is the module's.
    assert analysis.total_params == sum(p.numel() for p in model.parameters())

    # The exported source runs on its own and computes the same with the same weights.
    namespace = {}
    exec(compile(model_source(g, "Exported"), "<exported>", "exec"), namespace)
    exported = namespace["Exported"]()
    exported.load_state_dict(model.state_dict())
    model.eval()
    exported.eval()
    with torch.no_grad():
        torch.testing.assert_close(exported(*xs), model(*xs))


def _counted_by_torch(layer_id: str, params: dict, inputs: list[TensorType]) -> int:
    from torch.utils.flop_counter import FlopCounterMode

    g, _ = graph_for(layer_id, params, inputs)
    model = compile_graph(g).eval()
    counter = FlopCounterMode(display=False)
    # Without the fused kernels of attention, whose products the counter cannot see.
    fastpath = torch.backends.mha.get_fastpath_enabled()
    torch.backends.mha.set_fastpath_enabled(False)
    try:
        with sdpa_kernel(SDPBackend.MATH), counter, torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            model(*example_inputs(model.input_types, batch=1))
    finally:
        torch.backends.mha.set_fastpath_enabled(fastpath)
    return int(counter.get_total_flops())


@pytest.mark.parametrize(("layer_id", "params", "inputs"), list(layer_examples()))
def test_flops_agree_with_torch_counter(layer_id, params, inputs):
    from studio.flops import node_flops
    from studio.layers.registry import get_layer

    layer = get_layer(layer_id)
    values = layer.params.validate(params, layer_id)
    ours = node_flops(layer_id, tuple(sorted(values.items())), tuple(inputs))
    theirs = _counted_by_torch(layer_id, values, inputs)
    if layer.category == "Recurrent":
        # torch's counter sees little or nothing inside recurrent modules (their fused
        # kernels): the textbook formula counts every gate at every step.
        assert ours > 0 and ours >= theirs
    else:
        assert ours == theirs
    # A layer with weights is never silently counted as free.
    g, node_id = graph_for(layer_id, params, inputs)
    if infer_shapes(g).nodes[node_id].params and layer.category != "Normalization":
        assert ours > 0 or layer_id in {"Embedding", "PositionalEmbedding", "PReLU"}


@pytest.mark.parametrize("layer", all_layers(), ids=lambda layer: layer.id)
def test_registry_entry_is_complete(layer):
    assert layer.title and layer.summary and layer.category
    defaults = layer.params.defaults()
    for p in layer.params:
        assert p.help, f"{layer.id}.{p.name} needs a text in its card file"
        assert p.validate(defaults[p.name]) == defaults[p.name]
    assert set(layer.cannot_export) <= {"onnx", "pt2"}
    assert all(layer.cannot_export.values()), "say why a layer cannot be exported"


def test_layer_modules_do_not_import_the_registry():
    """The registry imports the layer modules, never the reverse (no import cycle)."""
    from pathlib import Path

    from studio.layers.registry import LAYER_MODULES

    folder = Path(__file__).parents[1] / "studio" / "layers"
    for name in (*LAYER_MODULES, "common", "base", "cards", "modules"):
        text = (folder / f"{name}.py").read_text()
        assert "layers.registry" not in text, name
