#!/usr/bin/env python3
"""A second reading of SPEC 8 (edits.csv and edit_rates.csv), written from the
specification alone and not from codeaudit's sources, to compare with what
codeaudit exports (Scripts/oracle.sh).

Reads the store read-only (encounters, lines, diagnoses, fee rates, audit findings)
and the raw NCCI PTP / MUE files and the Excludes1 notes data file; computes the
two exports per SPEC.md.

usage: edits.py --db DB --ptp FILE [--ptp FILE...] --mue FILE:YYYY-MM-DD [...]
                 --excludes1 C-FILE --month YYYY-MM [--month ...] --out DIR
"""
import argparse, csv, io, os, re, sqlite3, sys
from collections import defaultdict
from datetime import date, timedelta
from fractions import Fraction

from sheet import rnd, write_csv

NCCI_MODS = set("24 25 27 57 58 59 78 79 91 E1 E2 E3 E4 F1 F2 F3 F4 F5 F6 F7 F8 F9 FA "
                "LC LD LM LT RC RI RT T1 T2 T3 T4 T5 T6 T7 T8 T9 TA XE XP XS XU".split())

EM_RANGES = [(99202, 99215), (99221, 99223), (99231, 99239), (99281, 99285),
             (99304, 99310), (99341, 99350)]


def is_em(code):
    if not (len(code) == 5 and code.isdigit()):
        return False
    n = int(code)
    return any(a <= n <= b for a, b in EM_RANGES)


def is_new_pt(code):
    return code in ("99202", "99203", "99204", "99205")


# ---------------------------------------------------------------- reference files
def parse_ymd(s):
    s = s.strip()
    if not re.fullmatch(r"\d{8}", s):
        return None
    return f"{s[0:4]}-{s[4:6]}-{s[6:8]}"


def load_ptp(paths):
    """key (c1,c2,eff) -> (deletion or None, indicator). Later rows replace."""
    edits = {}
    for path in paths:
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        lines = text.splitlines()
        delim = None
        started = False
        for ln in lines:
            if not started:
                for d in ("\t", ","):
                    cells = next(csv.reader([ln], delimiter=d)) if ln else []
                    cells = [c.strip() for c in cells]
                    if len(cells) >= 2 and cells[0].lower() == "column 1" and cells[1].lower() == "column 2":
                        delim = d
                        started = True
                        break
                continue
            if not ln.strip():
                continue
            cells = [c.strip() for c in next(csv.reader([ln], delimiter=delim))]
            if len(cells) < 6:
                continue
            c1, c2 = cells[0].upper(), cells[1].upper()
            if not re.fullmatch(r"[0-9A-Z]{5}", c1) or not re.fullmatch(r"[0-9A-Z]{5}", c2):
                continue  # sub-header row without codes
            eff = parse_ymd(cells[3])
            if eff is None:
                continue
            dl = cells[4]
            dele = None if dl in ("*", "") else parse_ymd(dl)
            ind = int(cells[5])
            edits[(c1, c2, eff)] = (dele, ind)
    by_pair = defaultdict(list)
    for (c1, c2, eff), (dele, ind) in edits.items():
        by_pair[(c1, c2)].append((eff, dele, ind))
    by_c2 = defaultdict(set)
    for (c1, c2) in by_pair:
        by_c2[c2].add(c1)
    return by_pair, by_c2


def load_mue(specs):
    """specs: list of (path, effective). code -> sorted list of (eff, value, indicator)."""
    mue = defaultdict(list)
    for path, eff in specs:
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        text = raw.decode("utf-8", errors="replace")
        rows = list(csv.reader(io.StringIO(text)))
        started = False
        for r in rows:
            if not started:
                if r and r[0].strip().lower() == "hcpcs/cpt code":
                    started = True
                continue
            if len(r) < 3 or not r[0].strip():
                continue
            code = r[0].strip().upper()
            try:
                val = int(r[1].strip())
            except ValueError:
                continue
            ind = int(r[2].strip()[0])
            mue[code] = [x for x in mue[code] if x[0] != eff] + [(eff, val, ind)]
    for k in mue:
        mue[k].sort()
    return mue


def mue_on(mue, code, d):
    best = None
    for eff, val, ind in mue.get(code, ()):
        if eff <= d:
            best = (val, ind)
    return best


def load_excludes1(path):
    src = open(path, encoding="utf-8").read()
    m = re.search(r"excludes1\[\]\s*=\s*(.*?);", src, re.S)
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
    s = "".join(parts).encode().decode("unicode_escape")
    notes = []
    for ln in s.split("\n"):
        if ln:
            scope, target = ln.split("\t")
            notes.append((scope, target))
    return notes


