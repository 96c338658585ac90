"""Train the model with PyTorch alone: one process, or many with DistributedDataParallel.

    python train.py                                   # one process (CPU or one GPU)
    torchrun --nproc_per_node=4 train.py              # 4 processes on this machine
    torchrun --nnodes=2 --node_rank=0 --master_addr=HOST --master_port=29500 \\
             --nproc_per_node=4 train.py              # on each of 2 machines (node_rank 0, 1)

Each process trains on its own share of the data (DistributedSampler); DDP averages the
gradients so every replica takes the same step. GPUs communicate with NCCL, CPUs with Gloo.
Only rank 0 writes checkpoints and the final weights. The defaults come from the project's
training settings (config.json); every one can be changed with a flag (see --help).
"""

import argparse
import math
import os
import time
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, Subset, TensorDataset
from torch.utils.data.distributed import DistributedSampler

from common import (
    CONFIG,
    OUTPUT,
    build_model,
    load_arrays,
    load_weights,
    model_inputs,
    safe_torch_load,
    save_weights,
    synthetic_inputs,
)


def parse_args(argv=None):
    t = CONFIG["training"]
    p = argparse.ArgumentParser(description="Train the model, alone or under torchrun.")
    p.add_argument(
        "--data",
        help=".npz with x_train, y_train (and x_test, y_test to evaluate); "
        "without it, synthetic data of the right shape",
    )
    p.add_argument("--samples", type=int, default=2048, help="size of the synthetic data set")
    p.add_argument("--epochs", type=int, default=t["epochs"])
    p.add_argument(
        "--batch-size",
        type=int,
        default=t["batch_size"],
        help="samples per step in each process (the global batch is N times this)",
    )
    p.add_argument(
        "--optimizer", choices=("sgd", "adam", "adamw", "rmsprop"), default=t["optimizer"]
    )
    p.add_argument("--lr", type=float, default=t["learning_rate"], help="learning rate")
    p.add_argument("--momentum", type=float, default=t["momentum"], help="SGD and RMSprop")
    p.add_argument("--nesterov", action=argparse.BooleanOptionalAction, default=t["nesterov"])
    p.add_argument("--weight-decay", type=float, default=t["weight_decay"], help="L2 penalty")
    p.add_argument("--l1", type=float, default=t["l1"], help="L1 penalty on the weights")
    p.add_argument(
        "--schedule",
        choices=("constant", "step", "exponential", "cosine", "plateau"),
        default=t["schedule"],
        help="learning-rate schedule, stepped each epoch",
    )
    p.add_argument("--schedule-step", type=int, default=t["schedule_step"])
    p.add_argument("--schedule-gamma", type=float, default=t["schedule_gamma"])
    p.add_argument("--seed", type=int, default=t["seed"])
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--workers", type=int, default=0, help="DataLoader worker processes")
    p.add_argument(
        "--init-weights",
        metavar="PATH",
        help="start from these weights (e.g. model.safetensors) instead of fresh ones",
    )
    p.add_argument("--resume", metavar="CHECKPOINT", help="continue a run from its checkpoint")
    p.add_argument("--checkpoint-dir", default="checkpoints", help="rank 0 writes here per epoch")
    p.add_argument(
        "--save-final",
        default="trained.pt",
        metavar="PATH",
        help="the trained weights (.pt, or .safetensors with that package)",
    )
    p.add_argument(
        "--save-every-rank",
        action="store_true",
        help="every rank also writes its weights as PATH.rankN.pt, to check replicas",
    )
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: off)")
    return p.parse_args(argv)


# Processes ----------------------------------------------------------------------------------


