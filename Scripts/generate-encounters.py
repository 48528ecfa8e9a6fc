#!/usr/bin/env python3
"""Generate a synthetic coded-encounter export for the import benchmark.

    Scripts/generate-encounters.py --lines N --out FILE [--seed S] [--icd10-source FILE]

Writes N service lines in the SPEC 3.1 shape (one row per service line,
comma-delimited, CRLF, UTF-8, RFC 4180 quoting only where needed):

    Encounter ID,Service Date,Patient ID,Rendering Provider,Specialty,Coder,
    Payer,POS,CPT,Modifiers,Units,Dx Codes,Charge,Allowed,Paid,Coded At,
    Coding Minutes

- 1-5 lines per encounter (mean about 3), an encounter's lines contiguous,
  its encounter fields (service date, patient, provider, specialty, coder,
  payer, coded at, coding minutes) repeated identically on every line; the
  last encounter is cut short so that exactly N lines are written.
- Service dates 2026-01-01..2026-10-31 as MM/DD/YYYY; Coded At 0-10 days
  later as YYYY-MM-DD HH:MM:SS; money as $1,234.50 (quoted when it has a
  thousands comma); Allowed/Paid blank on about 1 line in 12 (pending).
- Dx Codes: 1-4 ICD-10-CM codes written with their dot, separated by ';'.
  They come from about 200 codes, all billable in the FY2026 code set that
  codeaudit ships (Sources/CICD10/icd10cm_billable.c, parsed here): a short
  list of common outpatient codes per specialty (drawn most often) plus codes
  sampled from the whole set with the seed. Every row is valid: the file
  has no deliberate rejects.
- CPT/HCPCS codes (numbers only, never descriptor text) from a list of about
  65 common office codes; modifiers blank most of the time, else 25 (E/M
  with a procedure), 59, LT, RT or "LT RT" (joint injections, x-rays), 95
  (telehealth E/M).
- Patient IDs, provider names and coder ids are fictional.

The output is a pure function of --lines and --seed (and the code set file).
Standard library only. Prints a one-line summary to stderr.
"""
import argparse
import datetime
import os
import random
import re
import sys
import time

HEADER = ("Encounter ID,Service Date,Patient ID,Rendering Provider,Specialty,Coder,Payer,POS,CPT,"
          "Modifiers,Units,Dx Codes,Charge,Allowed,Paid,Coded At,Coding Minutes")
ICD10_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "CICD10",
                            "icd10cm_billable.c")
FIRST_DAY = datetime.date(2026, 1, 1)
LAST_DAY = datetime.date(2026, 10, 31)
DX_TOTAL = 200

