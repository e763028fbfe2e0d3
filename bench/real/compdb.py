#!/usr/bin/env python3
"""Compile-database helpers for bench/real/run.sh.

  compdb.py filter [--compiler C] DB_IN DB_OUT PREFIX...
                                            keep the entries whose file is under a PREFIX
                                            (and name compiler C in each)
  compdb.py count DB                        print the number of entries
  compdb.py syntax-only DB OUT_DIR          write the clang -fsyntax-only baseline's jobs

`syntax-only` turns each entry into the same compiler invocation with
`-fsyntax-only` instead of code generation: output and dependency-file
options are dropped (they would write files), the source file stays, and
`-D__PDFLOW__=1` is added because pdflow defines it when it parses the
code. It writes one response file per TU (OUT_DIR/NNNNN.rsp) and
OUT_DIR/jobs, three lines per TU (directory, compiler, response file), the
input of `xargs -d '\\n' -n 3`.
"""
import json
import os
import shlex
import sys

CLANG_CXX = os.environ.get("CLANGXX", "clang++-19")
CLANG_C = os.environ.get("CLANGC", "clang-19")
C_SUFFIXES = (".c",)

# Options that write files or name outputs, with the number of values they take.
DROPPED = {"-c": 0, "-o": 1, "-MD": 0, "-MMD": 0, "-MP": 0, "-MF": 1, "-MT": 1, "-MQ": 1,
           "--output": 1}


def load(path):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)
    if not isinstance(entries, list):
        sys.exit(f"compdb.py: {path}: not a JSON array of compile commands")
    return entries


def argv_of(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def absolute_file(entry):
    return os.path.normpath(os.path.join(entry["directory"], entry["file"]))


def syntax_only_args(entry):
    argv = argv_of(entry)
    source = absolute_file(entry)
    out, skip = [], 0
    for arg in argv[1:]:
        if skip:
            skip -= 1
            continue
        if arg in DROPPED:
            skip = DROPPED[arg]
            continue
        if arg.startswith("-o") and len(arg) > 2 or arg.startswith(("-MF", "-MT", "-MQ")):
            continue
        if os.path.normpath(os.path.join(entry["directory"], arg)) == source:
            continue
        out.append(arg)
    compiler = CLANG_C if source.endswith(C_SUFFIXES) and "++" not in argv[0] else CLANG_CXX
    return compiler, ["-fsyntax-only", "-D__PDFLOW__=1"] + out + [source]


def rsp_quote(arg):
    """GNU response-file quoting, as clang reads it."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cmd_filter(db_in, db_out, prefixes, compiler=None):
    prefixes = [os.path.normpath(p) + os.sep for p in prefixes]
    kept = [e for e in load(db_in) if absolute_file(e).startswith(tuple(prefixes))]
    if compiler:
        for e in kept:
            argv = argv_of(e)
            e.pop("command", None)
            e["arguments"] = [compiler] + argv[1:]
    # One entry per file (a file built into two targets is parsed once by both tools).
    seen, unique = set(), []
    for e in kept:
        f = absolute_file(e)
        if f not in seen:
            seen.add(f)
            unique.append(e)
    unique.sort(key=absolute_file)
    tmp = db_out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(unique, f, indent=1)
        f.write("\n")
    os.replace(tmp, db_out)
    print(len(unique))


def cmd_syntax_only(db, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "jobs"), "w", encoding="utf-8") as jobs:
        for i, entry in enumerate(load(db)):
            compiler, args = syntax_only_args(entry)
            rsp = os.path.join(out_dir, f"{i:05d}.rsp")
            with open(rsp, "w", encoding="utf-8") as f:
                f.write("\n".join(rsp_quote(a) for a in args) + "\n")
            jobs.write(f"{entry['directory']}\n{compiler}\n{rsp}\n")


def main(argv):
    if len(argv) >= 6 and argv[1] == "filter" and argv[2] == "--compiler":
        cmd_filter(argv[4], argv[5], argv[6:], argv[3])
    elif len(argv) >= 4 and argv[1] == "filter":
        cmd_filter(argv[2], argv[3], argv[4:])
    elif len(argv) == 3 and argv[1] == "count":
        print(len(load(argv[2])))
    elif len(argv) == 4 and argv[1] == "syntax-only":
        cmd_syntax_only(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
