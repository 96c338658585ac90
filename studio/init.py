"""Keras' default weight initialisation, which the seed guides' results were obtained with.

PyTorch initialises Linear and Conv weights with kaiming_uniform(a=√5) and small random biases;
Keras uses Glorot-uniform weights and zero biases, orthogonal recurrent weights and a forget-gate
bias of 1 in LSTMs. With the seeds' short training (5 epochs of Adam) the Keras start reaches
the guides' accuracy more reliably, so it is NetStudio's default ("glorot").
"""

from __future__ import annotations

import torch
from torch import nn

_DENSE_LIKE = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.ConvTranspose2d)
_RECURRENT = {nn.LSTM: 4, nn.GRU: 3, nn.RNN: 1}


@torch.no_grad()
def keras_init(model: nn.Module) -> None:
    """Re-initialise the model's own layers (not those inside composite blocks) in place."""
    for module in model.children():
        if isinstance(module, _DENSE_LIKE):
            nn.init.xavier_uniform_(module.weight)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif type(module) in _RECURRENT:
            _init_recurrent(module, _RECURRENT[type(module)])
        elif isinstance(module, nn.Embedding):
            nn.init.uniform_(module.weight, -0.05, 0.05)


def _init_recurrent(module: nn.RNNBase, gates: int) -> None:
    for name, param in module.named_parameters():
        if name.startswith("weight_ih"):
            # Keras draws the whole (input, gates × units) kernel as one Glorot matrix.
            nn.init.xavier_uniform_(param)
        elif name.startswith("weight_hh"):
            for chunk in param.chunk(gates, 0):
                nn.init.orthogonal_(chunk)
        elif name.startswith("bias"):
            nn.init.zeros_(param)
            if isinstance(module, nn.LSTM) and name.startswith("bias_ih"):
                units = module.hidden_size
                param[units : 2 * units] = 1.0  # the forget gate starts open, as in Keras
