#!/usr/bin/env python3
"""Build the ssproj demographic input tables for Lao PDR from UN WPP 2024.

Usage:
    python3 data/lao/prepare_wpp2024.py SOURCE_DIR OUTPUT_DIR

SOURCE_DIR holds the WPP 2024 extracts described in its README.md
(normally /work/shared/data/lao); OUTPUT_DIR receives the CSV tables
(normally data/lao). Only the Python standard library is used and the
output is deterministic: running the script twice gives identical files.

Steps
-----
1. Base population (base_population.csv)
   Persons by sex and single age 0..100 (100 = 100+) on 1 July 2023,
   copied as integers from lao_population_by_age_sex_2023.csv.

2. Mortality (mortality.csv, mortality_abridged.csv)
   WPP publishes central death rates m for abridged age groups
   0, 1-4, 5-9, ..., 95-99, 100+ and 5-year periods. A period "A-B"
   covers A.0 .. B-0.01, so its midpoint is A + 2.5 (the file's
   `mid_year` column is a label, not the midpoint, and is ignored).
   a) Time: for calendar year y we evaluate at t = y + 0.5 and
      interpolate ln m linearly between the two neighbouring period
      midpoints. After the last midpoint (2097.5: years 2098-2100) the
      straight line through the last two midpoints (2092.5, 2097.5) is
      extended, so mortality keeps improving at the 2090s pace. The
      result, rounded to 8 significant digits, is written to
      mortality_abridged.csv (width empty for the open group 100+).
   b) Age: the abridged schedule for year y is graduated to single ages
      so that the single-age life table reproduces each group's
      probability of dying:
        nq_g = n m_g / (1 + (n - a_g) m_g),  a_g as in the UN model life
        tables: Coale-Demeny a0 and 4a1, 2.5 for 5-9 and 10-14, Greville
        a = 2.5 - (25/12) (m_g - ln(m_next / m_prev) / 10) from 15-19.
      Age 0 is m(0) = m_0. Each other closed group g (1-4, 5-9, ...,
      95-99) gets m(x) = c_g r(x), where r is flat over 1-4 and, over
      5..99, ln m interpolated linearly between the group midpoints
      7.5, ..., 97.5 at x + 0.5 (flat outside); c_g solves (bisection)
        prod_{x in g} (1 - m(x) / (1 + m(x) / 2)) = 1 - nq_g,
      the engine's single-age q (src/demography/life_table.cpp).
      Age 100 is m(100+).

3. Fertility (fertility.csv)
   For each calendar year and 5-year group of mother g (10-14..50-54),
        asfr(x) = TFR * p_g / sum_g(p_g) / 5     for every x in g,
   where p_g is WPP's percentage of fertility by age (pasfr). The
   published p_g sum to 100 up to rounding in the 6th decimal; dividing
   by their actual sum (instead of 100) makes the single-age rates add
   up to the TFR exactly. The check sum_x asfr(x) == TFR is enforced to
   1e-9 relative.

4. Sex ratio at birth (sex_ratio_at_birth.csv)
   Males per female births per calendar year, copied.

5. Net migration (net_migration.csv)
   Net international migrants by single age 0..100 and sex per calendar
   year. The source is in thousands; persons = 1000 * value, rounded to
   3 decimals to remove binary floating-point noise. Yearly totals are
   compared with the published total net migration.

6. Checks printed to stdout: life expectancy at birth and at 60 from the
   single-age and the abridged tables, the graduation property, the
   group death rates implied by the single-age tables (also for the
   graduation used before issue 10), TFR sums, migration totals.
"""

import csv
import math
import os
import sys

FIRST_YEAR = 2023
LAST_YEAR = 2100
YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))
SEXES = ("male", "female")
MAX_AGE = 100  # open age group 100+
FERT_AGES = range(10, 55)  # single ages of mother 10..54
ABRIDGED_STARTS = [0, 1] + list(range(5, 101, 5))  # 0,1,5,...,95,100
ABRIDGED_WIDTHS = [1, 4] + [5] * 19  # closed groups 0 .. 95-99; 100+ is open

