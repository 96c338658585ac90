"""Atomic writes (studio.files): permissions whatever the umask, durability, and a failed write
that leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from studio import files
from studio.errors import StudioError
from studio.files import FileWriteError, atomic_write, atomic_write_text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o077, 0o000, 0o002], ids=lambda m: f"umask{m:03o}")
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_modes_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    atomic_write_text(tmp_path / "metrics.json", "{}")
    atomic_write(tmp_path / "model.safetensors", lambda t: Path(t).write_bytes(b"w"), mode=0o600)
    atomic_write(tmp_path / "model.onnx", lambda t: Path(t).write_bytes(b"o"))

    # A serialiser that deletes and re-creates its target (as some do) gets the mode too.
    def recreate(tmp: str) -> None:
        os.unlink(tmp)
        with open(tmp, "wb") as f:
            f.write(b"x")

    atomic_write(tmp_path / "model.pt", recreate)
    assert _mode(tmp_path / "metrics.json") == 0o644
    assert _mode(tmp_path / "model.safetensors") == 0o600
    assert _mode(tmp_path / "model.onnx") == 0o644
    assert _mode(tmp_path / "model.pt") == 0o644


def test_replacing_sets_the_requested_mode(tmp_path: Path) -> None:
    target = tmp_path / "model.safetensors"
    target.write_bytes(b"old")
    target.chmod(0o666)
    atomic_write(target, lambda t: Path(t).write_bytes(b"new"), mode=0o600)
    assert target.read_bytes() == b"new" and _mode(target) == 0o600


def test_content_and_no_leftovers(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "deep" / "er" / "a.txt", "héllo\n")
    assert (tmp_path / "deep" / "er" / "a.txt").read_text(encoding="utf-8") == "héllo\n"
    assert os.listdir(tmp_path / "deep" / "er") == ["a.txt"]


def test_file_and_folder_are_synced(tmp_path: Path, monkeypatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", fsync)
    target = tmp_path / "a.json"
    atomic_write_text(target, "{}")
    # First the temporary file's data (before the rename), then the folder (after it).
    assert len(synced) == 2
    assert Path(synced[0]).parent == tmp_path and Path(synced[0]).name.startswith(".a.json.")
    assert Path(synced[1]) == tmp_path


def _failing(error: int):
    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(b"half a fi")
        raise OSError(error, os.strerror(error))

    return write


@pytest.mark.parametrize(
    ("error", "words"),
    [(errno.ENOSPC, "no space left"), (errno.EROFS, "read-only"), (errno.EACCES, "permission")],
)
def test_failed_write_keeps_the_old_file(tmp_path: Path, error: int, words: str) -> None:
    target = tmp_path / "project.json"
    target.write_text("the user's work")
    with pytest.raises(FileWriteError) as caught:
        atomic_write(target, _failing(error))
    assert target.read_text() == "the user's work"
    assert os.listdir(tmp_path) == ["project.json"]  # no temporary file left
    message = str(caught.value)
    assert words in message and "project.json" in message and "Errno" not in message
    # Caught by the CLI and the app as a user error, and by older code as an OSError.
    assert isinstance(caught.value, StudioError) and isinstance(caught.value, OSError)
    assert caught.value.errno == error


def test_failed_write_of_a_new_file_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="no space left"):
        atomic_write(tmp_path / "model.safetensors", _failing(errno.ENOSPC), mode=0o600)
    assert os.listdir(tmp_path) == []


def test_fsync_failing_with_no_space_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    # Some file systems report a full disk only when the data is flushed.
    target = tmp_path / "metrics.json"
    target.write_text("old")

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", fsync)
    with pytest.raises(FileWriteError, match="no space left"):
        atomic_write_text(target, "new")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["metrics.json"]


class _Disk:
    """os.statvfs's answer for a disk with `free` bytes left."""

    def __init__(self, free: int) -> None:
        self.f_frsize, self.f_bavail = 4096, free // 4096


def test_serialiser_bug_passes_through_and_cleans_up(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(files.os, "statvfs", lambda _: _Disk(10 << 30))
    target = tmp_path / "checkpoint.pt"
    target.write_bytes(b"old")

    def broken(tmp: str) -> None:
        Path(tmp).write_bytes(b"partial")
        raise TypeError("cannot pickle this")

    with pytest.raises(TypeError, match="cannot pickle"):
        atomic_write(target, broken)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["checkpoint.pt"]


def test_serialiser_failing_on_a_full_disk_says_so(tmp_path: Path, monkeypatch) -> None:
    # torch.save on a full disk: "[enforce fail at inline_container.cc:672] . unexpected pos".
    monkeypatch.setattr(files.os, "statvfs", lambda _: _Disk(0))
    target = tmp_path / "checkpoint.pt"
    target.write_bytes(b"old")

    def torch_save(tmp: str) -> None:
        Path(tmp).write_bytes(b"partial")
        raise RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos 832 vs 726")

    with pytest.raises(FileWriteError, match="no space left") as caught:
        atomic_write(target, torch_save)
    assert "enforce" not in str(caught.value) and caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["checkpoint.pt"]


def test_unwritable_folder_is_a_plain_message(tmp_path: Path) -> None:
    blocker = tmp_path / "runs"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(FileWriteError) as caught:
        atomic_write_text(blocker / "run1" / "metrics.json", "{}")
    assert "metrics.json" in str(caught.value) and "in the way of its folder" in str(caught.value)
    assert blocker.read_text() == "a file where a folder should be"
    with pytest.raises(FileWriteError, match="in the way of its folder"):
        atomic_write_text(blocker / "metrics.json", "{}")


def test_folder_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "model.onnx").mkdir()
    with pytest.raises(FileWriteError, match="a folder of that name is in the way"):
        atomic_write(tmp_path / "model.onnx", lambda t: Path(t).write_bytes(b"x"))
    assert os.listdir(tmp_path) == ["model.onnx"] and (tmp_path / "model.onnx").is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.json").write_text("old")
    folder.chmod(0o555)
    try:
        with pytest.raises(FileWriteError, match="permission denied"):
            atomic_write_text(folder / "a.json", "new")
        assert (folder / "a.json").read_text() == "old"
    finally:
        folder.chmod(0o755)