def in_range(code, lo, hi):
    return code[:len(lo)] >= lo and code[:len(hi)] <= hi


def scope_covers(scope, code):
    if "-" in scope:
        lo, hi = scope.split("-")
        return in_range(code, lo, hi)
    return code.startswith(scope)


def target_covers(target, code):
    if target.endswith("-"):
        return code.startswith(target[:-1])
    if "-" in target:
        lo, hi = target.split("-")
        return in_range(code, lo, hi)
    return code.startswith(target)


class Excl:
    def __init__(self, notes):
        self.notes = notes
        self.cache = {}

    def targets_of(self, x):
        """Targets of every note whose scope covers x (a note at a code or category covers the codes below it)."""
        if x not in self.cache:
            if not hasattr(self, "by_scope"):
                self.by_scope = defaultdict(list)
                self.range_scopes = []
                for s, t in self.notes:
                    (self.range_scopes if "-" in s else self.by_scope[s]).append((s, t))
            ts = []
            for n in range(1, len(x) + 1):
                ts += [t for _, t in self.by_scope.get(x[:n], ())]
            ts += [t for s, t in self.range_scopes if scope_covers(s, x)]
            self.cache[x] = ts
        return self.cache[x]

    def excludes(self, x, y):
        """True if y is in x's Excludes1 notes."""
        return any(target_covers(t, y) for t in self.targets_of(x))

    def pair(self, x, y):
        return self.excludes(x, y) or self.excludes(y, x)


# ---------------------------------------------------------------- formatting
def fmt_money(cents):
    return "" if cents is None else rnd(Fraction(cents, 100), 2)


def fmt_rate(num, den):
    return "" if den == 0 else rnd(Fraction(num, den), 4)


def fmt_icd(code):
    return code if len(code) <= 3 else code[:3] + "." + code[3:]


# ---------------------------------------------------------------- store
class Store:
    def __init__(self, db):
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.enc = {}
        for row in c.execute("select id, external_id, service_date, patient_pseudonym, provider, "
                             "specialty, coder, payer from encounter"):
            i, ext, d, pat, prov, spec, coder, payer = row
            self.enc[i] = dict(id=i, ext=ext, date=d, pat=pat, prov=prov, spec=spec,
                               coder=coder, payer=payer, lines=[], dx=[])
        for row in c.execute("select id, encounter_id, source_line, procedure_code, modifier_1, modifier_2, "
                             "modifier_3, modifier_4, units from encounter_line order by encounter_id, source_line"):
            lid, eid, sl, code, m1, m2, m3, m4, units = row
            mods = [m for m in (m1, m2, m3, m4) if m]
            self.enc[eid]["lines"].append(dict(id=lid, eid=eid, sl=sl, code=code, mods=mods, units=units))
        for eid, pos, code in c.execute("select encounter_id, position, code from encounter_diagnosis "
                                        "order by encounter_id, position"):
            self.enc[eid]["dx"].append(code)
        self.fees = defaultdict(list)
        for payer, code, mod, amt, f, t in c.execute(
                "select payer, procedure_code, modifier, amount_cents, effective_from, effective_to from fee_rate"):
            self.fees[(payer, code, mod or "")].append((f, t, amt))
        # audits: recompute outcome per 3.2
        self.audit = defaultdict(list)
        self.stored_outcome_mismatch = 0
        for eid, ctype, sc, ac, su, au, outcome in c.execute(
                "select encounter_id, code_type, submitted_code, audited_code, submitted_units, audited_units, "
                "outcome from audit_finding"):
            if sc is None:
                o = "added"
            elif ac is None:
                o = "deleted"
            else:
                same = sc.replace(".", "") == ac.replace(".", "") if ctype == "ICD10" else sc == ac
                if ctype in ("CPT", "HCPCS"):
                    same = same and (su or 1) == (au or 1)
                o = "agree" if same else "revised"
            if o != outcome:
                self.stored_outcome_mismatch += 1
            self.audit[eid].append(o)

    def rate(self, payer, code, d):
        for key in ((payer, code, ""), ("*", code, "")):
            for f, t, amt in self.fees.get(key, ()):
                if f <= d and (t is None or d <= t):
                    return amt
        return None