# Published WPP 2024 life expectancy at birth, for comparison only.
WPP_E0 = {2023: (66.8, 71.3), 2050: (71.7, 76.8), 2100: (79.6, 83.1)}


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------
def read_rows(path):
    """Return the rows of a CSV file as a list of dicts."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def fmt_rate(x):
    """Rates: up to 8 significant digits."""
    return f"{x:.8g}"


def fmt_persons(x):
    """Migrant counts: rounded to 3 decimals, printed without float noise."""
    value = round(x, 3)
    if value == 0:
        value = 0.0  # avoid "-0"
    return f"{value:.10g}"


def write_csv(path, header, rows):
    """Write rows (sequences of already formatted strings) with '\\n' endings."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join(row) + "\n")
    return len(rows)


def interp(x, xs, ys):
    """Piecewise linear interpolation of ys over increasing xs, flat outside."""
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    for i in range(1, len(xs)):
        if x <= xs[i]:
            w = (x - xs[i - 1]) / (xs[i] - xs[i - 1])
            return ys[i - 1] + w * (ys[i] - ys[i - 1])
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------
# 1. Base population
# --------------------------------------------------------------------------
def base_population(src):
    """Population on 1 July 2023 by sex and single age (100 = 100+)."""
    rows = read_rows(os.path.join(src, "lao_population_by_age_sex_2023.csv"))
    by_age = {int(r["age"]): r for r in rows}
    assert sorted(by_age) == list(range(MAX_AGE + 1)), "ages 0..100 expected"
    out = []
    for sex in SEXES:
        for age in range(MAX_AGE + 1):
            r = by_age[age]
            assert r["reference_date"] == "2023-07-01"
            out.append((str(FIRST_YEAR), sex, str(age), str(int(r[sex]))))
    return out


# --------------------------------------------------------------------------
# 2. Mortality
# --------------------------------------------------------------------------
def read_abridged_mx(src):
    """Return {sex: (midpoints, {period_midpoint: [m per abridged group]})}.

    The period midpoint is start + 2.5 (e.g. 2020-2025 -> 2022.5).
    """
    rows = read_rows(os.path.join(src, "lao_mortality_mx_abridged_5yr_periods_1950_2100.csv"))
    tables = {sex: {} for sex in SEXES}
    for r in rows:
        start, end = (int(v) for v in r["period"].split("-"))
        assert end - start == 5
        mid = start + 2.5
        for sex in SEXES:
            tables[sex].setdefault(mid, {})[int(r["age_start"])] = float(r["mx_" + sex])
    out = {}
    for sex in SEXES:
        mids = sorted(tables[sex])
        sched = {}
        for mid in mids:
            groups = tables[sex][mid]
            assert sorted(groups) == ABRIDGED_STARTS, (sex, mid)
            sched[mid] = [groups[a] for a in ABRIDGED_STARTS]
        out[sex] = (mids, sched)
    return out


def abridged_for_year(mids, sched, year):
    """Abridged mx for calendar year `year` by log-linear time interpolation.

    Evaluated at t = year + 0.5. Between two period midpoints, ln m is
    interpolated linearly. After the last midpoint (2097.5), ln m is
    extrapolated along the straight line through the last two midpoints
    (2092.5 and 2097.5), so the improvement of the last five years goes on.
    Before the first midpoint the first period is held (not used: the
    projection starts in 2023).
    """
    t = year + 0.5
    if t <= mids[0]:
        return list(sched[mids[0]])
    if t == mids[-1]:
        return list(sched[mids[-1]])
    i = next((i for i in range(1, len(mids)) if t <= mids[i]), len(mids) - 1)
    t0, t1 = mids[i - 1], mids[i]
    w = (t - t0) / (t1 - t0)  # > 1 when extrapolating beyond the last midpoint
    return [math.exp((1 - w) * math.log(a) + w * math.log(b))
            for a, b in zip(sched[t0], sched[t1])]


def coale_demeny_a0(sex, m0):
    """Coale-Demeny separation factor for age 0 (Preston et al. 2001, table 3.3)."""
    if sex == "male":
        return 0.045 + 2.684 * m0 if m0 < 0.107 else 0.330
    return 0.053 + 2.800 * m0 if m0 < 0.107 else 0.350


def coale_demeny_a1_4(sex, m0):
    """Coale-Demeny separation factor for ages 1-4 (Preston et al. 2001)."""
    if sex == "male":
        return 1.651 - 2.816 * m0 if m0 < 0.107 else 1.352
    return 1.522 - 1.518 * m0 if m0 < 0.107 else 1.361


