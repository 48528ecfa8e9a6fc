#!/usr/bin/env python3
"""Companion files for an encounter file made by generate-encounters.py, for
the export benchmark: a fee schedule (one rate per payer and code, plus `*`
rates), audit findings for a 10% sample of encounters, and coder hours.

Usage: generate-companions.py ENCOUNTERS.csv OUTDIR [--seed S]
Writes OUTDIR/fees.csv, OUTDIR/audits.csv and OUTDIR/hours.csv.
"""
import argparse
import csv
import os
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("encounters")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)

    payer_codes, coder_days, sample = set(), set(), []
    seen = set()
    with open(args.encounters, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        for row in reader:
            payer, code = row[col["Payer"]], row[col["CPT"]]
            payer_codes.add((payer, code))
            coded = row[col["Coded At"]][:10]
            coder_days.add((row[col["Coder"]], coded))
            enc = row[col["Encounter ID"]]
            if enc not in seen:
                seen.add(enc)
                if rng.random() < 0.10:
                    sample.append([enc, code, row[col["Dx Codes"]].split(";")[0]])

    with open(os.path.join(args.outdir, "fees.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["payer", "procedure_code", "modifier", "amount", "effective_from", "effective_to"])
        for payer, code in sorted(payer_codes):
            if rng.random() < 0.9:
                w.writerow([payer, code, "", f"{rng.uniform(10, 300):.2f}", "", ""])
        for code in sorted({c for _, c in payer_codes}):
            w.writerow(["*", code, "", f"{rng.uniform(10, 300):.2f}", "", ""])

    with open(os.path.join(args.outdir, "audits.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["encounter_id", "auditor", "audit_date", "submitted_code", "audited_code", "category"])
        for enc, code, dx in sample:
            audited = code if rng.random() < 0.85 else ("99214" if code == "99213" else code)
            w.writerow([enc, "AUD1", "2026-11-01", code, audited, "" if audited == code else "E/M level"])
            w.writerow([enc, "AUD1", "2026-11-01", dx, dx, ""])

    with open(os.path.join(args.outdir, "hours.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["coder", "work_date", "hours"])
        for coder, day in sorted(coder_days):
            w.writerow([coder, day, f"{rng.choice([6, 7, 7.5, 8])}"])
    print(f"generate-companions: {len(payer_codes)} payer-codes, {len(sample)} audited encounters, "
          f"{len(coder_days)} coder-days -> {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