# ---------------------------------------------------------------- edits
def compute(store, ptp, mue, excl):
    by_pair, by_c2 = ptp
    rows = []  # dicts
    flagged = set()  # encounter ids (internal)

    def ptp_in_force(c1, c2, d):
        found = []
        for eff, dele, ind in by_pair.get((c1, c2), ()):
            if eff <= d and (dele is None or d < dele):
                found.append((eff, ind))
        return found

    # group lines by (patient, provider, date)
    groups = defaultdict(list)
    for e in store.enc.values():
        for ln in e["lines"]:
            groups[(e["pat"], e["prov"], e["date"])].append(ln)
    ambiguous_ptp = 0
    for (pat, prov, d), lines in groups.items():
        lines.sort(key=lambda l: (store.enc[l["eid"]]["ext"], l["sl"]))
        # ptp
        for l2 in lines:
            c1s = by_c2.get(l2["code"])
            if not c1s:
                continue
            for l1 in lines:
                if l1 is l2 or l1["code"] not in c1s:
                    continue
                found = ptp_in_force(l1["code"], l2["code"], d)
                if not found:
                    continue
                if len(found) > 1:
                    ambiguous_ptp += 1
                found.sort()
                ind = found[-1][1]  # latest effective edit in force
                if ind == 9:
                    continue
                if ind == 1 and (set(l1["mods"]) & NCCI_MODS or set(l2["mods"]) & NCCI_MODS):
                    continue
                e2 = store.enc[l2["eid"]]
                r = store.rate(e2["payer"], l2["code"], d)
                rows.append(dict(enc=e2, edit="ptp", code=l1["code"], other=l2["code"],
                                 mods=l2["mods"], units=l2["units"], limit=None, ind=ind,
                                 risk=None if r is None else r * l2["units"], encs={l1["eid"], l2["eid"]}))
                flagged.add(l1["eid"]); flagged.add(l2["eid"])
        # mue
        bycode = defaultdict(list)
        for ln in lines:
            bycode[ln["code"]].append(ln)
        for code, cls in bycode.items():
            mv = mue_on(mue, code, d)
            if mv is None:
                continue
            val, ind = mv
            if ind == 1:
                for ln in cls:
                    if ln["units"] > val:
                        e = store.enc[ln["eid"]]
                        r = store.rate(e["payer"], code, d)
                        rows.append(dict(enc=e, edit="mue", code=code, other=None, mods=ln["mods"],
                                         units=ln["units"], limit=val, ind=None,
                                         risk=None if r is None else r * (ln["units"] - val)))
                        flagged.add(ln["eid"])
            else:
                tot = sum(l["units"] for l in cls)
                if tot > val:
                    first = cls[0]  # sorted by encounter id, line order (same date)
                    e = store.enc[first["eid"]]
                    r = store.rate(e["payer"], code, d)
                    rows.append(dict(enc=e, edit="mue", code=code, other=None, mods=first["mods"],
                                     units=tot, limit=val, ind=None,
                                     risk=None if r is None else r * (tot - val), encs={l["eid"] for l in cls}))
                    for l in cls:
                        flagged.add(l["eid"])
    # excludes1, mod25
    for e in store.enc.values():
        dx = e["dx"]
        for i in range(len(dx)):
            for j in range(i + 1, len(dx)):
                x, y = sorted((dx[i], dx[j]))
                if x != y and excl.pair(x, y):
                    rows.append(dict(enc=e, edit="excludes1", code=fmt_icd(x), other=fmt_icd(y), mods=[],
                                     units=None, limit=None, ind=None, risk=None))
                    flagged.add(e["id"])
        for ln in e["lines"]:
            if is_em(ln["code"]) and "25" in ln["mods"]:
                others = [o for o in e["lines"] if o is not ln]
                if all(is_em(o["code"]) for o in others):
                    rows.append(dict(enc=e, edit="mod25", code=ln["code"], other=None, mods=ln["mods"],
                                     units=ln["units"], limit=None, ind=None, risk=None))
                    flagged.add(e["id"])
    # new_patient
    em_hist = defaultdict(list)  # (pat, spec) -> [(date, ext, sl, code)]
    for e in store.enc.values():
        for ln in e["lines"]:
            if is_em(ln["code"]):
                em_hist[(e["pat"], e["spec"])].append((e["date"], e["ext"], ln["sl"], ln["code"]))
    ties = []
    for e in store.enc.values():
        for ln in e["lines"]:
            if not is_new_pt(ln["code"]):
                continue
            d = date.fromisoformat(e["date"])
            lo = (d - timedelta(days=1095)).isoformat()
            hi = (d - timedelta(days=1)).isoformat()
            cands = [h for h in em_hist[(e["pat"], e["spec"])] if lo <= h[0] <= hi]
            if not cands:
                continue
            cands.sort()
            last = cands[-1]
            same_day = {h[3] for h in cands if h[0] == last[0]}
            if len(same_day) > 1:
                ties.append((e["ext"], sorted(same_day)))
            est = "9921" + ln["code"][-1]
            r1 = store.rate(e["payer"], ln["code"], e["date"])
            r2 = store.rate(e["payer"], est, e["date"])
            rows.append(dict(enc=e, edit="new_patient", code=ln["code"], other=last[3], mods=ln["mods"],
                             units=ln["units"], limit=None, ind=None,
                             risk=None if r1 is None or r2 is None else r1 - r2))
            flagged.add(e["id"])
    return rows, flagged, dict(ambiguous_ptp=ambiguous_ptp, new_patient_ties=ties)


