"""Pretrained backbones as layers: their tables agree with torchvision, shapes and counts come
without building a model, freezing keeps weights and BatchNorm statistics as they were, the
learning rate factor reaches the optimizer, and exported source runs without NetStudio."""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch
from torchvision.models import get_model_weights

from studio import pretrained_weights
from studio.compiler import compile_graph
from studio.graph import Graph
from studio.layers.backbone_modules import PretrainedBackbone
from studio.layers.base import TensorType
from studio.layers.help import help_card
from studio.layers.pretrained import BACKBONES, BY_ID
from studio.layers.registry import get_layer
from studio.params import ParamError
from studio.settings import default_training
from studio.shapes import infer_shapes
from studio.source import model_source
from studio.summary import format_summary, summarize
from studio.templates import load_template
from studio.training import make_optimizer

IDS = [b.id for b in BACKBONES]
SMALL = {"weights": "none", "image_size": 32}


def backbone_graph(layer_id: str, shape=(3, 32, 32), **params) -> tuple[Graph, str]:
    """Input → backbone → Dense(3) → Output."""
    g = Graph()
    x = g.add_node("Input", {"shape": list(shape)})
    node = g.add_node(layer_id, {**SMALL, **params})
    dense = g.add_node("Dense", {"units": 3})
    out = g.add_node("Output", {"loss": "mse"})
    g.connect(x.id, node.id)
    g.connect(node.id, dense.id)
    g.connect(dense.id, out.id)
    return g, node.id


def build(arch: str, **kwargs) -> PretrainedBackbone:
    defaults = {"weights": "none", "in_size": (32, 32), "image_size": 32}
    return PretrainedBackbone(arch, **{**defaults, **kwargs})


@pytest.mark.parametrize("layer_id", IDS)
def test_table_agrees_with_torchvision(layer_id):
    b = BY_ID[layer_id]
    members = get_model_weights(b.arch)
    # The weights choices are torchvision's, its DEFAULT first, then "none".
    assert set(b.weights) == {m.name for m in members}
    assert b.weights[0] == members.DEFAULT.name
    assert get_layer(layer_id).params.defaults()["weights"] == members.DEFAULT.name
    for m in members:
        transforms = m.transforms()
        assert transforms.crop_size == [b.image_size]
        assert tuple(transforms.mean) == b.mean and tuple(transforms.std) == b.std
    # Block by block, the parameter counts the summary shows without building the model.
    with torch.device("meta"):
        module = build(b.arch, in_size=(224, 224))
    blocks = PretrainedBackbone.blocks_of(b.arch, module.net)
    sizes = tuple(sum(p.numel() for m in block for p in m.parameters()) for block in blocks)
    assert sizes == b.block_params
    assert sum(p.numel() for p in module.parameters()) == b.params


