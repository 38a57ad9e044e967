#!/usr/bin/python3
"""Derives resources/basemap/countries.gpkg from Natural Earth country polygons (public domain),
as packaged in the `world-atlas` npm package's TopoJSON (countries-50m.json).

Shapes that cross the ±180° meridian are stored in the TopoJSON as one polygon that jumps from
+180 to -180; drawn as they are they smear a band across the whole map, and ogr2ogr's
-wrapdateline does not fix them. Each such polygon is unwrapped (longitudes shifted into
0..360), cut at 180° and the eastern part moved back by -360°. Latitudes are clipped to the Web
Mercator range (±85.0511°).

Usage: packaging/data/make_basemap.py [countries-50m.json]   (fetches world-atlas with npm when
no file is given). Needs python3-gdal.
"""
import os
import sys
import tempfile

from npmpack import fetch_file

from osgeo import ogr, osr

WORLD_ATLAS = "world-atlas@2.0.2"
MAX_LAT = 85.0511287798066
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "resources", "basemap", "countries.gpkg")



def box(x0, y0, x1, y1):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def crosses(poly):
    ring = poly.GetGeometryRef(0)
    pts = ring.GetPoints()
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        # A jump of more than half the world between neighbours, away from the poles.
        if abs(x1 - x0) > 180 and max(abs(y0), abs(y1)) < 85:
            return True
    return False


def shifted(geom, dx):
    g = geom.Clone()
    for i in range(g.GetGeometryCount()):
        ring = g.GetGeometryRef(i)
        for j in range(ring.GetPointCount()):
            x, y = ring.GetX(j), ring.GetY(j)
            ring.SetPoint_2D(j, x + dx, y)
    return g


def unwrapped(poly):
    g = poly.Clone()
    for i in range(g.GetGeometryCount()):
        ring = g.GetGeometryRef(i)
        for j in range(ring.GetPointCount()):
            x, y = ring.GetX(j), ring.GetY(j)
            if x < 0:
                ring.SetPoint_2D(j, x + 360, y)
    return g


def split_polygon(poly):
    if not crosses(poly):
        return [poly]
    u = unwrapped(poly)
    west = u.Intersection(box(-180, -90, 180, 90))
    east = u.Intersection(box(180, -90, 540, 90))
    parts = []
    for part, dx in ((west, 0), (east, -360)):
        if part is None or part.IsEmpty():
            continue
        for k in range(part.GetGeometryCount()) if part.GetGeometryType() == ogr.wkbMultiPolygon else [None]:
            p = part if k is None else part.GetGeometryRef(k)
            if p.GetGeometryType() == ogr.wkbPolygon:
                parts.append(shifted(p, dx))
    return parts


def main():
    with tempfile.TemporaryDirectory() as work:
        src_path = (sys.argv[1] if len(sys.argv) > 1
                    else fetch_file(WORLD_ATLAS, "countries-50m.json", work))
        src = ogr.Open(src_path)
        layer = src.GetLayerByName("countries")
        if os.path.exists(OUT):
            os.remove(OUT)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        dst = ogr.GetDriverByName("GPKG").CreateDataSource(OUT)
        out = dst.CreateLayer("countries", srs, ogr.wkbMultiPolygon, ["SPATIAL_INDEX=NO"])
        out.CreateField(ogr.FieldDefn("name", ogr.OFTString))
        clip = box(-180, -MAX_LAT, 180, MAX_LAT)
        count = 0
        dst.StartTransaction()
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None or geom.IsEmpty():
                continue  # the 10m file has one empty geometry; skip any
            polys = [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())] \
                if geom.GetGeometryType() == ogr.wkbMultiPolygon else [geom]
            multi = ogr.Geometry(ogr.wkbMultiPolygon)
            for poly in polys:
                for part in split_polygon(poly):
                    clipped = part.Intersection(clip)
                    if clipped is None or clipped.IsEmpty():
                        continue
                    if clipped.GetGeometryType() == ogr.wkbPolygon:
                        multi.AddGeometry(clipped)
                    elif clipped.GetGeometryType() == ogr.wkbMultiPolygon:
                        for k in range(clipped.GetGeometryCount()):
                            multi.AddGeometry(clipped.GetGeometryRef(k))
            if multi.IsEmpty():
                continue
            f = ogr.Feature(out.GetLayerDefn())
            f.SetField("name", feature.GetField("name"))
            f.SetGeometry(multi)
            out.CreateFeature(f)
            count += 1
        dst.CommitTransaction()
        dst = None
        print(f"wrote {count} countries to {OUT}")


if __name__ == "__main__":
    main()
