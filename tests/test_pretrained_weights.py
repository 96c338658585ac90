"""Pretrained weights arrive as data sets do: from torch's cache ($TORCH_HOME), or downloaded
with progress and a checksum, resumable; offline, a plain message naming the file and where to
put it. Every download here comes from a local HTTP server serving a randomly initialised
torchvision model's state_dict, saved under the name torchvision gives such a file."""

import hashlib
import io
import re
import socket
import sys
import threading
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import torch
import torchvision

import studio.pretrained_weights as pw
from studio.errors import StudioError
from studio.graph import Node
from studio.pretrained_weights import (
    DownloadCancelled,
    WeightsError,
    WeightsMissingError,
    cached_weights_path,
    fetch_for_graph,
    fetch_weights,
    load_pretrained_state,
)
from studio.runs.pipeline import RunRequest, execute
from studio.templates import load_template
from studio.training import TrainingState

ARCH, WEIGHTS = "mobilenet_v3_small", "IMAGENET1K_V1"


# A weights file made here, and a server that serves it ------------------------------------


class WeightsServer:
    """Serves files by path; honours `Range: bytes=N-` with 206 (unless `ignore_range`); can
    cut a response off after `cut_after` bytes, as a dropped connection does."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.requests: list[tuple[str, str | None]] = []  # (path, Range header)
        self.cut_after: int | None = None
        self.ignore_range = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                wanted = self.headers.get("Range")
                server.requests.append((self.path, wanted))
                body = server.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                start = 0
                if wanted and not server.ignore_range:
                    start = int(re.fullmatch(r"bytes=(\d+)-", wanted).group(1))
                    if start >= len(body):
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{len(body)}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                part = body[start:]
                if server.cut_after is not None:
                    part = part[: server.cut_after]
                    self.close_connection = True
                self.wfile.write(part)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture(scope="module")
def weights_blob() -> tuple[str, bytes, dict[str, torch.Tensor]]:
    """(file name as torchvision names it, its bytes, the state_dict saved in it)."""
    torch.manual_seed(1)
    state = torchvision.models.get_model(ARCH).state_dict()
    buffer = io.BytesIO()
    torch.save(state, buffer)
    body = buffer.getvalue()
    # torchvision's names carry the first 8 hex digits of the file's SHA-256.
    return f"{ARCH}-{hashlib.sha256(body).hexdigest()[:8]}.pth", body, state


@pytest.fixture
def torch_home(tmp_path, monkeypatch) -> Path:
    """A fresh $TORCH_HOME; its checkpoints folder is where weights must land."""
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch-home"))
    monkeypatch.setattr(torch.hub, "_hub_dir", None)  # no earlier set_dir hides the variable
    monkeypatch.delenv(pw.MIRROR_ENV, raising=False)
    return tmp_path / "torch-home" / "hub" / "checkpoints"


@pytest.fixture
def served(weights_blob, torch_home, monkeypatch):
    """The server, with torchvision's address for ARCH's weights pointing at it."""
    name, body, _ = weights_blob
    server = WeightsServer({f"/models/{name}": body})
    monkeypatch.setattr(pw, "weights_url", lambda arch, weights: f"{server.url}/models/{name}")
    yield server
    server.stop()


def dead_url() -> str:
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


# Names, the cache folder, the checksum rule -----------------------------------------------


def test_files_are_named_and_kept_where_torchvision_keeps_them(torch_home):
    assert pw.checkpoints_dir() == torch_home
    assert pw.weights_url("resnet18", "IMAGENET1K_V1").endswith("/resnet18-f37072fd.pth")
    file = pw.weights_file("resnet18", "IMAGENET1K_V1")
    assert file.path == torch_home / "resnet18-f37072fd.pth"
    assert file.hash_prefix == "f37072fd"
    # torch.hub's own rule gives the same prefix for every backbone's file.
    for arch in ("resnet50", "mobilenet_v3_large", "efficientnet_b0", "convnext_tiny"):
        file = pw.weights_file(arch, "IMAGENET1K_V1")
        assert file.hash_prefix == torch.hub.HASH_REGEX.search(file.filename).group(1)
        assert len(file.hash_prefix) == 8
    assert cached_weights_path("resnet18", "IMAGENET1K_V1") is None
    assert cached_weights_path("resnet18", "none") is None


def test_unknown_models_and_weights_are_named_plainly(torch_home):
    with pytest.raises(WeightsError, match="torchvision has no model named resnet7"):
        fetch_weights("resnet7", "IMAGENET1K_V1")
    with pytest.raises(
        WeightsError,
        match=r"resnet50 has no pretrained weights named V9; "
        r"choose one of: IMAGENET1K_V1, IMAGENET1K_V2, none",
    ):
        load_pretrained_state("resnet50", "V9")


# Downloading -----------------------------------------------------------------------------


def test_download_reports_progress_checks_the_file_and_loads_it(served, weights_blob, torch_home):
    name, body, state = weights_blob
    seen: list[tuple[str, int, int]] = []
    path = fetch_weights(ARCH, WEIGHTS, progress=lambda m, d, t: seen.append((m, d, t)))
    assert path == torch_home / name and path.read_bytes() == body
    assert list(torch_home.iterdir()) == [path]  # no .part left behind
    assert seen[0][1:] == (0, len(body)) and seen[-1][1:] == (len(body), len(body))
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen) and len(seen) > 2
    assert name in seen[0][0]
    loaded = load_pretrained_state(ARCH, WEIGHTS)
    assert loaded.keys() == state.keys()
    assert all(torch.equal(loaded[k], state[k]) for k in state)
    assert all(t.device.type == "cpu" for t in loaded.values())
    model = torchvision.models.get_model(ARCH)
    model.load_state_dict(loaded)  # the file is a real, loadable torchvision state_dict


def test_an_interrupted_download_resumes_where_it_stopped(served, weights_blob, torch_home):
    name, body, _ = weights_blob
    served.cut_after = len(body) // 2
    with pytest.raises(
        WeightsMissingError,
        match=r"the download stopped after .* MB; start "
        r"again to continue it",
    ):
        fetch_weights(ARCH, WEIGHTS)
    part = torch_home / (name + ".part")
    assert 0 < part.stat().st_size < len(body)
    assert not (torch_home / name).exists()

    served.cut_after = None
    had = part.stat().st_size
    seen: list[int] = []
    path = fetch_weights(ARCH, WEIGHTS, progress=lambda m, d, t: seen.append(d))
    assert served.requests[-1][1] == f"bytes={had}-"  # only the rest was asked for
    assert seen[0] == had and seen[-1] == len(body)
    assert path.read_bytes() == body and not part.exists()


def test_a_half_part_file_is_continued_with_a_range_request(served, weights_blob, torch_home):
    name, body, _ = weights_blob
    torch_home.mkdir(parents=True)
    (torch_home / (name + ".part")).write_bytes(body[:1000])
    path = fetch_weights(ARCH, WEIGHTS)
    assert served.requests == [(f"/models/{name}", "bytes=1000-")]
    assert path.read_bytes() == body


def test_a_server_that_ignores_range_sends_it_all_and_the_file_is_still_right(
    served, weights_blob, torch_home
):
    name, body, _ = weights_blob
    torch_home.mkdir(parents=True)
    (torch_home / (name + ".part")).write_bytes(body[:1000])
    served.ignore_range = True
    assert fetch_weights(ARCH, WEIGHTS).read_bytes() == body


def test_a_part_as_long_as_the_file_is_not_trusted_blindly(served, weights_blob, torch_home):
    # The server answers 416 for a part that is already whole (or longer): start over.
    name, body, _ = weights_blob
    torch_home.mkdir(parents=True)
    (torch_home / (name + ".part")).write_bytes(b"x" * (len(body) + 10))
    assert fetch_weights(ARCH, WEIGHTS).read_bytes() == body
    assert [r for _, r in served.requests] == [f"bytes={len(body) + 10}-", None]


def test_a_file_whose_checksum_does_not_match_is_refused_and_nothing_is_kept(
    weights_blob, torch_home, monkeypatch
):
    _, body, _ = weights_blob
    wrong = "0123abcd"  # a name that promises another file
    server = WeightsServer({f"/{ARCH}-{wrong}.pth": body})
    try:
        monkeypatch.setattr(pw, "weights_url", lambda a, w: f"{server.url}/{ARCH}-{wrong}.pth")
        with pytest.raises(WeightsMissingError) as caught:
            fetch_weights(ARCH, WEIGHTS)
    finally:
        server.stop()
    message = str(caught.value)
    assert "was damaged or not the one published" in message and "it was deleted" in message
    assert f"its name says {wrong}" in message
    assert list(torch_home.iterdir()) == []  # neither the file nor a .part
    assert cached_weights_path(ARCH, WEIGHTS) is None


def test_a_cancelled_download_keeps_its_part_to_resume(served, weights_blob, torch_home):
    name, body, _ = weights_blob
    calls = iter(range(10**6))
    with pytest.raises(DownloadCancelled):
        fetch_weights(ARCH, WEIGHTS, cancelled=lambda: next(calls) >= 3)
    part = torch_home / (name + ".part")
    assert 0 < part.stat().st_size < len(body) and not (torch_home / name).exists()
    assert fetch_weights(ARCH, WEIGHTS).read_bytes() == body


@pytest.mark.skipif(sys.platform == "win32", reason="advisory file locks are POSIX")
def test_a_download_under_way_in_another_process_is_waited_for(
    served, weights_blob, torch_home, monkeypatch
):
    import fcntl

    name, body, _ = weights_blob
    monkeypatch.setattr(pw, "LOCK_POLL_S", 0.01)
    torch_home.mkdir(parents=True)
    other = open(torch_home / (name + ".part"), "ab")  # noqa: SIM115
    fcntl.flock(other, fcntl.LOCK_EX)  # as a second NetStudio downloading it holds it
    seen: list[str] = []
    waited = threading.Event()
    result: list[Path] = []

    def progress(message, done, total):
        seen.append(message)
        waited.set()

    worker = threading.Thread(target=lambda: result.append(fetch_weights(ARCH, WEIGHTS, progress)))
    worker.start()
    assert waited.wait(30)
    assert seen[0] == f"Waiting for another NetStudio to finish downloading {name}"
    # The other process finishes: its file moves into place and its lock goes.
    other.write(body)
    other.flush()
    (torch_home / (name + ".part")).replace(torch_home / name)
    fcntl.flock(other, fcntl.LOCK_UN)
    other.close()
    worker.join(30)
    assert result == [torch_home / name] and (torch_home / name).read_bytes() == body
    assert served.requests == []  # nothing downloaded twice
    assert list(torch_home.iterdir()) == [torch_home / name]


def test_a_mirror_replaces_the_internet(served, weights_blob, torch_home, monkeypatch):
    name, body, _ = weights_blob
    monkeypatch.setattr(pw, "weights_url", lambda a, w: f"{dead_url()}/models/{name}")
    monkeypatch.setenv(pw.MIRROR_ENV, served.url + "/models/")
    assert fetch_weights(ARCH, WEIGHTS).read_bytes() == body


# Offline ---------------------------------------------------------------------------------


def assert_plain_missing_message(message: str, name: str, url: str, folder: Path) -> None:
    assert name in message and url in message and str(folder) in message
    assert 'set the backbone\'s weights to "none" to train it from scratch' in message
    assert "Traceback" not in message and "Error" not in message


def test_a_server_that_is_down_gives_a_plain_message(weights_blob, torch_home, monkeypatch):
    name = weights_blob[0]
    url = f"{dead_url()}/models/{name}"
    monkeypatch.setattr(pw, "weights_url", lambda a, w: url)
    with pytest.raises(WeightsMissingError) as caught:
        fetch_weights(ARCH, WEIGHTS)
    assert isinstance(caught.value, StudioError)  # the CLI and the app show it as it is
    message = str(caught.value)
    assert "cannot reach the server" in message
    assert_plain_missing_message(message, name, url, torch_home)
    assert not any(torch_home.glob("*"))


def test_no_internet_says_so(weights_blob, torch_home, monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    real = pw.weights_url(ARCH, WEIGHTS)  # torchvision's own address
    with pytest.raises(WeightsMissingError) as caught:
        fetch_weights(ARCH, WEIGHTS)
    message = str(caught.value)
    assert "could not be looked up: no internet connection?" in message
    assert_plain_missing_message(message, real.rsplit("/", 1)[1], real, torch_home)


def test_an_http_error_is_named(served, weights_blob, monkeypatch):
    monkeypatch.setattr(pw, "weights_url", lambda a, w: f"{served.url}/models/gone-1234abcd.pth")
    with pytest.raises(WeightsMissingError, match="the server answered 404"):
        fetch_weights(ARCH, WEIGHTS)


# The cache -------------------------------------------------------------------------------


def test_a_cached_file_is_used_without_the_network(weights_blob, torch_home, monkeypatch):
    name, body, state = weights_blob
    monkeypatch.setattr(pw, "weights_url", lambda a, w: f"{dead_url()}/models/{name}")
    torch_home.mkdir(parents=True)
    (torch_home / name).write_bytes(body)
    assert cached_weights_path(ARCH, WEIGHTS) == torch_home / name
    assert fetch_weights(ARCH, WEIGHTS) == torch_home / name
    assert torch.equal(
        load_pretrained_state(ARCH, WEIGHTS)["features.0.0.weight"], state["features.0.0.weight"]
    )


def test_loading_needs_the_file_in_the_cache(weights_blob, torch_home, monkeypatch):
    name = weights_blob[0]
    monkeypatch.setattr(pw, "weights_url", lambda a, w: f"http://example.invalid/{name}")
    with pytest.raises(WeightsMissingError) as caught:
        load_pretrained_state(ARCH, WEIGHTS)
    assert "not in the cache (they have not been downloaded yet; training downloads them)" in str(
        caught.value
    )
    assert_plain_missing_message(
        str(caught.value), name, f"http://example.invalid/{name}", torch_home
    )


@pytest.mark.parametrize(
    "content, words",
    [
        (lambda body: body[: len(body) // 2], "not a file saved by PyTorch: cut short"),
        (lambda body: b"", "not a file saved by PyTorch: cut short"),
        (lambda body: b"<html>404 not found</html>" * 20, "not a file saved by PyTorch"),
        (lambda body: _saved(["a", "list"]), "no state_dict of named tensors"),
        (lambda body: _saved({"model": torch.nn.Linear(2, 2)}), "objects other than tensors"),
    ],
    ids=["truncated", "empty", "html", "not-a-state-dict", "a-pickled-module"],
)
def test_a_damaged_cached_file_gives_a_plain_message(
    weights_blob, torch_home, monkeypatch, content, words
):
    name, body, _ = weights_blob
    monkeypatch.setattr(pw, "weights_url", lambda a, w: f"http://example.invalid/{name}")
    torch_home.mkdir(parents=True)
    (torch_home / name).write_bytes(content(body))
    with pytest.raises(WeightsError) as caught:
        load_pretrained_state(ARCH, WEIGHTS)
    message = str(caught.value)
    assert "is damaged and cannot be loaded" in message and words in message
    assert str(torch_home / name) in message
    assert "Delete it, and NetStudio downloads it again" in message


def test_loading_unpickles_nothing_but_tensors(weights_blob, torch_home, monkeypatch):
    # weights_only=True: a file carrying code to run when unpickled is refused, never run.
    name = weights_blob[0]
    monkeypatch.setattr(pw, "weights_url", lambda a, w: f"http://example.invalid/{name}")
    torch_home.mkdir(parents=True)
    (torch_home / name).write_bytes(_saved({"w": torch.zeros(2), "x": _Trap()}))
    with pytest.raises(WeightsError, match="objects other than tensors"):
        load_pretrained_state(ARCH, WEIGHTS)
    assert not _Trap.ran


class _Trap:
    ran = False

    def __reduce__(self):
        return (_Trap._spring, ())

    @staticmethod
    def _spring():
        _Trap.ran = True
        return _Trap()


def _saved(obj) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


# A graph's backbones ---------------------------------------------------------------------


def fake_graph(*nodes: tuple[str, str, dict]) -> types.SimpleNamespace:
    """A graph of (node id, category, params) nodes; what fetch_for_graph reads of one."""
    return types.SimpleNamespace(
        nodes={
            node_id: types.SimpleNamespace(
                id=node_id, layer=types.SimpleNamespace(category=cat), params=params
            )
            for node_id, cat, params in nodes
        }
    )


@pytest.fixture
def backbone_layers(monkeypatch):
    """studio.layers.pretrained's arch_of, as the backbone layers give it: node -> arch."""
    module = types.ModuleType("studio.layers.pretrained")
    module.arch_of = lambda node: node.params["arch"]
    monkeypatch.setitem(sys.modules, "studio.layers.pretrained", module)


