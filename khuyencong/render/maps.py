"""The map of Vietnam: a Plotly choropleth over the bundled boundaries (data/reference/boundaries: the 63 provinces of
2008–2025 or the 34 units from 1 July 2025), no tile server and no download.

Every map draws Hoàng Sa and Trường Sa with their names in the UI language (archipelagos.csv), as official
Vietnamese maps do. Shapes without a figure are a separate grey trace named in the legend ("Không có số liệu"),
never a value of zero; a figure that is not exact carries its sign on the map and in the hover.

Plotly's geo always loads its base map (world_110m.json), even when nothing of it is drawn: the browser gets it from
the app's static folder and Kaleido from the same folder on disk (render/charts.py: BROWSER_CONFIG, TOPOJSON_URL),
so no map asks cdn.plot.ly for it.
"""

import csv
import html
import json
from functools import cache
from pathlib import Path

import plotly.graph_objects as go
from shapely.geometry import shape

from khuyencong.figures.map import MapView
from khuyencong.i18n.formatting import format_number, number_separators
from khuyencong.i18n.labels import t
from khuyencong.render.charts import FONT, TEMPLATE

ROOT = Path(__file__).resolve().parents[2]
BOUNDARIES = ROOT / "data" / "reference" / "boundaries"
FILES = {False: "provinces_2008_2025.geojson", True: "units_2025.geojson"}
# On screen the browser fetches the boundaries from the app's static folder (static/boundaries: the same bytes,
# tests/test_map.py) and keeps them, instead of ~190 KB of coordinates in the chart's spec on every rerun; images,
# slides and presentation carry them inline.
STATIC_URLS = {mode: f"app/static/boundaries/{name}" for mode, name in FILES.items()}

# The view of the country: the mainland, Hoàng Sa and Trường Sa (lataxis from 8° N keeps the southern islands).
LON_RANGE, LAT_RANGE = (102.0, 117.0), (8.0, 23.6)
NOT_REPORTED_COLOUR = "#C8C8C8"
BORDER_COLOUR, SELECTED_COLOUR = "#FFFFFF", "#111111"
COLOURS = [[0.0, "#DCEAF6"], [0.5, "#4A90C8"], [1.0, "#08306B"]]  # light blue never reads as the grey of no data
# Hoàng Sa and Trường Sa in ink, not in a colour of the scale: they are labelled, not data.
MARK_COLOUR, ISLAND_COLOUR, INK = "#B2182B", "#555555", "#222222"
# A sign of a qualified figure is written MARK_SHIFT degrees east of its unit's point; two signs closer than
# MARK_ROOM degrees (about a glyph at a phone's map) collide, and the later goes to sea, CALLOUT_GAP east.
MARK_SHIFT, MARK_ROOM, CALLOUT_GAP = 0.15, 0.6, 1.4
# A choropleth has no fill pattern: an area whose figure adds illustrative rows gets a thick orange outline instead
# (the bars' cross-hatching in the other charts), named in the legend; a selected area keeps its black outline.
ILLUSTRATIVE_OUTLINE, ILLUSTRATIVE_OUTLINE_WIDTH = "#E69F00", 2.5
HEIGHT = 640
GEO_WIDTH = 0.8  # of the figure's width; the colour scale stands right of it, near the map
# Dots suggesting each archipelago around its label point (degrees); Trường Sa spreads wider than Hoàng Sa.
ISLAND_DOTS = {"hoang-sa": [(-0.7, 0.3), (-0.2, 0.0), (0.3, 0.2), (0.6, -0.2), (0.0, -0.35), (-0.45, -0.25)],
               "truong-sa": [(-1.4, 0.9), (-0.6, 0.2), (0.0, 0.6), (0.7, -0.1), (1.3, 0.5), (-0.2, -0.6),
                             (0.9, -0.8), (1.6, -0.4)]}


LABEL_ABOVE = {"truong-sa"}


@cache
def boundaries(current_units: bool) -> dict:
    """The GeoJSON of the 63 provinces (as reported) or of the 34 units (current), read once per process."""
    return json.loads((BOUNDARIES / FILES[current_units]).read_text(encoding="utf-8"))


@cache
def _shapes(current_units: bool) -> dict[str, dict]:
    """unit_id -> its feature, names and a point inside it (for the signs drawn on a unit)."""
    found = {}
    for feature in boundaries(current_units)["features"]:
        props = feature["properties"]
        point = shape(feature["geometry"]).representative_point()
        found[props["area_id"]] = {"feature": feature, "name_vi": props["name_vi"], "name_en": props["name_en"],
                                   "lon": round(point.x, 3), "lat": round(point.y, 3)}
    return found


