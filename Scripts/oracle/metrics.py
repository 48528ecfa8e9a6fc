#!/usr/bin/env python3
"""A second reading of SPEC 5.1, 5.2, 5.3 and 5.5 (error_rates.csv, findings.csv,
coder_productivity.csv, em_distribution.csv), written from the specification alone
and not from codeaudit's sources, to compare with what codeaudit exports
(Scripts/oracle.sh).

Reads a codeaudit SQLite store read-only and writes, per month,
DIR/YYYY-MM/{error_rates,findings,coder_productivity,em_distribution}.csv.

Only stored copies of input cells are used (dates, codes, units, minutes, hours,
fee amounts); outcomes, counts, sums, rates, medians are derived here from SPEC.

Choices where SPEC is silent (documented here, as SPEC asks):
  * row order: error_rates by dimension in SPEC's order (practice, coder,
    provider, payer, code_type), then key by code point; findings by service
    date, encounter id, then the finding's order in the audit file;
    coder_productivity by coder; em_distribution by provider, new before
    established, level ascending.
  * Wilson interval with z = 1.959963984540054 (the exact 97.5% normal
    quantile).
  * A figure that rounds to zero is written without a minus sign.

usage: metrics.py --db STORE --month YYYY-MM [--month ...] --out DIR [--no-bom]
"""
import argparse
import math
import os
import sqlite3
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

from sheet import Num, rnd, write_csv

getcontext().prec = 60

Z_EXACT = "1.959963984540054"
PROCEDURE_TYPES = ("CPT", "HCPCS")
EM_NEW = ["99202", "99203", "99204", "99205"]
EM_EST = ["99211", "99212", "99213", "99214", "99215"]


# ---------------------------------------------------------------- formatting
def cents(c):
    return None if c is None else rnd(Fraction(c, 100), 2)


def count(n):
    return Num(str(int(n)))


def text(s):
    return "" if s is None else str(s)


def icd_print(code):
    c = code.replace(".", "")
    return c[:3] + "." + c[3:] if len(c) > 3 else c


def exact_real(v):
    """A stored REAL that was a decimal input cell -> exact Fraction."""
    if v is None:
        return None
    return Fraction(Decimal(repr(float(v))))


# ---------------------------------------------------------------- loading
class Store:
    def __init__(self, path):
        con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        con.row_factory = sqlite3.Row
        self.enc = {}
        for r in con.execute("SELECT id, external_id, service_date, provider, coder, payer, "
                             "coded_at, coding_minutes FROM encounter"):
            d = dict(r)
            d["work_date"] = (d["coded_at"][:10] if d["coded_at"] else d["service_date"])
            d["lines"] = []
            d["dx"] = []
            d["findings"] = []
            self.enc[d["id"]] = d
        for r in con.execute("SELECT encounter_id, procedure_code, modifier_1, modifier_2, "
                             "modifier_3, modifier_4, units FROM encounter_line ORDER BY encounter_id, source_line, id"):
            self.enc[r["encounter_id"]]["lines"].append(dict(r))
        for r in con.execute("SELECT encounter_id, code FROM encounter_diagnosis ORDER BY encounter_id, position"):
            self.enc[r["encounter_id"]]["dx"].append(r["code"])
        for r in con.execute("SELECT id, encounter_id, source_line, auditor, audit_date, code_type, "
                             "submitted_code, audited_code, submitted_units, audited_units, category, comment "
                             "FROM audit_finding ORDER BY encounter_id, batch_id, source_line, id"):
            f = dict(r)
            f["outcome"] = outcome(f)
            self.enc[r["encounter_id"]]["findings"].append(f)
        self.hours = [dict(r) for r in con.execute("SELECT coder, work_date, centihours FROM coder_hours")]
        self.fees = {}
        for r in con.execute("SELECT payer, procedure_code, modifier, amount_cents, effective_from, effective_to FROM fee_rate"):
            self.fees.setdefault((r["payer"], r["procedure_code"], r["modifier"] or ""), []).append(
                (r["effective_from"], r["effective_to"], r["amount_cents"]))
        con.close()

    def rate(self, payer, code, date):
        """SPEC 3.3 for a finding row: blank modifier; payer, then '*'."""
        for key in ((payer, code, ""), ("*", code, "")):
            for frm, to, amt in self.fees.get(key, ()):
                if (frm or "0001-01-01") <= date and (to is None or to == "" or date <= to):
                    return amt
        return None


def norm_units(u):
    return 1 if u is None else int(u)


def outcome(f):
    s, a = f["submitted_code"], f["audited_code"]
    s = s if s not in (None, "") else None
    a = a if a not in (None, "") else None
    if s is None and a is None:
        raise ValueError("finding with both codes blank: %r" % f)
    if s is None:
        return "added"
    if a is None:
        return "deleted"
    if f["code_type"] == "ICD10":
        same = s.replace(".", "").upper() == a.replace(".", "").upper()
    else:
        same = s.upper() == a.upper()
    if same and f["code_type"] in PROCEDURE_TYPES:
        same = norm_units(f["submitted_units"]) == norm_units(f["audited_units"])
    return "agree" if same else "revised"