def test_fetch_for_graph_fetches_each_missing_file_once(
    served, weights_blob, torch_home, backbone_layers
):
    name, body, _ = weights_blob
    graph = fake_graph(
        ("Input_1", "Input / Output", {"shape": [3, 64, 64]}),
        ("MobileNet_1", "Pretrained", {"arch": ARCH, "weights": WEIGHTS}),
        ("MobileNet_2", "Pretrained", {"arch": ARCH, "weights": WEIGHTS}),
        ("Scratch", "Pretrained", {"arch": "resnet18", "weights": "none"}),
        ("RunBlock_1", "Pretrained", {"run": "runs/earlier"}),  # own run: no weights file
    )
    seen: list[tuple[int, int]] = []
    notes = fetch_for_graph(graph, progress=lambda m, d, t: seen.append((d, t)))
    assert len(notes) == 1 and name in notes[0] and str(torch_home) in notes[0]
    assert len(served.requests) == 1 and seen[-1] == (len(body), len(body))
    assert fetch_for_graph(graph) == []  # all cached now: nothing to say, nothing asked
    assert len(served.requests) == 1


def test_fetch_for_graph_offline_names_the_node_and_every_missing_file(
    torch_home, monkeypatch, backbone_layers
):
    dead = dead_url()
    monkeypatch.setattr(pw, "weights_url", lambda a, w: f"{dead}/{a}-{w}-1234abcd.pth")
    graph = fake_graph(
        ("Backbone", "Pretrained", {"arch": ARCH, "weights": WEIGHTS}),
        ("Other", "Pretrained", {"arch": "resnet18", "weights": "IMAGENET1K_V1"}),
    )
    with pytest.raises(WeightsMissingError) as caught:
        fetch_for_graph(graph)
    message = str(caught.value)
    assert message.startswith(f"Backbone: The pretrained weights {ARCH}-{WEIGHTS}-1234abcd.pth")
    assert 'weights to "none"' in message and str(torch_home) in message
    assert f"Also missing: resnet18-IMAGENET1K_V1-1234abcd.pth ({dead}/" in message


