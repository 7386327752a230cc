#!/usr/bin/env python3
"""Build the ssproj labour-market, earnings and region tables for Lao PDR.

Usage:
    python3 data/lao/prepare_labour.py DATA_DIR

DATA_DIR is the directory that holds base_population.csv (normally
data/lao). The tables are written to the same directory and a calibration
report is printed. Only the Python standard library is used and the
output is deterministic: running the script twice gives identical files.

Almost everything in these tables is an ASSUMPTION calibrated to a few
published national totals. docs/calibration.md lists which numbers are
observed and which are assumed; data/lao/SOURCES.md describes each file.

Steps
-----
1. Regions (regions.csv)
   Population share of each region x area cell. Region totals are the
   2015 Population and Housing Census province totals grouped into
   Vientiane Capital, North, Centre and South; each region's urban share
   is an approximate census figure. Shares are written with 6 decimals;
   the last row absorbs the rounding so the column sums to exactly 1.
   The national urban share U is the sum of the urban rows as written.

2. Labour status shares (labour_status_shares.csv)
   For each sex s, age band b and area a the target shares pi of the
   8 statuses are built in three layers, each a documented shape times
   one constant calibrated to a national total on the 2023 base
   population (15+ by sex and band, split by area with U):
     employment-to-population  e(s,b,a) = alpha * E[s][b] * EA[a][b]
         alpha: total employed = 2,480,000
     unemployment rate         u(s,b,a) = beta * UA[b] * US[s] * UR[a]
         beta: unemployed / labour force = 2.4 %
         unemployed share = e * u / (1 - u);  inactive = 1 - e - unemployed
     status mix of the employed (multinomial-logit form)
         m_k(s,b,a) = c_k r_k(s,b,a) / sum_j c_j r_j(s,b,a),
         r_k = AGE_k[s][b] * SEX_k[s] * AREA_k[a]
         c_k: national totals of the 6 employed statuses (iterative
         proportional scaling, converged to 1e-12 relative)
   pi(employed status k) = e * m_k.

3. Labour transitions (labour_transitions.csv)
   "Persistence and target": with pi_b the shares of the current band
   and pi_n those of the next band (pi_b itself for 65+), the one-year
   target is tau = pi_b + (pi_n - pi_b) / 5. With persistence p_i,
       P(i->j) = p_i [i == j] + (1 - p_i) q_j,
       q_j = (tau_j - p_j pi_b,j) / sum_k pi_b,k (1 - p_k),
   which maps pi_b exactly to tau. Where q_j would be negative p_j is
   lowered to tau_j / pi_b,j (so q_j = 0); every such case is reported.
   Persistence of inactivity is 0.90 at 15-19 and 0.75 at 20-24.

4. Earnings (earnings.csv) and age profile (age_earnings_profile.csv)
   Assumed mean gross monthly earnings in kip at 2023 prices by status
   and sex, anchored on the 2023 minimum wage; a concave age profile
   normalised so its employment-weighted mean over all employed persons
   of the 2023 base population is 1.

5. Report: start-year totals against the calibration targets, the
   compliance and voluntary-membership values that reproduce the NSSF
   membership, the q_j < 0 adjustments, and the drift of the simulated
   band shares from pi when the Markov chain is iterated on the 2023
   cohorts (ages advance one year per step, children enter at 15 as
   inactive, no mortality).
"""

import csv
import math
import os
import sys

BASE_YEAR = 2023
SEXES = ("male", "female")
AREAS = ("urban", "rural")
REGIONS = ("Vientiane Capital", "North", "Centre", "South")
BANDS = ("15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
         "45-49", "50-54", "55-59", "60-64", "65+")
STATUSES = ("inactive", "unemployed", "public_employee", "formal_private_employee",
            "informal_employee", "domestic_worker", "own_account", "contributing_family")
EMPLOYED = STATUSES[2:]  # the 6 employed statuses
MAX_AGE = 100

# --------------------------------------------------------------------------
# 1. Regions: 2015 Population and Housing Census (approximate figures)
# --------------------------------------------------------------------------
# Enumerated population by province, 2015 PHC (Lao Statistics Bureau,
# "Results of Population and Housing Census 2015"). Quoted from memory of
# the published table: approximate, to be verified against the census report.
CENSUS_2015_TOTAL = 6_492_228  # published national total
CENSUS_2015_PROVINCES = (
    # (province, region, persons)
    ("Vientiane Capital", "Vientiane Capital", 820_940),
    ("Phongsaly", "North", 177_989),
    ("Luangnamtha", "North", 175_753),
    ("Oudomxay", "North", 307_622),
    ("Bokeo", "North", 179_243),
    ("Luangprabang", "North", 431_889),
    ("Huaphanh", "North", 289_393),
    ("Xayabury", "North", 381_376),
    ("Xiengkhuang", "Centre", 244_684),
    ("Vientiane Province", "Centre", 419_090),
    ("Borikhamxay", "Centre", 273_691),
    ("Khammuane", "Centre", 392_052),
    ("Savannakhet", "Centre", 969_697),
    ("Xaysomboun", "Centre", 85_168),
    ("Saravane", "South", 396_942),
    ("Sekong", "South", 113_048),
    ("Champasack", "South", 694_023),
    ("Attapeu", "South", 139_628),
)
# Urban share of each region's population (2015 PHC urban definition).
# Approximate, to be verified against the census report; chosen so the
# national share is the census's ~33 %.
URBAN_SHARE_2015 = {"Vientiane Capital": 0.78, "North": 0.24, "Centre": 0.29, "South": 0.26}

