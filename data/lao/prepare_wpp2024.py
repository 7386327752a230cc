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

2. Mortality (mortality.csv)
   WPP publishes central death rates m for abridged age groups
   0, 1-4, 5-9, ..., 95-99, 100+ and 5-year periods. A period "A-B"
   covers A.0 .. B-0.01, so its midpoint is A + 2.5 (the file's
   `mid_year` column is a label, not the midpoint, and is ignored).
   a) Time: for calendar year y we evaluate at t = y + 0.5 and
      interpolate ln m linearly between the two neighbouring period
      midpoints; after the last midpoint (2097.5) the last period's
      rates are held constant.
   b) Age: the abridged schedule for year y is graduated to single ages:
        age 0      : m(0)
        ages 1..4  : m(1-4)
        ages 5..99 : ln m interpolated linearly between group midpoints
                     7.5, 12.5, ..., 97.5 at single-age midpoints x+0.5
                     (flat outside that range), then each group's five
                     values are multiplied by  m_group / mean(values)
                     so the arithmetic mean of the group is preserved.
        age 100    : m(100+)

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

6. Checks printed to stdout: life expectancy at birth from the single-age
   table and from the abridged WPP table, TFR sums, migration totals.
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

    Evaluated at t = year + 0.5; held at the first/last period outside.
    """
    t = year + 0.5
    if t <= mids[0]:
        return list(sched[mids[0]])
    if t >= mids[-1]:
        return list(sched[mids[-1]])
    for i in range(1, len(mids)):
        if t <= mids[i]:
            t0, t1 = mids[i - 1], mids[i]
            w = (t - t0) / (t1 - t0)
            return [math.exp((1 - w) * math.log(a) + w * math.log(b))
                    for a, b in zip(sched[t0], sched[t1])]
    raise AssertionError("unreachable")


def graduate_to_single_ages(abridged):
    """Turn an abridged schedule (0, 1-4, 5-9, ..., 95-99, 100+) into m(0..100).

    Ages 5..99: log-linear interpolation between the group midpoints,
    then a per-group factor so the mean of each group's five single-age
    rates equals the group's published rate.
    """
    m0, m1_4 = abridged[0], abridged[1]
    five_year = abridged[2:-1]  # groups 5-9 .. 95-99
    m_open = abridged[-1]
    starts = list(range(5, 100, 5))
    assert len(five_year) == len(starts)
    mid_x = [s + 2.5 for s in starts]
    log_m = [math.log(m) for m in five_year]

    single = [m0] + [m1_4] * 4
    for start, m_group in zip(starts, five_year):
        raw = [math.exp(interp(x + 0.5, mid_x, log_m)) for x in range(start, start + 5)]
        factor = m_group / (sum(raw) / 5.0)
        single.extend(v * factor for v in raw)
    single.append(m_open)
    assert len(single) == MAX_AGE + 1
    return single


def mortality_tables(src):
    """Return {(year, sex): [m(0..100)]} for all projection years."""
    abridged = read_abridged_mx(src)
    out = {}
    for year in YEARS:
        for sex in SEXES:
            mids, sched = abridged[sex]
            out[(year, sex)] = graduate_to_single_ages(abridged_for_year(mids, sched, year))
    return out, abridged


# --------------------------------------------------------------------------
# Life tables (checks only)
# --------------------------------------------------------------------------
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


def life_expectancy(widths, ax, mx):
    """e0 from age-interval widths, separation factors and m (last group open).

    q = n m / (1 + (n - a) m); L = n l_{x+n} + a d; open group L = l / m.
    """
    l, total = 1.0, 0.0
    for n, a, m in zip(widths[:-1], ax[:-1], mx[:-1]):
        q = n * m / (1.0 + (n - a) * m)
        d = l * q
        total += n * (l - d) + a * d
        l -= d
    total += l / mx[-1]
    return total


def e0_single(sex, m):
    """e0 from the single-age table (a = 0.5 except Coale-Demeny a0)."""
    ax = [coale_demeny_a0(sex, m[0])] + [0.5] * MAX_AGE
    return life_expectancy([1] * (MAX_AGE + 1), ax, m)


def e0_abridged(sex, m):
    """e0 from the abridged WPP table (Coale-Demeny a0 and 1a4, n/2 elsewhere)."""
    widths = [1, 4] + [5] * 19 + [None]
    ax = [coale_demeny_a0(sex, m[0]), coale_demeny_a1_4(sex, m[0])] + [2.5] * 19 + [None]
    return life_expectancy(widths, ax, m)


def implied_group_ratios(sex, abridged):
    """Diagnostic: for each 5-year group 5-9..95-99, (sum d / sum L) / m_group.

    The single-age table is built from the graduated schedule (a = 0.5,
    Coale-Demeny a0). Values below 1 mean the life table implies fewer
    deaths in the group than WPP's rate, because the arithmetic-mean
    constraint gives the (more numerous) younger ages of a group the
    same weight as the older ones.
    """
    m = graduate_to_single_ages(abridged)
    l, d, big_l = 1.0, [], []
    for x in range(MAX_AGE):
        a = coale_demeny_a0(sex, m[0]) if x == 0 else 0.5
        q = m[x] / (1.0 + (1.0 - a) * m[x])
        d.append(l * q)
        big_l.append(l - d[-1] + a * d[-1])
        l -= d[-1]
    return {start: (sum(d[start:start + 5]) / sum(big_l[start:start + 5])) / m_group
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

    mx, abridged = mortality_tables(src)
    mort_rows = [(str(y), s, str(a), fmt_rate(mx[(y, s)][a]))
                 for y in YEARS for s in SEXES for a in range(MAX_AGE + 1)]
    counts["mortality.csv"] = write_csv(
        os.path.join(dst, "mortality.csv"), ("year", "sex", "age", "mx"), mort_rows)

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

    print("\nLife expectancy at birth e0 (years)")
    print("year sex    single-age  abridged(period)       WPP published")
    for year, published in WPP_E0.items():
        for i, sex in enumerate(SEXES):
            mids, sched = abridged[sex]
            # 5-year period containing the year (2100 -> last period 2095-2100)
            period_mid = min(max(year - year % 5 + 2.5, mids[0]), mids[-1])
            start = int(period_mid - 2.5)
            e_single = e0_single(sex, mx[(year, sex)])
            e_abr = e0_abridged(sex, sched[period_mid])
            print(f"{year} {sex:<6} {e_single:10.2f}  {e_abr:7.2f} ({start}-{start + 5})"
                  f"  {published[i]:10.1f}")

    print("\nGraduation check, period 2020-2025: group death rate implied by the")
    print("single-age life table (sum d / sum L) relative to the WPP group mx")
    for sex in SEXES:
        mids, sched = abridged[sex]
        ratios = implied_group_ratios(sex, sched[2022.5])
        shown = "  ".join(f"{a}-{a + 4}: {ratios[a] - 1:+.2%}" for a in (20, 50, 70, 80, 90, 95))
        print(f"  {sex:<6} {shown}")

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