def setup(device_choice):
    """Rank, world size and device. torchrun sets RANK, WORLD_SIZE, LOCAL_RANK and the
    rendezvous address in the environment; a plain `python train.py` is a world of one."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = device_choice == "cuda" or (device_choice == "auto" and torch.cuda.is_available())
    device = torch.device("cuda", local_rank) if use_cuda else torch.device("cpu")
    if use_cuda:
        torch.cuda.set_device(device)  # one GPU per process
    if world > 1:
        dist.init_process_group("nccl" if use_cuda else "gloo")
    return rank, world, device


def all_sum(values, world):
    """Sum tensors over all processes (for loss and accuracy reports), as numbers."""
    t = torch.stack([v.double() for v in values])
    if world > 1:
        dist.all_reduce(t)
    return t.tolist()


# Data ---------------------------------------------------------------------------------------


def datasets(args):
    """(train, test or None) as TensorDatasets of the inputs then the target (if labels)."""
    if args.data:
        arrays = load_arrays(args.data)
        train = model_inputs(arrays, "x_train") + targets(arrays, "y_train")
        test = None
        if "x_test" in arrays or any(k.startswith("x_test_") for k in arrays):
            test = model_inputs(arrays, "x_test") + targets(arrays, "y_test")
        return TensorDataset(*train), test and TensorDataset(*test)
    # Synthetic data, the same on every rank (same seed): labels come from a fixed random
    # "teacher" projection of the inputs, so there is something to learn and the loss falls.
    generator = torch.Generator().manual_seed(args.seed)
    xs = synthetic_inputs(args.samples, generator)
    if OUTPUT is None or OUTPUT["target"] == "input":
        return TensorDataset(*xs), None
    flat = xs[0].flatten(1).float()
    width = math.prod(OUTPUT["shape"])
    scores = flat @ torch.randn(flat.shape[1], width, generator=generator)
    if OUTPUT["loss"] == "cross_entropy":
        y = scores.argmax(1)
    elif OUTPUT["loss"] == "binary_cross_entropy":
        y = (scores > 0).float().reshape(-1, *OUTPUT["shape"])
    else:
        y = (scores / flat.shape[1] ** 0.5).reshape(-1, *OUTPUT["shape"])
    return TensorDataset(*xs, y), None


def targets(arrays, key):
    if OUTPUT["target"] == "input":
        return []
    if key not in arrays:
        raise SystemExit(f"The data has no array {key!r} (it has {sorted(arrays)})")
    y = arrays[key]
    return [y.long() if OUTPUT["loss"] == "cross_entropy" else y.float()]


def split_batch(batch, device):
    batch = [t.to(device, non_blocking=True) for t in batch]
    if OUTPUT["target"] == "input":
        return batch, batch[0]  # an autoencoder learns to reproduce its input
    return batch[:-1], batch[-1]


# Loss, optimizer, schedule ------------------------------------------------------------------


def loss_function(out, y):
    # The training model returns logits: these losses apply the softmax/sigmoid themselves.
    if OUTPUT["loss"] == "cross_entropy":
        return F.cross_entropy(out, y)
    if OUTPUT["loss"] == "binary_cross_entropy":
        if out.shape[-1] == 1 and y.dim() == 1:
            y = y.unsqueeze(-1)
        elif out.shape != y.shape:  # class ids against one score per class
            y = F.one_hot(y.long(), out.shape[-1])
        return F.binary_cross_entropy_with_logits(out, y.to(out.dtype))
    return F.mse_loss(out, y.reshape(out.shape).to(out.dtype))


def has_accuracy():
    """Accuracy is reported for class labels: one class per sample, or one yes/no score."""
    if OUTPUT["target"] != "labels":
        return False
    single_score = OUTPUT["loss"] == "binary_cross_entropy" and OUTPUT["shape"] == [1]
    return OUTPUT["loss"] == "cross_entropy" or single_score


def correct(out, y):
    """How many samples the scores classify right, as a tensor on the model's device."""
    if OUTPUT["loss"] == "cross_entropy":
        return (out.argmax(-1) == y).sum()
    return ((out.reshape(len(y), -1)[:, 0] > 0).long() == y.reshape(-1).long()).sum()


def parameter_groups(net, lr):
    """The weights that train, grouped by learning rate, as NetStudio trains them: frozen
    weights (requires_grad off, such as a pretrained backbone's) are left out, and the weights
    of a module with an `lr_factor` attribute train at lr × lr_factor."""
    factors = {}
    for module in net.modules():
        factor = getattr(module, "lr_factor", None)
        if factor is not None:
            for p in module.parameters():
                factors.setdefault(id(p), float(factor))  # the outermost module's factor
    groups = {}
    for p in net.parameters():
        if p.requires_grad:
            groups.setdefault(factors.get(id(p), 1.0), []).append(p)
    return [{"params": ps, "lr": lr * factor} for factor, ps in groups.items()]


def make_optimizer(args, parameters):
    if args.optimizer == "sgd":
        return torch.optim.SGD(
            parameters,
            lr=args.lr,
            momentum=args.momentum,
            nesterov=args.nesterov and args.momentum > 0,
            weight_decay=args.weight_decay,
        )
    if args.optimizer == "rmsprop":
        return torch.optim.RMSprop(
            parameters, lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay
        )
    optimizer = torch.optim.AdamW if args.optimizer == "adamw" else torch.optim.Adam
    return optimizer(parameters, lr=args.lr, weight_decay=args.weight_decay)