# --------------------------------------------------------------------------
# 2. Calibration targets (reference file sections 2.5, 3.3, 5)
# --------------------------------------------------------------------------
TARGET_EMPLOYED = 2_480_000          # ILO 2024: 2.14 M informal = 86.4 % => 2.48 M
TARGET_UNEMPLOYMENT_RATE = 0.024     # LFS 2022: 2.4 % (61,207 unemployed)
TARGET_PUBLIC = 190_000              # assumption (see docs/calibration.md)
TARGET_FORMAL_PRIVATE = 310_000      # assumption (NSSF: "slightly less than half")
TARGET_DOMESTIC_SHARE = 0.01         # domestic workers, share of employment (assumption)
# Split of the remaining employed (assumption, see docs/calibration.md).
RESIDUAL_SPLIT = {"informal_employee": 0.15, "own_account": 0.52, "contributing_family": 0.33}
TARGET_INFORMAL_SHARE = 0.864        # ILO 2024
NSSF_MEMBERS = 353_962               # ILO GIMI country profile
NSSF_VOLUNTARY = 26_793
TARGET_COVERAGE_OF_EMPLOYED = 0.14   # 353,962 / 2.48 M, rounded
PUBLIC_COMPLIANCE = 0.95             # "includes most public-sector workers" (assumption)
VOLUNTARY_LAPSE_REF, VOLUNTARY_REACT_REF = 0.25, 0.05       # reference file §5 #37
VOLUNTARY_LAPSE_REC, VOLUNTARY_REACT_REC = 0.10, 0.30       # recommended here

# --------------------------------------------------------------------------
# 2a. Employment-to-population shapes (assumption; level set by alpha)
# --------------------------------------------------------------------------
# ICLS-19 definition as in LFS 2017/2022: own-use (subsistence) food
# producers are NOT employed, hence the low levels (about 47 % of 15+).
EPR_SHAPE = {
    "male":   (0.13, 0.47, 0.64, 0.67, 0.68, 0.68, 0.67, 0.63, 0.54, 0.39, 0.17),
    "female": (0.12, 0.40, 0.53, 0.56, 0.58, 0.58, 0.56, 0.51, 0.40, 0.28, 0.09),
}
# Area multiplier by band: rural teenagers and old people work more on
# family farms, urban teenagers are more often in school, urban old people
# more often fully retired. Other bands: no urban/rural difference.
EPR_AREA = {
    "urban": (0.75, 0.95, 1, 1, 1, 1, 1, 1, 1, 1, 0.75),
    "rural": (1.15, 1.03, 1, 1, 1, 1, 1, 1, 1, 1, 1.15),
}

# --------------------------------------------------------------------------
# 2b. Unemployment-rate shapes (relative pattern of LFS 2017, level 2022)
# --------------------------------------------------------------------------
# LFS 2017: total 9.4 %, male 10.7, female 7.8, urban 5.3, rural 12.4,
# youth 15-24 18.2. Relative pattern kept, level rescaled to 2.4 %.
UNEMP_AGE = (2.3, 1.7, 1.1, 0.9, 0.75, 0.7, 0.65, 0.6, 0.55, 0.45, 0.3)
UNEMP_SEX = {"male": 1.0, "female": 7.8 / 10.7}
UNEMP_AREA = {"urban": 1.0, "rural": 12.4 / 5.3}

# --------------------------------------------------------------------------
# 2c. Status-mix propensities of the employed (assumption)
# --------------------------------------------------------------------------
# Relative propensities r_k = AGE * SEX * AREA; the constants c_k are
# calibrated. Only ratios within a status matter.
MIX_AGE = {
    # public sector: recruited after school/university, retirement 60 men / 55 women
    "public_employee": {
        "male":   (0.03, 0.35, 0.85, 1.00, 1.05, 1.10, 1.10, 1.05, 0.90, 0.35, 0.03),
        "female": (0.03, 0.40, 0.90, 1.00, 1.05, 1.05, 1.00, 0.85, 0.35, 0.15, 0.02),
    },
    # formal private wage jobs: young workforce (garments, services), few older workers
    "formal_private_employee": {
        "male":   (0.35, 1.00, 1.10, 1.00, 0.90, 0.80, 0.70, 0.60, 0.45, 0.30, 0.10),
        "female": (0.45, 1.10, 1.10, 0.95, 0.80, 0.70, 0.60, 0.50, 0.35, 0.20, 0.08),
    },
    # casual and informal wage work
    "informal_employee": {s: (0.90, 1.10, 1.00, 0.90, 0.85, 0.80, 0.75, 0.70, 0.60, 0.45, 0.25)
                          for s in SEXES},
    "domestic_worker": {s: (1.40, 1.20, 0.90, 0.80, 0.80, 0.80, 0.75, 0.70, 0.60, 0.40, 0.20)
                        for s in SEXES},
    # own-account (incl. the ~1 % employers): rises with age (household heads)
    "own_account": {s: (0.15, 0.45, 0.75, 0.95, 1.05, 1.10, 1.15, 1.20, 1.25, 1.30, 1.35)
                    for s in SEXES},
    # unpaid family work: young people and (to a lesser extent) old people
    "contributing_family": {s: (2.00, 1.30, 0.90, 0.80, 0.75, 0.75, 0.75, 0.80, 0.90, 1.00, 1.10)
                            for s in SEXES},
}
MIX_SEX_FEMALE = {  # female propensity relative to male (male = 1)
    "public_employee": 0.75, "formal_private_employee": 0.85, "informal_employee": 0.80,
    "domestic_worker": 4.0, "own_account": 0.75, "contributing_family": 2.2,
}
MIX_AREA_URBAN = {  # urban propensity relative to rural (rural = 1)
    "public_employee": 2.5, "formal_private_employee": 3.5, "informal_employee": 2.0,
    "domestic_worker": 3.0, "own_account": 0.8, "contributing_family": 0.4,
}

