#!/usr/bin/env python3
"""Generate synthetic CMS NCCI tables, in CMS's layouts, for the benchmarks.

    Scripts/generate-ncci.py [--ptp-rows N --ptp-out FILE] [--mue-codes N --mue-out FILE]
                             [--codes-from ENCOUNTERS.csv ...] [--pairs-per-code K] [--seed S]

--ptp-out: a practitioner PTP file as CMS's quarterly zip holds them
(ccipra-v…-f1.txt): Windows-1252 (the notice's registered sign), tab-delimited,
CRLF; a copyright notice and a title above the header `Column 1`, `Column 2`,
`*=in existence prior to 1996`, `Effective Date`, `Deletion Date`, `Modifier`,
`PTP Edit Rationale`, three wrapped-header rows without codes below it, then
exactly N edits sorted by column 1, column 2 and effective date:
- about 12,500 column 1 codes of every shape the tables hold (5 digits; 4
  digits and A, F, M, T or U; a HCPCS letter A-V and 4 digits), each with
  about 40 column 2 codes;
- effective dates 1996-01-01 (marked `*`, in existence before 1996) to
  2026-04-01; about 15% deleted (a deletion date after the effective date, or
  on it, as CMS lists edits that never took effect); about 3% of pairs listed
  again with a later effective date (deleted and added back);
- modifier indicators 0 (about 30%), 1 (65%) and 9 (5%); CMS's rationale texts.
Every row is valid: the file has no deliberate rejects.

--mue-out: a practitioner services MUE table as CMS's CSV: a quoted two-line
notice, the header `HCPCS/CPT Code`, `Practitioner Services MUE Values`, `MUE
Adjudication Indicator`, `MUE Rationale`, then N codes sorted, values 0-100
(mostly 1-4), the three indicator texts.

--codes-from: the procedure codes of an encounter export (its CPT column,
found by the aliases of SPEC 3.1), so that the edits fire on a store filled
from it: each of those codes gets K edits with other codes of the export (in
force from 2020-01-01; one in five deleted from 2026-07-01, one in five with
indicator 0) and an MUE value of 1 to 4. They are part of the N rows.

Codes only, never a descriptor; the pairs and values are made up. The output
is a pure function of the arguments. Standard library only. Prints a one-line
summary per file to stderr.
"""
import argparse
import csv
import random
import re
import sys

NOTICE = ("CPT\u00ae codes, descriptions and other data only are copyright 2025 American Medical Association. "
          "All Rights Reserved. Applicable FARS/HHSARS apply.")
TITLE = "Medicare NCCI PTP Edits, Practitioner Services, Column 1/Column 2 (synthetic, for benchmarks)"
HEADER = ["Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date", "Modifier",
          "PTP Edit Rationale"]
SUBHEADERS = [["", "", "", "", "*=no data", "0=not allowed", ""], ["", "", "", "", "", "1=allowed", ""],
              ["", "", "", "", "", "9=not applicable", ""]]
RATIONALES = [
    "Misuse of column two code with column one code", "Standards of medical/surgical practice",
    "Mutually exclusive procedures", "CPT Manual or CMS manual coding instruction",
    "HCPCS/CPT procedure code definition", "More extensive procedure",
    "Standard preparation/monitoring services for anesthesia",
]
MUE_NOTICE = ("CPT codes, descriptions and other data only are copyright 2025 American Medical Association. "
              "All Rights Reserved.\nApplicable FARS/HHSARS apply. (synthetic table, for benchmarks)")
MUE_HEADER = ["HCPCS/CPT Code", "Practitioner Services MUE Values", "MUE Adjudication Indicator", "MUE Rationale"]
INDICATORS = ["1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"]
MUE_RATIONALES = ["Anatomic Consideration", "Code Descriptor / CPT Instruction", "Clinical: Data",
                  "Clinical: CMS Workgroup", "Nature of Service/Procedure", "CMS Policy"]
CODE_SHAPE = re.compile(r"^(?:[0-9]{5}|[0-9]{4}[AFMTU]|[A-V][0-9]{4})$")
CPT_ALIASES = {"procedure_code", "cpt", "cpthcpcs", "hcpcs", "procedurecode", "proccode", "cptcode", "hcpcscode",
               "cpthcpcscode", "servicecode", "procedure", "proc"}


def code_pool(rng, count):
    """`count` distinct codes of every shape, sorted as CMS sorts them (by text)."""
    codes = set()
    while len(codes) < count:
        shape = rng.random()
        if shape < 0.80:
            codes.add("%05d" % rng.randrange(100, 99500))
        elif shape < 0.88:
            codes.add("%04d%s" % (rng.randrange(1, 1000), rng.choice("AFMTU")))
        else:
            codes.add("%s%04d" % (rng.choice("ACEGHJLQ"), rng.randrange(1, 10000)))
    return sorted(codes)