def make_schedule(args, optimizer):
    sched = torch.optim.lr_scheduler
    if args.schedule == "step":
        return sched.StepLR(optimizer, args.schedule_step, args.schedule_gamma)
    if args.schedule == "exponential":
        return sched.ExponentialLR(optimizer, args.schedule_gamma)
    if args.schedule == "cosine":
        return sched.CosineAnnealingLR(optimizer, max(1, args.epochs))
    if args.schedule == "plateau":
        return sched.ReduceLROnPlateau(optimizer, factor=args.schedule_gamma, patience=1)
    return None


# Files (rank 0 only) ------------------------------------------------------------------------


def save_checkpoint(path, rank, **state):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    torch.save(state, tmp)  # tensors and plain data only: it loads with weights_only=True
    os.replace(tmp, path)  # a crash mid-write never leaves half a checkpoint
    print(f"[rank {rank}] saved checkpoint {path}", flush=True)


def rank_path(path, rank):
    path = Path(path)
    return path.with_name(f"{path.stem}.rank{rank}.pt")


# Normalization layers -----------------------------------------------------------------------

MEASURED_SAMPLES = 50_000  # as NetStudio: the statistics are settled long before that


class Reached(Exception):
    """Stops the model once the layer being measured has its input."""


@torch.no_grad()
def measure_normalization(net, dataset, args, device, rank):
    """Keras' adapt(), as NetStudio does before a fresh run's first epoch: each Normalization
    layer's mean and variance become those of the values that reach it, over up to
    MEASURED_SAMPLES training samples. model.py defines its layers in the order forward calls
    them, so each layer is measured with the ones before it already set. Every rank draws the
    same samples, so all agree. Dropout and noise are off meanwhile."""
    layers = [(n, m) for n, m in net.named_modules() if type(m).__name__ == "Normalization"]
    if not layers or not len(dataset):
        return
    order = torch.randperm(len(dataset), generator=torch.Generator().manual_seed(args.seed))
    sample = Subset(dataset, order[:MEASURED_SAMPLES].tolist())
    net.eval()
    for name, layer in layers:
        count, total, squares = 0, 0.0, 0.0
        for batch in DataLoader(sample, batch_size=args.batch_size):
            xs, _ = split_batch(batch, device)
            x = input_of(net, layer, xs).double()  # float64: the sums lose nothing
            # One statistic per feature (per channel of an image): reduce every other axis.
            shape = (1,) * (x.dim() - layer.mean.dim()) + tuple(layer.mean.shape)
            dims = [d for d, size in enumerate(shape) if size == 1]
            count += math.prod(x.shape[d] for d in dims)
            total = total + x.sum(dims).reshape(layer.mean.shape)
            squares = squares + (x * x).sum(dims).reshape(layer.mean.shape)
        mean = total / count
        variance = (squares / count - mean * mean).clamp_min(0)  # Keras' population variance
        layer.mean.copy_(mean)
        layer.variance.copy_(variance)
        if rank == 0:
            print(
                f"Normalization {name}: measured on {len(sample)} samples, mean "
                f"{mean.min():.4g} to {mean.max():.4g}, standard deviation "
                f"{variance.sqrt().min():.4g} to {variance.sqrt().max():.4g}",
                flush=True,
            )
    net.train()


def input_of(net, layer, xs):
    """What reaches `layer` when the model runs on `xs`; the model stops there."""
    reached = []

    def hook(module, args):
        reached.append(args[0])
        raise Reached

    handle = layer.register_forward_pre_hook(hook)
    try:
        net(*xs)
    except Reached:
        pass
    finally:
        handle.remove()
    return reached[0]


# Training -----------------------------------------------------------------------------------


def evaluate(net, dataset, device):
    """Loss and accuracy on the test set, run by rank 0 on the whole set."""
    net.eval()
    loss_sum, hits, seen = 0.0, 0, 0
    with torch.no_grad():
        for batch in DataLoader(dataset, batch_size=512):
            xs, y = split_batch(batch, device)
            out = net(*xs)
            loss_sum += loss_function(out, y).item() * len(y)
            hits += correct(out, y).item() if has_accuracy() else 0
            seen += len(y)
    net.train()
    return loss_sum / seen, (hits / seen if has_accuracy() else None)


