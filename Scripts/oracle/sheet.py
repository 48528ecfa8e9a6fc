"""SPEC 5's conventions for the second reading's CSV files, shared by metrics.py,
edits.py and remittances.py: UTF-8 with a BOM, CRLF, RFC 4180 quoting, the formula
guard on text cells, numbers written plain and rounded half away from zero once.

A cell is None (blank), an int (a count), a Num (a rounded figure) or text. Only
text gets the guard, whatever it looks like: an encounter id `-9001` is text.
"""
import math
import os
from fractions import Fraction


class Num:
    """A number cell, written as it is (no formula guard)."""
    __slots__ = ("s",)

    def __init__(self, s):
        self.s = s


def rnd(x, places):
    """An exact value (int, Fraction, Decimal) rounded half away from zero, once; blank for None."""
    if x is None:
        return ""
    x = Fraction(x)
    q = abs(x) * 10 ** places
    n = math.floor(q + Fraction(1, 2))
    neg = x < 0 and n != 0
    s = str(n).rjust(places + 1, "0")
    if places:
        s = s[:-places] + "." + s[-places:]
    return Num(("-" if neg else "") + s)


def cell(v):
    if v is None or v == "":
        return ""
    if isinstance(v, Num):
        s = v.s
    elif isinstance(v, int) and not isinstance(v, bool):
        s = str(v)
    else:
        s = str(v)
        if s[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"):
            s = "'" + s
    if any(ch in s for ch in (",", '"', "\r", "\n")):
        s = '"' + s.replace('"', '""') + '"'
    return s


def write_csv(path, header, rows, bom=True):
    out = [",".join(header)]
    for r in rows:
        assert len(r) == len(header), (path, r)
        out.append(",".join(cell(v) for v in r))
    data = ("\r\n".join(out) + "\r\n").encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