def abridged_separation_factors(sex, m):
    """Separation factors a of the groups 0, 1-4, 5-9, ..., 95-99.

    The convention of the UN model life tables (UN 1982, p. 31; MortPak
    LIFETB): Coale-Demeny a0 and 4a1 from m0; 2.5 for 5-9 and 10-14;
    from 15-19 to 95-99 Greville's
        a = 2.5 - (25/12) (m_g - k),  k = ln(m_next / m_prev) / 10,
    with the neighbouring groups' rates (for 95-99 the next is 100+).
    The plain n/2 cannot be used at the oldest ages: with a = 2.5 the
    probability 5m / (1 + 2.5 m) exceeds 1 once m > 0.4, which WPP's
    95-99 rates do until the 2060s.
    """
    a = [coale_demeny_a0(sex, m[0]), coale_demeny_a1_4(sex, m[0]), 2.5, 2.5]
    for i in range(4, len(m) - 1):
        k = math.log(m[i + 1] / m[i - 1]) / 10.0
        a.append(2.5 - 25.0 / 12.0 * (m[i] - k))
    return a


def abridged_q(sex, m):
    """Probability of dying in each group 0, 1-4, ..., 95-99: n m / (1 + (n - a) m)."""
    out = []
    for n, a, rate in zip(ABRIDGED_WIDTHS, abridged_separation_factors(sex, m), m[:-1]):
        q = n * rate / (1.0 + (n - a) * rate)
        assert 0.0 < a < n and 0.0 < q < 1.0, (sex, n, a, rate, q)
        out.append(q)
    return out


def single_age_q(m, a=0.5):
    """The engine's probability of dying in one year (src/demography/life_table.cpp)."""
    return min(1.0, m / (1.0 + (1.0 - a) * m))


def log_survival(rates):
    """ln of the probability of surviving the single ages with these rates (a = 1/2)."""
    total = 0.0
    for m in rates:
        q = single_age_q(m)
        if q >= 1.0:
            return -math.inf
        total += math.log1p(-q)
    return total


def scale_to_survival(shape, survival):
    """Factor c with prod_x (1 - q(c shape_x)) = survival, by bisection.

    The survival is strictly decreasing in c, so the root is unique; the
    bracket is halved until it stops shrinking (double precision).
    """
    target = math.log(survival)
    lo, hi = 0.0, 1.0
    while log_survival([hi * r for r in shape]) > target:
        hi *= 2.0
    while True:
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            return hi
        if log_survival([mid * r for r in shape]) > target:
            lo = mid
        else:
            hi = mid


def age_shape(abridged):
    """Within-group shapes: [(first age, [r(x)])] for the groups 1-4, 5-9, ..., 95-99.

    Ages 1-4 are flat. Ages 5..99: ln m interpolated linearly between the
    group midpoints 7.5, 12.5, ..., 97.5 at the single-age midpoints x + 0.5
    (flat outside that range).
    """
    starts = list(range(5, 100, 5))
    mid_x = [s + 2.5 for s in starts]
    log_m = [math.log(m) for m in abridged[2:-1]]
    shapes = [(1, [abridged[1]] * 4)]
    for start in starts:
        shapes.append((start, [math.exp(interp(x + 0.5, mid_x, log_m))
                               for x in range(start, start + 5)]))
    return shapes


def graduate_to_single_ages(sex, abridged):
    """Turn an abridged schedule (0, 1-4, 5-9, ..., 95-99, 100+) into m(0..100).

    Every group's single-age life table reproduces the group's probability
    of dying from abridged_q:
        prod_{x in g} (1 - q(x)) = 1 - nq_g,  q(x) = m(x) / (1 + m(x) / 2),
    with m(x) = c_g r(x): the shape r from age_shape times one factor per
    group. Age 0 keeps m0 (the engine's q(0) with Coale-Demeny a0 is the
    group's own formula) and age 100 keeps m(100+).
    """
    q_group = abridged_q(sex, abridged)
    m0 = abridged[0]
    assert single_age_q(m0, coale_demeny_a0(sex, m0)) == q_group[0]
    single = [m0]
    for (start, shape), q in zip(age_shape(abridged), q_group[1:]):
        assert start == len(single)
        c = scale_to_survival(shape, 1.0 - q)
        single.extend(c * r for r in shape)
    single.append(abridged[-1])
    assert len(single) == MAX_AGE + 1
    return single


