"""Session templates for the sync tests: the office tree of sync_kit, initialised once
(keys cost seconds) and copied for each test or each hypothesis example."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sync_kit import CATEGORY_ID, EDGES, UNIT, Net, Site, adopt_site, create_site, op, trust

from bzdesk.models.staffing import CountyTotal, StaffingCategory, Unit


@pytest.fixture(scope="session")
def net_template(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    """Five sites with their peers added along the tree edges (nothing else)."""
    root = tmp_path_factory.mktemp("net")
    shutil.copytree(template_dir, root / "a1")
    sites = {"a1": adopt_site("a1", root / "a1")}
    for name in ("province", "city", "a2", "b"):
        sites[name] = create_site(name, root / name)
    net = Net(sites)
    try:
        for a, b in EDGES:
            trust(net[a], net[b])
    finally:
        net.close()
    return sites


@pytest.fixture(scope="session")
def seeded_template(net_template: dict[str, Site],
                    tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    """The tree after a first full exchange: the city's 编制类型 dictionary entry and
    each county's 编制总额, one unit per county, known everywhere they belong."""
    net = Net.copy_of(net_template, tmp_path_factory.mktemp("seeded"))
    try:
        with op(net["city"], "新增编制类型") as (s, _):
            s.add(StaffingCategory(id=CATEGORY_ID, office_id="360100", code="XZ",
                                   name="行政编制"))
            s.flush()  # no relationship(): the ORM does not order these inserts by FK
            for county in ("360121", "360122"):
                s.add(CountyTotal(office_id="360100", for_office=county,
                                  category_id=CATEGORY_ID, total=100, doc="洪编〔2024〕1号",
                                  effective_on=date(2024, 1, 1)))
        for site, code in (("a1", "360121"), ("b", "360122")):
            with op(net[site], "新增机构") as (s, _):
                s.add(Unit(id=UNIT[code], office_id=code,
                           name=f"{code}县委办公室", kind="党委"))
        net.full_exchange()
    finally:
        net.close()
    return net.sites


@pytest.fixture
def net(net_template: dict[str, Site], tmp_path: Path) -> Iterator[Net]:
    n = Net.copy_of(net_template, tmp_path / "net")
    yield n
    n.close()


@pytest.fixture
def seeded(seeded_template: dict[str, Site], tmp_path: Path) -> Iterator[Net]:
    n = Net.copy_of(seeded_template, tmp_path / "seeded")
    yield n
    n.close()
