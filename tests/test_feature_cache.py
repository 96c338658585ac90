"""A backbone frozen whole right after the Input trains its head on features computed once:
the same weights as training the full model, a plain run's files, and the full model whenever
the features could change (augmentation, a partly frozen backbone)."""

from __future__ import annotations

import pytest
import torch

from studio import supervised
from studio.data import load_dataset
from studio.feature_cache import frozen_backbone, split_graph
from studio.graph import Graph
from studio.project import Project
from studio.runs import load_trained, load_weights
from studio.training import Trainer, TrainingState, train

BACKBONE = {"weights": "none", "freeze": "all", "image_size": 32}


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes").subset(300, 100)


def _graph(**backbone) -> Graph:
    graph = Graph()
    previous = None
    for layer_id, params in (
        ("Input", {"shape": [1, 28, 28]}),
        ("MobileNetV3Small", {**BACKBONE, **backbone}),
        ("Dense", {"units": 16, "activation": "relu"}),
        ("Dropout", {"rate": 0.2}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {}),
    ):
        node = graph.add_node(layer_id, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    return graph


def _project(graph: Graph, **training) -> Project:
    project = Project(name="Feature cache test", graph=graph)
    project.dataset["name"] = "synthetic-shapes"
    project.training.update({"epochs": 2, "batch_size": 32, "validation_split": 0.2,
                             "seed": 5, "learning_rate": 0.01, **training})
    return project


def _run(project, data, folder, cached: bool, monkeypatch):
    messages: list[str] = []
    with monkeypatch.context() as m:
        if not cached:
            m.setattr(supervised, "feature_cache_for", lambda task: None)
        result = train(project, data, TrainingState(on_message=messages.append), out_dir=folder)
    assert result.status == "finished"
    return result, messages


def test_head_graph_replaces_input_and_backbone_keeping_node_ids():
    graph = _graph()
    backbone = frozen_backbone(graph)
    assert graph.nodes[backbone].layer_id == "MobileNetV3Small"
    body, head = split_graph(graph, backbone)
    assert set(body.nodes) == {"input_1", backbone}
    assert backbone in head.nodes and head.nodes[backbone].layer_id == "Input"
    assert "input_1" not in head.nodes
    assert list(head.nodes[backbone].params["shape"]) == [576]  # MobileNetV3-Small's features
    assert set(head.nodes) - {backbone} == set(graph.nodes) - {"input_1", backbone}


def test_cached_and_uncached_training_give_the_same_weights(shapes, tmp_path, monkeypatch):
    project = _project(_graph())
    cached, said = _run(project, shapes, tmp_path / "cached", True, monkeypatch)
    plain, plain_said = _run(project, shapes, tmp_path / "plain", False, monkeypatch)

    assert any("Computing the frozen backbone's features once (400 samples)" in s
               for s in said)  # 240 train + 60 validation + 100 test
    assert any("Training the head on cached features" in s for s in said)
    assert not any("features" in s for s in plain_said)

    a = load_weights(tmp_path / "cached" / "model.safetensors")
    b = load_weights(tmp_path / "plain" / "model.safetensors")
    assert set(a) == set(b)  # the full model's weights, backbone included
    for key in a:
        torch.testing.assert_close(a[key], b[key], rtol=1e-4, atol=1e-5, msg=key)
    assert cached.test_accuracy == pytest.approx(plain.test_accuracy, abs=0.011)
    assert cached.history[-1]["loss"] == pytest.approx(plain.history[-1]["loss"], rel=1e-3)


def test_augmentation_trains_the_full_model(shapes, tmp_path, monkeypatch):
    project = _project(_graph(), epochs=1, aug_flip=True)
    _, said = _run(project, shapes, tmp_path, True, monkeypatch)
    assert not any("cached features" in s for s in said)


def test_a_partly_frozen_backbone_is_not_cached(shapes, tmp_path, monkeypatch):
    graph = _graph(freeze="all_but_last_blocks", trainable_blocks=1)
    assert frozen_backbone(graph) is None
    project = _project(graph, epochs=1)
    _, said = _run(project, shapes, tmp_path, True, monkeypatch)
    assert not any("cached features" in s for s in said)


def test_a_backbone_after_other_layers_is_not_cached():
    graph = Graph()
    source = graph.add_node("Input", {"shape": [1, 28, 28]})
    scale = graph.add_node("Rescaling", {})
    backbone = graph.add_node("MobileNetV3Small", BACKBONE)
    out = graph.add_node("Dense", {"units": 10, "activation": "softmax"})
    graph.connect(source.id, scale.id)
    graph.connect(scale.id, backbone.id)
    graph.connect(backbone.id, out.id)
    assert frozen_backbone(graph) is None


# A run of one's own as the frozen block ------------------------------------------------------


def _chain(*nodes: tuple[str, dict]) -> Graph:
    graph, previous = Graph(), None
    for layer_id, params in nodes:
        node = graph.add_node(layer_id, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    return graph


@pytest.fixture(scope="module")
def own_run(tmp_path_factory, shapes):
    graph = _chain(
        ("Input", {"shape": [1, 28, 28]}),
        ("Conv2D", {"filters": 4, "kernel_size": 3, "activation": "relu"}),
        ("MaxPooling2D", {}),
        ("Flatten", {}),
        ("Dense", {"units": 16, "activation": "relu"}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {}),
    )
    folder = tmp_path_factory.mktemp("own_run")
    assert train(_project(graph, epochs=1, validation_split=0.0), shapes, TrainingState(),
                 out_dir=folder).status == "finished"
    return folder


def _on_own_run(run) -> Graph:
    return _chain(
        ("Input", {"shape": [1, 28, 28]}),
        ("TrainedModel", {"run": str(run), "until": "dense_1", "freeze": "all"}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {}),
    )


def test_a_frozen_trained_model_block_is_cached_with_the_same_result(own_run, shapes, tmp_path,
                                                                      monkeypatch):
    project = _project(_on_own_run(own_run))
    _, said = _run(project, shapes, tmp_path / "cached", True, monkeypatch)
    _run(project, shapes, tmp_path / "plain", False, monkeypatch)
    assert any("Training the head on cached features" in s for s in said)
    a = load_weights(tmp_path / "cached" / "model.safetensors")
    b = load_weights(tmp_path / "plain" / "model.safetensors")
    assert set(a) == set(b) and any(k.startswith("trained_model_1.") for k in a)
    for key in a:
        torch.testing.assert_close(a[key], b[key], rtol=1e-4, atol=1e-5, msg=key)
    _, old = load_trained(own_run)
    torch.testing.assert_close(a["trained_model_1.body.dense_1.weight"], old["dense_1.weight"])


def test_a_cached_run_resumes_as_a_normal_run(own_run, shapes, tmp_path):
    def stop_in_second_epoch(report):
        if report.epoch == 2 and report.batch >= 2:
            state.request_stop()

    project = _project(_on_own_run(own_run), epochs=3)
    state = TrainingState(on_batch=stop_in_second_epoch, report_every_s=0)
    assert train(project, shapes, state, out_dir=tmp_path).status == "stopped"
    said: list[str] = []
    resumed = Trainer(project, shapes, TrainingState(on_message=said.append), tmp_path,
                      resume=True).run()
    assert resumed.status == "finished"
    assert [h["epoch"] for h in resumed.history] == [1, 2, 3]
    assert any("Training the head on cached features" in s for s in said)
    final = load_weights(tmp_path / "model.safetensors")
    reloaded = supervised.compile_graph(project.graph)
    reloaded.load_state_dict(final)
    x = shapes.float_x(shapes.x_test[:8])
    torch.testing.assert_close(reloaded.eval()(x), resumed.model.eval()(x))
