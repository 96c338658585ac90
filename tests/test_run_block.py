"""A trained run as a block of another model (TrainedModel): shapes read from the run's project,
the run's weights in the block, frozen or fine-tuned training, the new run's files, exports,
and plain messages for runs that cannot be used."""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap

import pytest
import torch

from studio.compiler import CompileError, compile_graph, example_inputs
from studio.data import load_dataset
from studio.graph import Graph
from studio.layers.base import Call, TensorType
from studio.layers.registry import get_layer
from studio.layers.run_block import absolute_run_paths, run_paths_from
from studio.layers.run_block_modules import SOURCE_WRITERS, TrainedModel, block_source
from studio.project import Project
from studio.runs import load_checkpoint, load_trained, load_weights
from studio.settings import default_training
from studio.shapes import infer_shapes
from studio.training import Trainer, TrainingState, make_optimizer, parameter_groups, train

BLOCK = "trained_model_1"


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes").subset(1200, 200)


def _chain(graph: Graph, *nodes: tuple[str, dict]) -> Graph:
    previous = None
    for layer_id, params in nodes:
        node = graph.add_node(layer_id, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    return graph


def _project(graph: Graph, **training) -> Project:
    project = Project(name="Run block test", graph=graph)
    project.dataset["name"] = "synthetic-shapes"
    project.training.update({"epochs": 1, "batch_size": 64, "validation_split": 0.0,
                             "seed": 3, **training})
    return project


@pytest.fixture(scope="module")
def pretrained(tmp_path_factory, shapes):
    """A small CNN trained for three epochs (about half the test shapes right): the run
    folder other models reuse."""
    graph = _chain(
        Graph(),
        ("Input", {"shape": [1, 28, 28]}),
        ("Conv2D", {"filters": 8, "kernel_size": 3, "activation": "relu"}),
        ("BatchNorm", {}),
        ("MaxPooling2D", {}),
        ("Flatten", {}),
        ("Dense", {"units": 32, "activation": "relu"}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {}),
    )
    folder = tmp_path_factory.mktemp("pretrained")
    result = train(_project(graph, epochs=3, learning_rate=0.003), shapes, TrainingState(),
                   out_dir=folder)
    assert result.status == "finished" and result.test_accuracy > 0.35
    return folder


def transfer_graph(run, **params) -> Graph:
    return _chain(
        Graph(),
        ("Input", {"shape": [1, 28, 28]}),
        ("TrainedModel", {"run": str(run), **params}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {}),
    )


def block_spec(run):
    return infer_shapes(transfer_graph(run)).nodes[BLOCK].module


def block_weights(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    prefix = f"{BLOCK}.body."
    return {k[len(prefix):]: v.detach().clone() for k, v in model.state_dict().items()
            if k.startswith(prefix)}


# Shapes and counts ---------------------------------------------------------------------------


def test_shapes_come_from_the_runs_project_and_default_to_its_features(pretrained):
    graph = transfer_graph(pretrained)
    analysis = infer_shapes(graph)
    assert analysis.ok, analysis.problems
    # The features the run's classifier read (dense_1's 32), not its 10 class scores.
    assert analysis.nodes[BLOCK].output == TensorType((32,))
    # Conv 8·9+8, BatchNorm 2·8, Dense 1352·32+32: the run's layers up to dense_1.
    assert analysis.nodes[BLOCK].params == 80 + 16 + 13 * 13 * 8 * 32 + 32
    layer, node = get_layer("TrainedModel"), graph.nodes[BLOCK]
    call = Call(node.params, [TensorType((1, 28, 28))])
    assert layer.frozen_params(call) == analysis.nodes[BLOCK].params
    unfrozen = Call({**node.params, "freeze": "none"}, call.inputs)
    assert layer.frozen_params(unfrozen) == 0

    cut = infer_shapes(transfer_graph(pretrained, until="conv2d_1"))
    assert cut.nodes[BLOCK].output == TensorType((8, 26, 26))


def test_the_block_holds_the_runs_trained_weights_under_its_node_id(pretrained):
    model = compile_graph(transfer_graph(pretrained))
    _, run_weights = load_trained(pretrained)
    block = block_weights(model)
    assert set(block) == {k for k in run_weights if not k.startswith("dense_2")}
    for name, tensor in block.items():
        torch.testing.assert_close(tensor, run_weights[name], rtol=0, atol=0)
    # It computes what the run's model computes at dense_1 (features after relu).
    run_project, _ = load_trained(pretrained)
    whole = compile_graph(run_project.graph)
    whole.load_state_dict(run_weights)
    x = torch.rand(4, 1, 28, 28)
    features = torch.fx.symbolic_trace(whole.eval())
    expected = _up_to(features, "dense_1")(x)
    torch.testing.assert_close(model.eval().get_submodule(BLOCK)(x), expected)


def _up_to(module: torch.fx.GraphModule, node: str) -> torch.fx.GraphModule:
    """The traced model returning the value of the fx node after `node`'s activation."""
    graph = module.graph
    target = next(n for n in graph.nodes if n.op == "call_module" and n.target == node)
    relu = next(iter(target.users))
    out = next(n for n in graph.nodes if n.op == "output")
    out.args = (relu,)
    graph.eliminate_dead_code()
    return torch.fx.GraphModule(module, graph)


# Training: frozen, fine-tuned, learning rates -------------------------------------------------


def test_a_frozen_block_keeps_the_runs_weights_while_the_head_learns(pretrained, shapes,
                                                                      tmp_path):
    project = _project(transfer_graph(pretrained), epochs=2, learning_rate=0.01)
    result = train(project, shapes, TrainingState(), out_dir=tmp_path)
    assert result.status == "finished"
    _, run_weights = load_trained(pretrained)
    trained = block_weights(result.model)
    for name, tensor in trained.items():
        # BatchNorm's running statistics included: a frozen block always evaluates.
        torch.testing.assert_close(tensor.cpu(), run_weights[name], rtol=0, atol=0)
    # The head learned on the block's features: far better than chance (10 classes).
    assert result.test_accuracy > 0.3
    assert result.history[-1]["loss"] < result.history[0]["loss"]


def _steps(graph: Graph, shapes, steps: int = 5) -> tuple[dict, dict, torch.nn.Module]:
    torch.manual_seed(0)
    model = compile_graph(graph, logits=True)
    before = {k: v.detach().clone() for k, v in model.state_dict().items()}
    settings = {**default_training(), "learning_rate": 0.01}
    optimizer = make_optimizer(model, settings)
    model.train()
    x, y = shapes.float_x(shapes.x_train[:64]), shapes.y_train[:64]
    for _ in range(steps):
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    after = {k: v.detach().clone() for k, v in model.state_dict().items()}
    return before, after, model


def test_frozen_weights_stay_and_the_head_changes_step_by_step(pretrained, shapes):
    before, after, _ = _steps(transfer_graph(pretrained), shapes)
    for name in before:
        same = torch.equal(before[name], after[name])
        assert same == name.startswith(BLOCK), name


def test_an_unfrozen_block_is_fine_tuned_at_its_learning_rate_factor(pretrained, shapes):
    graph = transfer_graph(pretrained, freeze="none", lr_factor=0.1)
    before, after, model = _steps(graph, shapes)
    changed = [n for n in before if n.endswith("weight") and not torch.equal(before[n], after[n])]
    assert f"{BLOCK}.body.conv2d_1.weight" in changed and "dense_1.weight" in changed
    groups = parameter_groups(model, 0.01)
    block = {id(p) for p in model.get_submodule(BLOCK).parameters()}
    by_lr = {g["lr"]: {id(p) for p in g["params"]} for g in groups}
    slow, full = sorted(by_lr)
    assert (slow, full) == pytest.approx((0.001, 0.01))
    assert by_lr[slow] == block
    assert by_lr[full] == {id(p) for p in model.get_submodule("dense_1").parameters()}
    # Frozen: the block's weights are not handed to the optimizer at all.
    frozen = compile_graph(transfer_graph(pretrained), logits=True)
    (group,) = parameter_groups(frozen, 0.01)
    assert {id(p) for p in group["params"]} == {
        id(p) for p in frozen.get_submodule("dense_1").parameters()
    }


def test_all_but_the_last_layers_frozen(pretrained, shapes):
    graph = transfer_graph(pretrained, freeze="all_but_last_layers", trainable_layers=1)
    analysis = infer_shapes(graph)
    layer, node = get_layer("TrainedModel"), graph.nodes[BLOCK]
    frozen = layer.frozen_params(Call(node.params, [TensorType((1, 28, 28))]))
    assert frozen == 80 + 16  # the convolution and the BatchNorm; dense_1 learns
    assert analysis.nodes[BLOCK].params - frozen == 13 * 13 * 8 * 32 + 32
    before, after, model = _steps(graph, shapes)
    changed = {n for n in before if not torch.equal(before[n], after[n])}
    assert f"{BLOCK}.body.dense_1.weight" in changed
    assert not any(n.startswith(f"{BLOCK}.body.conv2d_1") for n in changed)
    # The frozen BatchNorm's running statistics stay too: it evaluates while the rest trains.
    assert not any(n.startswith(f"{BLOCK}.body.batch_norm_1") for n in changed)
    assert not model.get_submodule(f"{BLOCK}.body.batch_norm_1").training

    too_many = transfer_graph(pretrained, freeze="all_but_last_layers", trainable_layers=4)
    (problem,) = infer_shapes(too_many).problems
    assert "3 layers with weights" in problem.message


def test_a_frozen_block_stays_in_evaluation_mode_when_the_model_trains(pretrained):
    model = compile_graph(transfer_graph(pretrained)).train()
    assert not any(m.training for m in model.get_submodule(BLOCK).body.modules())
    tuned = compile_graph(transfer_graph(pretrained, freeze="none")).train()
    assert tuned.get_submodule(BLOCK).body.training


# The new run's files ----------------------------------------------------------------------


def test_the_new_run_saves_reloads_and_resumes(pretrained, shapes, tmp_path):
    def stop_in_second_epoch(report):
        if report.epoch == 2 and report.batch >= 2:
            state.request_stop()

    project = _project(transfer_graph(pretrained, freeze="none", lr_factor=0.5), epochs=3)
    state = TrainingState(on_batch=stop_in_second_epoch, report_every_s=0)
    result = train(project, shapes, state, out_dir=tmp_path)
    assert result.status == "stopped" and len(result.history) == 1

    # Reloaded from the new run folder: its own (fine-tuned) block weights, not the old run's.
    reloaded_project, weights = load_trained(tmp_path)
    reloaded = compile_graph(reloaded_project.graph)
    reloaded.load_state_dict(weights)
    x = shapes.float_x(shapes.x_test[:8])
    torch.testing.assert_close(reloaded.eval()(x), result.model.eval()(x))
    _, old = load_trained(pretrained)
    assert not torch.equal(weights[f"{BLOCK}.body.conv2d_1.weight"], old["conv2d_1.weight"])

    resumed = Trainer(project, shapes, TrainingState(), tmp_path, resume=True).run()
    assert resumed.status == "finished"
    assert [h["epoch"] for h in resumed.history] == [1, 2, 3]
    assert load_checkpoint(tmp_path / "checkpoint.pt")["epoch"] == 3
    final = load_weights(tmp_path / "model.safetensors")
    assert f"{BLOCK}.body.dense_1.weight" in final


# Exports -----------------------------------------------------------------------------------


def test_onnx_and_pt2_exports_carry_the_block_and_load_back(pretrained, shapes, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    from studio.export import export

    run = tmp_path / "run"
    train(_project(transfer_graph(pretrained)), shapes, TrainingState(), out_dir=run)
    project, weights = load_trained(run)
    model = compile_graph(project.graph)
    model.load_state_dict(weights)
    model.eval()
    x = shapes.float_x(shapes.x_test[:5])
    with torch.no_grad():
        expected = model(x)

    (pt2,) = export(run, "pt2", tmp_path / "model.pt2", note=lambda text: None)
    loaded = torch.export.load(pt2).module()
    torch.testing.assert_close(loaded(x), expected)

    (onnx_path,) = export(run, "onnx", tmp_path / "model.onnx", note=lambda text: None)
    session = ort.InferenceSession(str(onnx_path))
    (got,) = session.run(None, {session.get_inputs()[0].name: x.numpy()})
    torch.testing.assert_close(torch.from_numpy(got), expected, rtol=1e-4, atol=1e-5)


def test_the_blocks_source_runs_without_netstudio(pretrained, tmp_path):
    """The hook exported source uses for a TrainedModel node: the run's layers as a class of
    their own, so the file needs only PyTorch. Run in a fresh interpreter where importing
    NetStudio fails."""
    model = compile_graph(transfer_graph(pretrained, freeze="none", lr_factor=0.5)).eval()
    block = model.get_submodule(BLOCK)
    written = block_source(str(pretrained), "", "none", 1, 0.5, BLOCK)
    # What studio.source calls for the node's ModuleSpec gives the same.
    assert SOURCE_WRITERS["TrainedModel"](block_spec(pretrained), BLOCK) == block_source(
        str(pretrained), "dense_1", "all", 1, 0.1, BLOCK)
    assert written.own_classes == {"TrainedModel"}
    text = "\n".join([
        "import torch", "import torch.nn.functional as F", "from torch import nn", "",
        inspect.getsource(TrainedModel), "", written.definitions,
        f"block = {written.expression}",
        "block.load_state_dict(torch.load(WEIGHTS, weights_only=True))",
        "x = torch.load(INPUT, weights_only=True)",
        "torch.save(block.eval()(x), OUTPUT)",
        "assert block.lr_factor == 0.5 and block.frozen_layers == []",
    ])
    weights, inputs, output = tmp_path / "w.pt", tmp_path / "x.pt", tmp_path / "y.pt"
    torch.save(block.state_dict(), weights)
    x = torch.rand(3, 1, 28, 28)
    torch.save(x, inputs)
    script = tmp_path / "standalone.py"
    script.write_text(f"WEIGHTS, INPUT, OUTPUT = {str(weights)!r}, {str(inputs)!r}, "
                      f"{str(output)!r}\n" + text)
    guard = textwrap.dedent("""
        import runpy, sys
        sys.modules["studio"] = None  # any import of NetStudio fails
        runpy.run_path(sys.argv[1])
    """)
    done = subprocess.run([sys.executable, "-c", guard, str(script)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with torch.no_grad():
        torch.testing.assert_close(torch.load(output, weights_only=True), block(x))


# Runs that cannot be used --------------------------------------------------------------------


def test_a_missing_run_folder_is_a_plain_message_naming_it(tmp_path):
    missing = tmp_path / "no-such-run"
    analysis = infer_shapes(transfer_graph(missing))
    (problem,) = analysis.problems
    assert problem.node_id == BLOCK
    assert problem.message == f"there is no run folder {missing}"
    with pytest.raises(CompileError, match="no-such-run"):
        compile_graph(transfer_graph(missing))


def test_folders_that_are_not_runs_and_wrong_layers_are_named(pretrained, tmp_path):
    (tmp_path / "empty").mkdir()
    (message,) = infer_shapes(transfer_graph(tmp_path / "empty")).problems
    assert "has no project.json" in message.message and "empty" in message.message
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "project.json").write_text("{not json")
    (message,) = infer_shapes(transfer_graph(tmp_path / "broken")).problems
    assert str(tmp_path / "broken") in message.message
    (message,) = infer_shapes(transfer_graph(pretrained, until="dense_9")).problems
    assert "no layer 'dense_9'" in message.message and "conv2d_1" in message.message
    (message,) = infer_shapes(transfer_graph(pretrained, until="output_1")).problems
    assert "choose a layer in between" in message.message
    (message,) = infer_shapes(transfer_graph("")).problems
    assert "choose the run folder" in message.message


def test_input_of_another_shape_is_refused_with_both_shapes(pretrained):
    graph = _chain(
        Graph(),
        ("Input", {"shape": [3, 28, 28]}),
        ("TrainedModel", {"run": str(pretrained)}),
    )
    (problem,) = infer_shapes(graph).problems
    assert "1×28×28 image" in problem.message and "3×28×28 image" in problem.message


def test_a_run_without_weights_cannot_be_built(pretrained, tmp_path):
    import shutil

    bare = tmp_path / "bare"
    bare.mkdir()
    shutil.copy(pretrained / "project.json", bare / "project.json")
    assert infer_shapes(transfer_graph(bare)).ok  # its shapes are known from the project
    with pytest.raises(Exception, match="no trained weights yet") as caught:
        compile_graph(transfer_graph(bare))
    from studio.errors import StudioError

    assert isinstance(caught.value, StudioError)


def test_relative_run_paths_start_at_the_projects_folder(pretrained):
    relative = pretrained.name
    with run_paths_from(pretrained.parent):
        assert infer_shapes(transfer_graph(relative)).ok
    absolute = absolute_run_paths(transfer_graph(relative), pretrained.parent)
    assert absolute.nodes[BLOCK].params["run"] == str(pretrained)
    assert infer_shapes(absolute).ok


def test_example_inputs_run_through_a_block_on_the_meta_device(pretrained):
    with torch.device("meta"):
        model = compile_graph(transfer_graph(pretrained))
    assert all(p.is_meta for p in model.parameters())
    out = model(*example_inputs(model.input_types, batch=2, device="meta"))
    assert tuple(out.shape) == (2, 10)


# The in-place demo's pieces (studio.transfer_demo) ---------------------------------------------


def test_the_demo_splits_classes_and_relabels_them(shapes):
    from studio.transfer_demo import classes_subset

    few = classes_subset(shapes, [7, 5, 9], per_class=4, seed=1)
    assert few.classes == [shapes.classes[c] for c in (7, 5, 9)]
    assert sorted(few.y_train.tolist()) == [0] * 4 + [1] * 4 + [2] * 4
    assert set(few.y_test.tolist()) == {0, 1, 2}
    assert len(few.y_test) == int(sum((shapes.y_test == c).sum() for c in (5, 7, 9)))
    # The relabelled images are those of the chosen classes.
    first = few.x_train[few.y_train == 0][0]
    assert any(torch.equal(first, x) for x in shapes.x_train[shapes.y_train == 7])
    assert not torch.equal(classes_subset(shapes, [7], 4, seed=2).x_train,
                           classes_subset(shapes, [7], 4, seed=1).x_train)


def test_the_demos_three_models_build_on_a_pretrained_run(pretrained):
    from studio.transfer_demo import VARIANTS, transfer_graph

    for variant in VARIANTS:
        analysis = infer_shapes(transfer_graph(pretrained, variant, 5, lr_factor=1.0))
        assert analysis.ok, (variant, analysis.problems)
    frozen = compile_graph(transfer_graph(pretrained, "frozen", 5, 1.0), logits=True)
    (group,) = parameter_groups(frozen, 1e-3)  # the head alone trains
    assert group["params"] == list(frozen.get_submodule("dense_1").parameters())
