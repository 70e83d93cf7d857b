"""Caveats stay with their result: categories kept, one emission, thread-safe."""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

import greenchain as gc
from greenchain.errors import (
    Caveat,
    FallbackWarning,
    UnverifiedDataWarning,
    caveat,
    collect_caveats,
    emit_caveats,
)


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


@pytest.fixture(scope="module")
def plants():
    return {
        name: gc.load_plant(gc.example_path(f"{name}.yaml"))
        for name in ("tile_plant", "dyeing_mill")
    }


def test_caveat_outside_a_collector_warns_at_the_callers_line():
    with pytest.warns(FallbackWarning, match="grid year") as record:
        caveat("grid year 2030 not published; using 2023", FallbackWarning)
    assert record[0].filename == __file__


def test_collector_keeps_category_and_field_and_drops_duplicates():
    with collect_caveats() as caught:
        caveat("a", UnverifiedDataWarning, field="energy[0].factor")
        caveat("a", UnverifiedDataWarning)
        caveat("b", FallbackWarning)
    assert caught == [
        Caveat(UnverifiedDataWarning, "a", "energy[0].factor"),
        Caveat(FallbackWarning, "b"),
    ]


def test_nested_collectors_hand_caveats_outward():
    with collect_caveats() as outer:
        with collect_caveats() as inner:
            caveat("inner", FallbackWarning)
        emit_caveats(inner)
    assert [c.message for c in outer] == ["inner"]


def test_results_carry_categorised_caveats(plants):
    # SAR: the dyeing mill's AR6 factors are all sourced since #23, its SAR GWPs are not
    inventory = _quiet(plants["dyeing_mill"].inventory, gwp="SAR")
    assert inventory.warnings == [c.message for c in inventory.caveats]
    unverified = [c for c in inventory.caveats if c.message.startswith("results use unverified")]
    assert len(unverified) == 1 and unverified[0].category is UnverifiedDataWarning
    footprint = _quiet(plants["dyeing_mill"].product_footprint, "dyed_woven_fabric")
    assert footprint.warnings == [c.message for c in footprint.caveats]
    assert any(c.category is UnverifiedDataWarning for c in footprint.caveats)


def test_public_call_warns_once_per_caveat_at_the_users_line(plants):
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        inventory = plants["dyeing_mill"].inventory()
    messages = [str(w.message) for w in record]
    assert sorted(messages) == sorted(inventory.warnings)
    assert {w.filename for w in record} == {__file__}


def test_eight_threads_each_result_gets_exactly_its_own_warnings(plants):
    """40 runs each of two plants in a pool of 8 threads: no result borrows another's."""
    expected = {}
    for name, plant in plants.items():
        expected[name, "inventory"] = _quiet(plant.inventory).warnings
        expected[name, "energy"] = _quiet(plant.energy).warnings
        product = plant.data.products[0].id
        expected[name, "footprint"] = _quiet(plant.product_footprint, product).warnings
    assert expected["tile_plant", "inventory"] != expected["dyeing_mill", "inventory"]
    assert expected["tile_plant", "footprint"] != expected["dyeing_mill", "footprint"]

    def run(job):
        name, kind = job
        plant = plants[name]
        if kind == "inventory":
            result = plant.inventory()
        elif kind == "energy":
            result = plant.energy()
        else:
            result = plant.product_footprint(plant.data.products[0].id)
        return job, result.warnings

    jobs = [
        (name, kind)
        for _ in range(40)
        for name in plants
        for kind in ("inventory", "energy", "footprint")
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(run, jobs))
    wrong = [job for job, got in results if got != expected[job]]
    assert not wrong, f"{len(wrong)} of {len(results)} results carry another run's warnings"