def train(args):
    if OUTPUT is None:
        raise SystemExit("The model has no single Output layer, so there is no loss to train on")
    rank, world, device = setup(args.device)
    torch.manual_seed(args.seed)  # same seed, same initial weights on every rank
    # Given weights replace every weight: a backbone then needs no pretrained file.
    net = build_model(training=True, pretrained_files=not (args.init_weights or args.resume))
    if args.init_weights:
        net.load_state_dict(load_weights(args.init_weights))
    net.to(device)
    optimizer = make_optimizer(args, parameter_groups(net, args.lr))
    schedule = make_schedule(args, optimizer)
    start_epoch, step = 0, 0
    if args.resume:
        checkpoint = safe_torch_load(args.resume)
        net.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])
        if schedule is not None and checkpoint.get("schedule"):
            schedule.load_state_dict(checkpoint["schedule"])
        start_epoch, step = checkpoint["epoch"], checkpoint["step"]
    # DDP copies rank 0's weights to the others at start and averages gradients every step.
    model = net
    if world > 1:
        model = DistributedDataParallel(
            net, device_ids=[device.index] if device.type == "cuda" else None
        )

    train_set, test_set = datasets(args)
    if not (args.init_weights or args.resume):  # given weights carry their statistics
        measure_normalization(net, train_set, args, device, rank)
    sampler = DistributedSampler(train_set, num_replicas=world, rank=rank, seed=args.seed)
    loader = DataLoader(
        train_set,
        batch_size=args.batch_size,
        sampler=sampler,
        num_workers=args.workers,
        pin_memory=device.type == "cuda",
    )
    print(
        f"[rank {rank}] of {world} on {device}: {len(sampler)} of {len(train_set)} samples",
        flush=True,
    )

    checkpoint_path = Path(args.checkpoint_dir) / "checkpoint.pt"
    stop = False
    for epoch in range(start_epoch, args.epochs):
        sampler.set_epoch(epoch)  # a different shuffle each epoch, agreed by all ranks
        started = time.perf_counter()
        # Sums stay on the device: reading them every step would stall a GPU.
        loss_sum, hits, seen = (torch.zeros((), device=device) for _ in range(3))
        for batch in loader:
            xs, y = split_batch(batch, device)
            out = model(*xs)
            loss = loss_function(out, y)
            if args.l1:
                loss = loss + args.l1 * sum(p.abs().sum() for p in net.parameters())
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            step += 1
            loss_sum += loss.detach() * len(y)
            if has_accuracy():
                hits += correct(out.detach(), y)
            seen += len(y)
            # Every rank has the same number of batches, so all stop at the same step.
            if args.max_steps and step >= args.max_steps:
                stop = True
                break
        loss_sum, hits, seen = all_sum([loss_sum, hits, seen], world)
        mean_loss = loss_sum / max(seen, 1)
        if args.schedule == "plateau":
            schedule.step(mean_loss)  # all ranks see the same mean loss, so agree on the rate
        elif schedule is not None:
            schedule.step()
        if rank == 0:
            report = f"epoch {epoch + 1}/{args.epochs}  step {step}  loss {mean_loss:.4f}"
            if has_accuracy():
                report += f"  accuracy {hits / max(seen, 1):.1%}"
            if test_set is not None:
                test_loss, test_accuracy = evaluate(net, test_set, device)
                report += f"  test loss {test_loss:.4f}"
                if test_accuracy is not None:
                    report += f"  test accuracy {test_accuracy:.1%}"
            seconds = time.perf_counter() - started
            print(f"{report}  ({seconds:.1f} s, {seen / seconds:.0f} samples/s)", flush=True)
            save_checkpoint(
                checkpoint_path,
                rank,
                epoch=epoch + (0 if stop else 1),
                step=step,
                model=net.state_dict(),
                optimizer=optimizer.state_dict(),
                schedule=schedule.state_dict() if schedule is not None else {},
            )
        if stop:
            break

    if world > 1:
        # Gradients keep the weights equal; running statistics (BatchNorm) are per rank, so
        # take rank 0's everywhere: every replica then holds exactly what rank 0 saves.
        for buffer in net.buffers():
            dist.broadcast(buffer, src=0)
    if rank == 0:
        save_weights(args.save_final, net.state_dict())
        print(f"[rank {rank}] saved the trained weights to {args.save_final}", flush=True)
    if args.save_every_rank:
        save_weights(rank_path(args.save_final, rank), net.state_dict())
    if world > 1:
        dist.barrier(device_ids=[device.index] if device.type == "cuda" else None)
        dist.destroy_process_group()


if __name__ == "__main__":
    train(parse_args())