@pytest.mark.parametrize("layer_id", IDS)
def test_shape_and_counts_without_building_the_model(layer_id, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("shape inference built the backbone")

    monkeypatch.setattr(PretrainedBackbone, "__init__", refuse)
    b = BY_ID[layer_id]
    g, node_id = backbone_graph(layer_id, weights=b.weights[0], image_size=224)
    analysis = infer_shapes(g)
    assert analysis.ok and not analysis.warnings, analysis.problems + analysis.warnings
    info = analysis.nodes[node_id]
    assert info.output == TensorType((b.features,))
    assert (info.params, info.frozen, info.trainable) == (b.params, b.params, 0)
    summary = summarize(g, analysis=analysis, count_flops_now=False)
    head = b.features * 3 + 3
    assert summary.total_frozen == b.params
    assert f"(trainable: {head:,}, frozen: {b.params:,})" in format_summary(summary)


@pytest.mark.parametrize(
    ("freeze", "blocks", "frozen"),
    [
        ("all", 1, 11_176_512),
        ("none", 1, 0),
        ("all_but_last_blocks", 1, 11_176_512 - 8_393_728),  # layer4 trains
        ("all_but_last_blocks", 2, 9536 + 147968 + 525568),  # layer3 and layer4 train
        ("all_but_last_blocks", 5, 0),  # every block, as "none"
    ],
)
def test_frozen_count_is_the_modules(freeze, blocks, frozen):
    g, node_id = backbone_graph("ResNet18", freeze=freeze, trainable_blocks=blocks)
    info = infer_shapes(g).nodes[node_id]
    assert info.frozen == frozen
    module = build("resnet18", freeze=freeze, trainable_blocks=blocks)
    assert sum(p.numel() for p in module.parameters() if not p.requires_grad) == frozen
    card = help_card("ResNet18", {**SMALL, "freeze": freeze, "trainable_blocks": blocks},
                     [TensorType((3, 32, 32))])  # fmt: skip
    assert card.params_count.startswith(f"{11_176_512 - frozen:,} trainable + {frozen:,} frozen")


def test_trainable_blocks_beyond_the_models_are_refused():
    with pytest.raises(ParamError, match="between 1 and 5"):
        get_layer("ResNet18").params.validate({"trainable_blocks": 6}, "resnet18_1")
    with pytest.raises(ParamError, match="between 1 and 13"):
        get_layer("MobileNetV3Small").params.validate({"trainable_blocks": 14}, "small_1")


def test_input_must_be_an_image_of_one_or_three_channels():
    g, node_id = backbone_graph("MobileNetV3Small", shape=(2, 32, 32))
    error = infer_shapes(g).nodes[node_id].error
    assert "1 or 3 channels" in error and "gets 2" in error
    g, node_id = backbone_graph("MobileNetV3Small", shape=(64,))
    assert "expects an image" in infer_shapes(g).nodes[node_id].error


def test_random_frozen_weights_are_warned_about():
    g, node_id = backbone_graph("ResNet18", freeze="all")
    notes = infer_shapes(g).nodes[node_id].notes
    assert any("random" in n and "frozen" in n for n in notes)
    g, node_id = backbone_graph("ResNet18", freeze="none")
    assert not infer_shapes(g).nodes[node_id].notes


def test_gray_image_is_the_same_as_its_three_channel_copy():
    torch.manual_seed(0)
    gray = build("resnet18", freeze="all", in_channels=1, in_size=(20, 28)).eval()
    rgb = build("resnet18", freeze="all", in_size=(20, 28)).eval()
    rgb.load_state_dict(gray.state_dict())
    x = torch.rand(2, 1, 20, 28)
    with torch.no_grad():
        torch.testing.assert_close(gray(x), rgb(x.repeat(1, 3, 1, 1)))
        assert gray(x).shape == (2, 512)


def test_normalised_with_the_weights_mean_and_std_inside():
    module = build("resnet18", freeze="all").eval()
    seen = {}
    module.net.conv1.register_forward_pre_hook(lambda m, args: seen.setdefault("x", args[0]))
    x = torch.rand(1, 3, 32, 32)
    with torch.no_grad():
        module(x)
    mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
    torch.testing.assert_close(seen["x"], (x - mean) / std)


def _random_state(arch: str) -> dict[str, torch.Tensor]:
    """A state_dict with torchvision's keys and values no fresh model has."""
    import torchvision

    torch.manual_seed(123)
    state = torchvision.models.get_model(arch).state_dict()
    return {
        k: v + 0.05 * torch.rand_like(v) if v.is_floating_point() else v + 1
        for k, v in state.items()
    }


@pytest.fixture
def fake_weights(monkeypatch):
    """load_pretrained_state answering from memory (no file, no download)."""
    asked = []

    def load(arch, weights):
        asked.append((arch, weights))
        return _random_state(arch)

    monkeypatch.setattr(pretrained_weights, "load_pretrained_state", load)
    return asked


def test_pretrained_weights_are_loaded_and_frozen_ones_stay_after_a_training_step(fake_weights):
    g, node_id = backbone_graph(
        "ResNet18", weights="IMAGENET1K_V1", freeze="all_but_last_blocks", trainable_blocks=1
    )
    model = compile_graph(g)
    assert fake_weights == [("resnet18", "IMAGENET1K_V1")]
    backbone = model.get_submodule(node_id)
    expected = _random_state("resnet18")
    for name, value in backbone.net.state_dict().items():
        torch.testing.assert_close(value, expected[name], msg=name)
    before = {k: v.clone() for k, v in backbone.net.state_dict().items()}

    # A large step, so that every weight that trains visibly moves.
    settings = {**default_training(), "optimizer": "sgd", "learning_rate": 10.0}
    optimizer = make_optimizer(model, settings)
    model.train()
    optimizer.zero_grad()
    model(torch.rand(4, 3, 32, 32)).pow(2).mean().backward()
    optimizer.step()

    after = backbone.net.state_dict()
    for name in before:
        changed = not torch.equal(before[name], after[name])
        trains = name.startswith("layer4.")
        assert changed == trains, name  # frozen weights and BatchNorm statistics stay too


def test_frozen_batchnorm_stays_in_eval_mode():
    module = build("resnet18", freeze="all_but_last_blocks", trainable_blocks=1)
    module.train()
    assert module.training
    assert not module.net.bn1.training and not module.net.layer3[1].bn2.training
    assert module.net.layer4[1].bn2.training
    stats = module.net.layer1[0].bn1.running_mean.clone()
    module(torch.rand(2, 3, 32, 32) * 5)
    torch.testing.assert_close(module.net.layer1[0].bn1.running_mean, stats)
    module.eval()
    assert not module.net.layer4[1].bn2.training


def test_lr_factor_gives_the_backbone_its_own_learning_rate():
    g, node_id = backbone_graph("MobileNetV3Small", freeze="none", lr_factor=0.25)
    model = compile_graph(g)
    optimizer = make_optimizer(model, {**default_training(), "learning_rate": 0.01})
    backbone = {id(p) for p in model.get_submodule(node_id).parameters()}
    rates = {}
    for group in optimizer.param_groups:
        for p in group["params"]:
            rates[id(p)] = group["lr"]
    assert sorted({rates[i] for i in backbone}) == [pytest.approx(0.0025)]
    assert {r for i, r in rates.items() if i not in backbone} == {0.01}


def test_frozen_backbone_is_left_out_of_the_optimizer():
    g, _ = backbone_graph("MobileNetV3Small", freeze="all")
    model = compile_graph(g)
    optimizer = make_optimizer(model, default_training())
    trained = sum(p.numel() for group in optimizer.param_groups for p in group["params"])
    assert trained == 576 * 3 + 3


def test_exported_source_runs_with_torch_and_torchvision_alone(tmp_path):
    g, _ = backbone_graph("MobileNetV3Small", shape=(1, 20, 28), freeze="none")
    path = tmp_path / "model.py"
    path.write_text(model_source(g, "Exported"), encoding="utf-8")
    # NetStudio made unimportable: the file must not need it.
    script = (
        "import sys, runpy; sys.modules['studio'] = None; "
        f"runpy.run_path({str(path)!r}, run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "output: (2, 3)" in result.stdout


def test_without_netstudio_pretrained_state_asks_torchvision(monkeypatch):
    import torchvision

    got = []

    def from_torchvision(self, *args, **kwargs):
        got.append(self.name)
        return {}

    monkeypatch.setitem(sys.modules, "studio", None)  # as where NetStudio is not installed
    monkeypatch.setitem(sys.modules, "studio.pretrained_weights", None)
    monkeypatch.setattr(torchvision.models.WeightsEnum, "get_state_dict", from_torchvision)
    assert PretrainedBackbone.pretrained_state("resnet18", "IMAGENET1K_V1") == {}
    assert got == ["IMAGENET1K_V1"]


def test_missing_weights_file_stops_building_with_the_plain_message(tmp_path, monkeypatch):
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path))
    g, _ = backbone_graph("ResNet18", weights="IMAGENET1K_V1", freeze="all")
    with pytest.raises(pretrained_weights.WeightsMissingError, match=r"resnet18-f37072fd\.pth"):
        compile_graph(g)


