"""Frozen-backbone training: an epoch on cached features vs an epoch recomputing the backbone.

MobileNetV3-Small (weights "none": no download needed; the speed is the same as pretrained),
frozen whole, a small head, on synthetic 3×96×96 images. The same run twice through NetStudio's
trainer, with and without the feature cache; the epochs after the first are compared (the
cached run's first epoch computes the features).

    .venv/bin/python bench/bench_feature_cache.py [--samples 2000] [--size 96] [--epochs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import torch

from studio import supervised
from studio.data.base import Dataset
from studio.graph import Graph
from studio.project import Project
from studio.training import TrainingState, train


def _dataset(samples: int, size: int) -> Dataset:
    g = torch.Generator().manual_seed(0)
    x = torch.randint(0, 256, (samples + 200, 3, size, size), dtype=torch.uint8, generator=g)
    y = torch.randint(0, 5, (samples + 200,), generator=g)
    return Dataset("bench", "Bench images", "classification", x[:samples], y[:samples],
                   x[samples:], y[samples:], [str(i) for i in range(5)])


def _project(size: int, epochs: int) -> Project:
    graph = Graph()
    previous = None
    for layer_id, params in (
        ("Input", {"shape": [3, size, size]}),
        ("MobileNetV3Small", {"weights": "none", "freeze": "all", "image_size": size}),
        ("Dense", {"units": 64, "activation": "relu"}),
        ("Dense", {"units": 5, "activation": "softmax"}),
        ("Output", {}),
    ):
        node = graph.add_node(layer_id, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    project = Project(name="Feature cache bench", graph=graph)
    project.training.update({"epochs": epochs, "batch_size": 64, "validation_split": 0.1,
                             "seed": 1})
    return project


def _epoch_seconds(project: Project, data: Dataset, cached: bool) -> list[float]:
    seconds: list[float] = []
    original = supervised.feature_cache_for
    if not cached:
        supervised.feature_cache_for = lambda task: None
    try:
        with tempfile.TemporaryDirectory() as folder:
            state = TrainingState(on_epoch=lambda r: seconds.append(r.seconds))
            result = train(project, data, state, out_dir=Path(folder))
            assert result.status == "finished", result.status
    finally:
        supervised.feature_cache_for = original
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--size", type=int, default=96)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(2)
    data = _dataset(args.samples, args.size)
    project = _project(args.size, args.epochs)
    plain = _epoch_seconds(project, data, cached=False)
    cached = _epoch_seconds(project, data, cached=True)
    later_plain, later_cached = statistics.median(plain[1:]), statistics.median(cached[1:])
    print(f"MobileNetV3-Small frozen, {args.samples} images 3×{args.size}×{args.size}, "
          f"{torch.get_num_threads()} threads")
    print(f"  recomputing the backbone: epochs {', '.join(f'{s:.2f}' for s in plain)} s")
    print(f"  cached features:          epochs {', '.join(f'{s:.2f}' for s in cached)} s")
    print(f"  epoch after the first: {later_plain:.2f} s vs {later_cached:.3f} s "
          f"= {later_plain / later_cached:.0f}× faster")


if __name__ == "__main__":
    main()
