#!/usr/bin/env python3
"""Compares codeaudit's exports with the second reading's, file by file.

usage: compare.py CODEAUDIT_DIR READING_DIR MONTH NAME.csv...

Every file must be the same bytes (BOM, CRLF, quoting, order, every cell), except
that the `detail` column of edits.csv, a sentence of codeaudit's own wording, is
only required to be non-empty. Prints each difference (the first 20 of a file)
and exits 1 when there is one.
"""
import csv
import io
import os
import sys


def rows(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def differences(ours_path, theirs_path, name):
    if not os.path.exists(theirs_path):
        return [f"{name}: the second reading wrote no such file"]
    if not os.path.exists(ours_path):
        return [f"{name}: codeaudit wrote no such file"]
    ours, theirs = open(ours_path, "rb").read(), open(theirs_path, "rb").read()
    if ours == theirs:
        return []
    if os.path.basename(name) != "edits.csv":
        found = []
        if ours.startswith(b"\xef\xbb\xbf") != theirs.startswith(b"\xef\xbb\xbf"):
            found.append(f"{name}: byte-order mark differs")
        a, b = rows(ours), rows(theirs)
        if len(a) != len(b):
            found.append(f"{name}: {len(a) - 1} rows from codeaudit, {len(b) - 1} from the second reading")
        for number, (x, y) in enumerate(zip(a, b)):
            if x != y:
                found.append(f"{name} row {number}: codeaudit {x}, second reading {y}")
        return found or [f"{name}: same cells, different bytes (line ends or quoting)"]
    # edits.csv: the same cells apart from `detail`, which must not be empty.
    found = []
    for label, data in (("codeaudit", ours), ("second reading", theirs)):
        if not data.startswith(b"\xef\xbb\xbf") or data.count(b"\n") != data.count(b"\r\n"):
            found.append(f"{name}: {label}'s file lacks the BOM or CRLF line ends")
    a, b = rows(ours), rows(theirs)
    header = a[0] if a else []
    detail = header.index("detail") if "detail" in header else -1
    if len(a) != len(b):
        found.append(f"{name}: {len(a) - 1} rows from codeaudit, {len(b) - 1} from the second reading")
    for number, (x, y) in enumerate(zip(a, b)):
        if number > 0 and detail >= 0 and detail < len(x) and not x[detail]:
            found.append(f"{name} row {number}: empty detail")
        keep = [i for i in range(max(len(x), len(y))) if i != detail]
        if [x[i] if i < len(x) else None for i in keep] != [y[i] if i < len(y) else None for i in keep]:
            found.append(f"{name} row {number}: codeaudit {x}, second reading {y}")
    return found


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    ours, theirs, month, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    failed = False
    for name in names:
        found = differences(os.path.join(ours, month, name), os.path.join(theirs, month, name), f"{month}/{name}")
        for line in found[:20]:
            print(line)
        if len(found) > 20:
            print(f"{month}/{name}: {len(found) - 20} more differences")
        failed = failed or bool(found)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
