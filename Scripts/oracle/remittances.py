#!/usr/bin/env python3
"""A second reading of SPEC 9, 9.1, 9.2 and 5.4 (payments.csv, denials.csv,
reimbursement_variance.csv), written from the specification alone and not from
codeaudit's sources, to compare with what codeaudit exports (Scripts/oracle.sh).
Python 3 standard library only.

usage: remittances.py --db STORE --out DIR --months 2026-05,... [--tolerance 1.00]
                      FILE.835 ...

The 835 files are imported in the order given on the command line (the caller
sorts them by name, as codeaudit's demo does).  The store is opened
read-only; only encounter, encounter_line and fee_rate are read.
"""
import argparse
import datetime as dt
import os
import sqlite3
import sys
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from sheet import rnd, write_csv


# ---------------------------------------------------------------- errors
class Malformed(Exception):
    """The file is refused (SPEC 9: exit 65)."""


# ---------------------------------------------------------------- values
def cents(s, where):
    """An amount in whole cents -> int cents (SPEC 9 readings)."""
    s = s.strip()
    if s == "":
        raise Malformed(f"{where}: amount missing")
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise Malformed(f"{where}: not an amount: {s!r}")
    if not d.is_finite():
        raise Malformed(f"{where}: not an amount: {s!r}")
    c = d * 100
    if c != c.to_integral_value():
        raise Malformed(f"{where}: amount not in whole cents: {s!r}")
    return int(c)


def ccyymmdd(s, where):
    s = s.strip()
    if len(s) != 8 or not s.isdigit():
        raise Malformed(f"{where}: not a CCYYMMDD date: {s!r}")
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    except ValueError:
        raise Malformed(f"{where}: date does not exist: {s!r}")


def money(c):
    if c is None:
        return ""
    return rnd(Fraction(c, 100), 2)


def rate(num, den):
    if num is None or den is None or den == 0:
        return ""
    return rnd(Fraction(num, den), 4)


def days1(v):
    if v is None:
        return ""
    return rnd(v, 1)


