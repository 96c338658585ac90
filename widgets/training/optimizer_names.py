"""What the optimizers of studio.settings.OPTIMIZER_VARIANTS are called on screen.

Kept apart from the comparison itself because the plots and the runs list also name runs by
their optimizer, and they should not depend on the module that starts runs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def optimizer_title(key: str) -> str | None:
    """The translated name of an optimizer variant; None for a key that is not one."""
    # Each literal is written out in full so that the string extractor finds it.
    titles = {
        "sgd": QCoreApplication.translate("Optimizers", "SGD"),
        "sgd-momentum": QCoreApplication.translate("Optimizers", "SGD with momentum"),
        "adam": QCoreApplication.translate("Optimizers", "Adam"),
        "adamw": QCoreApplication.translate("Optimizers", "AdamW"),
        "rmsprop": QCoreApplication.translate("Optimizers", "RMSprop"),
        "sgd-nesterov": QCoreApplication.translate("Optimizers", "SGD with Nesterov momentum"),
    }
    return titles.get(key)


def optimizer_hint(key: str) -> str:
    """One line on what the optimizer does differently, for the comparison dialog."""
    hints = {
        "sgd": QCoreApplication.translate(
            "Optimizers", "Steps straight down the gradient, the same size for every weight."
        ),
        "sgd-momentum": QCoreApplication.translate(
            "Optimizers", "Keeps part of the last step, so it rolls through small bumps."
        ),
        "adam": QCoreApplication.translate(
            "Optimizers", "Scales each weight's step by its recent gradients; a safe default."
        ),
        "adamw": QCoreApplication.translate(
            "Optimizers", "Adam with weight decay applied apart from the gradient step."
        ),
        "rmsprop": QCoreApplication.translate(
            "Optimizers", "Divides each step by the recent size of that weight's gradients."
        ),
        "sgd-nesterov": QCoreApplication.translate(
            "Optimizers", "Momentum that looks one step ahead before it moves."
        ),
    }
    return hints.get(key, "")