def mortality_tables(src):
    """Return ({(year, sex): [m(0..100)]}, {(year, sex): abridged mx}).

    The abridged schedule of each year is rounded as it is written to
    mortality_abridged.csv before it is graduated, so that file holds
    exactly the schedule the single-age rates come from.
    """
    abridged = read_abridged_mx(src)
    single, by_year = {}, {}
    for year in YEARS:
        for sex in SEXES:
            mids, sched = abridged[sex]
            rates = [float(fmt_rate(m)) for m in abridged_for_year(mids, sched, year)]
            by_year[(year, sex)] = rates
            single[(year, sex)] = graduate_to_single_ages(sex, rates)
    return single, by_year


def old_graduation(abridged):
    """The graduation used before issue 10, for the checks only: the same
    shapes, scaled so that each group's arithmetic mean equals its rate."""
    single = [abridged[0]]
    for (_, shape), m_group in zip(age_shape(abridged), abridged[1:-1]):
        factor = m_group / (sum(shape) / len(shape))
        single.extend(v * factor for v in shape)
    single.append(abridged[-1])
    return single


# --------------------------------------------------------------------------
# Life tables (checks only)
# --------------------------------------------------------------------------
def single_age_table(sex, m):
    """(l(0..100), L(0..100)) of the engine's single-age life table."""
    l, big_l = [1.0], []
    for x in range(MAX_AGE):
        a = coale_demeny_a0(sex, m[0]) if x == 0 else 0.5
        d = l[x] * single_age_q(m[x], a)
        l.append(l[x] - d)
        big_l.append(l[x + 1] + a * d)
    big_l.append(l[MAX_AGE] / m[MAX_AGE])
    return l, big_l


def abridged_table(sex, m):
    """(l, L) by abridged group of the abridged table (abridged_separation_factors).

    L = n l(x+n) + a d for the closed groups, L(100+) = l(100) / m(100+).
    """
    l, big_l = [1.0], []
    ax = abridged_separation_factors(sex, m)
    for i, (n, q) in enumerate(zip(ABRIDGED_WIDTHS, abridged_q(sex, m))):
        d = l[i] * q
        l.append(l[i] - d)
        big_l.append(n * l[i + 1] + ax[i] * d)
    big_l.append(l[-1] / m[-1])
    return l, big_l


def expectancy_single(sex, m, age):
    """Life expectancy at exact age `age` from the single-age table."""
    l, big_l = single_age_table(sex, m)
    return sum(big_l[age:]) / l[age]


def expectancy_abridged(sex, m, age):
    """Life expectancy at exact age `age` (a group start) from the abridged table."""
    l, big_l = abridged_table(sex, m)
    i = ABRIDGED_STARTS.index(age)
    return sum(big_l[i:]) / l[i]


def implied_group_ratios(sex, abridged, single):
    """Diagnostic: for each 5-year group 5-9..95-99, (sum d / sum L) / m_group.

    sum d / sum L is the group's death rate in the single-age life table,
    the way WPP's abridged rates are defined from its own single-age tables.
    """
    l, big_l = single_age_table(sex, single)
    return {start: ((l[start] - l[start + 5]) / sum(big_l[start:start + 5])) / m_group
            for start, m_group in zip(range(5, 100, 5), abridged[2:-1])}


# --------------------------------------------------------------------------
# 3. Fertility
# --------------------------------------------------------------------------
def fertility(src):
    """Single-age ASFR 10..54 per year; returns (rows, {year: (tfr, sum asfr, pasfr sum)})."""
    rows = read_rows(os.path.join(src, "lao_fertility_pasfr_asfr_annual_agegroups_1950_2100.csv"))
    groups = {}
    tfr = {}
    for r in rows:
        year = int(r["year"])
        if FIRST_YEAR <= year <= LAST_YEAR:
            lo, hi = (int(v) for v in r["age_group"].split("-"))
            assert hi - lo == 4
            groups.setdefault(year, {})[lo] = float(r["pasfr_percent"])
            t = float(r["tfr"])
            assert tfr.setdefault(year, t) == t
    # the TFR column must agree with the separate TFR file
    for r in read_rows(os.path.join(src, "lao_fertility_tfr_annual_1950_2100.csv")):
        year = int(r["year"])
        if year in tfr:
            assert float(r["tfr"]) == tfr[year], year
    out, checks = [], {}
    for year in YEARS:
        pasfr = groups[year]
        assert sorted(pasfr) == list(range(10, 55, 5)), year
        p_sum = sum(pasfr.values())
        asfr = {}
        for lo, p in pasfr.items():
            for x in range(lo, lo + 5):
                asfr[x] = tfr[year] * p / p_sum / 5.0
        total = math.fsum(asfr.values())
        assert abs(total - tfr[year]) <= 1e-9 * tfr[year], (year, total, tfr[year])
        checks[year] = (tfr[year], total, p_sum)
        for x in FERT_AGES:
            out.append((str(year), str(x), fmt_rate(asfr[x])))
    return out, checks