def export_codes(paths):
    """The procedure codes of encounter exports, by their CPT column (those of a code's shape:
    an export may hold a code that its import rejects)."""
    found = set()
    for path in paths:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            dialect = csv.Sniffer().sniff(sample, delimiters=",\t|;")
            reader = csv.reader(handle, dialect)
            header = [h.lower().translate(str.maketrans("", "", " \t_-.#/")) for h in next(reader)]
            column = next((i for i, h in enumerate(header) if h in CPT_ALIASES), None)
            if column is None:
                sys.exit(f"generate-ncci: no CPT column in {path}")
            for row in reader:
                code = row[column].strip().upper() if len(row) > column else ""
                if CODE_SHAPE.match(code):
                    found.add(code)
    return sorted(found)


def day(rng, first_year, last_year):
    year = rng.randrange(first_year, last_year + 1)
    return "%d%02d01" % (year, rng.choice([1, 4, 7, 10]))


def export_edits(codes, per_code, rng):
    """Edits among the export's codes, in force on its 2026 service dates."""
    edits = []
    for index, first in enumerate(codes):
        others = [c for c in codes if c != first]
        rng.shuffle(others)
        for n, second in enumerate(others[:per_code]):
            deletion = "20260701" if (index + n) % 5 == 0 else "*"
            modifier = "0" if (index + n) % 5 == 1 else "1"
            edits.append((first, second, "", "20200101", deletion, modifier, rng.choice(RATIONALES)))
    return edits


def ptp_rows(total, rng, given):
    rows = list(given)
    taken = {(r[0], r[1], r[3]) for r in rows}
    pool = code_pool(rng, 15000)
    firsts = sorted(rng.sample(pool, 12500))
    per_first = max(1, (total - len(rows)) // len(firsts) + 1)
    for first in firsts:
        if len(rows) >= total:
            break
        for second in rng.sample(pool, per_first):
            if len(rows) >= total:
                break
            if second == first:
                continue
            old = rng.random() < 0.08
            effective = "19960101" if old else day(rng, 1997, 2026)
            if effective > "20260401":
                effective = "20260401"
            deletion = "*"
            chance = rng.random()
            if chance < 0.02:
                deletion = effective
            elif chance < 0.15:
                deletion = str(min(int(effective[:4]) + rng.randrange(1, 8), 2026)) + "1231"
            modifier = rng.choices("019", weights=[30, 65, 5])[0]
            row = (first, second, "*" if old else "", effective, deletion, modifier, rng.choice(RATIONALES))
            if (first, second, effective) in taken:
                continue
            taken.add((first, second, effective))
            rows.append(row)
            if deletion not in ("*", effective) and deletion[:4] < "2026" and rng.random() < 0.2 \
                    and len(rows) < total:
                again = "%d0101" % (int(deletion[:4]) + 1)
                if (first, second, again) not in taken:
                    taken.add((first, second, again))
                    rows.append((first, second, "", again, "*", rng.choice("01"), row[6]))
    rows.sort(key=lambda r: (r[0], r[1], r[3]))
    return rows[:total]


def write_ptp(path, rows):
    lines = [NOTICE, TITLE, "\t".join(HEADER)] + ["\t".join(s) for s in SUBHEADERS] + ["\t".join(r) for r in rows]
    with open(path, "wb") as handle:
        handle.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def mue_rows(count, rng, given):
    values = {code: (str(rng.randrange(1, 5)), INDICATORS[i % 3]) for i, code in enumerate(given)}
    pool = code_pool(rng, count * 2)
    rng.shuffle(pool)
    for code in pool:
        if len(values) >= count:
            break
        if code in values:
            continue
        value = rng.choices([0, 1, 2, 3, 4, 6, 10, 50, 100], weights=[2, 50, 15, 10, 8, 5, 4, 3, 3])[0]
        values[code] = (str(value), rng.choice(INDICATORS))
    return [(code, value, indicator, rng.choice(MUE_RATIONALES))
            for code, (value, indicator) in sorted(values.items())]


def write_mue(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([MUE_NOTICE, "", "", ""])
        writer.writerow(MUE_HEADER)
        writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ptp-rows", type=int, default=0)
    parser.add_argument("--ptp-out")
    parser.add_argument("--mue-codes", type=int, default=0)
    parser.add_argument("--mue-out")
    parser.add_argument("--codes-from", action="append", default=[])
    parser.add_argument("--pairs-per-code", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if not args.ptp_out and not args.mue_out:
        parser.error("give --ptp-out, --mue-out or both")
    given = export_codes(args.codes_from)
    if args.ptp_out:
        rng = random.Random(args.seed)
        rows = ptp_rows(args.ptp_rows, rng, export_edits(given, args.pairs_per_code, rng))
        write_ptp(args.ptp_out, rows)
        print(f"generate-ncci: {args.ptp_out}: {len(rows)} edits ({len(given)} codes from the exports)",
              file=sys.stderr)
    if args.mue_out:
        rng = random.Random(args.seed + 1)
        rows = mue_rows(args.mue_codes, rng, given)
        write_mue(args.mue_out, rows)
        print(f"generate-ncci: {args.mue_out}: {len(rows)} codes ({len(given)} from the exports)", file=sys.stderr)


if __name__ == "__main__":
    main()
