import os

import pytest
import torch

# The CI machine has two cores: keep torch from oversubscribing them.
torch.set_num_threads(2)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _seeded():
    torch.manual_seed(0)
