#!/usr/bin/env python3
"""Checks every #include of the project against docs/ARCHITECTURE.md (the ctest
`include_directions`; run by hand: scripts/check-includes.py).

Three rules, each read from a table of that file:
  - Modules: a file in folder M may include "N/..." only when N is M or in M's "may use"
    cell (`all`: any module; `—`: none). A folder holding C++ sources that has no row fails.
  - Third-party libraries: a header (.h) outside the modules that wrap a library may not
    include that library's headers (<coin/...> only in mip/, <gdal...> only in geo/, ...).
  - Known exceptions to the second rule are listed with their header; one that no longer
    holds fails too, so the list shrinks as they are fixed.

Prints one line per violation, `path:line: what`, and exits 1 when there is any.

    scripts/check-includes.py [--root DIR] [--architecture FILE]
"""
import argparse
import pathlib
import re
import sys

SOURCE_SUFFIXES = {".h", ".cc", ".cpp", ".hpp"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def table_after(lines, header_words):
    """Rows (lists of cells) of the first Markdown table whose header row holds every word."""
    for i, line in enumerate(lines):
        cells = [c.strip().lower() for c in line.strip().strip("|").split("|")]
        if line.lstrip().startswith("|") and all(w in cells for w in header_words):
            rows = []
            for row in lines[i + 2:]:
                if not row.lstrip().startswith("|"):
                    break
                rows.append([c.strip() for c in row.strip().strip("|").split("|")])
            return rows
    raise SystemExit(f"no table with columns {header_words} in the architecture file")


def names(cell):
    """`network/`, `mip` -> ["network", "mip"]; words in backticks or bare, comma-separated."""
    found = re.findall(r"`([^`]+)`", cell) or [w for w in re.split(r"[,\s]+", cell) if w]
    return [n.strip().rstrip("/") for n in found]


def read_architecture(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    modules = {}
    for row in table_after(lines, ["module", "may use"]):
        module = names(row[0])[0]
        may_use = row[-1].strip()
        if may_use in ("—", "-", ""):
            modules[module] = set()
        elif may_use == "all":
            modules[module] = None  # any module
        else:
            modules[module] = set(names(may_use))
    libraries = []
    for row in table_after(lines, ["library", "headers", "wrapped by"]):
        prefixes = names(row[1])
        libraries.append((row[0], prefixes, set(names(row[2]))))
    exceptions = set()
    for row in table_after(lines, ["header", "includes", "why"]):
        for prefix in names(row[1]):
            exceptions.add((names(row[0])[0], prefix))
    return modules, libraries, exceptions


def includes(path):
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        match = INCLUDE.match(line)
        if match:
            yield number, match.group(1), match.group(2)


def check(root, architecture):
    modules, libraries, exceptions = read_architecture(architecture)
    problems = []
    used_exceptions = set()
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    for folder in folders:
        if folder.name == "build":
            continue
        sources = sorted(p for p in folder.rglob("*") if p.suffix in SOURCE_SUFFIXES
                         and p.is_file() and "data" not in p.relative_to(folder).parts[:-1])
        if not sources:
            continue
        if folder.name not in modules:
            problems.append(f"{folder.name}/: C++ sources in a folder that "
                            f"{architecture.name} does not list")
            continue
        allowed = modules[folder.name]
        for source in sources:
            relative = source.relative_to(root).as_posix()
            for number, kind, target in includes(source):
                if kind == '"':
                    head = target.split("/")[0]
                    if "/" not in target or not (root / head).is_dir():
                        continue  # a system or local header written with quotes
                    if head == folder.name or allowed is None:
                        continue
                    if head not in modules:
                        problems.append(f"{relative}:{number}: includes \"{target}\": {head}/ "
                                        f"is not a module")
                    elif head not in allowed:
                        uses = ", ".join(sorted(allowed)) or "no other module"
                        problems.append(f"{relative}:{number}: includes \"{target}\": "
                                        f"{folder.name} may use {uses}")
                elif source.suffix in (".h", ".hpp"):
                    for library, prefixes, wrappers in libraries:
                        if folder.name in wrappers:
                            continue
                        prefix = next((p for p in prefixes if target.startswith(p)), None)
                        if prefix is None:
                            continue
                        if (relative, prefix) in exceptions:
                            used_exceptions.add((relative, prefix))
                            continue
                        problems.append(f"{relative}:{number}: includes <{target}>: {library} "
                                        f"types stay in {', '.join(sorted(wrappers))}")
    for header, prefix in sorted(exceptions - used_exceptions):
        problems.append(f"{architecture.name}: the exception for {header} including {prefix} "
                        f"no longer holds: remove it from the table")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = pathlib.Path(__file__).resolve().parent.parent
    parser.add_argument("--root", type=pathlib.Path, default=here,
                        help="the repository (default: this script's)")
    parser.add_argument("--architecture", type=pathlib.Path,
                        help="the table (default: ROOT/docs/ARCHITECTURE.md)")
    args = parser.parse_args()
    architecture = args.architecture or args.root / "docs" / "ARCHITECTURE.md"
    problems = check(args.root.resolve(), architecture)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-includes: {len(problems)} violation(s) of {architecture}")
        return 1
    print(f"check-includes: every include follows {architecture}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
