"""Commands that need no tensors start without PyTorch (1 to 2 s of CPU saved on each).

Not a timing test: each command runs in a fresh interpreter, and a small wrapper reports which
heavy modules it imported. bench/bench_startup.py measures the times.
"""

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("torch", "numpy", "PIL", "PySide6", "torchvision", "safetensors")

WRAPPER = """
import json, sys
from studio.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exit_:  # --help
    status = exit_.code
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
print("\\nIMPORTED " + json.dumps({"status": status, "heavy": heavy}))
"""


def imported_by(*args: str, cwd=None) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n" + WRAPPER, *args],
        capture_output=True, text=True, timeout=120, cwd=cwd,
        env={**os.environ, "NETSTUDIO_LANGUAGE": "en"},
    )
    line = [x for x in result.stdout.splitlines() if x.startswith("IMPORTED ")]
    assert line, result.stderr
    return json.loads(line[-1].removeprefix("IMPORTED "))


@pytest.mark.parametrize(
    "args",
    [["--help"], ["templates"], ["datasets"], ["train", "--help"], ["export", "--help"]],
)
def test_commands_without_tensors_do_not_import_torch(args):
    found = imported_by(*args)
    assert found["status"] == 0
    assert found["heavy"] == []


def test_new_writes_a_project_without_torch(tmp_path):
    found = imported_by("new", "seed-cnn", str(tmp_path / "p.json"))
    assert found == {"status": 0, "heavy": []}
    assert (tmp_path / "p.json").is_file()


def test_chinese_output_needs_no_torch_either(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n" + WRAPPER, "datasets"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "NETSTUDIO_LANGUAGE": "zh_CN"},
    )
    assert "合成图形" in result.stdout
    assert '"heavy": []' in result.stdout


def test_the_wrapper_sees_torch_where_a_command_needs_it(tmp_path):
    # Otherwise the tests above could pass with a wrapper that sees nothing.
    assert imported_by("new", "seed-mlp", str(tmp_path / "p.json"))["status"] == 0
    found = imported_by("summary", str(tmp_path / "p.json"))
    assert found["status"] == 0 and "torch" in found["heavy"]