# code: (charge per unit in cents, Medicare-like allowed per unit in cents, units low, units high)
FEES = {
    # office/outpatient E/M, preventive
    "99202": (13000, 7213, 1, 1), "99203": (19000, 11148, 1, 1), "99204": (28500, 16689, 1, 1),
    "99205": (37000, 22059, 1, 1), "99211": (4500, 2329, 1, 1), "99212": (9500, 5674, 1, 1),
    "99213": (15000, 9156, 1, 1), "99214": (22000, 12931, 1, 1), "99215": (30000, 18398, 1, 1),
    "99385": (24000, 11420, 1, 1), "99386": (26000, 13077, 1, 1), "99387": (28000, 14120, 1, 1),
    "99395": (24500, 11840, 1, 1), "99396": (26000, 12792, 1, 1), "99397": (27500, 13715, 1, 1),
    "G0438": (26000, 17530, 1, 1), "G0439": (21000, 13376, 1, 1),
    # immunizations
    "90471": (3500, 1980, 1, 1), "90472": (2000, 1010, 1, 2), "90686": (4200, 2276, 1, 1),
    "90715": (7000, 3440, 1, 1), "90732": (16500, 12030, 1, 1), "90750": (26000, 19890, 1, 1),
    "G0008": (4500, 3359, 1, 1), "G0009": (4500, 3359, 1, 1),
    # injections and drugs
    "96372": (4500, 1487, 1, 1), "J1030": (1800, 319, 1, 2), "J1040": (3200, 602, 1, 1),
    "J3301": (600, 162, 2, 8), "J0897": (4200, 2828, 60, 60), "J3420": (1200, 86, 1, 1),
    "J1885": (1500, 110, 1, 2), "J0696": (2500, 68, 1, 4),
    # laboratory
    "36415": (1500, 300, 1, 1), "80048": (3800, 834, 1, 1), "80053": (4800, 1056, 1, 1),
    "80061": (5500, 1339, 1, 1), "83036": (3800, 971, 1, 1), "85025": (3200, 777, 1, 1),
    "84443": (4500, 1680, 1, 1), "82306": (8500, 2960, 1, 1), "81002": (1400, 348, 1, 1),
    "81003": (1600, 225, 1, 1), "87880": (3000, 1653, 1, 1), "87804": (3500, 1161, 1, 2),
    # medicine, other
    "93000": (7500, 1652, 1, 1), "94010": (9000, 3180, 1, 1), "94640": (4500, 1628, 1, 3),
    "69210": (9500, 4712, 1, 1), "96127": (2500, 466, 1, 3), "99406": (3500, 1539, 1, 1),
    # orthopedics
    "20610": (18000, 6671, 1, 1), "20611": (23000, 9443, 1, 1), "20605": (15500, 5592, 1, 1),
    "20550": (15000, 5592, 1, 1), "20551": (14000, 5816, 1, 1), "73562": (12000, 3876, 1, 1),
    "73030": (9500, 3121, 1, 1), "72100": (11000, 3575, 1, 1), "73610": (10500, 3326, 1, 1),
    "29125": (11000, 5830, 1, 1),
    # dermatology
    "17110": (19000, 12465, 1, 1), "17000": (13500, 6987, 1, 1), "17003": (1800, 412, 2, 14),
    "11102": (16500, 10196, 1, 1), "11103": (8500, 5844, 1, 3), "11104": (18500, 12733, 1, 1),
    "11200": (15000, 9378, 1, 1), "10060": (21000, 13540, 1, 1),
}
EM = ["99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215"]
EM_WEIGHTS = [2, 6, 5, 1, 2, 10, 42, 28, 4]
PREVENTIVE = ["99385", "99386", "99387", "99395", "99396", "99397", "G0438", "G0439"]
NO_25 = set(PREVENTIVE) | {"36415", "80048", "80053", "80061", "83036", "85025", "84443", "82306", "81002",
                           "81003", "87880", "87804", "90471", "90472", "90686", "90715", "90732", "90750",
                           "G0008", "G0009", "J1030", "J1040", "J3301", "J0897", "J3420", "J1885", "J0696",
                           "96127", "99406"}
