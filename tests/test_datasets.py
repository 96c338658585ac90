"""Headless tests of studio.data: synthetic sets, IDX/CIFAR parsing, the downloader against a local
HTTP server, Debian's Fashion-MNIST folder, image folders and CSV files."""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import socket
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from studio.data import (
    Dataset,
    DatasetError,
    DatasetTooLargeError,
    StreamingImageFolder,
    default_cache_dir,
    list_datasets,
    load_dataset,
    synthetic,
    vision,
)
from studio.data import download as download_mod
from studio.data import folder as folder_mod
from studio.data.idx import parse_idx, read_idx, write_idx

torch.set_num_threads(1)

MNIST_FILES = vision.IDX_FILES


# ---------------------------------------------------------------- helpers


def files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


def make_idx_set(n_train: int = 50, n_test: int = 20, seed: int = 1) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        MNIST_FILES[0]: rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        MNIST_FILES[1]: rng.integers(0, 10, n_train).astype(np.uint8),
        MNIST_FILES[2]: rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        MNIST_FILES[3]: rng.integers(0, 10, n_test).astype(np.uint8),
    }


def idx_bytes(arrays: dict[str, np.ndarray], tmp: Path) -> dict[str, bytes]:
    out = {}
    for name, arr in arrays.items():
        write_idx(tmp / name, arr)
        out[name] = (tmp / name).read_bytes()
    return out