def test_a_graph_without_backbones_needs_nothing(monkeypatch, torch_home):
    # Not even the backbone layers' arch_of: every run passes through fetch_for_graph.
    seed_cnn = load_template("seed-cnn").graph
    monkeypatch.setitem(sys.modules, "studio.layers.pretrained", None)  # importing it fails
    graph = fake_graph(("Dense_1", "Core", {"units": 10, "weights": "x"}))
    assert fetch_for_graph(graph) == []
    assert fetch_for_graph(seed_cnn) == []


# The run pipeline ------------------------------------------------------------------------


def quick_request(tmp_path):
    project = load_template("seed-mlp")
    project.training.update(epochs=1, batch_size=50, validation_split=0.0)
    project.dataset["name"] = "synthetic-shapes"
    return RunRequest(project, out_dir=tmp_path / "run", train_limit=100, test_limit=50)


def test_a_run_fetches_weights_first_and_shows_the_progress(tmp_path, monkeypatch):
    events: list = []
    request = quick_request(tmp_path)

    def fetch(graph, progress=None, cancelled=None):
        assert graph is request.project.graph
        progress("Downloading pretrained weights: x.pth", 5, 10)
        return ["Downloaded the pretrained weights x.pth (1.0 MB) into /cache."]

    monkeypatch.setattr(pw, "fetch_for_graph", fetch)
    state = TrainingState(
        on_progress=lambda m, d, t: events.append(("progress", m, d, t)),
        on_message=lambda text: events.append(("message", text)),
    )
    assert execute(request, state) is not None
    assert events[0] == ("progress", "Downloading pretrained weights: x.pth", 5, 10)
    assert ("message", "Downloaded the pretrained weights x.pth (1.0 MB) into /cache.") in events