LATERAL = {"20610", "20611", "20605", "73562", "73030", "73610", "29125"}
SPECIALTIES = {
    "Family Medicine": {
        "procedures": ["36415", "80053", "80061", "83036", "85025", "90471", "90686", "G0008", "96372",
                       "J1030", "J1885", "81002", "87880", "87804", "69210", "96127", "99406", "90715",
                       "90472", "94640", "80048", "81003", "J0696", "11200", "10060"],
        "dx": ["I10", "E11.9", "E78.5", "J06.9", "J02.9", "Z00.00", "Z00.01", "Z23", "E66.9", "K21.9",
               "F41.1", "M54.50", "R73.03", "J01.90", "N39.0", "R05.9", "J20.9", "H61.23", "F32.A",
               "Z87.891", "J30.9", "E55.9", "R30.0", "Z68.30", "B34.9"],
        "preventive": 0.12, "providers": 12,
    },
    "Internal Medicine": {
        "procedures": ["36415", "80053", "80061", "83036", "85025", "84443", "82306", "93000", "96372",
                       "J0897", "J3420", "G0008", "90686", "90732", "90750", "G0009", "94010", "80048",
                       "81003", "90471"],
        "dx": ["I10", "E11.9", "E11.65", "E11.22", "E78.5", "E78.2", "Z79.4", "Z79.84", "N18.31", "I48.91",
               "Z79.01", "I25.10", "I50.9", "E03.9", "E55.9", "M81.0", "J44.9", "J44.1", "G47.33",
               "R07.9", "Z00.00", "Z23", "D51.0", "E53.8", "R53.83"],
        "preventive": 0.10, "providers": 12,
    },
    "Orthopedics": {
        "procedures": ["20610", "20611", "20605", "20550", "20551", "73562", "73030", "72100", "73610",
                       "29125", "J1030", "J1040", "J3301"],
        "dx": ["M17.11", "M17.12", "M17.0", "M25.561", "M25.562", "M75.41", "M75.42", "M75.101", "M54.50",
               "M54.16", "M51.16", "M48.061", "S83.241A", "S83.242A", "S93.401A", "M77.11", "M77.12",
               "M65.311", "M70.61", "M19.011", "M72.2", "M76.61", "Z96.651", "Z47.1", "M79.671"],
        "preventive": 0.0, "providers": 8,
    },
    "Dermatology": {
        "procedures": ["17110", "17000", "17003", "11102", "11103", "11104", "11200", "10060", "J3301",
                       "96372"],
        "dx": ["L57.0", "L82.1", "L82.0", "D48.5", "D22.5", "D22.4", "L70.0", "L71.9", "L20.9", "L40.0",
               "L30.9", "L72.0", "B07.8", "B07.0", "B08.1", "L91.8", "C44.311", "C44.41", "L60.0",
               "L81.4", "D23.9", "L21.9", "L73.9", "L28.0", "D04.5"],
        "preventive": 0.0, "providers": 8,
    },
}
SPECIALTY_WEIGHTS = {"Family Medicine": 38, "Internal Medicine": 30, "Orthopedics": 17, "Dermatology": 15}
FIRST_NAMES = ["Alex", "Jordan", "Casey", "Morgan", "Taylor", "Riley", "Avery", "Quinn", "Jamie", "Drew",
               "Reese", "Parker", "Rowan", "Emerson", "Hayden", "Skyler", "Sage", "Dakota", "Finley", "Blair"]
LAST_NAMES = ["Demo", "Example", "Sample", "Testa", "Mock", "Placeholder", "Dummy", "Fixture", "Stub",
              "Specimen", "Fakename", "Notreal", "Madeup", "Template", "Pretend", "Syntheticson"]
CREDENTIALS = ["MD", "MD", "MD", "DO", "NP", "PA-C"]
CODERS = ["jlee", "mpatel", "rsantos", "akim", "bnguyen", "cgarcia", "dsmith", "ejohnson", "fwong", "gbrown",
          "hmartin", "ilopez", "kchen", "lwilson", "mdavis", "nbrooks", "owhite", "pclark", "rhall", "tyoung"]
# payer: (share of encounters, allowed as a fraction of the Medicare-like base, patient cost share)
PAYERS = {"Medicare": (30, 1.00, 0.20), "Medicaid": (14, 0.72, 0.0), "Aetna": (10, 1.28, 0.10),
          "BlueCross": (16, 1.22, 0.10), "Cigna": (7, 1.25, 0.10), "UnitedHealthcare": (12, 1.20, 0.10),
          "Humana": (5, 1.05, 0.15), "Tricare": (2, 0.95, 0.0), "Self Pay": (4, None, None)}


def load_icd10(path):
    """All billable codes in the C string literal of the generated code-set file."""
    with open(path, encoding="ascii") as f:
        text = f.read()
    start = text.index("[] =")
    body = text[start:text.index(";", start)]
    codes = "".join(re.findall(r'"([^"]*)"', body)).split("\\n")
    codes = sorted({c for c in codes if re.fullmatch(r"[A-Z][0-9][0-9A-Z]{1,5}", c)})
    if len(codes) < 1000:
        raise SystemExit("generate-encounters: no ICD-10-CM code set found in %s" % path)
    return codes