def median(vals):
    v = sorted(vals)
    n = len(v)
    if n == 0:
        return None
    if n % 2:
        return Fraction(v[n // 2])
    return Fraction(v[n // 2 - 1] + v[n // 2], 2)


def p90(vals):
    v = sorted(vals)
    n = len(v)
    if n == 0:
        return None
    k = -(-9 * n // 10)  # ceil(0.9 n)
    return Fraction(v[k - 1])


# ---------------------------------------------------------------- 835 parsing
def split_segments(data, fname):
    """Yield (interchange separators, list of segments as element lists).

    Separators are taken from each ISA (SPEC 9).  Line breaks after
    terminators are allowed.  Returns a flat list of (elements, seg_no)
    where seg_no counts segments in the file from 1; components are split
    later by the component separator recorded with each segment.
    """
    out = []
    i = 0
    n = len(data)
    segno = 0
    # skip leading whitespace? SPEC: file must begin with an ISA segment.
    if not data.startswith("ISA"):
        raise Malformed(f"{fname}: does not begin with an ISA segment")
    elem = comp = rep = term = None
    while i < n:
        # skip line breaks after a terminator
        while i < n and data[i] in "\r\n":
            i += 1
        if i >= n:
            break
        if data.startswith("ISA", i):
            if i + 106 > n:
                raise Malformed(f"{fname}: segment {segno+1}: ISA too short")
            elem = data[i + 3]
            isa_body = data[i:i + 105]
            parts = isa_body.split(elem)
            if len(parts) != 17:
                raise Malformed(f"{fname}: segment {segno+1}: ISA has {len(parts)-1} elements")
            rep = parts[11]
            comp = parts[16]
            term = data[i + 105]
            if len(comp) != 1:
                raise Malformed(f"{fname}: segment {segno+1}: ISA16")
            segno += 1
            out.append((parts, segno, elem, comp, rep))
            i += 106
            continue
        if term is None:
            raise Malformed(f"{fname}: no ISA")
        j = data.find(term, i)
        if j < 0:
            raise Malformed(f"{fname}: data after the last terminator")
        seg = data[i:j]
        segno += 1
        out.append((seg.split(elem), segno, elem, comp, rep))
        i = j + 1
    return out


def el(seg, k):
    return seg[k] if k < len(seg) else ""


def parse_file(path):
    """Parse one 835 file into a list of transactions.

    Returns (transactions, refused_reason).  A transaction is a dict; it has
    'reject' set (a string) when SE01 or BPR02 fails.
    """
    fname = os.path.basename(path)
    raw = open(path, "rb").read()
    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError:
        data = raw.decode("latin-1")
    segs = split_segments(data, fname)
    txs = []
    state = "out"  # out -> isa -> gs -> st
    isa13 = gs06 = None
    st = None
    gs_count = st_count = 0
    for parts, segno, elem, comp, rep in segs:
        tag = parts[0].strip()
        where = f"{fname}: segment {segno}"
        if tag == "ISA":
            if state != "out":
                raise Malformed(f"{where}: ISA inside an interchange")
            isa13 = parts[13]
            state = "isa"
            gs_count = 0
            continue
        if tag == "IEA":
            if state != "isa":
                raise Malformed(f"{where}: IEA misnested")
            if el(parts, 2) != isa13:
                raise Malformed(f"{where}: element 2: IEA02 != ISA13")
            state = "out"
            continue
        if tag == "GS":
            if state != "isa":
                raise Malformed(f"{where}: GS misnested")
            gs06 = el(parts, 6)
            st_count = 0
            state = "gs"
            continue
        if tag == "GE":
            if state != "gs":
                raise Malformed(f"{where}: GE misnested")
            if el(parts, 2) != gs06:
                raise Malformed(f"{where}: element 2: GE02 != GS06")
            state = "isa"
            continue
        if tag == "ST":
            if state != "gs":
                raise Malformed(f"{where}: ST misnested")
            st = {"file": fname, "st02": el(parts, 2), "first_segment": segno,
                  "segs": [(parts, segno, comp)]}
            state = "st"
            continue
        if state != "st":
            raise Malformed(f"{where}: {tag} outside a transaction")
        st["segs"].append((parts, segno, comp))
        if tag == "SE":
            if el(parts, 2) != st["st02"]:
                raise Malformed(f"{where}: element 2: SE02 != ST02")
            txs.append(parse_transaction(st))
            st = None
            state = "gs"
    if state != "out":
        raise Malformed(f"{fname}: envelope not closed")
    return txs


def parse_transaction(st):
    fname = st["file"]
    segs = st["segs"]
    tx = {"file": fname, "first_segment": st["first_segment"], "reject": None,
          "claims": [], "plb": []}
    claim = None
    line = None
    payer_name = None
    bpr02 = None
    bpr16 = None
    trn02 = trn03 = None
    n1_ctx = None
    for parts, segno, comp in segs:
        tag = parts[0].strip()
        w = f"{fname}: segment {segno}"
        if tag == "BPR":
            bpr02 = cents(el(parts, 2), w + " element 2")
            tx["method"] = el(parts, 4)
            d = el(parts, 16)
            bpr16 = ccyymmdd(d, w + " element 16") if d.strip() else None
        elif tag == "TRN":
            trn02, trn03 = el(parts, 2), el(parts, 3)
        elif tag == "N1":
            n1_ctx = el(parts, 1)
            if n1_ctx == "PR" and payer_name is None:
                payer_name = el(parts, 2)
        elif tag == "CLP":
            claim = {
                "clp01": el(parts, 1), "status": el(parts, 2),
                "charge": cents(el(parts, 3), w + " element 3"),
                "paid": cents(el(parts, 4), w + " element 4"),
                "pr": cents(el(parts, 5), w + " element 5") if el(parts, 5).strip() else None,
                "clp07": el(parts, 7), "dtm232": None, "dtm050": None,
                "cas": [], "lines": [], "segno": segno,
            }
            line = None
            tx["claims"].append(claim)
        elif tag == "SVC":
            if claim is None:
                raise Malformed(f"{w}: SVC outside a claim")
            c1 = el(parts, 1).split(comp)
            code = el(c1, 1).strip().upper()
            mods = [m.strip().upper() for m in c1[2:6] if m.strip()]
            if not code:
                raise Malformed(f"{w}: element 1: no procedure code")
            units_s = el(parts, 5).strip()
            if units_s:
                try:
                    units = Decimal(units_s)
                except InvalidOperation:
                    raise Malformed(f"{w}: element 5: not a number")
            else:
                units = Decimal(1)
            billed = None
            if el(parts, 6).strip():
                c6 = el(parts, 6).split(comp)
                billed = (el(c6, 1).strip().upper(),
                          [m.strip().upper() for m in c6[2:6] if m.strip()])
            line = {"code": code, "mods": mods, "billed": billed,
                    "charge": cents(el(parts, 2), w + " element 2"),
                    "paid": cents(el(parts, 3), w + " element 3"),
                    "units": units, "dtm472": None, "dtm150": None,
                    "cas": [], "b6": None, "segno": segno}
            claim["lines"].append(line)
        elif tag == "DTM":
            q = el(parts, 1)
            if q in ("232", "050", "472", "150"):
                d = ccyymmdd(el(parts, 2), w + " element 2")
                if line is not None and q in ("472", "150"):
                    line["dtm" + q] = line["dtm" + q] or d
                elif claim is not None and line is None and q in ("232", "050"):
                    claim["dtm" + q] = claim["dtm" + q] or d
        elif tag == "CAS":
            grp = el(parts, 1)
            trip = []
            k = 2
            while k < len(parts):
                reason = el(parts, k)
                amt = el(parts, k + 1)
                if reason.strip():
                    trip.append((grp, reason.strip(), cents(amt, f"{w} element {k+1}")))
                k += 3
            if line is not None:
                line["cas"].extend(trip)
            elif claim is not None:
                claim["cas"].extend(trip)
        elif tag == "AMT":
            if el(parts, 1) == "B6" and line is not None:
                line["b6"] = cents(el(parts, 2), w + " element 2")
        elif tag == "PLB":
            claim = None
            line = None
            k = 3
            while k < len(parts):
                if el(parts, k).strip() or el(parts, k + 1).strip():
                    tx["plb"].append(cents(el(parts, k + 1), f"{w} element {k+1}"))
                k += 2
        elif tag == "LX":
            line = None
    tx["payer_name"] = payer_name or ""
    tx["bpr02"] = bpr02
    tx["bpr16"] = bpr16
    tx["trn"] = (trn02, trn03)
    # checks that reject the whole transaction
    se = segs[-1][0]
    try:
        se01 = int(el(se, 1))
    except ValueError:
        raise Malformed(f"{fname}: segment {segs[-1][1]}: element 1: SE01 not a number")
    if se01 != len(segs):
        tx["reject"] = f"SE01 {se01} != {len(segs)} segments"
    elif bpr02 is None:
        raise Malformed(f"{fname}: transaction at segment {segs[0][1]}: no BPR")
    else:
        want = sum(c["paid"] for c in tx["claims"]) - sum(tx["plb"])
        if bpr02 != want:
            tx["reject"] = f"BPR02 {bpr02} != sum CLP04 - sum PLB {want}"
    return tx


# ---------------------------------------------------------------- store
def load_store(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    encs = {}
    by_ext = {}
    for (eid, ext, sd, payer) in con.execute(
            "select id, external_id, service_date, payer from encounter"):
        encs[eid] = {"id": eid, "ext": ext, "date": dt.date.fromisoformat(sd),
                     "payer": payer, "lines": []}
        key = ext.strip().upper()
        if key in by_ext:
            print(f"warning: two encounters with id {key}", file=sys.stderr)
        by_ext[key] = encs[eid]
    for row in con.execute(
            "select id, encounter_id, source_line, procedure_code, modifier_1, modifier_2,"
            " modifier_3, modifier_4, units, charge_cents, allowed_cents, paid_cents"
            " from encounter_line order by encounter_id, source_line, id"):
        (lid, eid, sl, code, m1, m2, m3, m4, units, ch, al, pd) = row
        e = encs[eid]
        e["lines"].append({"id": lid, "enc": e, "source_line": sl, "code": code.upper(),
                           "mods": [m.upper() for m in (m1, m2, m3, m4) if m],
                           "units": units, "charge": ch, "allowed": al, "paid": pd,
                           "rem": []})
    rates = {}
    for (payer, code, mod, amt, ef, et) in con.execute(
            "select payer, procedure_code, modifier, amount_cents, effective_from, effective_to"
            " from fee_rate"):
        rates.setdefault((payer, code.upper(), (mod or "").upper()), []).append(
            (dt.date.fromisoformat(ef), dt.date.fromisoformat(et) if et else None, amt))
    return encs, by_ext, rates


def find_rate(rates, payer, code, mods, date):
    def at(key):
        for ef, et, amt in rates.get(key, []):
            if ef <= date and (et is None or date <= et):
                return amt
        return None
    for p in (payer, "*"):
        for m in mods:
            r = at((p, code, m))
            if r is not None:
                return r
        r = at((p, code, ""))
        if r is not None:
            return r
    return None


# ---------------------------------------------------------------- import
# SPEC 9 "same ... modifiers" does not say whether their order counts; the README
# says codeaudit matches them in any order, and so does this reading.


def import_files(paths, by_ext, log):
    committed = {}  # (trn02, trn03) -> file
    unmatched_claims = []  # (date, payer_name)
    unmatched_lines = 0
    order = 0
    stats = {"files_refused": 0, "tx_rejected": 0, "tx_committed": 0,
             "claims": 0, "claims_unmatched": 0, "lines": 0, "lines_unmatched": 0,
             "claims_no_svc": 0}
    for path in paths:
        try:
            txs = parse_file(path)
        except Malformed as e:
            stats["files_refused"] += 1
            log.append(f"REFUSED {e}")
            continue
        for tx in txs:
            if tx["reject"]:
                stats["tx_rejected"] += 1
                log.append(f"REJECT {tx['file']} seg {tx['first_segment']}: {tx['reject']}")
                continue
            if tx["trn"] in committed:
                stats["tx_rejected"] += 1
                log.append(f"REJECT {tx['file']} seg {tx['first_segment']}: duplicate payment "
                           f"{tx['trn']} from {committed[tx['trn']]}")
                continue
            committed[tx["trn"]] = tx["file"]
            stats["tx_committed"] += 1
            for cl in tx["claims"]:
                order += 1
                stats["claims"] += 1
                enc = by_ext.get(cl["clp01"].strip().upper())
                if enc is None:
                    stats["claims_unmatched"] += 1
                    d = cl["dtm232"]
                    if d is None:
                        for ln in cl["lines"]:
                            d = ln["dtm472"] or ln["dtm150"]
                            if d:
                                break
                    if d is None:
                        d = cl["dtm050"]
                    unmatched_claims.append((d, tx["payer_name"], cl["clp01"], tx["file"]))
                    stats["lines_unmatched"] += len(cl["lines"])
                    continue
                if not cl["lines"]:
                    stats["claims_no_svc"] += 1
                    continue
                used = set()
                for ln in cl["lines"]:
                    stats["lines"] += 1
                    code, mods = (ln["billed"] if ln["billed"] else (ln["code"], ln["mods"]))
                    sdate = ln["dtm472"] or ln["dtm150"] or cl["dtm232"] or cl["dtm050"]
                    cands = [el_ for el_ in enc["lines"]
                             if el_["id"] not in used and el_["code"] == code
                             and sorted(el_["mods"]) == sorted(mods)
                             and enc["date"] == sdate]
                    if not cands:
                        stats["lines_unmatched"] += 1
                        log.append(f"UNMATCHED LINE {tx['file']} seg {ln['segno']} claim "
                                   f"{cl['clp01']} {code} {mods} {sdate}")
                        continue
                    same = [c for c in cands if c["charge"] == ln["charge"]]
                    target = (same or cands)[0]
                    used.add(target["id"])
                    pr = sum(a for g, r, a in ln["cas"] if g == "PR")
                    allowed = ln["b6"] if ln["b6"] is not None else ln["paid"] + pr
                    target["rem"].append({
                        "order": order, "paid": ln["paid"], "pr": pr, "allowed": allowed,
                        "cas": ln["cas"], "bpr16": tx["bpr16"], "status": cl["status"],
                        "file": tx["file"], "clp01": cl["clp01"]})
    return unmatched_claims, stats


def line_figures(l):
    """Remitted figures of an encounter line (None if no remittance)."""
    rem = l["rem"]
    if not rem:
        return None
    paid = sum(r["paid"] for r in rem)
    pr = sum(r["pr"] for r in rem)
    allowed = sum(r["allowed"] for r in rem)
    denied = False
    reason = None
    if paid == 0:
        best = None
        for r in rem:  # in import order, then file order
            for g, rc, amt in r["cas"]:
                if g in ("CO", "OA", "PI") and rc != "45":
                    if best is None or amt > best[0]:
                        best = (amt, f"{g}-{rc}")
        if best is not None:
            denied = True
            reason = best[1]
    first = min(rem, key=lambda r: r["order"])
    days = (first["bpr16"] - l["enc"]["date"]).days if first["bpr16"] else None
    return {"paid": paid, "pr": pr, "allowed": allowed, "denied": denied,
            "reason": reason, "days": days}


# ---------------------------------------------------------------- exports
PAY_HDR = ["month", "payer", "lines", "remitted_lines", "charge", "allowed", "paid",
           "patient_responsibility", "denied_lines", "denial_rate", "denied_charge",
           "median_days_to_payment", "p90_days_to_payment", "unmatched_claims"]
DEN_HDR = ["month", "payer", "reason", "denied_lines", "denied_claims", "denied_charge",
           "share_of_denied"]
VAR_HDR = ["month", "payer", "procedure_code", "lines", "units", "charge", "expected",
           "allowed", "paid", "variance", "variance_rate", "underpaid_lines",
           "underpaid_amount", "overpaid_lines", "no_rate_lines", "pending_lines"]


def msum(vals):
    vals = [v for v in vals if v is not None]
    return sum(vals) if vals else None


def payments(month, encs, unmatched):
    groups = {}
    for e in encs.values():
        if e["date"].strftime("%Y-%m") != month:
            continue
        for l in e["lines"]:
            groups.setdefault(e["payer"], []).append(l)
    um = {}
    for d, pname, _, _ in unmatched:
        if d is not None and d.strftime("%Y-%m") == month:
            um[pname] = um.get(pname, 0) + 1
    payers = sorted(set(groups) | set(um))
    if not payers:
        return []

    def row(name, lines, nun):
        rem = [(l, line_figures(l)) for l in lines]
        rem = [(l, f) for l, f in rem if f is not None]
        den = [(l, f) for l, f in rem if f["denied"]]
        days = [f["days"] for l, f in rem if f["days"] is not None]
        return [month, name, len(lines), len(rem),
                money(msum(l["charge"] for l in lines)),
                money(sum(f["allowed"] for l, f in rem) if rem else None),
                money(sum(f["paid"] for l, f in rem) if rem else None),
                money(sum(f["pr"] for l, f in rem) if rem else None),
                len(den), rate(len(den), len(rem)),
                money((sum(l["charge"] or 0 for l, f in den)) if rem else None),
                days1(median(days)), days1(p90(days)), nun]
    rows = [row(p, groups.get(p, []), um.get(p, 0)) for p in payers]
    alll = [l for p in payers for l in groups.get(p, [])]
    rows.append(row("ALL", alll, sum(um.values())))
    return rows


def denials(month, encs):
    per = {}
    for e in encs.values():
        if e["date"].strftime("%Y-%m") != month:
            continue
        for l in e["lines"]:
            f = line_figures(l)
            if f and f["denied"]:
                g = per.setdefault(e["payer"], {}).setdefault(f["reason"], [])
                g.append(l)
    rows = []
    for p in sorted(per):
        tot = sum(len(v) for v in per[p].values())
        rs = []
        for reason, ls in per[p].items():
            ch = sum(l["charge"] or 0 for l in ls)
            rs.append((ch, reason, [month, p, reason, len(ls),
                                    len({l["enc"]["id"] for l in ls}), money(ch),
                                    rate(len(ls), tot)]))
        rs.sort(key=lambda t: (-t[0], t[1]))
        rows.extend(r for _, _, r in rs)
    return rows


def variance(month, encs, rates, tol):
    groups = {}
    for e in encs.values():
        if e["date"].strftime("%Y-%m") != month:
            continue
        for l in e["lines"]:
            groups.setdefault(e["payer"], {}).setdefault(l["code"], []).append(l)

    def row(payer, code, lines):
        exp = al = pd = 0
        comparable = 0
        under = under_amt = over = norate = pending = 0
        for l in lines:
            f = line_figures(l)
            if f is not None:
                a, p = f["allowed"], f["paid"]
            else:
                a, p = l["allowed"], l["paid"]
            r = find_rate(rates, payer, l["code"], l["mods"], l["enc"]["date"])
            if r is None:
                norate += 1
            if a is None:
                pending += 1
            if r is None or a is None:
                continue
            comparable += 1
            x = r * l["units"]
            exp += x
            al += a
            pd += p or 0
            if a < x - tol:
                under += 1
                under_amt += x - a
            if a > x + tol:
                over += 1
        c = comparable > 0
        return [month, payer, code, len(lines), sum(l["units"] for l in lines),
                money(msum(l["charge"] for l in lines)),
                money(exp if c else None), money(al if c else None),
                money(pd if c else None), money(al - exp if c else None),
                rate(al - exp, exp) if c else "", under,
                money(under_amt if c else None), over, norate, pending]
    rows = []
    for payer in sorted(groups):
        for code in sorted(groups[payer]):
            rows.append(row(payer, code, groups[payer][code]))
        rows.append(row(payer, "ALL", [l for c in groups[payer].values() for l in c]))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--months", required=True, help="YYYY-MM,YYYY-MM,...")
    ap.add_argument("--tolerance", default="1.00")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    tol = cents(a.tolerance, "--tolerance")
    encs, by_ext, rates = load_store(a.db)
    log = []
    unmatched, stats = import_files(a.files, by_ext, log)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "import.log"), "w") as f:
        f.write("\n".join(log) + "\n")
        f.write(repr(stats) + "\n")
    print(stats, file=sys.stderr)
    months = [m for m in a.months.split(",") if m]
    for m in months:
        d = os.path.join(a.out, m)
        os.makedirs(d, exist_ok=True)
        write_csv(os.path.join(d, "payments.csv"), PAY_HDR, payments(m, encs, unmatched))
        write_csv(os.path.join(d, "denials.csv"), DEN_HDR, denials(m, encs))
        write_csv(os.path.join(d, "reimbursement_variance.csv"), VAR_HDR, variance(m, encs, rates, tol))


if __name__ == "__main__":
    main()