def test_transfer_learning_template_loads_and_sums_up_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the summary built the backbone")

    monkeypatch.setattr(PretrainedBackbone, "__init__", refuse)
    project = load_template("transfer-learning")
    analysis = infer_shapes(project.graph)
    assert analysis.ok and not analysis.warnings, analysis.problems + analysis.warnings
    backbone = [n for n in project.graph.nodes.values() if n.layer_id == "MobileNetV3Small"]
    assert [(n.params["weights"], n.params["freeze"]) for n in backbone] == [
        ("IMAGENET1K_V1", "all")
    ]
    assert project.dataset["name"] == "image-folder"
    summary = summarize(project.graph, analysis=analysis, count_flops_now=False)
    assert summary.total_frozen == BY_ID["MobileNetV3Small"].params
    assert 0 < summary.total_params - summary.total_frozen < 200_000


def _settle_batchnorm(model: torch.nn.Module, shape: tuple[int, ...]) -> None:
    """Running statistics measured on a few batches: with a fresh model's (mean 0, variance 1)
    MobileNet's and EfficientNet's features in eval mode are ~1e-14, which any export matches."""
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.momentum = None  # a plain average over the batches
    model.train()
    with torch.no_grad():
        for _ in range(3):
            model(torch.rand(8, *shape))
    model.eval()