def dotted(code):
    return code if len(code) <= 3 else code[:3] + "." + code[3:]


def weighted(rng, items, weights, size):
    """A list of `size` items drawn with the weights (for O(1) draws later)."""
    return rng.choices(items, weights=weights, k=size)


def main():
    ap = argparse.ArgumentParser(description="Generate a synthetic coded-encounter CSV (SPEC 3.1) for benchmarks.")
    ap.add_argument("--lines", type=int, required=True, help="number of service lines to write")
    ap.add_argument("--out", required=True, help="output file ('-' for stdout)")
    ap.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    ap.add_argument("--icd10-source", default=ICD10_SOURCE, help="code-set file (default: the shipped C file)")
    args = ap.parse_args()
    if args.lines < 0:
        ap.error("--lines must be 0 or more")
    t0 = time.perf_counter()
    rng = random.Random(args.seed)

    # --- diagnosis pools: curated common codes (checked against the set) + seeded sample of the set
    billable = load_icd10(args.icd10_source)
    known = set(billable)
    curated = {}
    for name, spec in SPECIALTIES.items():
        keep = [c for c in spec["dx"] if c.replace(".", "") in known]
        curated[name] = keep
    used = {c.replace(".", "") for keep in curated.values() for c in keep}
    extra = [dotted(c) for c in rng.sample([c for c in billable if c not in used], DX_TOTAL - len(used))]

    # --- people: fictional providers per specialty, coders
    providers = {}
    names = [f + " " + l for l in LAST_NAMES for f in FIRST_NAMES]
    rng.shuffle(names)
    for name, spec in SPECIALTIES.items():
        providers[name] = [names.pop() + " " + rng.choice(CREDENTIALS) for _ in range(spec["providers"])]
    coders_by_specialty = {name: rng.sample(CODERS, 8) for name in SPECIALTIES}

    # --- dates: service dates and the coded-at day strings
    ndays = (LAST_DAY - FIRST_DAY).days + 1
    days = [FIRST_DAY + datetime.timedelta(days=i) for i in range(ndays + 11)]
    dos_str = [d.strftime("%m/%d/%Y") for d in days]
    iso_str = [d.isoformat() for d in days]
    weekday_idx = [i for i in range(ndays) if days[i].weekday() < 5]
    weekend_idx = [i for i in range(ndays) if days[i].weekday() >= 5]

    money_cache = {}

    def money(cents):
        s = money_cache.get(cents)
        if s is None:
            s = "$%s.%02d" % (format(cents // 100, ","), cents % 100)
            if cents >= 100000:
                s = '"' + s + '"'
            money_cache[cents] = s
        return s

    payer_names = list(PAYERS)
    payer_pool = weighted(rng, payer_names, [PAYERS[p][0] for p in payer_names], 4096)
    spec_names = list(SPECIALTY_WEIGHTS)
    spec_pool = weighted(rng, spec_names, [SPECIALTY_WEIGHTS[s] for s in spec_names], 4096)
    em_pool = weighted(rng, EM, EM_WEIGHTS, 4096)
    nlines_pool = weighted(rng, [1, 2, 3, 4, 5], [16, 22, 25, 19, 18], 4096)
    ndx_pool = weighted(rng, [1, 2, 3, 4], [35, 30, 20, 15], 4096)
    pos_pool = weighted(rng, ["11", "22", "10", "02"], [85, 8, 5, 2], 4096)
    patients = max(1000, args.lines // 4)
    random_ = rng.random
    randrange = rng.randrange

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="", buffering=1 << 20)
    buf = [HEADER]
    written = 0
    encounters = 0
    enc_id = 26000000
    try:
        while written < args.lines:
            enc_id += 1
            encounters += 1
            specialty = spec_pool[randrange(4096)]
            spec = SPECIALTIES[specialty]
            provider = providers[specialty][randrange(len(providers[specialty]))]
            coders = coders_by_specialty[specialty]
            coder = coders[randrange(len(coders))]
            payer = payer_pool[randrange(4096)]
            factor, cost_share = PAYERS[payer][1], PAYERS[payer][2]
            day = weekday_idx[randrange(len(weekday_idx))] if random_() < 0.97 else \
                weekend_idx[randrange(len(weekend_idx))]
            coded_day = day + min(10, int(random_() * random_() * 11))
            coded_at = "%s %02d:%02d:%02d" % (iso_str[coded_day], 7 + randrange(12), randrange(60), randrange(60))
            minutes = str(2 + int(random_() * random_() * 28))
            head = ",".join((str(enc_id), dos_str[day], "%08d" % randrange(1, patients), provider, specialty,
                             coder, payer))
            tail = coded_at + "," + minutes
            pos = pos_pool[randrange(4096)]
            pending = random_() < 0.08

            # diagnoses of the encounter, first-listed most specific to the specialty
            cur = curated[specialty]
            dx = []
            for k in range(ndx_pool[randrange(4096)]):
                c = cur[randrange(len(cur))] if random_() < (0.9 if k == 0 else 0.65) else extra[randrange(len(extra))]
                if c not in dx:
                    dx.append(c)

            # service lines: E/M (or preventive) first, then procedures, labs, drugs
            n = min(nlines_pool[randrange(4096)], args.lines - written)
            procs = spec["procedures"]
            codes = []
            r = random_()
            if r < spec["preventive"]:
                codes.append(PREVENTIVE[randrange(len(PREVENTIVE))])
            elif r < 0.85:
                codes.append(em_pool[randrange(4096)])
            while len(codes) < n:
                codes.append(procs[randrange(len(procs))])

            has_procedure = any(c not in NO_25 for c in codes[1:])
            telehealth = pos == "10" or pos == "02"
            if telehealth and (n > 1 or codes[0][:3] != "992"):
                pos, telehealth = "11", False   # procedures are done in person
            for i, cpt in enumerate(codes):
                charge_u, base_u, ulo, uhi = FEES[cpt]
                units = ulo if ulo == uhi else ulo + randrange(uhi - ulo + 1)
                if cpt in NO_25:            # labs, drugs, vaccines, preventive visits
                    mods = ""
                elif cpt[:3] == "992":      # problem-oriented E/M
                    if has_procedure:
                        mods = "25" if random_() < 0.85 else ""
                    else:
                        mods = "95" if telehealth else ""
                elif cpt in LATERAL:
                    m = random_()
                    mods = "RT" if m < 0.45 else "LT" if m < 0.9 else "LT RT" if m < 0.95 else ""
                else:
                    mods = "59" if random_() < 0.08 else ""
                if i == 0 or len(dx) == 1:
                    line_dx = ";".join(dx)
                else:
                    line_dx = ";".join(dx[:1 + randrange(len(dx))])
                charge = charge_u * units
                if pending:
                    allowed = paid = ""
                elif factor is None:        # self pay: discounted self-pay rate, nothing from insurance
                    allowed, paid = money(charge * 7 // 10), "$0.00"
                else:
                    a = int(base_u * factor * (0.97 + 0.06 * random_()) + 0.5) * units
                    if random_() < 0.03:    # denied line
                        a = 0
                    allowed = money(a)
                    paid = money(int(a * (1 - cost_share) + 0.5))
                buf.append(",".join((head, pos, cpt, mods, str(units), line_dx, money(charge), allowed, paid, tail)))
            written += n
            if len(buf) >= 50000:
                buf.append("")
                out.write("\r\n".join(buf))
                buf = []
        buf.append("")
        out.write("\r\n".join(buf))
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    elapsed = time.perf_counter() - t0
    size = os.path.getsize(args.out) if args.out != "-" else 0
    print("generate-encounters: %d lines, %d encounters, seed %d -> %s (%s bytes) in %.2fs"
          % (written, encounters, args.seed, args.out, format(size, ","), elapsed), file=sys.stderr)


if __name__ == "__main__":
    main()