def write_idx_dir(folder: Path, arrays: dict[str, np.ndarray], gz: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, arr in arrays.items():
        write_idx(folder / (name if gz else name.removesuffix(".gz")), arr)


def assert_matches(ds: Dataset, arrays: dict[str, np.ndarray]) -> None:
    assert ds.x_train.dtype == torch.uint8 and ds.x_train.shape == (50, 1, 28, 28)
    assert ds.x_test.shape == (20, 1, 28, 28)
    assert ds.y_train.dtype == torch.int64
    assert np.array_equal(ds.x_train[:, 0].numpy(), arrays[MNIST_FILES[0]])
    assert np.array_equal(ds.y_train.numpy(), arrays[MNIST_FILES[1]])
    assert np.array_equal(ds.x_test[:, 0].numpy(), arrays[MNIST_FILES[2]])
    assert np.array_equal(ds.y_test.numpy(), arrays[MNIST_FILES[3]])


class FileServer:
    """A tiny HTTP server on 127.0.0.1 serving in-memory files; counts requests."""

    def __init__(self, files: dict[str, bytes]):
        self.files = dict(files)  # URL path -> content
        self.truncate: set[str] = set()  # paths whose transfer stops half way
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                body = server.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.path in server.truncate:
                    self.wfile.write(body[: len(body) // 2])
                    self.close_connection = True
                    return
                # Several writes, so that the client sees the bytes arrive in chunks.
                for i in range(0, len(body), 4096):
                    self.wfile.write(body[i : i + 4096])

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join()


@pytest.fixture
def server():
    servers: list[FileServer] = []

    def start(files: dict[str, bytes]) -> FileServer:
        s = FileServer(files)
        servers.append(s)
        return s

    yield start
    for s in servers:
        s.stop()


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, tmp_path):
    # No test may see the user's cache, a real mirror setting or Debian's folder by accident.
    monkeypatch.setenv("NETSTUDIO_DATA", str(tmp_path / "default-cache"))
    monkeypatch.delenv("NETSTUDIO_DATASET_MIRROR", raising=False)
    monkeypatch.setenv("NETSTUDIO_FMNIST_DIR", str(tmp_path / "no-debian-fmnist"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- synthetic sets


@pytest.fixture(scope="module")
def shapes() -> Dataset:
    return load_dataset("synthetic-shapes")


@pytest.fixture(scope="module")
def waves() -> Dataset:
    return load_dataset("synthetic-waveforms")


def test_shapes_layout_and_balance(shapes: Dataset) -> None:
    assert shapes.name == "synthetic-shapes" and shapes.task == "classification"
    assert shapes.x_train.shape == (12000, 1, 28, 28) and shapes.x_train.dtype == torch.uint8
    assert shapes.x_test.shape == (2000, 1, 28, 28)
    assert shapes.y_train.dtype == torch.int64
    assert shapes.input_shape == (1, 28, 28) and shapes.is_image and shapes.num_classes == 10
    assert torch.bincount(shapes.y_train).tolist() == [1200] * 10
    assert torch.bincount(shapes.y_test).tolist() == [200] * 10
    # Real images: dark background, bright shape, full dynamic range used.
    x = shapes.x_train[:500].float()
    assert x.mean() < 100 and x.amax() == 255 and x.amin() == 0
    f = shapes.float_x(shapes.x_train[:4])
    assert f.dtype == torch.float32 and f.min() >= 0 and f.max() <= 1


def test_shapes_deterministic_by_seed() -> None:
    a = synthetic.load_shapes(seed=3, n_train=300, n_test=100)
    b = synthetic.load_shapes(seed=3, n_train=300, n_test=100)
    c = synthetic.load_shapes(seed=4, n_train=300, n_test=100)
    assert torch.equal(a.x_train, b.x_train) and torch.equal(a.y_test, b.y_test)
    assert not torch.equal(a.x_train, c.x_train)
    # The test split does not depend on how many training samples were asked for.
    d = synthetic.load_shapes(seed=3, n_train=50, n_test=100)
    assert torch.equal(a.x_test, d.x_test)


def test_shapes_learnable_but_not_trivial(shapes: Dataset) -> None:
    # Nearest class centroid on raw pixels: far above chance (10 %), far below perfect.
    x = shapes.float_x(shapes.x_train[:3000]).flatten(1)
    y = shapes.y_train[:3000]
    xt = shapes.float_x(shapes.x_test).flatten(1)
    centroids = torch.stack([x[y == k].mean(0) for k in range(10)])
    acc = (torch.cdist(xt, centroids).argmin(1) == shapes.y_test).float().mean().item()
    assert 0.3 < acc < 0.9, acc
    # Every class is recognised clearly better than chance, not only a few easy ones.
    pred = torch.cdist(xt, centroids).argmin(1)
    per_class = [(pred[shapes.y_test == k] == k).float().mean().item() for k in range(10)]
    assert min(per_class) > 0.15, per_class


def test_waveforms_layout_and_determinism(waves: Dataset) -> None:
    assert waves.x_train.shape == (6000, 64, 1) and waves.x_train.dtype == torch.float32
    assert waves.x_test.shape == (1000, 64, 1)
    assert waves.input_shape == (64, 1) and not waves.is_image
    assert torch.bincount(waves.y_train).tolist() == [1000] * 6
    assert waves.float_x(waves.x_test) is waves.x_test
    assert torch.isfinite(waves.x_train).all()
    again = synthetic.load_waveforms(seed=0)
    assert torch.equal(again.x_train, waves.x_train)
    other = synthetic.load_waveforms(seed=1, n_train=100, n_test=10)
    assert not torch.equal(other.x_train, waves.x_train[:100])


def _logistic_accuracy(xtr, ytr, xte, yte, k: int) -> float:
    """Softmax regression by plain full-batch gradient descent (no torch.optim: its first use
    costs a second of lazy imports)."""
    mu, sd = xtr.mean(0), xtr.std(0) + 1e-6
    xtr, xte = (xtr - mu) / sd, (xte - mu) / sd
    w = torch.zeros(xtr.shape[1], k)
    b = torch.zeros(k)
    onehot = torch.nn.functional.one_hot(ytr, k).float()
    for _ in range(200):
        grad = (torch.softmax(xtr @ w + b, 1) - onehot) / len(xtr)  # d loss / d logits
        w -= 0.5 * (xtr.T @ grad)
        b -= 0.5 * grad.sum(0)
    return ((xte @ w + b).argmax(1) == yte).float().mean().item()


def test_waveforms_learnable(waves: Dataset) -> None:
    def features(x: torch.Tensor) -> torch.Tensor:
        # Phase-free features: spectrum magnitude and the sorted values / steps.
        x = x[:, :, 0]
        x = (x - x.mean(1, keepdim=True)) / (x.std(1, keepdim=True) + 1e-6)
        return torch.cat(
            [torch.fft.rfft(x).abs() / 8, x.sort(1).values, x.diff(dim=1).abs().sort(1).values], 1
        )

    acc = _logistic_accuracy(
        features(waves.x_train[:1000]),
        waves.y_train[:1000],
        features(waves.x_test),
        waves.y_test,
        6,
    )
    assert acc > 0.8, acc  # chance is 1/6
    # The raw samples, with their random phase, are not linearly separable: a real task.
    raw = _logistic_accuracy(
        waves.x_train[:1000, :, 0], waves.y_train[:1000], waves.x_test[:, :, 0], waves.y_test, 6
    )
    assert raw < 0.6, raw


def test_subset_takes_first_n(shapes: Dataset) -> None:
    small = shapes.subset(100, 30)
    assert len(small.x_train) == 100 and len(small.y_test) == 30
    assert torch.equal(small.x_train, shapes.x_train[:100])
    assert small.classes == shapes.classes and small.name == shapes.name
    assert len(shapes.subset(None, 5).x_train) == 12000


# ---------------------------------------------------------------- IDX


def test_idx_roundtrip_and_damage(tmp_path: Path) -> None:
    arr = np.arange(2 * 3 * 4, dtype=np.int32).reshape(2, 3, 4) - 5
    write_idx(tmp_path / "a.gz", arr)
    write_idx(tmp_path / "b", arr)
    assert np.array_equal(read_idx(tmp_path / "a.gz"), arr)
    assert np.array_equal(read_idx(tmp_path / "b"), arr)
    raw = (tmp_path / "b").read_bytes()
    with pytest.raises(DatasetError, match="not a valid IDX"):
        parse_idx(raw[:-3], "b")
    with pytest.raises(DatasetError, match="not a valid IDX"):
        parse_idx(b"\x01\x02\x03", "b")
    (tmp_path / "c.gz").write_bytes(gzip.compress(raw)[:20])
    with pytest.raises(DatasetError, match="damaged"):
        read_idx(tmp_path / "c.gz")


# ---------------------------------------------------------------- downloads


@pytest.fixture
def mnist_mirror(tmp_path, monkeypatch, server):
    """A local mirror serving a tiny MNIST; EXPECTED_MD5 set to its files' sums."""
    arrays = make_idx_set()
    (tmp_path / "src").mkdir()
    blobs = idx_bytes(arrays, tmp_path / "src")
    srv = server({f"/{name}": body for name, body in blobs.items()})
    monkeypatch.setenv("NETSTUDIO_DATASET_MIRROR", srv.url + "/")
    for name, body in blobs.items():
        monkeypatch.setitem(vision.EXPECTED_MD5, ("mnist", name), hashlib.md5(body).hexdigest())
    return srv, arrays


def test_download_progress_and_cache(tmp_path: Path, mnist_mirror, monkeypatch) -> None:
    srv, arrays = mnist_mirror
    monkeypatch.setattr(download_mod, "CHUNK", 4096)  # several progress calls for a small file
    cache = tmp_path / "cache"
    calls: list[tuple[str, int, int]] = []
    ds = load_dataset("mnist", cache_dir=cache, progress=lambda m, d, t: calls.append((m, d, t)))
    assert_matches(ds, arrays)
    assert ds.classes == [str(d) for d in range(10)]
    # Progress: per file, from 0 up to the file's size, never going back.
    by_file: dict[str, list[tuple[int, int]]] = {}
    for message, done, total in calls:
        by_file.setdefault(message, []).append((done, total))
    assert len(by_file) == 4 and any("(1 of 4)" in m for m in by_file)
    big = next(v for m, v in by_file.items() if "train-images" in m)
    assert len(big) > 3 and big[0][0] == 0 and big[-1][0] == big[-1][1] > 0
    assert all(a[0] < b[0] for a, b in itertools.pairwise(big))
    # Files live in the cache under their own names; no temporary file is left.
    assert sorted(p.name for p in files_under(cache)) == sorted(MNIST_FILES)
    # The mirror was asked under <base>/mnist/ first, then by plain file name.
    assert f"/mnist/{MNIST_FILES[0]}" in srv.requests and f"/{MNIST_FILES[0]}" in srv.requests

    srv.stop()
    n_requests = len(srv.requests)
    again = load_dataset("mnist", cache_dir=cache)
    assert_matches(again, arrays)
    assert len(srv.requests) == n_requests
    info = {i.name: i for i in list_datasets(cache_dir=cache)}
    assert info["mnist"].available and str(cache) in info["mnist"].detail


def test_download_wrong_checksum_leaves_nothing(tmp_path: Path, mnist_mirror, monkeypatch) -> None:
    monkeypatch.setitem(vision.EXPECTED_MD5, ("mnist", MNIST_FILES[0]), "0" * 32)
    cache = tmp_path / "cache"
    with pytest.raises(DatasetError) as err:
        load_dataset("mnist", cache_dir=cache)
    msg = str(err.value)
    assert "could not be downloaded" in msg and "damaged" in msg
    assert files_under(cache) == []


def test_interrupted_download_leaves_nothing(tmp_path: Path, mnist_mirror) -> None:
    srv, arrays = mnist_mirror
    srv.truncate = {f"/{MNIST_FILES[0]}"}
    cache = tmp_path / "cache"
    with pytest.raises(DatasetError, match="could not be downloaded"):
        load_dataset("mnist", cache_dir=cache)
    assert files_under(cache) == []
    # Once the server behaves, the next load completes the set.
    srv.truncate = set()
    assert_matches(load_dataset("mnist", cache_dir=cache), arrays)


def test_server_unreachable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NETSTUDIO_DATASET_MIRROR", f"http://127.0.0.1:{free_port()}")
    cache = tmp_path / "cache"
    with pytest.raises(DatasetError) as err:
        load_dataset("kmnist", cache_dir=cache)
    msg = str(err.value)
    assert "not on this machine and could not be downloaded" in msg
    assert "synthetic-shapes" in msg and "apt-get install dataset-fashion-mnist" in msg
    assert "Traceback" not in msg
    assert files_under(cache) == []


def test_download_disabled(tmp_path: Path, mnist_mirror) -> None:
    srv, _ = mnist_mirror
    with pytest.raises(DatasetError, match="downloading is turned off"):
        load_dataset("mnist", cache_dir=tmp_path / "cache", download=False)
    assert srv.requests == []


def _cifar_batches(seed: int = 0) -> dict[str, bytes]:
    rng = np.random.default_rng(seed)
    out = {}
    for name in vision.CIFAR_TRAIN + vision.CIFAR_TEST:
        n = 10 if name != "test_batch.bin" else 7
        labels = rng.integers(0, 10, (n, 1), dtype=np.uint8)
        pixels = rng.integers(0, 256, (n, 3072), dtype=np.uint8)
        out[name] = np.concatenate([labels, pixels], 1).tobytes()
    return out


def _tar_gz(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _check_cifar(ds: Dataset, batches: dict[str, bytes]) -> None:
    assert ds.x_train.shape == (50, 3, 32, 32) and ds.x_test.shape == (7, 3, 32, 32)
    assert ds.x_train.dtype == torch.uint8 and ds.input_shape == (3, 32, 32)
    first = np.frombuffer(batches["data_batch_1.bin"], np.uint8).reshape(-1, 3073)
    assert ds.y_train[0] == first[0, 0]
    # Red plane, then green, then blue, each row by row.
    assert np.array_equal(ds.x_train[0, 1].numpy().ravel(), first[0, 1 + 1024 : 1 + 2048])
    assert ds.classes[0] == "airplane"


def test_cifar10_binary_download(tmp_path: Path, monkeypatch, server) -> None:
    batches = _cifar_batches()
    members = {f"cifar-10-batches-bin/{n}": b for n, b in batches.items()}
    members["cifar-10-batches-bin/batches.meta.txt"] = b"airplane\n"
    archive = _tar_gz(members)
    srv = server({"/cifar-10/cifar-10-binary.tar.gz": archive})
    monkeypatch.setenv("NETSTUDIO_DATASET_MIRROR", srv.url)
    monkeypatch.setitem(
        vision.EXPECTED_MD5, ("cifar-10", vision.CIFAR_ARCHIVE), hashlib.md5(archive).hexdigest()
    )
    cache = tmp_path / "cache"
    ds = load_dataset("cifar10", cache_dir=cache)
    _check_cifar(ds, batches)
    assert (cache / "cifar-10" / vision.CIFAR_ARCHIVE).is_file()
    assert srv.requests == ["/cifar-10/cifar-10-binary.tar.gz"]


def test_cifar10_unpacked_folder(tmp_path: Path) -> None:
    batches = _cifar_batches(1)
    folder = tmp_path / "cache" / "cifar-10-batches-bin"
    folder.mkdir(parents=True)
    for name, data in batches.items():
        (folder / name).write_bytes(data)
    _check_cifar(load_dataset("cifar-10", cache_dir=tmp_path / "cache", download=False), batches)
    (folder / "test_batch.bin").write_bytes(batches["test_batch.bin"][:-5])
    with pytest.raises(DatasetError, match="damaged"):
        load_dataset("cifar-10", cache_dir=tmp_path / "cache", download=False)


def test_torchvision_layout_in_cache(tmp_path: Path) -> None:
    arrays = make_idx_set(seed=5)
    write_idx_dir(tmp_path / "cache" / "MNIST" / "raw", arrays, gz=False)
    ds = load_dataset("mnist", cache_dir=tmp_path / "cache", download=False)
    assert_matches(ds, arrays)


# ---------------------------------------------------------------- Fashion-MNIST on the system


def test_fashion_mnist_from_system_folder(tmp_path: Path, monkeypatch) -> None:
    arrays = make_idx_set(seed=7)
    system = tmp_path / "debian" / "fashion-mnist"
    write_idx_dir(system, arrays)
    monkeypatch.setenv("NETSTUDIO_FMNIST_DIR", str(system))
    cache = tmp_path / "empty-cache"
    ds = load_dataset("fashion-mnist", cache_dir=cache, download=False)
    assert_matches(ds, arrays)
    assert ds.classes[0] == "T-shirt/top" and ds.source == str(system)
    info = {i.name: i for i in list_datasets(cache_dir=cache)}
    assert info["fashion-mnist"].available and info["fashion-mnist"].kind == "system"
    assert str(system) in info["fashion-mnist"].detail
    assert not files_under(cache)


REAL_FMNIST = Path(vision.FMNIST_SYSTEM_DIR)


@pytest.mark.skipif(
    not (REAL_FMNIST / MNIST_FILES[0]).is_file(),
    reason="Debian's dataset-fashion-mnist is not installed",
)
def test_real_debian_fashion_mnist(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NETSTUDIO_FMNIST_DIR")
    ds = load_dataset("fashion-mnist", cache_dir=tmp_path, download=False)
    assert ds.x_train.shape == (60000, 1, 28, 28) and ds.x_test.shape == (10000, 1, 28, 28)
    assert torch.bincount(ds.y_test).tolist() == [1000] * 10


# ---------------------------------------------------------------- image folders


def _write_png(path: Path, value: int, size=(8, 6), mode: str = "L") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    color = value if mode == "L" else (value, 255 - value, 7)
    Image.new(mode, size, color).save(path)


def _class_folder(root: Path, per_class: int = 10) -> Path:
    for k, name in enumerate(["cat", "dog", "fox"]):
        for i in range(per_class):
            _write_png(root / name / f"{i:02d}.png", 50 * k + i)
    return root


def test_image_folder_grayscale(tmp_path: Path) -> None:
    root = _class_folder(tmp_path / "pets")
    (root / "notes.txt").write_text("not an image")
    ds = load_dataset("image-folder", path=str(root), seed=1)
    assert ds.classes == ["cat", "dog", "fox"] and ds.title == "pets"
    assert ds.x_train.dtype == torch.uint8 and ds.input_shape == (1, 6, 8)
    assert len(ds.x_train) == 24 and len(ds.x_test) == 6
    assert torch.bincount(ds.y_test).tolist() == [2, 2, 2]  # stratified
    # Labels go with their own pixels (value 50 * class + index).
    for x, y in zip(
        torch.cat([ds.x_train, ds.x_test]), torch.cat([ds.y_train, ds.y_test]), strict=True
    ):
        assert int(x[0, 0, 0]) // 50 == int(y)
    same = load_dataset("image-folder", path=str(root), seed=1)
    assert torch.equal(same.y_train, ds.y_train)
    other = load_dataset("image-folder", path=str(root), seed=2)
    assert not torch.equal(other.y_train, ds.y_train)


def test_image_folder_rgb_when_any_color(tmp_path: Path) -> None:
    root = _class_folder(tmp_path / "pets", per_class=3)
    _write_png(root / "dog" / "color.png", 100, mode="RGB")
    ds = load_dataset("image-folder", path=str(root))
    assert ds.input_shape == (3, 6, 8)
    all_x = torch.cat([ds.x_train, ds.x_test])
    colored = [x for x in all_x if x[1, 0, 0] == 155]
    assert len(colored) == 1 and colored[0][0, 0, 0] == 100 and colored[0][2, 0, 0] == 7


def test_image_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset("image-folder", path=str(tmp_path / "nowhere"))
    with pytest.raises(DatasetError, match="needs a path"):
        load_dataset("image-folder")
    one = tmp_path / "one"
    _write_png(one / "only" / "a.png", 1)
    (one / "empty").mkdir()
    with pytest.raises(DatasetError, match="at least two"):
        load_dataset("image-folder", path=str(one))
    # Images of another size are resized to the folder's common size, not refused.
    mixed = _class_folder(tmp_path / "mixed", per_class=2)
    _write_png(mixed / "fox" / "big.png", 3, size=(16, 16))
    assert load_dataset("image-folder", path=str(mixed)).input_shape[1:] == (6, 8)
    # A file that only pretends to be an image is left out, and the user is told which.
    broken = _class_folder(tmp_path / "broken", per_class=2)
    (broken / "cat" / "zz.png").write_bytes(b"not a png")
    ds = load_dataset("image-folder", path=str(broken))
    assert len(ds.x_train) + len(ds.x_test) == 6
    assert len(ds.notes) == 1 and "zz.png" in ds.notes[0] and "Skipped one file" in ds.notes[0]


def test_image_folder_too_large_streams(tmp_path: Path, monkeypatch) -> None:
    root = _class_folder(tmp_path / "pets", per_class=5)
    monkeypatch.setattr(folder_mod, "MEMORY_FRACTION", 1e-12)
    with pytest.raises(DatasetTooLargeError, match="too large to hold in memory") as err:
        load_dataset("image-folder", path=str(root))
    stream = StreamingImageFolder(root, scan=err.value.scan)
    assert stream.input_shape == (1, 6, 8) and stream.n_train == 12 and stream.n_test == 3
    batches = list(stream.loader(batch_size=4, shuffle=False, workers=0))
    assert [len(y) for _, y in batches] == [4, 4, 4]
    x, y = batches[0]
    assert x.dtype == torch.uint8 and x.shape == (4, 1, 6, 8) and y.dtype == torch.int64
    assert all(int(xi[0, 0, 0]) // 50 == int(yi) for xi, yi in zip(x, y, strict=True))


# ---------------------------------------------------------------- CSV


def _write_csv(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_csv_classification(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    lines = ["height,weight,species"]
    for i in range(60):
        k = i % 3
        lines.append(
            f"{10 * k + rng.normal():.3f},{5 + k + rng.normal():.3f},"
            f"{['setosa', 'virginica', 'versicolor'][k]}"
        )
    ds = load_dataset("csv", path=str(_write_csv(tmp_path / "iris.csv", "\n".join(lines))))
    assert ds.task == "classification" and ds.classes == ["setosa", "versicolor", "virginica"]
    assert ds.x_train.dtype == torch.float32 and ds.x_train.shape == (48, 2)
    assert ds.x_test.shape == (12, 2) and ds.input_shape == (2,)
    assert torch.bincount(ds.y_test).tolist() == [4, 4, 4]
    assert ds.feature_names == ["height", "weight"]
    # Standardised with the training split's statistics.
    assert torch.allclose(ds.x_train.mean(0), torch.zeros(2), atol=1e-5)
    assert ds.feature_mean is not None and ds.feature_std is not None
    assert 8 < float(ds.feature_mean[0]) < 12


def test_csv_integer_labels_and_regression(tmp_path: Path) -> None:
    rows = "\n".join(f"{i},{i % 7},{(i * 37) % 3}" for i in range(40))
    ds = load_dataset(
        "csv", path=str(_write_csv(tmp_path / "c.csv", "a;b;label\n" + rows.replace(",", ";")))
    )
    assert ds.task == "classification" and ds.classes == ["0", "1", "2"]
    reg_rows = "\n".join(f"{i},{i * 0.5:.2f},{2.5 * i + 1:.3f}" for i in range(50))
    path = _write_csv(tmp_path / "r.csv", "x1,x2,target\n" + reg_rows)
    reg = load_dataset("csv", path=str(path))
    assert reg.task == "regression" and reg.classes == []
    assert reg.y_train.dtype == torch.float32 and reg.y_train.shape == (40,)
    # The label column can be chosen, and the task forced.
    by_name = load_dataset("csv", path=str(path), label_column="x1", task="regression")
    assert by_name.feature_names == ["x2", "target"]
    forced = load_dataset("csv", path=str(tmp_path / "c.csv"), task="regression")
    assert forced.task == "regression"


def test_csv_errors(tmp_path: Path) -> None:
    bad = _write_csv(tmp_path / "bad.csv", "age,city,label\n1,2,a\n3,Paris,b\n5,6,a\n")
    with pytest.raises(DatasetError) as err:
        load_dataset("csv", path=str(bad))
    assert "'city'" in str(err.value) and "line 3" in str(err.value)
    with pytest.raises(DatasetError) as err:
        load_dataset("csv", path=str(bad), label_column="lable")
    msg = str(err.value)
    assert "no column 'lable'" in msg and "'age', 'city', 'label'" in msg
    assert "Did you mean 'label'" in msg
    with pytest.raises(DatasetError, match="empty"):
        load_dataset("csv", path=str(_write_csv(tmp_path / "empty.csv", "")))
    with pytest.raises(DatasetError, match="no data rows"):
        load_dataset("csv", path=str(_write_csv(tmp_path / "head.csv", "a,b\n")))
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset("csv", path=str(tmp_path / "missing.csv"))
    ragged = _write_csv(tmp_path / "ragged.csv", "a,b,c\n1,2,3\n4,5\n")
    with pytest.raises(DatasetError, match="Line 3"):
        load_dataset("csv", path=str(ragged))
    with pytest.raises(DatasetError, match="Regression needs numbers"):
        load_dataset(
            "csv", path=str(_write_csv(tmp_path / "t.csv", "a,b\n1,x\n2,y\n")), task="regression"
        )


# ---------------------------------------------------------------- registry


def test_unknown_name_suggests() -> None:
    with pytest.raises(DatasetError) as err:
        load_dataset("mnsit")
    msg = str(err.value)
    assert "Did you mean 'mnist'" in msg and "synthetic-shapes" in msg and "cifar-10" in msg
    # Spelling variants of a known id are accepted.
    assert load_dataset("Synthetic_Waveforms", seed=0).name == "synthetic-waveforms"


def test_list_datasets_offline(tmp_path: Path) -> None:
    infos = {i.name: i for i in list_datasets(cache_dir=tmp_path / "empty")}
    assert set(infos) >= {
        "synthetic-shapes",
        "synthetic-waveforms",
        "mnist",
        "fashion-mnist",
        "kmnist",
        "cifar-10",
        "image-folder",
        "csv",
    }
    assert infos["synthetic-shapes"].available and infos["synthetic-shapes"].kind == "synthetic"
    assert infos["synthetic-shapes"].input_shape == (1, 28, 28)
    assert infos["synthetic-shapes"].num_classes == 10
    assert not infos["mnist"].available and infos["mnist"].kind == "torchvision"
    assert "download" in infos["mnist"].detail
    assert not infos["fashion-mnist"].available  # NETSTUDIO_FMNIST_DIR points nowhere
    assert "apt-get install dataset-fashion-mnist" in infos["fashion-mnist"].detail
    assert infos["csv"].kind == "user"


def test_default_cache_dir(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETSTUDIO_DATA", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    monkeypatch.delenv("NETSTUDIO_DATA")
    assert default_cache_dir() == Path.home() / ".cache" / "netstudio" / "datasets"


def test_data_package_is_qt_free() -> None:
    import studio.data

    for source in Path(studio.data.__file__).parent.glob("*.py"):
        text = source.read_text()
        assert "PySide6" not in text and "pyqtgraph" not in text and "widgets" not in text
