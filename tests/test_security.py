"""Nothing NetStudio opens is unpickled: a crafted file that would run code when unpickled is
refused with a clear message wherever weights are read, and its code never runs.

The payload writes a marker file when unpickled. A control test unpickles it on purpose, so
that the marker staying absent everywhere else means something.
"""

import os
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch

from studio.compiler import compile_graph
from studio.export import export, load_source
from studio.project import ProjectError, save_project
from studio.runs import RunError, load_checkpoint, load_trained, save_weights
from studio.templates import load_template

# torch notes that a raw pickle uses a newer protocol than its own files, before refusing it.
pytestmark = pytest.mark.filterwarnings("ignore:Detected pickle protocol:UserWarning")


class Payload:
    """Unpickling this runs `exec(code)`: here, writing a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('pwned')",))


def raw_pickle(path: Path, marker: Path) -> Path:
    path.write_bytes(pickle.dumps({"dense_1.weight": Payload(marker)}))
    return path


def torch_pickle(path: Path, marker: Path) -> Path:
    # torch.save's zip format, as a real .pt would be, with the payload among the weights.
    torch.save({"model": {"dense_1.weight": Payload(marker)}, "epoch": 1}, path)
    return path


CRAFTED = {"raw-pickle": raw_pickle, "torch-save": torch_pickle}


@pytest.fixture
def marker(tmp_path):
    path = tmp_path / "marker.txt"
    yield path
    assert not path.exists(), "the crafted file's code ran"


@pytest.fixture
def project():
    return load_template("seed-mlp")


def test_the_payload_really_runs_code_when_unpickled(tmp_path):
    control = tmp_path / "control.txt"
    pickle.loads(raw_pickle(tmp_path / "x.pt", control).read_bytes())
    assert control.read_text() == "pwned"
    control.unlink()
    with zipfile.ZipFile(torch_pickle(tmp_path / "y.pt", control)) as archive:
        data = next(n for n in archive.namelist() if n.endswith("data.pkl"))
        assert b"exec" in archive.read(data)


@pytest.mark.parametrize("craft", CRAFTED.values(), ids=CRAFTED.keys())
def test_a_crafted_checkpoint_is_refused(tmp_path, marker, craft):
    path = craft(tmp_path / "checkpoint.pt", marker)
    with pytest.raises(RunError, match="was refused: it contains Python objects"):
        load_checkpoint(path)


@pytest.mark.parametrize("craft", CRAFTED.values(), ids=CRAFTED.keys())
def test_a_crafted_pt_weights_file_given_to_the_exporter_is_refused(
    tmp_path, marker, project, craft
):
    path = craft(tmp_path / "weights.pt", marker)
    save_project(project, tmp_path / "weights.json")
    with pytest.raises(RunError, match="never runs code from a file"):
        export(path, "onnx", tmp_path / "out")
    assert not (tmp_path / "out.onnx").exists()


@pytest.mark.parametrize("craft", CRAFTED.values(), ids=CRAFTED.keys())
def test_a_crafted_checkpoint_inside_a_run_folder_is_refused(tmp_path, marker, project, craft):
    # A run stopped before its final weights: the exporter reads its checkpoint.
    save_project(project, tmp_path / "project.json")
    craft(tmp_path / "checkpoint.pt", marker)
    with pytest.raises(RunError, match="was refused"):
        export(tmp_path, "pt2", tmp_path / "out")


@pytest.mark.parametrize("craft", CRAFTED.values(), ids=CRAFTED.keys())
def test_crafted_weights_inside_a_run_folder_or_bundle_are_refused(
    tmp_path, marker, project, craft
):
    save_project(project, tmp_path / "project.json")
    craft(tmp_path / "model.safetensors", marker)
    with pytest.raises(RunError, match="is not a readable safetensors file"):
        load_trained(tmp_path)
    with pytest.raises(RunError, match="is not a readable safetensors file"):
        export(tmp_path, "py", tmp_path / "package")
    # The same file as a bundle: weights with their project beside them.
    save_project(project, tmp_path / "model.json")
    with pytest.raises(RunError, match="is not a readable safetensors file"):
        load_source(tmp_path / "model.safetensors")


def test_a_crafted_project_file_is_refused(tmp_path, marker):
    path = raw_pickle(tmp_path / "project.json", marker)
    with pytest.raises(ProjectError, match="so not a NetStudio project"):
        export(path, "onnx", tmp_path / "out")


def test_the_exported_package_refuses_crafted_weights_and_data(tmp_path, marker, project):
    run = tmp_path / "run"
    run.mkdir()
    save_project(project, run / "project.json")
    save_weights(run / "model.safetensors", compile_graph(project.graph).state_dict(), project)
    package = tmp_path / "package"
    export(run, "py", package)
    evil_weights = torch_pickle(tmp_path / "evil.pt", marker)
    evil_data = tmp_path / "evil.npz"
    np.savez(evil_data, x=np.array([Payload(marker)], dtype=object))
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    code = (
        "import sys, common\n"
        "for load, path in ((common.load_weights, sys.argv[1]), (common.load_arrays, sys.argv[2]),"
        " (common.load_arrays, sys.argv[1])):\n"
        "    try:\n"
        "        load(path)\n"
        "    except SystemExit as refused:\n"
        "        print('REFUSED', refused)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(evil_weights), str(evil_data)],
        cwd=package,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("REFUSED") for line in lines), lines
    assert "evil.pt was refused" in lines[0] and "evil.npz was refused" in lines[1]