# --------------------------------------------------------------------------
# 3. Persistence (annual probability of staying in the same status)
# --------------------------------------------------------------------------
PERSISTENCE = {
    "inactive": 0.85, "unemployed": 0.40, "public_employee": 0.95,
    "formal_private_employee": 0.85, "informal_employee": 0.70, "domestic_worker": 0.70,
    "own_account": 0.88, "contributing_family": 0.80,
}
# Band-specific overrides (adjustment, justified in docs/calibration.md):
# teenagers in school stay inactive more persistently (0.90); 20-24 are the
# school-to-work years, when a large share leaves inactivity every year (0.75).
# Both values reduce the drift of the simulated youth shares from pi.
PERSISTENCE_OVERRIDE = {
    ("15-19", "inactive"): 0.90,
    ("20-24", "inactive"): 0.75,
}

# --------------------------------------------------------------------------
# 4. Earnings (ASSUMPTIONS, kip per month, 2023 prices)
# --------------------------------------------------------------------------
MIN_WAGE_2023 = ((4, 1_200_000), (5, 1_300_000), (3, 1_600_000))  # (months, kip) Jan-Apr, May-Sep, Oct-Dec
VOLUNTARY_MIN_INCOME = 1_200_000   # Nov 2023 (108,000 = 9 % x 1.2 M)
CEILING = 4_500_000
EARNINGS = {  # (male, female)
    "public_employee": (2_900_000, 2_700_000),
    "formal_private_employee": (3_300_000, 2_600_000),
    "informal_employee": (1_900_000, 1_500_000),
    "domestic_worker": (1_400_000, 1_250_000),
    "own_account": (2_000_000, 1_500_000),
    "contributing_family": (1_000_000, 900_000),  # unpaid: IMPUTED value
}
AGE_PROFILE_RAW = (0.60, 0.75, 0.90, 1.00, 1.07, 1.12, 1.14, 1.13, 1.08, 0.98, 0.85)

DRIFT_YEARS = (1, 5, 20)


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------
def read_rows(path):
    """Return the rows of a CSV file as a list of dicts."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path, header, rows):
    """Write rows (sequences of already formatted strings) with '\\n' endings."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join(row) + "\n")
    return len(rows)


def fmt8(x):
    """Up to 8 significant digits; never '-0'."""
    return f"{x:.8g}" if x != 0 else "0"


def format_unit_sum(values, absorb):
    """Format probabilities that sum to 1 so the written values sum to 1.

    Every value is written with 8 significant digits except values[absorb],
    which is written as 1 minus the sum of the others as written, with 10
    significant digits (8 would leave an error of up to 5e-9 on a value
    near 1). The written values then sum to 1 within 1e-10.
    """
    out = [fmt8(v) for v in values]
    rest = math.fsum(float(s) for i, s in enumerate(out) if i != absorb)
    residual = 1.0 - rest
    assert abs(residual - values[absorb]) < 1e-7, (residual, values[absorb])
    out[absorb] = f"{residual:.10g}"
    assert abs(math.fsum(float(s) for s in out) - 1.0) <= 1e-10
    return out


