"""Keras' MultiHeadAttention as an nn.Module: torch.nn's MultiheadAttention cannot take it.

torch's class projects the query to its own feature size and splits that among the heads
(embed_dim divisible by num_heads, the output as wide as the projections). Keras projects the
query, key and value each to num_heads × key_dim, whatever their sizes, and the result back to
the query's feature size: four Linear layers here, so the weights and their count are Keras'.
Uses only `torch` and `nn`: exported source carries this class beside the model.
"""

from __future__ import annotations

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    """Attention of the query's time steps over the value's (keyed by `key`, the value itself
    if not given), in `num_heads` heads of `key_dim` numbers each; batch-first sequences."""

    def __init__(
        self,
        num_heads: int,
        key_dim: int,
        query_features: int,
        value_features: int,
        key_features: int,
        dropout: float = 0.0,
        bias: bool = True,
    ) -> None:
        super().__init__()
        self.num_heads, self.key_dim, self.dropout = num_heads, key_dim, dropout
        width = num_heads * key_dim
        self.query = nn.Linear(query_features, width, bias=bias)
        self.key = nn.Linear(key_features, width, bias=bias)
        self.value = nn.Linear(value_features, width, bias=bias)
        self.output = nn.Linear(width, query_features, bias=bias)

    def _heads(self, x: torch.Tensor) -> torch.Tensor:
        # batch×time×(heads·key_dim) → batch×heads×time×key_dim
        return x.unflatten(-1, (self.num_heads, self.key_dim)).transpose(1, 2)

    def forward(
        self, query: torch.Tensor, value: torch.Tensor, key: torch.Tensor | None = None
    ) -> torch.Tensor:
        key = value if key is None else key
        attended = nn.functional.scaled_dot_product_attention(  # scores scaled by 1/√key_dim
            self._heads(self.query(query)),
            self._heads(self.key(key)),
            self._heads(self.value(value)),
            dropout_p=self.dropout if self.training else 0.0,
        )
        return self.output(attended.transpose(1, 2).flatten(2))