def money_of(store, enc, f):
    """(delta_cents, submitted_amount_cents) or None when a needed rate is missing."""
    amounts = []
    for code, units in ((f["submitted_code"], f["submitted_units"]), (f["audited_code"], f["audited_units"])):
        if code in (None, ""):
            amounts.append(0)
            continue
        r = store.rate(enc["payer"], code, enc["service_date"])
        if r is None:
            return None
        amounts.append(r * norm_units(units))
    return amounts[1] - amounts[0], amounts[0]


# ---------------------------------------------------------------- 5.1
def wilson(k, n, z):
    if n == 0:
        return None, None
    z = Decimal(z)
    n_ = Decimal(n)
    p = Decimal(k) / n_
    z2 = z * z
    denom = 1 + z2 / n_
    center = (p + z2 / (2 * n_)) / denom
    half = (z / denom) * (p * (1 - p) / n_ + z2 / (4 * n_ * n_)).sqrt()
    return center - half, center + half


def error_rows(store, month, z):
    encs = [e for e in store.enc.values() if e["service_date"][:7] == month and e["findings"]]
    groups = []  # (dimension, key, [(enc, [findings])])

    def add_dim(dim, keyf):
        by = {}
        for e in encs:
            by.setdefault(keyf(e), []).append((e, e["findings"]))
        for k in sorted(by):
            groups.append((dim, k, by[k], False))

    add_dim("practice", lambda e: "ALL")
    add_dim("coder", lambda e: e["coder"])
    add_dim("provider", lambda e: e["provider"])
    add_dim("payer", lambda e: e["payer"])
    for t in ("CPT", "HCPCS", "ICD10", "MOD"):
        items = []
        for e in encs:
            fs = [f for f in e["findings"] if f["code_type"] == t]
            if fs:
                items.append((e, fs))
        if items:
            groups.append(("code_type", t, items, t not in PROCEDURE_TYPES))

    rows = []
    for dim, key, items, no_money in groups:
        n_enc = len(items)
        n_err_enc = sum(1 for e, fs in items if any(f["outcome"] != "agree" for f in fs))
        n_codes = sum(len(fs) for e, fs in items)
        n_err = sum(1 for e, fs in items for f in fs if f["outcome"] != "agree")
        over = under = denom = 0
        money_rows = 0
        for e, fs in items:
            for f in fs:
                if f["code_type"] not in PROCEDURE_TYPES:
                    continue
                m = money_of(store, e, f)
                if m is None:
                    continue
                money_rows += 1
                d, sub = m
                if d > 0:
                    under += d
                elif d < 0:
                    over += -d
                denom += sub
        lo, hi = wilson(n_codes - n_err, n_codes, z)
        if no_money or money_rows == 0:
            money = ["", "", "", ""]
        else:
            money = [cents(over), cents(under), cents(under - over),
                     rnd(Fraction(over + under, denom), 4) if denom != 0 else ""]
        rows.append([month, dim, key, count(n_enc), count(n_err_enc),
                     rnd(Fraction(n_enc - n_err_enc, n_enc), 4) if n_enc else "",
                     count(n_codes), count(n_err),
                     rnd(1 - Fraction(n_err, n_codes), 4) if n_codes else "",
                     rnd(lo, 4) if lo is not None else "", rnd(hi, 4) if hi is not None else ""] + money)
    return rows


ERR_HEADER = ["month", "dimension", "key", "encounters_audited", "encounters_with_errors",
              "encounter_accuracy", "codes_reviewed", "codes_in_error", "code_accuracy",
              "code_accuracy_ci_low", "code_accuracy_ci_high", "overcoded_amount",
              "undercoded_amount", "net_amount", "payment_error_rate"]


# ---------------------------------------------------------------- 5.2
FIND_HEADER = ["month", "encounter_id", "service_date", "provider", "coder", "payer", "auditor",
               "audit_date", "code_type", "outcome", "submitted_code", "audited_code",
               "submitted_units", "audited_units", "category", "delta_amount", "rate_missing", "comment"]


def finding_rows(store, month):
    encs = sorted((e for e in store.enc.values() if e["service_date"][:7] == month and e["findings"]),
                  key=lambda e: (e["service_date"], e["external_id"]))
    rows = []
    for e in encs:
        for f in e["findings"]:
            if f["outcome"] == "agree":
                continue
            t = f["code_type"]
            proc = t in PROCEDURE_TYPES
            sc, ac = f["submitted_code"] or "", f["audited_code"] or ""
            if t == "ICD10":
                sc, ac = (icd_print(sc) if sc else ""), (icd_print(ac) if ac else "")
            su = count(norm_units(f["submitted_units"])) if proc and sc else ""
            au = count(norm_units(f["audited_units"])) if proc and ac else ""
            if proc:
                m = money_of(store, e, f)
                delta = cents(m[0]) if m is not None else ""
                missing = "true" if m is None else "false"
            else:
                delta = missing = ""
            rows.append([month, e["external_id"], e["service_date"], e["provider"], e["coder"], e["payer"],
                         f["auditor"], f["audit_date"], t, f["outcome"], sc, ac, su, au,
                         text(f["category"]), delta, missing, text(f["comment"])])
    return rows