def written_tfr_deviation(path, checks):
    """Largest relative gap between the TFR and the sum of the rates as written."""
    sums = {}
    for r in read_rows(path):
        sums[int(r["year"])] = sums.get(int(r["year"]), 0.0) + float(r["asfr"])
    return max(abs(total - checks[year][0]) / checks[year][0] for year, total in sums.items())


# --------------------------------------------------------------------------
# 4. Sex ratio at birth
# --------------------------------------------------------------------------
def sex_ratio_at_birth(src):
    """Males per female births, calendar years 2023..2100."""
    rows = read_rows(os.path.join(src, "lao_sex_ratio_at_birth_annual_1950_2100.csv"))
    srb = {int(r["year"]): float(r["sex_ratio_at_birth_males_per_female"]) for r in rows}
    return [(str(y), fmt_rate(srb[y])) for y in YEARS]


# --------------------------------------------------------------------------
# 5. Net migration
# --------------------------------------------------------------------------
def net_migration(src):
    """Net migrants (persons) by year, sex, age; plus yearly total comparison."""
    rows = read_rows(os.path.join(src, "lao_migration_net_by_single_age_sex_annual_2023_2100.csv"))
    data = {}
    for r in rows:
        key = (int(r["year"]), int(r["age"]))
        assert key not in data
        data[key] = {sex: round(float(r[f"net_migrants_{sex}_thousands"]) * 1000.0, 3)
                     for sex in SEXES}
    published = {int(r["year"]): float(r["net_migration_thousands"]) * 1000.0
                 for r in read_rows(os.path.join(src, "lao_migration_net_total_annual_1950_2100.csv"))}
    out, totals = [], {}
    for year in YEARS:
        by_sex = {}
        for sex in SEXES:
            values = [data[(year, age)][sex] for age in range(MAX_AGE + 1)]
            by_sex[sex] = math.fsum(values)
            out.extend((str(year), sex, str(age), fmt_persons(v))
                       for age, v in zip(range(MAX_AGE + 1), values))
        totals[year] = (by_sex["male"], by_sex["female"], round(published[year], 3))
    return out, totals


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    src, dst = argv[1], argv[2]
    os.makedirs(dst, exist_ok=True)

    counts = {}
    counts["base_population.csv"] = write_csv(
        os.path.join(dst, "base_population.csv"),
        ("year", "sex", "age", "persons"), base_population(src))

    mx, abridged_by_year = mortality_tables(src)
    mort_rows = [(str(y), s, str(a), fmt_rate(mx[(y, s)][a]))
                 for y in YEARS for s in SEXES for a in range(MAX_AGE + 1)]
    counts["mortality.csv"] = write_csv(
        os.path.join(dst, "mortality.csv"), ("year", "sex", "age", "mx"), mort_rows)
    widths = [str(n) for n in ABRIDGED_WIDTHS] + [""]
    abridged_rows = [(str(y), s, str(a), n, fmt_rate(m))
                     for y in YEARS for s in SEXES
                     for a, n, m in zip(ABRIDGED_STARTS, widths, abridged_by_year[(y, s)])]
    counts["mortality_abridged.csv"] = write_csv(
        os.path.join(dst, "mortality_abridged.csv"),
        ("year", "sex", "age_start", "width", "mx"), abridged_rows)

    fert_rows, fert_checks = fertility(src)
    counts["fertility.csv"] = write_csv(
        os.path.join(dst, "fertility.csv"), ("year", "age", "asfr"), fert_rows)

    counts["sex_ratio_at_birth.csv"] = write_csv(
        os.path.join(dst, "sex_ratio_at_birth.csv"),
        ("year", "sex_ratio_at_birth"), sex_ratio_at_birth(src))

    mig_rows, mig_totals = net_migration(src)
    counts["net_migration.csv"] = write_csv(
        os.path.join(dst, "net_migration.csv"),
        ("year", "sex", "age", "net_migrants"), mig_rows)

    # ---- report -----------------------------------------------------------
    print("Rows written (excluding header):")
    for name, n in counts.items():
        print(f"  {name}: {n}")

    print("\nLife expectancy (years): single-age table (mortality.csv) and abridged")
    print("table (mortality_abridged.csv) of the same calendar year")
    print("year sex     e0 single  abridged  WPP published   e60 single  abridged")
    for year, published in WPP_E0.items():
        for i, sex in enumerate(SEXES):
            m, ab = mx[(year, sex)], abridged_by_year[(year, sex)]
            print(f"{year} {sex:<6} {expectancy_single(sex, m, 0):10.3f}"
                  f" {expectancy_abridged(sex, ab, 0):9.3f} {published[i]:14.1f}"
                  f" {expectancy_single(sex, m, 60):12.3f} {expectancy_abridged(sex, ab, 60):9.3f}")
    written = {}
    for r in read_rows(os.path.join(dst, "mortality.csv")):
        written.setdefault((int(r["year"]), r["sex"]), []).append(float(r["mx"]))
    for label, tables in (("graduation before issue 10", None), ("this graduation, as written", written)):
        worst = {0: (0.0, None), 60: (0.0, None)}
        for (year, sex), ab in abridged_by_year.items():
            m = tables[(year, sex)] if tables else old_graduation(ab)
            for age in worst:
                diff = expectancy_single(sex, m, age) - expectancy_abridged(sex, ab, age)
                if abs(diff) > abs(worst[age][0]):
                    worst[age] = (diff, (year, sex))
        print(f"  max |single - abridged|, {label}: e0 {worst[0][0]:+.4f} {worst[0][1]},"
              f" e60 {worst[60][0]:+.4f} {worst[60][1]}")

    print("\nGraduation check: largest |prod(1 - q(x)) - (1 - nq_g)| over all years,")
    print("sexes and groups 1-4 .. 95-99, single-age rates as written")
    worst = 0.0
    for (year, sex), ab in abridged_by_year.items():
        l, _ = single_age_table(sex, written[(year, sex)])
        l_ab, _ = abridged_table(sex, ab)
        for i, start in enumerate(ABRIDGED_STARTS[1:-1], start=1):
            end = start + ABRIDGED_WIDTHS[i]
            worst = max(worst, abs(l[end] / l[start] - l_ab[i + 1] / l_ab[i]))
    print(f"  {worst:.2e}")

    print("\nGroup death rate implied by the single-age life table (sum d / sum L)")
    print("relative to the abridged rate, 2023")
    for label, grad in (("before issue 10", old_graduation), ("this graduation", None)):
        for sex in SEXES:
            ab = abridged_by_year[(2023, sex)]
            ratios = implied_group_ratios(sex, ab, grad(ab) if grad else mx[(2023, sex)])
            shown = "  ".join(f"{a}-{a + 4}: {ratios[a] - 1:+.2%}"
                              for a in (20, 50, 70, 80, 90, 95))
            print(f"  {label:<16} {sex:<6} {shown}")

    print("\nFertility: TFR vs sum of single-age ASFR (selected years)")
    worst = max(abs(s - t) / t for t, s, _ in fert_checks.values())
    worst_p = max(abs(p - 100.0) for _, _, p in fert_checks.values())
    for year in (2023, 2030, 2050, 2100):
        t, s, p = fert_checks[year]
        print(f"  {year}: TFR {t:.6f}  sum asfr {s:.10f}  pasfr sum {p:.6f}")
    print(f"  max relative |sum - TFR| over 2023-2100: {worst:.2e}")
    print(f"  max |pasfr sum - 100| over 2023-2100: {worst_p:.2e}")
    print("  as written (8 significant digits), max relative |sum - TFR|: "
          f"{written_tfr_deviation(os.path.join(dst, 'fertility.csv'), fert_checks):.2e}")

    print("\nNet migration: sum by age/sex vs published total (persons)")
    worst = max(abs(m + f - p) for m, f, p in mig_totals.values())
    for year in (2023, 2024, 2030, 2050, 2075, 2100):
        m, f, p = mig_totals[year]
        print(f"  {year}: male {m:.0f}  female {f:.0f}  sum {m + f:.0f}"
              f"  published {p:.0f}  diff {m + f - p:+.0f}")
    print(f"  max |difference| over 2023-2100: {worst:.0f} persons")
    cum_diff = sum(m + f - p for m, f, p in mig_totals.values())
    print(f"  cumulative difference 2023-2100: {cum_diff:+.0f} persons")


if __name__ == "__main__":
    main(sys.argv)
