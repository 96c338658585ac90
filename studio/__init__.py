"""NetStudio's engine: graph model, layer registry, shapes, compiler, data, training, export.

Qt-free on purpose: everything here runs headless (tests, `netstudio train`, CI).
"""

__version__ = "0.1.0"
