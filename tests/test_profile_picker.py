"""The profile's province picker (issue 27, item 8): provinces in region groups from north to south, each entry naming
its group, in Vietnamese alphabetical order within it (Bình Định before Bình Thuận: "Đ" is the letter after "d", not
a code point after "Z"); and the collation key itself, against orders taken from Vietnamese dictionaries."""

import pytest
from conftest import run_page

from khuyencong.i18n.collation import vietnamese_key

PROFILE = "pages/profile.py"
# The six socio-economic regions from north to south, as the picker names them (the catalog's short names).
REGIONS = ["TD&MN phía Bắc", "ĐB sông Hồng", "Bắc Trung Bộ & DHMT", "Tây Nguyên", "Đông Nam Bộ", "ĐB sông Cửu Long"]
# The Red River Delta's provinces as reported (GSO's region; Hà Tây until 2008) and the units of 1 July 2025 in it,
# in the order of a Vietnamese dictionary, written out by hand.
RED_RIVER_DELTA = ["Bắc Ninh (đến 6/2025)", "Bắc Ninh (từ 7/2025)", "Hà Nam (đến 6/2025)", "Hà Nội",
                   "Hà Tây (đến 7/2008)", "Hải Dương (đến 6/2025)", "Hải Phòng (đến 6/2025)", "Hải Phòng (từ 7/2025)",
                   "Hưng Yên (đến 6/2025)", "Hưng Yên (từ 7/2025)", "Nam Định (đến 6/2025)", "Ninh Bình (đến 6/2025)",
                   "Ninh Bình (từ 7/2025)", "Quảng Ninh", "Thái Bình (đến 6/2025)", "Vĩnh Phúc (đến 6/2025)"]


@pytest.fixture(scope="module")
def options(real_only_db_path) -> list[str]:
    app = run_page(real_only_db_path, PROFILE)
    assert not app.exception
    return list(app.selectbox(key="profile_pick").options)


def test_every_entry_names_its_region_and_the_groups_run_north_to_south(options):
    regions = [label.rsplit(" · ", 1)[1] for label in options]
    assert all(" · " in label for label in options)
    assert list(dict.fromkeys(regions)) == REGIONS  # one block per region, in order
    assert len(options) == 87


def test_names_are_in_vietnamese_order_within_a_region(options):
    delta = [label.rsplit(" · ", 1)[0] for label in options if label.endswith(" · ĐB sông Hồng")]
    assert delta == RED_RIVER_DELTA
    names = [label.rsplit(" · ", 1)[0] for label in options]
    assert names.index("Bình Định (đến 6/2025)") < names.index("Bình Thuận (đến 6/2025)")
    assert names.index("Cà Mau (đến 6/2025)") < names.index("Cần Thơ (đến 6/2025)") \
        < names.index("Đồng Tháp (đến 6/2025)") < names.index("Hậu Giang (đến 6/2025)")


@pytest.mark.parametrize(("first", "second"), [
    ("Bình Định", "Bình Thuận"),  # đ is the letter after d
    ("Bình Dương", "Bình Định"),
    ("Cà Mau", "Cao Bằng"),  # a shorter word first
    ("Hà Giang", "Hải Dương"),
    ("Bạc Liêu", "Bắc Giang"),  # a before ă
    ("Bắc Ninh", "Bến Tre"),
    ("Hà Tĩnh", "Huế"),
    ("Ma", "Mà"), ("Mà", "Mả"), ("Mả", "Mã"), ("Mã", "Má"), ("Má", "Mạ"),  # tones: none, huyền, hỏi, ngã, sắc, nặng
    ("Tây Ninh", "Thái Bình"),
    ("Đồng Tháp", "Gia Lai"),
])
def test_collation_order(first, second):
    assert vietnamese_key(first) < vietnamese_key(second)
