"""Every layer of the registry goes to ONNX and pt2, or declares that it cannot: each export
loaded back (onnxruntime, torch.export.load) computes what NetStudio's model computes.

Its own file: the one all-layers export is the suite's longest step, and a file is what
pytest-xdist (--dist loadfile) keeps on one worker, so it is built once, beside other files."""

import pytest
import torch

from studio.compiler import compile_graph, example_inputs
from studio.export import ExportError, traced_program, write_onnx, write_pt2
from studio.graph import Graph
from studio.layers.registry import all_layers, get_layer

ort = pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

# Every layer of the registry: ONNX and pt2 -------------------------------------------------
#
# One graph holds the cases of every layer, each branch ending in its own Output, so that each
# exporter runs once (an export has about a second of fixed cost) and ONNX reuses the
# torch.export trace, as the pt2 export does. Each layer's test then compares its own branches.
# A layer that declares it cannot go to a format (LayerType.cannot_export) is left out of that
# format's graph, and its test checks the refusal. A layer the exporter rejects without having
# declared it is named by the ExportError, recorded and left out, and its test fails.


def _export_cases(layer_id: str) -> list:
    cases = [(e.params, list(e.inputs)) for e in get_layer(layer_id).examples]
    if layer_id in ("LSTM", "GRU", "SimpleRNN"):
        # Tracing a recurrent module costs about a second each: two cases cover both modules
        # (one and two directions) and both readouts (every step, last step).
        return [cases[1], cases[2]]
    return cases


# The pretrained backbones are one module class (backbone_modules.PretrainedBackbone) around
# torchvision's models: the cheapest stands for them all here (ResNet50 and ConvNeXt alone
# would add two minutes to the ONNX export); tests/test_pretrained_layers.py exports others.
_BACKBONE_STANDING_FOR_ALL = "MobileNetV3Small"


def _exported_here(layer) -> bool:
    return layer.category != "Pretrained" or layer.id in (
        _BACKBONE_STANDING_FOR_ALL,
        "TrainedModel",
    )


def _all_layers_graph(skip: set[str]) -> tuple[Graph, dict[str, list[str]]]:
    graph = Graph()
    heads: dict[str, list[str]] = {}
    for layer in all_layers():
        if layer.id in skip or not _exported_here(layer):
            continue
        for params, inputs in _export_cases(layer.id):
            if layer.id == "Input":
                node = graph.add_node("Input", {"shape": [2, 3]})
            else:
                node = graph.add_node(layer.id, params)
                for port, tensor in enumerate(inputs):
                    source = graph.add_node(
                        "Input", {"shape": list(tensor.shape), "dtype": tensor.dtype}
                    )
                    graph.connect(source.id, node.id, port)
            if layer.id != "Output":  # any tensor fits an Output with mse
                head = graph.add_node("Output", {"loss": "mse"})
                graph.connect(node.id, head.id)
                node = head
            heads.setdefault(layer.id, []).append(node.id)
    return graph, heads


def _leaving_out_failures(step, skip: set[str], failures: dict[str, str]):
    """step(graph) on the all-layers graph; a layer its ExportError names is left out."""
    while True:
        graph, heads = _all_layers_graph(skip | set(failures))
        try:
            return step(graph), graph, heads
        except ExportError as exc:
            named = [n for n in graph.nodes if f"The layer {n} (" in str(exc)]
            if not named:
                raise
            failures[graph.nodes[named[0]].layer_id] = str(exc)


def _compare_at_batches(model, graph, infer) -> dict:
    order = [n for n in graph.nodes if graph.nodes[n].layer.is_output]
    per_batch = {}
    for batch in (1, 5):
        xs = example_inputs(model.input_types, batch=batch)
        with torch.no_grad():
            expected = dict(zip(order, model(*xs), strict=True))
        per_batch[batch] = (expected, dict(zip(order, infer(xs), strict=True)))
    return per_batch


@pytest.fixture(scope="module")
def all_layer_outputs(tmp_path_factory):
    """Per format: the layers' failures, and their outputs in torch and in the export."""
    folder = tmp_path_factory.mktemp("layers")
    torch.manual_seed(0)
    pt2_failures: dict[str, str] = {}
    onnx_failures: dict[str, str] = {}

    def trace(graph):
        model = compile_graph(graph).eval()
        return model, traced_program(model, graph)

    declared = {fmt: {layer.id for layer in all_layers() if fmt in layer.cannot_export}
                for fmt in ("pt2", "onnx")}
    (model, program), graph, heads = _leaving_out_failures(trace, declared["pt2"], pt2_failures)
    path = write_pt2(model, folder / "all.pt2", graph=graph, program=program)
    loaded = torch.export.load(path).module()
    results = {
        "pt2": (heads, pt2_failures, _compare_at_batches(model, graph, lambda xs: loaded(*xs)))
    }

    def to_onnx(graph):
        onnx_model, onnx_program = model, program
        if onnx_failures:  # a smaller graph than the one traced above
            onnx_model = compile_graph(graph).eval()
            onnx_program = traced_program(onnx_model, graph, "ONNX")
        written = write_onnx(onnx_model, folder / "all.onnx", graph=graph, program=onnx_program)
        return onnx_model, written

    skip = set(pt2_failures) | declared["pt2"] | declared["onnx"]
    (model, path), graph, heads = _leaving_out_failures(to_onnx, skip, onnx_failures)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    names = [i.name for i in session.get_inputs()]

    def run_onnx(xs):
        feeds = {n: x.numpy() for n, x in zip(names, xs, strict=True)}
        return [torch.from_numpy(o) for o in session.run(None, feeds)]

    # ONNX goes through torch.export: a layer that cannot be traced fails both, with one message.
    failures = {**pt2_failures, **onnx_failures}
    results["onnx"] = (heads, failures, _compare_at_batches(model, graph, run_onnx))
    return results


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["onnx", "pt2"])
@pytest.mark.parametrize("layer_id", [layer.id for layer in all_layers()])
def test_every_layer_exports_or_declares_it_cannot(all_layer_outputs, layer_id, fmt, tmp_path):
    heads, failures, per_batch = all_layer_outputs[fmt]
    layer = get_layer(layer_id)
    if not _exported_here(layer):
        pytest.skip(f"{_BACKBONE_STANDING_FOR_ALL} stands for the backbones (one module class)")
    if fmt in layer.cannot_export or (fmt == "onnx" and "pt2" in layer.cannot_export):
        graph = Graph()
        case = layer.examples[0]
        node = graph.add_node(layer_id, case.params)
        for port, tensor in enumerate(case.inputs):
            source = graph.add_node("Input", {"shape": list(tensor.shape), "dtype": tensor.dtype})
            graph.connect(source.id, node.id, port)
        write = write_onnx if fmt == "onnx" else write_pt2
        with pytest.raises(ExportError, match="cannot be exported to") as caught:
            write(compile_graph(graph).eval(), tmp_path / f"m.{fmt}", graph=graph)
        assert f"({layer.title})" in str(caught.value)
        return
    assert layer_id not in failures, (
        f"{failures.get(layer_id)}: make it export, or declare it in the layer's cannot_export"
    )
    for batch, (expected, got) in per_batch.items():
        for head in heads[layer_id]:
            assert got[head].shape == expected[head].shape, (batch, head)
            # float32 rounding grows with the values: a backbone's features reach tens.
            scale = max(1.0, float(expected[head].abs().max()))
            torch.testing.assert_close(got[head], expected[head], rtol=1e-4, atol=1e-5 * scale)
