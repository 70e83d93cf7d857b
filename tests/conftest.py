"""Shared test settings and the example plants as fixtures.

The tests mirror the package: ``tests/<layer>/test_<module>.py`` (``kernel``, ``data``,
``processes``, ``accounting``, ``decisions``, ``interface``); tests of the whole
package (architecture, docstrings, old import paths, typing, recorded results,
notebooks) sit at the top.
"""

import os

import matplotlib
import pytest
from hypothesis import settings

import greenchain as gc

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

settings.register_profile("greenchain", deadline=None, max_examples=60)
settings.load_profile("greenchain")


# -- the example plants, shared by the test modules (one load per module, as before) --


@pytest.fixture(scope="module")
def tile():
    """The Jinjiang porcelain tile plant example (``examples/data/tile_plant.yaml``)."""
    return gc.load_plant(gc.example_path("tile_plant.yaml"))


@pytest.fixture(scope="module")
def dyeing():
    """The dyeing and finishing mill example (``examples/data/dyeing_mill.yaml``)."""
    return gc.load_plant(gc.example_path("dyeing_mill.yaml"))


@pytest.fixture(scope="module")
def shoe():
    """The sports-shoe factory example (``examples/data/shoe_factory.yaml``)."""
    return gc.load_plant(gc.example_path("shoe_factory.yaml"))