def shape_ids(current_units: bool) -> tuple[str, ...]:
    """The units the map draws: 63 provinces, or 34 units."""
    return tuple(_shapes(current_units))


def shape_name(unit_id: str, current_units: bool, lang: str) -> str:
    """The name a shape is drawn by (the boundary file's)."""
    found = _shapes(current_units).get(unit_id)
    return found[f"name_{lang}"] if found else unit_id


@cache
def archipelagos() -> tuple[dict, ...]:
    """Hoàng Sa and Trường Sa: id, names in vi and en, the label point."""
    with (BOUNDARIES / "archipelagos.csv").open(encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def archipelago_names(lang: str) -> list[str]:
    return [row[f"name_{lang}"] for row in archipelagos()]


class SharedGeoJSON(dict):
    """A FeatureCollection of the boundaries, shared instead of copied. Plotly deep-copies a trace's properties
    whenever a figure is built, copied (the screen's copy, exports, slides) or turned into its JSON spec: four copies
    of ~190 KB of coordinates per map on every rerun, about half the map's server time. The boundaries never change
    after they are read, so every copy may be this one object; it refuses changes, so none can reach another map.
    `url` names the whole file in the app's static folder, which the screen's spec gives instead (screen_spec)."""

    url: str | None = None

    def __deepcopy__(self, memo) -> "SharedGeoJSON":
        return self

    def __copy__(self) -> "SharedGeoJSON":
        return self

    def __reduce__(self):
        return SharedGeoJSON, (dict(self),)

    def _refuse(self, *args, **kwargs):
        raise TypeError("the map's boundaries are shared between figures: build a new collection instead")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = __ior__ = _refuse


def _collection(features: list[dict], url: str) -> SharedGeoJSON:
    collection = SharedGeoJSON(type="FeatureCollection", features=tuple(features))
    collection.url = url  # the whole file: a trace draws only its own locations of it
    return collection


def _hover(lines: list[str]) -> str:
    return "<br>".join(html.escape(line, quote=False) if i else f"<b>{html.escape(line, quote=False)}</b>"
                       for i, line in enumerate(lines) if line)


def _legend_only(fig: go.Figure, name: str, symbol: str) -> None:
    """A legend entry drawn with the symbol the map uses (a text trace's legend symbol would be 'Aa')."""
    fig.add_scattergeo(lon=[None], lat=[None], mode="markers", name=name, hoverinfo="skip",
                       marker={"size": 9, "color": MARK_COLOUR, "symbol": symbol, "line": {"width": 1.5,
                                                                                        "color": MARK_COLOUR}})


def place_marks(points: list[tuple[str, float, float]]) -> list[tuple[float, float]]:
    """Where each sign is written, for units at (id, lon, lat): beside its unit where no sign placed before it is
    within MARK_ROOM degrees, else in a column at sea east of it (joined to the unit by a line), one under another.
    The small provinces of the Red River delta would otherwise get their signs on top of one another."""
    placed: list[tuple[float, float]] = []
    at: dict[int, tuple[float, float]] = {}
    order = sorted(range(len(points)), key=lambda i: (-points[i][2], points[i][1]))  # north to south

    def free(lon: float, lat: float) -> bool:
        return all(abs(lon - x) >= MARK_ROOM or abs(lat - y) >= MARK_ROOM for x, y in placed)

    for i in order:
        _, lon, lat = points[i]
        spot = (lon + MARK_SHIFT, lat)
        if not free(*spot):
            near = [p[1] for p in points if abs(p[2] - lat) < 1.5]
            spot = (max(near) + CALLOUT_GAP, lat)
            while not free(*spot):
                spot = (spot[0], spot[1] - MARK_ROOM)
        placed.append(spot)
        at[i] = spot
    return [at[i] for i in range(len(points))]


def _scale(values: list[float], measure: str, lang: str) -> tuple[list[float], dict]:
    """Colour values and colour-bar ticks. Money and counts are coloured by their square root, so that 1 tỷ and
    9 tỷ differ when one province has 70: the bar's ticks still read in the measure's own numbers."""
    if measure == "execution" or not values:
        return values, {"tickformat": ",.4~g"}
    top = max(values)
    nice = [v * m for m in (1, 10, 100, 1000, 10000) for v in (1, 2, 5)]
    ticks = [0, *[v for v in nice if v <= top]][-6:] if top >= 1 else [0, top]
    if ticks[0] != 0:
        ticks = [0, *ticks[1:]]
    return [v ** 0.5 for v in values], {"tickvals": [v ** 0.5 for v in ticks],
                                        "ticktext": [format_number(v, lang, 2, trim=True) for v in ticks]}


def make_map_figure(view: MapView, lang: str, title: str, unit_label: str, height: int = HEIGHT) -> go.Figure:
    """The choropleth of one measure (figures.map.map_view): a blue scale for the units with a figure, grey for the
    others (legend: not reported), the selected units outlined, the signs of figures that are not exact and the
    partial units (34-unit mode) marked, Hoàng Sa and Trường Sa labelled. Each shape carries [unit_id, name] as
    customdata, so a click hands the unit to the page."""
    shapes = _shapes(view.current_units)
    url = STATIC_URLS[view.current_units]
    name = f"name_{lang}"
    values = view.units.set_index("unit_id")
    selected = set(view.highlighted)
    fig = go.Figure()

    made_up = set(values.index[values["illustrative"].astype(bool)]) if len(values) else set()

    def outline(ids) -> dict:
        return {"line": {"color": [SELECTED_COLOUR if u in selected else ILLUSTRATIVE_OUTLINE if u in made_up
                                   else BORDER_COLOUR for u in ids],
                         "width": [3 if u in selected else ILLUSTRATIVE_OUTLINE_WIDTH if u in made_up else 0.6
                                   for u in ids]}}

    missing = [u for u in shapes if u not in values.index]
    if missing:
        fig.add_choropleth(
            geojson=_collection([shapes[u]["feature"] for u in missing], url), featureidkey="properties.area_id",
            locations=missing, z=[1] * len(missing), colorscale=[[0, NOT_REPORTED_COLOUR], [1, NOT_REPORTED_COLOUR]],
            showscale=False, showlegend=True, name=t("map_not_reported", lang), marker=outline(missing),
            customdata=[[u, shapes[u][name]] for u in missing],
            hovertext=[_hover([shapes[u][name], t("not_reported", lang)]) for u in missing],
            hovertemplate="%{hovertext}<extra></extra>")
    drawn = [u for u in values.index if u in shapes]
    if drawn:
        rows = values.loc[drawn]
        illustrative = t("map_illustrative_unit", lang)
        colour_values, ticks = _scale(list(rows["value"]), view.measure, lang)
        fig.add_choropleth(
            geojson=_collection([shapes[u]["feature"] for u in drawn], url), featureidkey="properties.area_id",
            locations=drawn, z=colour_values, zmin=0, colorscale=COLOURS, showlegend=False,
            name=view.kind_label, marker=outline(drawn),
            # Fonts set here: Streamlit's theme would draw the scale small and grey.
            colorbar={"title": {"text": unit_label, "side": "top", "font": {"size": 15, "color": INK}},
                      "tickfont": {"size": 14, "color": INK}, "thickness": 18, "len": 0.6, "x": GEO_WIDTH + 0.01,
                      "xanchor": "left", "y": 0.5, "outlinewidth": 0, **ticks},
            customdata=[[u, shapes[u][name]] for u in drawn],
            hovertext=[_hover([shapes[u][name], f"{r.text} · {view.kind_label}", r.detail, r.documents,
                               illustrative if r.illustrative else ""]) for u, r in zip(drawn, rows.itertuples())],
            hovertemplate="%{hovertext}<extra></extra>", meta={"illustrative": [u in made_up for u in drawn]})
        marked = [(u, r.mark) for u, r in zip(drawn, rows.itertuples()) if r.mark]
        partial = [u for u, r in zip(drawn, rows.itertuples()) if r.partial]
        if marked:
            points = [(u, shapes[u]["lon"], shapes[u]["lat"]) for u, _ in marked]
            spots = place_marks(points)
            lines_lon, lines_lat = [], []
            for (_, lon, lat), (x, y) in zip(points, spots):
                if (x, y) != (lon + MARK_SHIFT, lat):  # a sign at sea: a line back to its unit
                    lines_lon += [lon, x, None]
                    lines_lat += [lat, y, None]
            if lines_lon:
                fig.add_scattergeo(lon=lines_lon, lat=lines_lat, mode="lines", name="qualified_lines",
                                   showlegend=False, hoverinfo="skip", line={"width": 1, "color": MARK_COLOUR})
            # A dot on each unit (the legend's symbol), its sign beside it or at the end of its line.
            fig.add_scattergeo(lon=[p[1] for p in points], lat=[p[2] for p in points], mode="markers",
                               name=t("map_legend_qualified", lang), hoverinfo="skip",
                               marker={"size": 6, "color": MARK_COLOUR, "line": {"width": 1, "color": "white"}})
            fig.add_scattergeo(
                lon=[x for x, _ in spots], lat=[y for _, y in spots], mode="text", text=[m for _, m in marked],
                name="qualified", showlegend=False, textposition="middle right",
                textfont={"size": 15, "color": MARK_COLOUR, "family": FONT}, hoverinfo="skip")
        if partial:
            # Beside the sign of a qualified figure, not on it.
            fig.add_scattergeo(
                lon=[shapes[u]["lon"] + 0.25 for u in partial], lat=[shapes[u]["lat"] + 0.2 for u in partial],
                mode="text", text=["*"] * len(partial), name="partial", showlegend=False,
                textfont={"size": 20, "color": MARK_COLOUR, "family": FONT}, hoverinfo="skip")
            _legend_only(fig, t("map_legend_partial", lang), "asterisk-open")
    if made_up & set(shapes):
        fig.add_scattergeo(lon=[None], lat=[None], mode="markers", name=t("map_legend_illustrative", lang),
                           marker={"symbol": "square-open", "size": 14, "color": ILLUSTRATIVE_OUTLINE,
                                   "line": {"width": 3}}, hoverinfo="skip")
    if selected & set(shapes):
        fig.add_scattergeo(lon=[None], lat=[None], mode="markers", name=t("map_legend_selected", lang),
                           marker={"symbol": "square-open", "size": 14, "color": SELECTED_COLOUR,
                                   "line": {"width": 3}}, hoverinfo="skip")
    for row in archipelagos():
        lon, lat = float(row["lon"]), float(row["lat"])
        dots = ISLAND_DOTS.get(row["archipelago_id"], [(0.0, 0.0)])
        fig.add_scattergeo(lon=[lon + dx for dx, _ in dots], lat=[lat + dy for _, dy in dots], mode="markers",
                           marker={"size": 4, "color": ISLAND_COLOUR}, showlegend=False, hoverinfo="skip",
                           name=row["archipelago_id"])
        # Two lines, "Quần đảo Trường Sa" over "(Khánh Hòa)": narrow enough to stay inside the map's frame.
        label = row[name].replace(" (", "<br>(")
        # Trường Sa's name above its dots: below them it would run out of the frame (8° N) in large type.
        above = row["archipelago_id"] in LABEL_ABOVE
        at = lat + (max(dy for _, dy in dots) + 0.3 if above else min(dy for _, dy in dots) - 0.3)
        # Trường Sa's name leans west of its dots' middle: on a phone's narrow map it would reach past the frame.
        fig.add_scattergeo(lon=[lon - (1.0 if above else 0.3)], lat=[at], mode="text", text=[label],
                           textposition="top center" if above else "bottom center",
                           textfont={"size": 13, "color": INK, "family": FONT}, showlegend=False,
                           hovertext=[row[name]], hovertemplate="%{hovertext}<extra></extra>",
                           name=row[name])
    fig.update_geos(visible=False, projection_type="mercator", lonaxis_range=list(LON_RANGE),
                    lataxis_range=list(LAT_RANGE), bgcolor="white", domain={"x": [0, GEO_WIDTH], "y": [0, 1]})
    legend = [tr.name for tr in fig.data if tr.showlegend is not False and tr.type == "choropleth" or
              (tr.type == "scattergeo" and tr.showlegend is None)]
    alt = ". ".join([title, t("map_alt_legend", lang, items="; ".join(legend), unit=unit_label),
                     t("map_alt_islands", lang, names=", ".join(archipelago_names(lang)))])
    # Two lines: what and when, then the units (and the illustrative flag), so the title fits the map's column.
    head, _, mode = title.rpartition(" · ")
    second = " · ".join(p for p in (mode, t("map_illustrative_title", lang) if view.has_illustrative else "") if p)
    full_title = f"{head}<br>{second}" if head else title
    fig.update_layout(
        template=TEMPLATE, separators=number_separators(lang), height=height,
        title={"text": full_title, "x": 0, "xanchor": "left", "font": {"family": FONT, "size": 19, "color": INK}},
        # Under the map: a legend that wraps to two or three rows in a narrow column grows downwards, not over
        # the title.
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yanchor": "top",
                "itemclick": False, "itemdoubleclick": False, "font": {"size": 14, "color": INK}},
        margin={"l": 8, "r": 8, "t": 80, "b": 8}, dragmode=False, meta={"alt": alt + "."}, clickmode="event+select",
        hoverlabel={"font": {"family": FONT, "size": 14, "color": INK}, "bgcolor": "white", "bordercolor": "#888888",
                    "align": "left"},
    )
    return fig


def map_figure_for(query, filters, measure: str = "money") -> go.Figure:
    """The map of a view in one call (query, values, figure), as the deck, the benchmark and the tests build it."""
    from khuyencong.data.code_lists import load_code_lists
    from khuyencong.figures.map import map_title, map_unit_label, map_view

    view = map_view(query, filters, measure, shape_ids(filters.current_units))
    codes = load_code_lists(query)
    return make_map_figure(view, filters.lang, map_title(view, filters, codes, filters.lang),
                           map_unit_label(measure, filters.lang))
