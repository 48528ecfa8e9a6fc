#!/usr/bin/env python3
"""Generate X12 835 remittance advice for an export of Scripts/generate-encounters.py,
for the remittance import benchmark.

    Scripts/generate-835.py --encounters FILE --out FILE [--claims-per-payment N]

Every encounter whose lines all have an allowed amount becomes one claim (CLP01 =
its Encounter ID) with one SVC per line: charge, paid, units, modifiers, DTM*472,
CAS*CO*45 (charge - allowed), CAS*PR*2 (allowed - paid) and AMT*B6 (allowed). Claims
are grouped by payer into payments (ST...SE transactions) of --claims-per-payment
claims, each with its BPR (BPR02 = the sum of its CLP04), TRN and N1*PR, in one
interchange with one functional group; one segment per line. The output is a pure
function of the input. Standard library only. Prints a one-line summary to stderr.
"""
import argparse
import csv
import datetime
import sys


def cents(text):
    text = text.replace("$", "").replace(",", "").strip()
    if not text:
        return None
    negative = text.startswith("(")
    value = round(float(text.strip("()")) * 100)
    return -value if negative else value


def amount(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100}" + (f".{c % 100:02d}" if c % 100 else "")


def ymd(us_date):
    m, d, y = us_date.split("/")
    return f"{y}{int(m):02d}{int(d):02d}"


def read_encounters(path):
    encounters = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            encounters.setdefault(row["Encounter ID"], []).append(row)
    return encounters


def claim_segments(encounter_id, lines):
    dos = ymd(lines[0]["Service Date"])
    segments, charge_total, paid_total, patient_total = [], 0, 0, 0
    for line in lines:
        charge, allowed, paid = cents(line["Charge"]), cents(line["Allowed"]), cents(line["Paid"]) or 0
        modifiers = line["Modifiers"].split()
        composite = ":".join(["HC", line["CPT"]] + modifiers)
        segments.append(f"SVC*{composite}*{amount(charge)}*{amount(paid)}**{line['Units']}")
        segments.append(f"DTM*472*{dos}")
        if charge - allowed:
            segments.append(f"CAS*CO*45*{amount(charge - allowed)}")
        if allowed - paid:
            segments.append(f"CAS*PR*2*{amount(allowed - paid)}")
        segments.append(f"AMT*B6*{amount(allowed)}")
        charge_total, paid_total, patient_total = charge_total + charge, paid_total + paid, patient_total + allowed - paid
    head = [f"CLP*{encounter_id}*1*{amount(charge_total)}*{amount(paid_total)}*{amount(patient_total)}*12*PCN{encounter_id}",
            "NM1*QC*1*BENCH*PATIENT", f"DTM*232*{dos}"]
    return head + segments, paid_total, sum(1 for _ in lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--encounters", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--claims-per-payment", type=int, default=500)
    args = parser.parse_args()
    by_payer = {}
    for encounter_id, lines in read_encounters(args.encounters).items():
        if all(cents(line["Allowed"]) is not None and cents(line["Charge"]) is not None for line in lines):
            by_payer.setdefault(lines[0]["Payer"], []).append((encounter_id, lines))
    body, transactions, service_lines = [], 0, 0
    for payer in sorted(by_payer):
        claims = by_payer[payer]
        for start in range(0, len(claims), args.claims_per_payment):
            transactions += 1
            control = f"{transactions:04d}"
            segments, paid = [], 0
            for encounter_id, lines in claims[start:start + args.claims_per_payment]:
                claim, claim_paid, count = claim_segments(encounter_id, lines)
                segments += claim
                paid += claim_paid
                service_lines += count
            # Paid two weeks after the batch's latest visit.
            latest = max(datetime.datetime.strptime(lines[0]["Service Date"], "%m/%d/%Y").date()
                         for _, lines in claims[start:start + args.claims_per_payment])
            pay_day = (latest + datetime.timedelta(days=14)).strftime("%Y%m%d")
            transaction = [f"ST*835*{control}",
                           f"BPR*I*{amount(paid)}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*{pay_day}",
                           f"TRN*1*BENCH{transactions}*1999999999", f"N1*PR*{payer.upper()}", "LX*1"] + segments
            body += transaction + [f"SE*{len(transaction) + 1}*{control}"]
    segments = ["GS*HP*PAYER*PRACTICE*20261101*0930*1*X*005010X221A1"] + body + [f"GE*{transactions}*1",
                                                                                 "IEA*1*000000001"]
    isa = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *261101*0930*^*00501*000000001*0*P*:~"
    with open(args.out, "w", encoding="ascii", newline="\n") as f:
        f.write(isa + "\n")
        for segment in segments:
            f.write(segment + "~\n")
    print(f"{args.out}: {transactions} payments, {service_lines} service lines", file=sys.stderr)


if __name__ == "__main__":
    main()