EDITS_HEADER = ["month", "encounter_id", "service_date", "provider", "coder", "payer", "edit", "code",
                "other_code", "modifiers", "units", "limit", "modifier_indicator", "at_risk", "detail"]
RATES_HEADER = ["month", "dimension", "group", "encounters", "encounters_flagged", "flag_rate", "ptp", "mue",
                "excludes1", "mod25", "new_patient", "at_risk", "audited_flagged", "audited_flagged_in_error",
                "flagged_error_rate", "audited_unflagged", "audited_unflagged_in_error", "unflagged_error_rate"]
EDIT_NAMES = ["ptp", "mue", "excludes1", "mod25", "new_patient"]


def month_outputs(store, rows, flagged, month):
    mrows = [r for r in rows if r["enc"]["date"][:7] == month]
    mrows.sort(key=lambda r: (r["enc"]["date"], r["enc"]["ext"], r["edit"], r["code"] or "", r["other"] or ""))
    out_e = []
    for r in mrows:
        e = r["enc"]
        out_e.append([month, e["ext"], e["date"], e["prov"], e["coder"], e["payer"], r["edit"], r["code"],
                      r["other"] or "", ";".join(r["mods"]), r["units"], r["limit"], r["ind"],
                      fmt_money(r["risk"]), "(detail)"])
    encs = [e for e in store.enc.values() if e["date"][:7] == month]
    out_r = []
    if not encs:
        return out_e, out_r

    def group_row(dim, key, members):
        ids = {e["id"] for e in members}
        fl = [e for e in members if e["id"] in flagged]
        grows = [r for r in mrows if r["enc"]["id"] in ids]
        counts = [sum(1 for r in grows if r["edit"] == n) for n in EDIT_NAMES]
        risks = [r["risk"] for r in grows if r["risk"] is not None]
        risk = fmt_money(sum(risks)) if risks else ""
        af = [e for e in fl if store.audit.get(e["id"])]
        afe = [e for e in af if any(o != "agree" for o in store.audit[e["id"]])]
        unf = [e for e in members if e["id"] not in flagged]
        au = [e for e in unf if store.audit.get(e["id"])]
        aue = [e for e in au if any(o != "agree" for o in store.audit[e["id"]])]
        return [month, dim, key, len(members), len(fl), fmt_rate(len(fl), len(members))] + counts + [
            risk, len(af), len(afe), fmt_rate(len(afe), len(af)), len(au), len(aue), fmt_rate(len(aue), len(au))]

    out_r.append(group_row("practice", "ALL", encs))
    for dim, fld in (("coder", "coder"), ("provider", "prov")):
        g = defaultdict(list)
        for e in encs:
            g[e[fld]].append(e)
        for k in sorted(g):
            out_r.append(group_row(dim, k, g[k]))
    return out_e, out_r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--ptp", action="append", default=[])
    ap.add_argument("--mue", action="append", default=[], help="FILE:YYYY-MM-DD")
    ap.add_argument("--excludes1", required=True)
    ap.add_argument("--month", action="append", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    store = Store(a.db)
    ptp = load_ptp(a.ptp)
    mue = load_mue([(s.rsplit(":", 1)[0], s.rsplit(":", 1)[1]) for s in a.mue])
    excl = Excl(load_excludes1(a.excludes1))
    rows, flagged, diag = compute(store, ptp, mue, excl)
    print(f"audit outcomes differing from stored: {store.stored_outcome_mismatch}", file=sys.stderr)
    print(f"diagnostics: ambiguous_ptp={diag['ambiguous_ptp']} new_patient_ties={diag['new_patient_ties'][:10]}"
          f" (n={len(diag['new_patient_ties'])})", file=sys.stderr)
    for m in a.month:
        e, r = month_outputs(store, rows, flagged, m)
        d = os.path.join(a.out, m)
        os.makedirs(d, exist_ok=True)
        write_csv(os.path.join(d, "edits.csv"), EDITS_HEADER, e)
        write_csv(os.path.join(d, "edit_rates.csv"), RATES_HEADER, r)


if __name__ == "__main__":
    main()