def test_a_run_stops_with_the_plain_message_when_weights_are_missing(tmp_path, monkeypatch):
    def fetch(graph, progress=None, cancelled=None):
        raise WeightsMissingError("Backbone: The pretrained weights x.pth are missing")

    monkeypatch.setattr(pw, "fetch_for_graph", fetch)
    with pytest.raises(WeightsMissingError, match=r"x\.pth are missing"):
        execute(quick_request(tmp_path), TrainingState())
    assert not (tmp_path / "run").exists()  # nothing trained, nothing left behind


# With the backbone layers ----------------------------------------------------------------


def backbone_project(layer_id: str):
    """The seed MLP with its hidden layers replaced by a frozen pretrained backbone."""
    project = load_template("seed-mlp")
    graph = project.graph
    for node_id in ("flatten_1", "dense_1", "dense_2"):
        graph.remove_node(node_id)
    graph.add_node(
        layer_id, {"weights": WEIGHTS, "freeze": "all", "image_size": 32}, node_id="backbone"
    )
    graph.connect("input_1", "backbone")
    graph.connect("backbone", "dense_3")
    project.training.update(epochs=1, batch_size=50, validation_split=0.0)
    project.dataset["name"] = "synthetic-shapes"
    return project


def test_a_run_with_a_backbone_downloads_its_weights_and_trains_from_them(
    served, weights_blob, torch_home, tmp_path, monkeypatch
):
    pretrained = pytest.importorskip("studio.layers.pretrained")
    if not hasattr(pretrained, "arch_of"):
        pytest.skip("the backbone layers do not give arch_of yet")
    name, body, state = weights_blob
    layer_id = next(
        layer.id
        for layer in pretrained.LAYERS
        if pretrained.arch_of(Node("x", layer.id, {})) == ARCH
    )
    project = backbone_project(layer_id)
    events: list = []
    run_state = TrainingState(
        on_progress=lambda m, d, t: events.append((m, d, t)), on_message=events.append
    )
    outcome = execute(
        RunRequest(project, out_dir=tmp_path / "run", train_limit=100, test_limit=50), run_state
    )
    assert (torch_home / name).read_bytes() == body
    assert any(isinstance(e, tuple) and name in e[0] and e[1] == len(body) for e in events)
    assert any(
        isinstance(e, str) and f"Downloaded the pretrained weights {name}" in e for e in events
    )
    # The frozen backbone holds the served weights, unchanged by training.
    first = state["features.0.0.weight"]
    assert any(
        p.shape == first.shape and torch.equal(p.detach().cpu(), first)
        for p in outcome.model.parameters()
    )


def test_netstudio_train_offline_prints_the_plain_message(tmp_path, monkeypatch, capsys):
    from studio.cli import EXIT_USER_ERROR, main

    def fetch(graph, progress=None, cancelled=None):
        raise WeightsMissingError(
            pw._missing_message(
                pw.weights_file("resnet18", "IMAGENET1K_V1"), "no internet connection?"
            )
        )

    monkeypatch.setattr(pw, "fetch_for_graph", fetch)
    project = tmp_path / "p.json"
    assert main(["new", "seed-mlp", str(project)]) == 0
    code = main(
        [
            "train",
            str(project),
            "--dataset",
            "synthetic-shapes",
            "--limit",
            "100",
            "--out",
            str(tmp_path / "run"),
        ]
    )
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR
    assert "resnet18-f37072fd.pth" in err and 'weights to "none"' in err
    assert "Traceback" not in err