@pytest.mark.slow
@pytest.mark.parametrize("layer_id", ["MobileNetV3Small", "EfficientNetB0"])
def test_exports_compute_what_the_model_computes(layer_id, tmp_path):
    import onnxruntime as ort

    from studio.export import write_onnx, write_pt2

    torch.manual_seed(0)
    shape = (1, 20, 28)  # gray and resized inside: the exports carry both steps
    g, _ = backbone_graph(layer_id, shape=shape, freeze="none")
    model = compile_graph(g)
    _settle_batchnorm(model, shape)
    x = torch.rand(5, *shape)
    with torch.no_grad():
        expected = model(x)
    scale = expected.abs().max().item()
    assert scale > 0.1, "outputs too small to tell a right export from a wrong one"
    # float32 rounding through 50-odd random layers, as ONNX Runtime fuses and orders them: up
    # to 2e-4 of the largest output here. A wrong resize or normalisation is off by far more.
    tolerance = {"rtol": 0, "atol": 1e-3 * scale}

    loaded = torch.export.load(write_pt2(model, tmp_path / "m.pt2", graph=g)).module()
    torch.testing.assert_close(loaded(x), expected, **tolerance)
    path = write_onnx(model, tmp_path / "m.onnx", graph=g)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (got,) = session.run(None, {session.get_inputs()[0].name: x.numpy()})
    torch.testing.assert_close(torch.from_numpy(got), expected, **tolerance)


def test_a_model_for_a_runs_weights_needs_no_pretrained_file(tmp_path, monkeypatch):
    from studio.layers.backbone_modules import without_pretrained_files

    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path))  # an empty cache
    g, node_id = backbone_graph("ResNet18", weights="IMAGENET1K_V1", freeze="all")
    with without_pretrained_files():
        model = compile_graph(g)
    trained = {k: torch.full_like(v, 0.5) for k, v in model.state_dict().items()}
    model.load_state_dict(trained)
    conv1 = model.get_submodule(node_id).net.conv1.weight
    assert torch.equal(conv1, trained[f"{node_id}.net.conv1.weight"])
    # Outside the block the file is needed again.
    with pytest.raises(pretrained_weights.WeightsMissingError):
        compile_graph(g)
