"""The map's marks (issue 27, item 5): the signs of qualified figures never pile up over the Red River delta's small
provinces, and Hoàng Sa and Trường Sa are drawn in ink, labelled, never in a colour of the data's scale."""

from khuyencong.render.maps import COLOURS, MARK_ROOM, NOT_REPORTED_COLOUR, _shapes, archipelagos, place_marks

# The Red River delta's provinces (as reported), each a few tens of pixels wide on the map: every one with a sign.
DELTA = ["ha-noi", "vinh-phuc", "bac-ninh", "hung-yen", "hai-duong", "hai-phong", "thai-binh", "nam-dinh", "ha-nam",
         "ninh-binh"]


def test_signs_over_the_delta_stand_apart():
    shapes = _shapes(False)
    points = [(u, shapes[u]["lon"], shapes[u]["lat"]) for u in DELTA]
    # the premise: written on their own points, most of these signs would touch another
    crowded = sum(any(abs(a[1] - b[1]) < MARK_ROOM and abs(a[2] - b[2]) < MARK_ROOM for b in points if b is not a)
                  for a in points)
    assert crowded >= 6
    spots = place_marks(points)
    assert len(spots) == len(points)
    for i, (x, y) in enumerate(spots):
        for u, v in spots[i + 1:]:
            assert abs(x - u) >= MARK_ROOM or abs(y - v) >= MARK_ROOM, (spots[i], (u, v))


def test_a_lone_sign_stays_beside_its_province():
    shapes = _shapes(False)
    (x, y), = place_marks([("lam-dong", shapes["lam-dong"]["lon"], shapes["lam-dong"]["lat"])])
    assert abs(x - shapes["lam-dong"]["lon"]) < 0.5 and y == shapes["lam-dong"]["lat"]


def test_archipelagos_are_not_coloured_as_data(real_only_db_path):
    from khuyencong.data.database import Database
    from khuyencong.data.filters import Filters
    from khuyencong.data.queries import database_query
    from khuyencong.render.maps import map_figure_for

    fig = map_figure_for(database_query(Database(real_only_db_path)), Filters())
    ids = {row["archipelago_id"] for row in archipelagos()}
    dots = [tr for tr in fig.data if tr.name in ids]
    assert len(dots) == 2
    data_colours = {c.upper() for _, c in COLOURS} | {NOT_REPORTED_COLOUR}
    for trace in dots:
        colour = trace.marker.color.lstrip("#")
        red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
        assert red == green == blue and f"#{colour.upper()}" not in data_colours  # ink grey, no hue of the scale