# ---------------------------------------------------------------- 5.3
PROD_HEADER = ["month", "coder", "encounters_coded", "lines_coded", "codes_assigned", "hours",
               "encounters_per_hour", "median_turnaround_days", "p90_turnaround_days",
               "encounters_audited", "code_accuracy"]


def days_between(a, b):
    from datetime import date
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def productivity_rows(store, month):
    by = {}
    for e in store.enc.values():
        if e["work_date"][:7] == month:
            by.setdefault(e["coder"], []).append(e)
    hours_by = {}
    for h in store.hours:
        if h["work_date"][:7] == month:
            hours_by[h["coder"]] = hours_by.get(h["coder"], 0) + h["centihours"]
    rows = []
    for coder in sorted(by):
        es = by[coder]
        n = len(es)
        lines = sum(len(e["lines"]) for e in es)
        mods = sum(1 for e in es for l in e["lines"]
                   for m in (l["modifier_1"], l["modifier_2"], l["modifier_3"], l["modifier_4"]) if m)
        dx = sum(len(e["dx"]) for e in es)
        codes = lines + dx + mods
        if coder in hours_by:
            hours = Fraction(hours_by[coder], 100)
        else:
            mins = [exact_real(e["coding_minutes"]) for e in es if e["coding_minutes"] is not None]
            hours = sum(mins, Fraction(0)) / 60 if mins else None
        eph = rnd(Fraction(n) / hours, 2) if hours else ""
        tat = sorted(days_between(e["service_date"], e["coded_at"][:10]) for e in es if e["coded_at"])
        if tat:
            k = len(tat)
            med = Fraction(tat[k // 2]) if k % 2 else Fraction(tat[k // 2 - 1] + tat[k // 2], 2)
            p90 = tat[math.ceil(Fraction(9, 10) * k) - 1]
            med_s, p90_s = rnd(med, 1), rnd(p90, 1)
        else:
            med_s = p90_s = ""
        audited = [e for e in es if e["findings"]]
        reviewed = sum(len(e["findings"]) for e in audited)
        in_err = sum(1 for e in audited for f in e["findings"] if f["outcome"] != "agree")
        acc = rnd(1 - Fraction(in_err, reviewed), 4) if reviewed else ""
        rows.append([month, coder, count(n), count(lines), count(codes),
                     rnd(hours, 2) if hours is not None else "", eph, med_s, p90_s,
                     count(len(audited)), acc])
    return rows


# ---------------------------------------------------------------- 5.5
EM_HEADER = ["month", "provider", "category", "level", "visits", "share", "practice_share", "difference"]


def em_rows(store, month):
    counts = {}  # (provider, category) -> {level: n}
    practice = {"new": {c: 0 for c in EM_NEW}, "established": {c: 0 for c in EM_EST}}
    for e in store.enc.values():
        if e["service_date"][:7] != month:
            continue
        for l in e["lines"]:
            code = l["procedure_code"]
            cat = "new" if code in EM_NEW else "established" if code in EM_EST else None
            if cat is None:
                continue
            d = counts.setdefault((e["provider"], cat), {c: 0 for c in (EM_NEW if cat == "new" else EM_EST)})
            d[code] += 1
            practice[cat][code] += 1
    rows = []
    for prov in sorted({p for p, _ in counts}):
        for cat in ("new", "established"):
            d = counts.get((prov, cat))
            if not d:
                continue
            tot = sum(d.values())
            ptot = sum(practice[cat].values())
            for lvl in sorted(d):
                share = Fraction(d[lvl], tot)
                pshare = Fraction(practice[cat][lvl], ptot)
                rows.append([month, prov, cat, lvl, count(d[lvl]), rnd(share, 4), rnd(pshare, 4),
                             rnd(share - pshare, 4)])
    return rows


# ---------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--month", action="append", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-bom", action="store_true")
    a = ap.parse_args(argv)
    store = Store(a.db)
    for m in a.month:
        if len(m) != 7 or m[4] != "-":
            ap.error("bad month %r" % m)
        d = os.path.join(a.out, m)
        write_csv(os.path.join(d, "error_rates.csv"), ERR_HEADER, error_rows(store, m, Z_EXACT), not a.no_bom)
        write_csv(os.path.join(d, "findings.csv"), FIND_HEADER, finding_rows(store, m), not a.no_bom)
        write_csv(os.path.join(d, "coder_productivity.csv"), PROD_HEADER, productivity_rows(store, m), not a.no_bom)
        write_csv(os.path.join(d, "em_distribution.csv"), EM_HEADER, em_rows(store, m), not a.no_bom)
    return 0


if __name__ == "__main__":
    sys.exit(main())
