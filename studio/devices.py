"""Which devices can train here, and how a user's device name becomes a torch.device."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import torch

from studio.errors import StudioError
from studio.messages import msg


class DeviceError(StudioError):
    """A device that cannot be used here. The message is for the user."""


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # what the user types: "cpu", "cuda:0", "mps"
    title: str  # what the user reads: "NVIDIA H100 (80 GB)"


def available_devices() -> list[DeviceInfo]:
    devices = [DeviceInfo("cpu", msg("CPU ({threads} threads)", threads=torch.get_num_threads()))]
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(i)
            devices.append(
                DeviceInfo(f"cuda:{i}", f"{props.name} ({props.total_memory / 2**30:.0f} GB)")
            )
    if _mps_available():
        devices.append(DeviceInfo("mps", "Apple GPU (MPS)"))
    return devices


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend and backend.is_available())


def resolve_device(name: str) -> torch.device:
    """'auto' picks a CUDA GPU, then Apple's MPS, then the CPU."""
    name = (name or "auto").strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda:0")
        return torch.device("mps") if _mps_available() else torch.device("cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name == "mps":
        if not _mps_available():
            raise DeviceError(msg("This machine has no Apple GPU (MPS); use --device cpu or auto"))
        return torch.device("mps")
    if name == "cuda" or name.startswith("cuda:"):
        if not torch.cuda.is_available():
            raise DeviceError(msg("This machine has no usable CUDA GPU; use --device cpu or auto"))
        index = 0 if name == "cuda" else name.partition(":")[2]
        if not str(index).isdigit() or int(index) >= torch.cuda.device_count():
            raise DeviceError(
                msg(
                    "There is no GPU {name}: this machine has cuda:0 to cuda:{last}",
                    name=name,
                    last=torch.cuda.device_count() - 1,
                )
            )
        return torch.device(f"cuda:{int(index)}")
    raise DeviceError(msg("Unknown device {name!r}: use auto, cpu, cuda, cuda:N or mps", name=name))


def cpu_has_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AVX-512 BF16 or AMX); emulated bf16 is slow."""
    cpu = getattr(torch.backends, "cpu", None)
    capability = cpu.get_cpu_capability() if cpu else ""
    return "AVX512" in capability.upper() and bool(
        getattr(torch.ops.mkldnn, "_is_mkldnn_bf16_supported", lambda: False)()
    )


def autocast_for(device: torch.device, enabled: bool):
    """Mixed precision where the device has it: float16 on CUDA, bfloat16 on CPUs with native
    bf16; otherwise a no-op, so asking for it is never an error."""
    if not enabled:
        return contextlib.nullcontext()
    if device.type == "cuda":
        return torch.autocast("cuda", dtype=torch.float16)
    if device.type == "cpu" and cpu_has_bf16():
        return torch.autocast("cpu", dtype=torch.bfloat16)
    if device.type == "mps":
        return torch.autocast("mps", dtype=torch.float16)
    return contextlib.nullcontext()
