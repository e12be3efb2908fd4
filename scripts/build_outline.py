"""Build gazetteer/data/outline.geojson: Iraq and its neighbours, for maps and checks.

Source: Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON from the npm
package ``world-atlas`` (ISC licence, by Michael Bostock). Fetch it once with npm::

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/build_outline.py package/countries-50m.json

Every country that meets the box around Iraq is kept, clipped to the box, simplified and
rounded so the file stays small (it is embedded in every standalone map).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
from gazetteer._countries import CLIP_BOX, OUTLINE_FILE

#: lon_min, lat_min, lon_max, lat_max: Iraq with a margin wide enough for a fitted view
#: (the gazetteer checks places against the outlines only inside it).
BOX: tuple[float, float, float, float] = CLIP_BOX
TOLERANCE_DEG = 0.02
DIGITS = 3
OUTPUT = OUTLINE_FILE


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Return the topology's arcs as absolute lon/lat coordinates (undo quantisation)."""
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join arcs into one ring; a negative index means the arc reversed (~index)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def geometry(obj: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> BaseGeometry | None:
    """Turn one TopoJSON Polygon/MultiPolygon object into a shapely geometry."""
    if obj["type"] == "Polygon":
        rings = [ring(r, arcs) for r in obj["arcs"]]
        return Polygon(rings[0], rings[1:])
    if obj["type"] == "MultiPolygon":
        polygons = []
        for poly in obj["arcs"]:
            rings = [ring(r, arcs) for r in poly]
            polygons.append(Polygon(rings[0], rings[1:]))
        return MultiPolygon(polygons)
    return None


def rounded(coords: Any) -> Any:
    """Round nested coordinate lists to DIGITS decimals."""
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], float):
        return [round(c, DIGITS) for c in coords]
    return [rounded(c) for c in coords]


def build(topology: dict[str, Any]) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the countries meeting BOX, sorted by name."""
    arcs = decode_arcs(topology)
    clip = box(*BOX)
    features = []
    for obj in topology["objects"]["countries"]["geometries"]:
        geom = geometry(obj, arcs)
        if geom is None or not geom.intersects(clip):
            continue
        geom = geom.buffer(0).intersection(clip).simplify(TOLERANCE_DEG, preserve_topology=True)
        if geom.is_empty:
            continue
        centre = geom.representative_point()
        geojson = mapping(shape(geom))
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": obj["properties"]["name"],
                    "iso_n3": obj.get("id"),
                    "label": [round(centre.y, 2), round(centre.x, 2)],
                },
                "geometry": {
                    "type": geojson["type"],
                    "coordinates": rounded(geojson["coordinates"]),
                },
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:50m admin-0 countries (public domain), via the npm "
        "package world-atlas 2.x (countries-50m.json); clipped, simplified by "
        "scripts/build_outline.py",
        "features": features,
    }


def main() -> None:
    """Read the TopoJSON named on the command line and write the outline GeoJSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    collection = build(json.loads(args.topojson.read_text(encoding="utf-8")))
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    names = ", ".join(f["properties"]["name"] for f in collection["features"])
    print(f"{args.output}: {len(text):,} bytes, {len(collection['features'])} countries: {names}")


if __name__ == "__main__":
    main()