def band_of_age(age):
    """Index of the age band of a single age (15+)."""
    return min((age - 15) // 5, len(BANDS) - 1)


def next_band_index(b):
    """Index of the next band; the open band 65+ maps onto itself."""
    return min(b + 1, len(BANDS) - 1)


# --------------------------------------------------------------------------
# Base population
# --------------------------------------------------------------------------
def read_base_population(data_dir):
    """Persons on 1 July 2023 as {(sex, age): persons} for ages 0..100."""
    pop = {}
    for r in read_rows(os.path.join(data_dir, "base_population.csv")):
        assert int(r["year"]) == BASE_YEAR
        pop[(r["sex"], int(r["age"]))] = int(r["persons"])
    assert len(pop) == 2 * (MAX_AGE + 1)
    return pop


def population_by_band(pop):
    """{(sex, band index): persons aged 15+}."""
    out = {(s, b): 0 for s in SEXES for b in range(len(BANDS))}
    for (s, age), n in pop.items():
        if age >= 15:
            out[(s, band_of_age(age))] += n
    return out


# --------------------------------------------------------------------------
# 1. Regions
# --------------------------------------------------------------------------
def regions_table():
    """Return (rows as strings, {(region, area): share as written}, region totals)."""
    totals = {r: 0 for r in REGIONS}
    for _, region, persons in CENSUS_2015_PROVINCES:
        totals[region] += persons
    grand = sum(totals.values())
    cells = [(region, area, totals[region] / grand *
              (URBAN_SHARE_2015[region] if area == "urban" else 1 - URBAN_SHARE_2015[region]))
             for region in REGIONS for area in AREAS]
    rows, written = [], {}
    for i, (region, area, share) in enumerate(cells):
        if i < len(cells) - 1:
            text = f"{share:.6f}"
        else:  # last row absorbs rounding
            text = f"{1.0 - math.fsum(float(r[2]) for r in rows):.6f}"
        rows.append((region, area, text))
        written[(region, area)] = float(text)
    assert abs(math.fsum(written.values()) - 1.0) < 1e-12
    return rows, written, totals, grand


# --------------------------------------------------------------------------
# 2. Labour status shares
# --------------------------------------------------------------------------
def cell_population(pop_band, urban):
    """{(sex, band, area): persons} with the national urban share."""
    return {(s, b, a): pop_band[(s, b)] * (urban if a == "urban" else 1.0 - urban)
            for s in SEXES for b in range(len(BANDS)) for a in AREAS}


def calibrate_epr(npop):
    """Scale the EPR shape so total employment equals TARGET_EMPLOYED."""
    def shape(s, b, a):
        return EPR_SHAPE[s][b] * EPR_AREA[a][b]
    raw = math.fsum(n * shape(*cell) for cell, n in npop.items())
    alpha = TARGET_EMPLOYED / raw
    epr = {cell: alpha * shape(*cell) for cell in npop}
    assert all(0 < v < 1 for v in epr.values())
    return epr, alpha


def calibrate_unemployment(npop, epr):
    """Find beta so unemployed / (employed + unemployed) = target (bisection)."""
    def shape(s, b, a):
        return UNEMP_AGE[b] * UNEMP_SEX[s] * UNEMP_AREA[a]

    def rate(beta):
        unemp = math.fsum(n * epr[c] * beta * shape(*c) / (1 - beta * shape(*c))
                          for c, n in npop.items())
        emp = math.fsum(n * epr[c] for c, n in npop.items())
        return unemp / (emp + unemp)

    lo, hi = 0.0, 1.0 / max(shape(*c) for c in npop) * 0.999
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if rate(mid) < TARGET_UNEMPLOYMENT_RATE else (lo, mid)
    beta = 0.5 * (lo + hi)
    urate = {c: beta * shape(*c) for c in npop}
    return urate, beta


def status_targets():
    """National totals of the 6 employed statuses."""
    domestic = TARGET_DOMESTIC_SHARE * TARGET_EMPLOYED
    residual = TARGET_EMPLOYED - TARGET_PUBLIC - TARGET_FORMAL_PRIVATE - domestic
    assert abs(sum(RESIDUAL_SPLIT.values()) - 1.0) < 1e-12
    t = {"public_employee": TARGET_PUBLIC, "formal_private_employee": TARGET_FORMAL_PRIVATE,
         "domestic_worker": domestic}
    for k, w in RESIDUAL_SPLIT.items():
        t[k] = w * residual
    return t


def propensity(k, s, b, a):
    """Relative propensity r_k(s, b, a) of employed status k."""
    return (MIX_AGE[k][s][b] * (MIX_SEX_FEMALE[k] if s == "female" else 1.0)
            * (MIX_AREA_URBAN[k] if a == "urban" else 1.0))


def calibrate_mix(npop, epr):
    """Iterative proportional scaling of c_k to the national status totals."""
    targets = status_targets()
    const = {k: 1.0 for k in EMPLOYED}
    for iteration in range(10_000):
        mix = {}
        totals = {k: 0.0 for k in EMPLOYED}
        for c, n in npop.items():
            w = {k: const[k] * propensity(k, *c) for k in EMPLOYED}
            z = math.fsum(w.values())
            mix[c] = {k: w[k] / z for k in EMPLOYED}
            for k in EMPLOYED:
                totals[k] += n * epr[c] * mix[c][k]
        worst = max(abs(totals[k] / targets[k] - 1) for k in EMPLOYED)
        if worst < 1e-12:
            break
        for k in EMPLOYED:
            const[k] *= targets[k] / totals[k]
    else:
        raise RuntimeError("status-mix calibration did not converge")
    scale = const["own_account"]  # report constants relative to own_account
    return mix, {k: v / scale for k, v in const.items()}, iteration + 1


def status_shares(npop, epr, urate, mix):
    """pi(s, b, a) as a list in STATUSES order."""
    pi = {}
    for c in npop:
        e, u = epr[c], urate[c]
        unemployed = e * u / (1 - u)
        inactive = 1.0 - e - unemployed
        assert inactive > 0
        pi[c] = [inactive, unemployed] + [e * mix[c][k] for k in EMPLOYED]
    return pi


def read_written_shares(path):
    """Read labour_status_shares.csv back: {(sex, band index, area): [8 shares]}."""
    out = {}
    for r in read_rows(path):
        key = (r["sex"], BANDS.index(r["age_band"]), r["area"])
        out.setdefault(key, [None] * len(STATUSES))[STATUSES.index(r["status"])] = float(r["share"])
    for key, v in out.items():
        assert None not in v and abs(math.fsum(v) - 1.0) <= 1e-9, key
    return out


# --------------------------------------------------------------------------
# 3. Transitions
# --------------------------------------------------------------------------
def transition_matrix(pi_b, pi_n, band):
    """Persistence-and-target matrix for one cell; returns (P, target, lowered).

    lowered lists (status, default p, p used) where q_j < 0 forced p_j down.
    """
    n = len(STATUSES)
    tau = [pi_b[j] + (pi_n[j] - pi_b[j]) / 5.0 for j in range(n)]
    p = [PERSISTENCE_OVERRIDE.get((BANDS[band], k), PERSISTENCE[k]) for k in STATUSES]
    lowered = []
    for j in range(n):
        if tau[j] < p[j] * pi_b[j]:  # q_j would be negative
            lowered.append((STATUSES[j], p[j], tau[j] / pi_b[j]))
            p[j] = tau[j] / pi_b[j]
    denom = math.fsum(pi_b[k] * (1 - p[k]) for k in range(n))
    q = [max(0.0, (tau[j] - p[j] * pi_b[j]) / denom) for j in range(n)]
    assert abs(math.fsum(q) - 1.0) < 1e-8
    P = [[(p[i] if i == j else 0.0) + (1 - p[i]) * q[j] for j in range(n)] for i in range(n)]
    return P, tau, lowered


def build_transitions(pi):
    """{cell: P} for all 44 cells, plus the list of lowered persistences."""
    matrices, lowered_all, worst = {}, [], 0.0
    for s in SEXES:
        for b in range(len(BANDS)):
            for a in AREAS:
                pi_b, pi_n = pi[(s, b, a)], pi[(s, next_band_index(b), a)]
                P, tau, lowered = transition_matrix(pi_b, pi_n, b)
                mapped = [math.fsum(pi_b[i] * P[i][j] for i in range(len(STATUSES)))
                          for j in range(len(STATUSES))]
                worst = max(worst, max(abs(x - t) for x, t in zip(mapped, tau)))
                matrices[(s, b, a)] = P
                lowered_all.extend((s, BANDS[b], a) + item for item in lowered)
    return matrices, lowered_all, worst


def read_written_transitions(path):
    """Read labour_transitions.csv back: {(sex, band index, area): 8x8 matrix}."""
    out = {}
    for r in read_rows(path):
        key = (r["sex"], BANDS.index(r["age_band"]), r["area"])
        m = out.setdefault(key, [[None] * len(STATUSES) for _ in STATUSES])
        m[STATUSES.index(r["from"])][STATUSES.index(r["to"])] = float(r["probability"])
    for key, m in out.items():
        for row in m:
            assert None not in row and abs(math.fsum(row) - 1.0) <= 1e-9, key
    return out


# --------------------------------------------------------------------------
# Drift simulation
# --------------------------------------------------------------------------
def simulate_drift(pop, pi, matrices, urban, years):
    """Iterate the chain on the 2023 cohorts; return {year: {cell: [persons by status]}}.

    Ages advance one year per step; the transition of a step uses the band
    of the age at the start of the step. Children aged 14 enter age 15 as
    inactive. No mortality or migration. Cohorts born after 1 July 2023
    (needed after 15 steps) get the size of the 2023 age-0 cohort.
    Areas are fixed: each cohort is split with the national urban share.
    """
    share = {"urban": urban, "rural": 1.0 - urban}
    # state[(sex, area)][age] = persons by status (ages 15..100)
    state = {}
    for s in SEXES:
        for a in AREAS:
            state[(s, a)] = {age: [pop[(s, age)] * share[a] * x for x in pi[(s, band_of_age(age), a)]]
                             for age in range(15, MAX_AGE + 1)}
    children = {s: [pop[(s, age)] for age in range(15)] for s in SEXES}
    newborn = {s: pop[(s, 0)] for s in SEXES}
    n_st = len(STATUSES)
    results = {}
    for step in range(1, max(years) + 1):
        for s in SEXES:
            for a in AREAS:
                old = state[(s, a)]
                new = {age: [0.0] * n_st for age in range(15, MAX_AGE + 1)}
                for age, v in old.items():
                    P = matrices[(s, band_of_age(age), a)]
                    moved = [math.fsum(v[i] * P[i][j] for i in range(n_st)) for j in range(n_st)]
                    target = new[min(age + 1, MAX_AGE)]
                    for j in range(n_st):
                        target[j] += moved[j]
                new[15][0] += children[s][14] * share[a]  # entrants, inactive
                state[(s, a)] = new
            children[s] = [newborn[s]] + children[s][:14]
        if step in years:
            cells = {}
            for (s, a), by_age in state.items():
                for age, v in by_age.items():
                    acc = cells.setdefault((s, band_of_age(age), a), [0.0] * n_st)
                    for j in range(n_st):
                        acc[j] += v[j]
            results[step] = cells
    return results


def drift_summary(cells, pi):
    """Per band (all sexes and areas pooled): simulated vs target shares.

    Returns {band: (max |sim - pi| over statuses, sim employed share,
    target employed share, sim inactive, target inactive)} and the
    largest cell-level deviation.
    """
    out, worst_cell = {}, (0.0, None)
    for b in range(len(BANDS)):
        sim = [0.0] * len(STATUSES)
        tgt = [0.0] * len(STATUSES)
        total = 0.0
        for s in SEXES:
            for a in AREAS:
                v = cells[(s, b, a)]
                n = math.fsum(v)
                total += n
                for j in range(len(STATUSES)):
                    sim[j] += v[j]
                    tgt[j] += n * pi[(s, b, a)][j]
                dev = max(abs(v[j] / n - pi[(s, b, a)][j]) for j in range(len(STATUSES)))
                if dev > worst_cell[0]:
                    worst_cell = (dev, (s, BANDS[b], a))
        sim = [x / total for x in sim]
        tgt = [x / total for x in tgt]
        dev = max(abs(x - y) for x, y in zip(sim, tgt))
        k = max(range(len(STATUSES)), key=lambda j: abs(sim[j] - tgt[j]))
        out[BANDS[b]] = (dev, STATUSES[k], sum(sim[2:]), sum(tgt[2:]), sim[0], tgt[0])
    return out, worst_cell


# --------------------------------------------------------------------------
# Totals on the base population
# --------------------------------------------------------------------------
def totals_by_status(npop, pi):
    """{(sex, area, status): persons} on the 2023 base population."""
    out = {}
    for (s, b, a), n in npop.items():
        for j, k in enumerate(STATUSES):
            out[(s, a, k)] = out.get((s, a, k), 0.0) + n * pi[(s, b, a)][j]
    return out


def total(tab, status, sex=None, area=None):
    """Sum of tab over the sexes/areas not fixed."""
    return math.fsum(v for (s, a, k), v in tab.items()
                     if k == status and (sex is None or s == sex) and (area is None or a == area))


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    data_dir = argv[1]
    pop = read_base_population(data_dir)
    pop_band = population_by_band(pop)
    counts = {}

    # 1. regions
    region_rows, region_shares, region_totals, census_sum = regions_table()
    counts["regions.csv"] = write_csv(os.path.join(data_dir, "regions.csv"),
                                      ("region", "area", "population_share"), region_rows)
    urban = math.fsum(v for (r, a), v in region_shares.items() if a == "urban")

    # 2. status shares
    npop = cell_population(pop_band, urban)
    epr, alpha = calibrate_epr(npop)
    urate, beta = calibrate_unemployment(npop, epr)
    mix, consts, iterations = calibrate_mix(npop, epr)
    pi_exact = status_shares(npop, epr, urate, mix)
    rows = []
    for s in SEXES:
        for b, band in enumerate(BANDS):
            for a in AREAS:
                v = pi_exact[(s, b, a)]
                texts = format_unit_sum(v, max(range(len(v)), key=lambda j: v[j]))
                rows.extend((s, band, a, k, t) for k, t in zip(STATUSES, texts))
    shares_path = os.path.join(data_dir, "labour_status_shares.csv")
    counts["labour_status_shares.csv"] = write_csv(
        shares_path, ("sex", "age_band", "area", "status", "share"), rows)
    pi = read_written_shares(shares_path)  # everything below uses the shares as written

    # 3. transitions
    matrices, lowered, map_err = build_transitions(pi)
    rows = []
    for s in SEXES:
        for b, band in enumerate(BANDS):
            for a in AREAS:
                P = matrices[(s, b, a)]
                for i, k in enumerate(STATUSES):
                    texts = format_unit_sum(P[i], i)
                    rows.extend((s, band, a, k, to, t) for to, t in zip(STATUSES, texts))
    trans_path = os.path.join(data_dir, "labour_transitions.csv")
    counts["labour_transitions.csv"] = write_csv(
        trans_path, ("sex", "age_band", "area", "from", "to", "probability"), rows)
    written_matrices = read_written_transitions(trans_path)

    # 4. earnings and age profile
    rows = [(k, s, str(EARNINGS[k][i])) for k in EMPLOYED for i, s in enumerate(SEXES)]
    counts["earnings.csv"] = write_csv(os.path.join(data_dir, "earnings.csv"),
                                       ("status", "sex", "mean_monthly_earnings"), rows)
    emp_by_band = [math.fsum(n * sum(pi[c][2:]) for c, n in npop.items() if c[1] == b)
                   for b in range(len(BANDS))]
    raw_mean = math.fsum(f * w for f, w in zip(AGE_PROFILE_RAW, emp_by_band)) / math.fsum(emp_by_band)
    profile = [f / raw_mean for f in AGE_PROFILE_RAW]
    profile_text = [f"{f:.4f}" for f in profile]
    counts["age_earnings_profile.csv"] = write_csv(
        os.path.join(data_dir, "age_earnings_profile.csv"), ("age_band", "factor"),
        list(zip(BANDS, profile_text)))

    # ---- report -----------------------------------------------------------
    print("Rows written (excluding header):")
    for name, n in counts.items():
        print(f"  {name}: {n}")

    print("\nRegions (2015 census, approximate):")
    print(f"  province sum {census_sum:,} vs published total {CENSUS_2015_TOTAL:,}"
          f" (diff {census_sum - CENSUS_2015_TOTAL:+,})")
    for r in REGIONS:
        print(f"  {r:<18} {region_totals[r]:>9,}  {region_totals[r] / census_sum:6.2%}"
              f"  urban {URBAN_SHARE_2015[r]:.0%}")
    print(f"  national urban share U = {urban:.6f}")

    tab = totals_by_status(npop, pi)
    pop15 = math.fsum(npop.values())
    employed = math.fsum(total(tab, k) for k in EMPLOYED)
    unemployed = total(tab, "unemployed")
    print(f"\nCalibrated constants: alpha (EPR level) = {alpha:.6f}; beta (unemployment"
          f" level) = {beta:.6f}; status-mix IPF iterations = {iterations}")
    print("  status-mix constants c_k (relative to own_account): "
          + ", ".join(f"{k} {v:.4f}" for k, v in consts.items()))

    print(f"\nStart-year totals, 2023 base population 15+ = {pop15:,.0f}")
    print(f"  employed                {employed:>12,.0f}  target {TARGET_EMPLOYED:,}")
    print(f"  employment / population {employed / pop15:>12.2%}")
    print(f"  unemployed              {unemployed:>12,.0f}  (LFS 2022: 61,207)")
    print(f"  unemployment rate       {unemployed / (employed + unemployed):>12.2%}"
          f"  target {TARGET_UNEMPLOYMENT_RATE:.1%}")
    print(f"  labour force            {employed + unemployed:>12,.0f}"
          f"  LFPR {(employed + unemployed) / pop15:.2%}")
    print(f"  inactive                {total(tab, 'inactive'):>12,.0f}")
    youth = [c for c in npop if c[1] <= 1]
    y_emp = math.fsum(npop[c] * sum(pi[c][2:]) for c in youth)
    y_un = math.fsum(npop[c] * pi[c][1] for c in youth)
    print(f"  youth (15-24) unemployment rate {y_un / (y_emp + y_un):.2%};"
          f" by area: " + ", ".join(
              f"{a} {math.fsum(npop[c] * pi[c][1] for c in npop if c[2] == a) / math.fsum(npop[c] * sum(pi[c][1:]) for c in npop if c[2] == a):.2%}"
              for a in AREAS)
          + "; by sex: " + ", ".join(
              f"{s} {total(tab, 'unemployed', s) / math.fsum(total(tab, k, s) for k in STATUSES[1:]):.2%}"
              for s in SEXES))
    print("\n  status                      male       female        total   % employed"
          "   % urban")
    for k in STATUSES:
        m, f = total(tab, k, "male"), total(tab, k, "female")
        share = f"{(m + f) / employed:10.2%}" if k in EMPLOYED else " " * 10
        print(f"  {k:<24}{m:>10,.0f}  {f:>11,.0f}  {m + f:>11,.0f}  {share}"
              f"  {total(tab, k, area='urban') / (m + f):8.1%}")
    em_m = math.fsum(total(tab, k, "male") for k in EMPLOYED)
    em_f = math.fsum(total(tab, k, "female") for k in EMPLOYED)
    print(f"  {'employed':<24}{em_m:>10,.0f}  {em_f:>11,.0f}  {em_m + em_f:>11,.0f}"
          f"   women {em_f / (em_m + em_f):.1%} of employed")
    for a in AREAS:
        e_a = math.fsum(total(tab, k, area=a) for k in EMPLOYED)
        mix_a = ", ".join(f"{k} {total(tab, k, area=a) / e_a:.1%}" for k in EMPLOYED)
        print(f"  {a} employed {e_a:,.0f}: {mix_a}")

    print("\nEmployment-to-population ratio by band (male / female, urban+rural):")
    for b, band in enumerate(BANDS):
        vals = []
        for s in SEXES:
            cs = [(s, b, a) for a in AREAS]
            vals.append(math.fsum(npop[c] * sum(pi[c][2:]) for c in cs) / math.fsum(npop[c] for c in cs))
        print(f"  {band:<6} {vals[0]:.3f} / {vals[1]:.3f}")

    # membership
    pub, priv = total(tab, "public_employee"), total(tab, "formal_private_employee")
    compulsory = NSSF_MEMBERS - NSSF_VOLUNTARY
    c_priv = (compulsory - PUBLIC_COMPLIANCE * pub) / priv
    print("\nNSSF membership calibration:")
    print(f"  registered compulsory members target = {NSSF_MEMBERS:,} - {NSSF_VOLUNTARY:,}"
          f" = {compulsory:,}")
    print(f"  compliance public = {PUBLIC_COMPLIANCE:.2f} (assumed) => registered public"
          f" {PUBLIC_COMPLIANCE * pub:,.0f}")
    print(f"  compliance formal private = ({compulsory:,} - {PUBLIC_COMPLIANCE * pub:,.0f})"
          f" / {priv:,.0f} = {c_priv:.4f}")
    alt = [(cp, (compulsory - cp * pub) / priv) for cp in (0.90, 0.95, 0.98, 1.00)]
    print("  other (public, private) pairs giving the same total: "
          + "; ".join(f"({a:.2f}, {b:.4f})" for a, b in alt))
    informal_share = 1.0 - compulsory / employed
    print(f"  informal share (employed not registered as compulsory members) ="
          f" {informal_share:.2%} (ILO {TARGET_INFORMAL_SHARE:.1%})")
    needed = TARGET_COVERAGE_OF_EMPLOYED * employed - compulsory
    act = needed / NSSF_VOLUNTARY
    print(f"  contributors = 14% of employed = {TARGET_COVERAGE_OF_EMPLOYED * employed:,.0f}"
          f" => active voluntary needed {needed:,.0f} => initial active share {act:.4f}")
    print(f"  all members / employed = {NSSF_MEMBERS / employed:.2%}; compulsory only"
          f" = {compulsory / employed:.2%}")
    print(f"  informal share if active voluntary members count as formal ="
          f" {1 - (compulsory + act * NSSF_VOLUNTARY) / employed:.2%}")
    for lapse, react in ((VOLUNTARY_LAPSE_REF, VOLUNTARY_REACT_REF),
                         (VOLUNTARY_LAPSE_REC, VOLUNTARY_REACT_REC)):
        ss = react / (lapse + react)
        a_t, path = act, []
        for year in range(1, 11):
            a_t = a_t * (1 - lapse) + (1 - a_t) * react
            if year in (1, 2, 5, 10):
                path.append(f"y{year} {a_t:.3f}")
        cover = [(compulsory + a * NSSF_VOLUNTARY) / employed for a in (act, ss)]
        print(f"  lapse {lapse:.2f}, reactivation {react:.2f}: steady-state active share"
              f" {ss:.4f}; closed stock from {act:.3f}: {', '.join(path)};"
              f" contributors/employed {cover[0]:.2%} -> {cover[1]:.2%}")
        inflow = lapse * act * NSSF_VOLUNTARY - react * (1 - act) * NSSF_VOLUNTARY
        print(f"    new active voluntary members per year needed to hold the active"
              f" number constant in year 1: {inflow:,.0f}")

    print(f"\nTransitions: max |pi_b P - tau| before rounding = {map_err:.1e}")
    worst_w = 0.0
    for c, P in written_matrices.items():
        pi_b = pi[c]
        tau = [pi_b[j] + (pi[(c[0], next_band_index(c[1]), c[2])][j] - pi_b[j]) / 5
               for j in range(len(STATUSES))]
        worst_w = max(worst_w, max(abs(math.fsum(pi_b[i] * P[i][j] for i in range(len(STATUSES)))
                                       - tau[j]) for j in range(len(STATUSES))))
    print(f"  as written: max |pi_b P - tau| = {worst_w:.1e}")
    print(f"  persistence lowered because q_j < 0 ({len(lowered)} cases):")
    for s, band, a, k, p_def, p_new in lowered:
        print(f"    {s:<6} {band:<6} {a:<5} {k:<24} {p_def:.2f} -> {p_new:.4f}")

    print("\nDrift of simulated band shares from pi (chain iterated on the 2023 cohorts;"
          "\nsexes and areas pooled; deviations in percentage points)")
    results = simulate_drift(pop, pi, written_matrices, urban, DRIFT_YEARS)
    for year in DRIFT_YEARS:
        summary, worst_cell = drift_summary(results[year], pi)
        print(f"  after {year} year(s): largest cell deviation {100 * worst_cell[0]:.2f} pp"
              f" in {worst_cell[1]}")
        print("    band    max|dev|  (status)                    employed sim/target"
              "    inactive sim/target")
        for band, (dev, k, e_s, e_t, i_s, i_t) in summary.items():
            print(f"    {band:<6} {100 * dev:7.2f}   ({k:<24}) {e_s:8.4f} / {e_t:.4f}"
                  f"      {i_s:8.4f} / {i_t:.4f}")
        cells = results[year]
        emp = math.fsum(sum(v[2:]) for v in cells.values())
        tgt = math.fsum(math.fsum(v) * sum(pi[c][2:]) for c, v in cells.items())
        print(f"    all 15+: employed {emp:,.0f} vs pi applied to the same population"
              f" {tgt:,.0f} ({emp / tgt - 1:+.2%})")

    print("\nEarnings (kip/month, 2023 prices; assumptions):")
    mw = sum(m * w for m, w in MIN_WAGE_2023) / 12
    print(f"  2023 average minimum wage {mw:,.0f} (1 July 2023: 1,300,000; from 1 Oct 2023:"
          f" 1,600,000); voluntary minimum {VOLUNTARY_MIN_INCOME:,}; ceiling {CEILING:,}")
    all_w = all_n = 0.0
    for k in EMPLOYED:
        parts = []
        for i, s in enumerate(SEXES):
            parts.append(f"{s} {EARNINGS[k][i] / 1_300_000:.2f}")
            n = total(tab, k, s)
            all_w += n * EARNINGS[k][i]
            all_n += n
        print(f"  {k:<24} x minimum wage of 1 July 2023: {', '.join(parts)}")
    print(f"  employment-weighted mean over all employed {all_w / all_n:,.0f}")
    print(f"  raw age profile: employment-weighted mean {raw_mean:.4f}; divided by it")
    print("  age profile (normalised, weighted mean over all employed = 1): "
          + ", ".join(f"{b} {t}" for b, t in zip(BANDS, profile_text)))
    for k in EMPLOYED:
        j = STATUSES.index(k)
        w = [math.fsum(n * pi[c][j] for c, n in npop.items() if c[1] == b) for b in range(len(BANDS))]
        mean = math.fsum(f * x for f, x in zip(profile, w)) / math.fsum(w)
        print(f"    weighted mean factor within {k:<24} {mean:.4f}")


if __name__ == "__main__":
    main(sys.argv)
