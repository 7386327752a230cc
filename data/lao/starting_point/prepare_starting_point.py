#!/usr/bin/env python3
"""Reconstruct the NSSF starting point on 1 July 2023: pensioners in payment,
credited service of active members, and the fund's reserve.

Usage:
    python3 data/lao/starting_point/prepare_starting_point.py [SHARED_DIR]

SHARED_DIR holds the WPP 2024 extracts (default /work/shared/data/lao). The
script reads data/lao/{base_population,earnings,age_earnings_profile,
invalidity,survivors}.csv from this repository, writes into its own folder

    pensioners_{low,central,high}.csv   scheme,benefit,sex,age,quantity,value (quantity:
                                        persons | average_monthly_kip; every combination)
    service_{low,central,high}.csv      scheme,sex,age,credited_years
    reserve_{low,central,high}.csv      year-by-year roll-forward of the reserve

and prints the checks quoted in SOURCES.md. Standard library only; the
output is deterministic (no random numbers).

The LSSO member and pensioner files are not public. This is a documented
reconstruction: each scheme's membership is rebuilt as cohorts by sex, single
age and completed years of membership since the scheme began, from assumed
stock paths anchored on the few published counts, and moved one year at a
time (1 July to 1 July) with WPP 2024 mortality, exits, retirement,
invalidity and deaths. Awards are survived to 1 July 2023. Method, equations
and every source: SOURCES.md in this folder. Values marked ASSUMPTION below
are judgement, not data.
"""

import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)                      # data/lao
sys.path.insert(0, DATA)
import prepare_wpp2024 as wpp  # noqa: E402  (same mortality graduation as mortality.csv)

SEXES = ("male", "female")
BASE_YEAR = 2023          # stocks are on 1 July BASE_YEAR
MAX_AGE = 100

# =============================================================================
# PARAMETERS (sources: SOURCES.md; "R" = shared/reference/lao-social-security-
# and-methods.md). Amounts in kip per month.
# =============================================================================

# --- Published anchors -------------------------------------------------------
# NSSF members (ILO GIMI, R 2.5): 353,962 insured, 26,793 self-employed
# (voluntary). Public / private split of the 327,169 compulsory members is the
# project's calibration (docs/calibration.md, 0.95 x 190,000 public); the
# brief quotes 180,539 public of 327,127 compulsory: used here.
PUBLIC_MEMBERS_2023 = 180539
PRIVATE_MEMBERS_2023 = 327127 - 180539
VOLUNTARY_MEMBERS_2023 = 26793
VOLUNTARY_ACTIVE_SHARE = 0.75      # baseline.toml initial_voluntary_active_share
# ILO World Social Protection Report 2014-15: 5.6% of persons above the
# pensionable age receive an old-age pension (R 8, to confirm).
ILO_OLD_AGE_COVERAGE = 0.056
PENSIONABLE_AGE = {"male": 60, "female": 55}          # baseline.toml; R 2.4
# Minimum wage (kip/month) in force on 1 July of each year (R 2.3; SSA SSPTW
# 2006 for 290,000): used for the floor of pensions and voluntary earnings.
MINIMUM_WAGE = [(2001, 290000), (2009, 348000), (2012, 626000), (2015, 900000),
                (2018, 1100000), (2022, 1200000), (2023, 1300000)]
# Insurable ceiling of the private scheme (SSA SSPTW 2004: 1.0 M; 2006: 1.5 M;
# DFDL: 2.0 M until 31 Dec 2016, 4.5 M from 1 Jan 2017). 2013 step: ASSUMPTION.
CEILING = [(2001, 1000000), (2006, 1500000), (2013, 2000000), (2017, 4500000)]
UNDERDECLARATION = 0.10            # baseline.toml coverage.underdeclaration

# --- Prices and wages --------------------------------------------------------
# CPI, World Bank WDI (2010 = 100), annual average, 2000-2021 (copy of the WDI
# series on solieukinhte.com); 2022 +22.96% (LSB annual average, secondary);
# 2023 +31.2% (World Bank, R 3.4).
CPI = {2000: 48.14, 2001: 51.91, 2002: 57.42, 2003: 66.32, 2004: 73.26, 2005: 78.51,
       2006: 83.64, 2007: 87.54, 2008: 94.22, 2009: 94.36, 2010: 100.0, 2011: 107.57,
       2012: 112.15, 2013: 119.29, 2014: 124.22, 2015: 125.80, 2016: 127.81,
       2017: 128.87, 2018: 131.50, 2019: 135.87, 2020: 142.80, 2021: 148.16}
CPI[2022] = CPI[2021] * 1.2296
CPI[2023] = CPI[2022] * 1.312
# Nominal wage growth (ASSUMPTION): CPI x 1.03 a year to 2014 (real growth of
# the high-growth years; civil-service point value 4,800 -> 6,700 kip in
# 2013-14), CPI only 2015-2021 (point value 7,350 in 2024: near-frozen pay),
# +10% in 2022 and +18% in 2023 (minimum wage 1.1 -> 1.2 -> 1.3 -> 1.6 M,
# +150,000 kip living allowance in 2023): real falls of about 10% a year.
def nominal_wage_growth(year):
    if year <= 2014:
        return CPI[year] / CPI[year - 1] * 1.03 - 1
    if year <= 2021:
        return CPI[year] / CPI[year - 1] - 1
    return {2022: 0.10, 2023: 0.18}[year]


# --- Kip 12-month deposit rate earned by the fund (reserve roll-forward) ------
# 2005 10.46%, 2010 9.81%, 2011 8.80% (BoL via Vientiane Times, 2012);
# 2012 8.76%, 2013 8.72%, 2014 9.1% (Apr) and 10% (Dec); Nov 2015 7.7%;
# 2016 6.13% (BoL) and BCEL 12-month 5.72% (Sep 2016); BoL deposit rate
# 3% -> 7.5% (2023). 2001-2004, 2006-2009, 2017-2022: ASSUMPTION.
DEPOSIT_RATE = {2001: 0.12, 2002: 0.12, 2003: 0.12, 2004: 0.11, 2005: 0.1046,
                2006: 0.103, 2007: 0.101, 2008: 0.10, 2009: 0.099, 2010: 0.0981,
                2011: 0.088, 2012: 0.0876, 2013: 0.0872, 2014: 0.095, 2015: 0.08,
                2016: 0.06, 2017: 0.057, 2018: 0.057, 2019: 0.057, 2020: 0.055,
                2021: 0.055, 2022: 0.06, 2023: 0.075}


# --- Scheme rules ------------------------------------------------------------
ACCRUAL = 0.015           # 1.5% of reference earnings a year (1999 decree; baseline)
SPOUSE_SHARE = 0.30       # of the deceased's last insurable earnings (R 2.4, Atlas)
SPOUSE_AGE_GAP = 3        # ASSUMPTION: wife 3 years younger than husband
SURVIVOR_MIN_YEARS = 5    # deceased with 5 years of contributions (R 2.4)
INVALIDITY_MIN_YEARS = 5  # baseline.toml benefits.invalidity.minimum_months / 12
INVALIDITY_FUTURE_CREDIT = 0.5   # baseline.toml, half the years to pensionable age
INVALID_MORTALITY = 2.5   # ASSUMPTION: invalidity pensioners' mortality / population


def private_min_years(award_year):
    """Decree 207/PM (1999): 5 years of coverage; Law 34/NA (2013), applied
    from awards of mid-2015 on (ASSUMPTION on the transition): 180 months."""
    return 5 if award_year <= 2015 else 15


def civil_min_years(award_year):
    """Public employees: 25 years, 2 years' shortfall allowed with 1% less a
    year (Laotian Times 23 Jun 2025, describing the rule before June 2025)."""
    return 23


# --- Variants ------------------------------------------------------------------
# Three sets of the uncertain parameters. `cs_scale` (size of the public
# service before 2000, relative to the anchors below) is calibrated in the
# central variant so that old-age pensioners / persons above the pensionable
# age = 5.6% (ILO WSPR 2014-15); low and high keep the bracketing values.
VARIANTS = {
    "low": dict(cs_scale=0.80, mort_mult=1.00, cs_retire_first=0.80, cs_accrual=0.015,
                erosion=0.015, floor=False, density_comp=0.85, density_cs=0.95,
                # reserve
                collection=0.80, health=0.36, short_term=0.15, admin=0.07, covid=0.20,
                public_branch="shared"),
    "central": dict(cs_scale=None, mort_mult=0.90, cs_retire_first=0.65, cs_accrual=0.015,
                    erosion=0.005, floor=True, density_comp=0.90, density_cs=1.00,
                    collection=0.90, health=0.33, short_term=0.12, admin=0.05, covid=0.10,
                    public_branch="floor"),
    "high": dict(cs_scale=1.25, mort_mult=0.80, cs_retire_first=0.50, cs_accrual=0.020,
                 erosion=0.0, floor=True, density_comp=0.95, density_cs=1.00,
                 collection=1.00, health=0.30, short_term=0.10, admin=0.04, covid=0.05,
                 public_branch="new_only"),
}
CS_RATE_CAP = 0.75        # ceiling of the replacement rate (ASSUMPTION, high accrual)

# --- Membership paths (members on 1 July; log-linear between anchors) ----------
# Public employees. 2013: 2.36 public servants per 100 people (Vientiane
# Times via jclao.com, 2014) x about 6.6 M people = 155,000; recruitment
# 15,340 (2011-12) and 12,550 (2012-13) against 1,627 and 1,866 leavers
# (same article); 1,300 (2022) and 800 (2023) new civil servants (Laotian
# Times, 9 Jan 2023). Anchors before 2005 are ASSUMPTIONS multiplied by
# cs_scale; the 1976 stock is the post-1975 administration.
CS_ANCHORS_EARLY = [(1976, 60000), (1986, 72000), (1995, 82000), (2000, 90000)]
CS_ANCHORS_LATE = [(2005, 103000), (2010, 125000), (2013, 155000), (2016, 178000),
                   (2019, 184000), (2023, PUBLIC_MEMBERS_2023)]
# Private compulsory members since 1 July 2001 (ASSUMPTION: no published series
# found; anchored on 2023).
PRIV_ANCHORS = [(2001, 15000), (2005, 45000), (2010, 80000), (2015, 110000),
                (2020, 135000), (2023, PRIVATE_MEMBERS_2023)]
# Active voluntary members since mid-2015 (Guideline 2751/MLSW; ASSUMPTION
# path anchored on 0.75 x 26,793).
VOL_ANCHORS = [(2015, 1000), (2018, 6000), (2020, 11000),
               (2023, round(VOLUNTARY_ACTIVE_SHARE * VOLUNTARY_MEMBERS_2023))]

# Age of entrants (weights by single age; ASSUMPTION).
def _weights(ages, mode, spread):
    w = {a: math.exp(-0.5 * ((a - mode) / spread) ** 2) for a in ages}
    s = sum(w.values())
    return {a: v / s for a, v in w.items()}

CS_ENTRY_AGES = _weights(range(18, 41), 23, 4.0)
CS_INITIAL_AGES = _weights(range(18, 56), 30, 9.0)      # the 1976 administration
PRIV_ENTRY_AGES = _weights(range(18, 51), 25, 6.0)
PRIV_INITIAL_AGES = _weights(range(18, 60), 33, 10.0)   # members of 2001
VOL_ENTRY_AGES = _weights(range(20, 55), 38, 10.0)   # 15 years needed before 60-65

# Female share of entrants (ASSUMPTION): public 25% in 1976, 33% in 2000 and
# 40% from 2010 (gives 36.7% women among public employees in 2023, against the
# calibration's 37.9%); private 40%; voluntary 45%.
def cs_female_share(year):
    return interp_anchors([(1976, 0.25), (2000, 0.33), (2010, 0.40)], year, log=False)

# Exits other than death, invalidity and retirement (ASSUMPTION).
def exit_rate(scheme, age):
    if scheme == "civil_servant":    # few leavers (1,627-1,866 a year incl. retirements, 2011-13)
        return 0.007 if age < 35 else 0.003
    if scheme == "private":          # job changes out of covered firms
        return 0.08 if age < 35 else 0.05
    return 0.10                      # voluntary: lapse (calibration.md 6.2)


# =============================================================================
# Helpers
# =============================================================================
def interp_anchors(anchors, year, log=True):
    """Interpolate (year, value) anchors; log-linear by default, flat outside."""
    if year <= anchors[0][0]:
        return anchors[0][1]
    if year >= anchors[-1][0]:
        return anchors[-1][1]
    for (y0, v0), (y1, v1) in zip(anchors, anchors[1:]):
        if y0 <= year <= y1:
            w = (year - y0) / (y1 - y0)
            if log:
                return math.exp((1 - w) * math.log(v0) + w * math.log(v1))
            return v0 + w * (v1 - v0)
    raise AssertionError("unreachable")


def step_value(table, year):
    """Value of a step schedule [(from_year, value), ...] in force in `year`."""
    value = table[0][1]
    for y, v in table:
        if year >= y:
            value = v
    return value


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def band_of(age):
    if age >= 65:
        return "65+"
    lo = max(15, age - age % 5)
    return f"{lo}-{lo + 4}"


class Inputs:
    """Tables read from the repository and the WPP mortality extracts."""

    def __init__(self, shared):
        self.pop = {}
        for r in read_rows(os.path.join(DATA, "base_population.csv")):
            self.pop[(r["sex"], int(r["age"]))] = float(r["persons"])
        self.earn = {(r["status"], r["sex"]): float(r["mean_monthly_earnings"])
                     for r in read_rows(os.path.join(DATA, "earnings.csv"))}
        self.profile = {r["age_band"]: float(r["factor"])
                        for r in read_rows(os.path.join(DATA, "age_earnings_profile.csv"))}
        self.invalidity = {(r["sex"], r["age_band"]): float(r["incidence"])
                           for r in read_rows(os.path.join(DATA, "invalidity.csv"))}
        self.spouse_prob = {(r["sex"], r["age_band"]): float(r["value"])
                            for r in read_rows(os.path.join(DATA, "survivors.csv"))
                            if r["quantity"] == "spouse_probability"}
        abridged = wpp.read_abridged_mx(shared)
        self.mx = {}
        for year in range(1976, BASE_YEAR + 1):
            for sex in SEXES:
                mids, sched = abridged[sex]
                self.mx[(year, sex)] = wpp.graduate_to_single_ages(
                    sex, wpp.abridged_for_year(mids, sched, year))
        # Nominal wage index, 2023 = 1.
        self.nwi = {BASE_YEAR: 1.0}
        for year in range(BASE_YEAR, 2000, -1):
            self.nwi[year - 1] = self.nwi[year] / (1 + nominal_wage_growth(year))

    def q(self, year, sex, age, mult):
        m = self.mx[(year, sex)][min(age, MAX_AGE)] * mult
        return 1.0 - math.exp(-m)


# Reference-earnings factor by age: the age profile divided by its mean within
# the status (calibration.md 3.4: 1.043 public, 0.982 formal private).
STATUS_OF = {"civil_servant": "public_employee", "private": "formal_private_employee",
             "voluntary": "own_account"}
STATUS_PROFILE_MEAN = {"civil_servant": 1.043, "private": 0.982, "voluntary": 1.0}


def ref_factor(inp, scheme, age):
    if scheme == "voluntary":
        return 1.0
    return inp.profile[band_of(age)] / STATUS_PROFILE_MEAN[scheme]


def wage_2023(inp, scheme, sex):
    """Mean monthly earnings of members in 2023 kip. Voluntary members declare
    the minimum wage (baseline.toml voluntary_declared_multiple = 1)."""
    if scheme == "voluntary":
        return float(step_value(MINIMUM_WAGE, BASE_YEAR))
    return inp.earn[(STATUS_OF[scheme], sex)]


def insurable_fraction(inp, scheme, sex, age, year):
    """Insurable earnings / mean wage of the scheme and sex (ceiling and
    under-declaration of the private scheme; none for public employees)."""
    if scheme != "private":
        return ref_factor(inp, scheme, age)
    wage = wage_2023(inp, scheme, sex) * ref_factor(inp, scheme, age) * inp.nwi[year]
    capped = min(wage, step_value(CEILING, year)) * (1 - UNDERDECLARATION)
    return capped / (wage_2023(inp, scheme, sex) * inp.nwi[year])


# =============================================================================
# Cohort engine
# =============================================================================
class Scheme:
    """Members of one scheme by (sex, age, completed membership years) and its
    pensioners by (benefit, sex, birth year, award year), moved yearly."""

    def __init__(self, name, inp, var):
        self.name, self.inp, self.var = name, inp, var
        self.active = {}     # (sex, age, k) -> persons
        self.deferred = {}   # (sex, age, k) -> persons (left with rights)
        # (benefit, sex, birth, award) -> [n, n_floor, sum_rel of the others, sum_ref,
        #                                   sum_rel of those at the floor]; rel in wage units
        self.pens = {}
        self.history = {}    # year -> dict of flows (for the reserve)
        if name == "civil_servant":
            self.density = var["density_cs"]
            self.accrual = var["cs_accrual"]
        else:
            self.density = var["density_comp"] if name == "private" else 0.70
            self.accrual = ACCRUAL

    # ---- rules ---------------------------------------------------------
    def min_years(self, year):
        return civil_min_years(year) if self.name == "civil_servant" else private_min_years(year)

    def credited(self, k):
        return self.density * k

    def past_credit(self, age, k, year):
        """Decree 207/PM credited pre-2001 careers with 0.8-1 pension point a
        year (pensiondevelopment.org): founding private members (in since
        2001) get 0.9 x (age in 2001 - 25) extra years for the amount."""
        if self.name != "private" or k != year - 2001:
            return 0.0
        return 0.9 * max(0, age - k - 25)

    def rate(self, credited_years):
        r = self.accrual * credited_years
        if self.name == "civil_servant" and credited_years < 25:
            r *= 1 - 0.01 * (25 - credited_years)      # 1% less a missing year
        return min(r, CS_RATE_CAP)

    def floor_rel(self, sex, year):
        if not self.var["floor"] or year < 2001:
            return 0.0     # no minimum-wage series before 2001
        return step_value(MINIMUM_WAGE, year) / (wage_2023(self.inp, self.name, sex) * self.inp.nwi[year])

    def retire_prob(self, sex, age):
        pa = PENSIONABLE_AGE[sex]
        if age < pa:
            return 0.0
        if age >= pa + 5:
            return 1.0
        if self.name != "civil_servant":
            return 1.0          # private and voluntary members claim at pensionable age
        return self.var["cs_retire_first"] if age == pa else 0.5

    # ---- bookkeeping -----------------------------------------------------
    def award(self, benefit, sex, age_next, year, persons, rel, ref):
        """Add `persons` pensioners aged `age_next` on 1 July `year` + 1, awarded
        during the year from 1 July `year` (award year recorded as year + 1)."""
        if persons <= 0:
            return
        floor = self.floor_rel(sex, year) if benefit != "survivor" else 0.0
        key = (benefit, sex, year + 1 - age_next, year + 1)
        rec = self.new_awards.setdefault(key, [0.0] * 5)
        if rel < floor:
            rec[1] += persons
            rec[4] += persons * floor
        else:
            rec[2] += persons * rel
        rec[0] += persons
        rec[3] += persons * ref

    def spouse_award(self, dec_sex, dec_age, year, deaths, ref):
        sp_sex = "female" if dec_sex == "male" else "male"
        sp_age = dec_age - SPOUSE_AGE_GAP if dec_sex == "male" else dec_age + SPOUSE_AGE_GAP
        sp_age += 1      # age on 1 July year + 1
        if sp_age < PENSIONABLE_AGE[sp_sex] or sp_age > MAX_AGE:
            return   # spouse must be 55+ (widow) / 60+ (widower): R 2.4 (Atlas)
        p = self.inp.spouse_prob[(dec_sex, band_of(max(dec_age, 15)))]
        # spouse's pension in the spouse's own wage units
        conv = wage_2023(self.inp, self.name, dec_sex) / wage_2023(self.inp, self.name, sp_sex)
        rel = SPOUSE_SHARE * ref * conv
        self.award("survivor", sp_sex, sp_age, year, deaths * p, rel, ref * conv)

    # ---- one year: 1 July year -> 1 July year + 1 --------------------------
    def step(self, year, target_members, female_share, entry_ages):
        var, inp = self.var, self.inp
        mult = var["mort_mult"]
        self.new_awards = {}
        flows = dict(members=sum(self.active.values()), pension_rel=0.0, pension_rel_new=0.0, lump_rel=0.0,
                     contrib_base=0.0, new_old_age=0.0, leavers=0.0, retire=0.0)
        # contributions base (in 2023 wage units x persons), mid-year stock
        for (sex, age, k), n in self.active.items():
            flows["contrib_base"] += n * self.density * insurable_fraction(inp, self.name, sex, age, year) \
                * wage_2023(inp, self.name, sex)
        new_active, new_def = {}, {}
        # ---- actives
        for (sex, age, k), n in self.active.items():
            q = inp.q(year, sex, age, mult)
            dead = n * q
            alive = n - dead
            ref = insurable_fraction(inp, self.name, sex, age, year)
            if k >= SURVIVOR_MIN_YEARS:
                self.spouse_award(sex, age, year, dead, ref)
            # invalidity
            inc = inp.invalidity.get((sex, band_of(age)), 0.0) if age < PENSIONABLE_AGE[sex] + 5 else 0.0
            inval = alive * inc
            if inval > 0 and k >= INVALIDITY_MIN_YEARS:
                yrs = self.credited(k) + INVALIDITY_FUTURE_CREDIT * max(0, PENSIONABLE_AGE[sex] - age)
                rate = min(self.accrual * yrs, CS_RATE_CAP)
                self.award("invalidity", sex, age + 1, year, inval, rate * ref, ref)
            alive -= inval
            # retirement
            rp = self.retire_prob(sex, age + 1)
            eligible = self.credited(k + 1) >= self.min_years(year + 1) - 1e-9
            if rp > 0 and eligible:
                ret = alive * rp
                yrs = self.credited(k + 1) + self.past_credit(age + 1, k + 1, year + 1)
                self.award("old_age", sex, age + 1, year, ret, self.rate(yrs) * ref, ref)
                flows["new_old_age"] += ret
                flows["retire"] += ret
                alive -= ret
            elif age + 1 >= PENSIONABLE_AGE[sex] + 5:
                # not eligible: lump sum (1 month a year; 1.275 for public employees)
                months = 1.275 if self.name == "civil_servant" else 1.0
                flows["lump_rel"] += alive * months * self.credited(k + 1) * ref \
                    * wage_2023(inp, self.name, sex) / 12.0
                flows["leavers"] += alive
                alive = 0.0
            # other exits
            w = exit_rate(self.name, age) * alive
            alive -= w
            flows["leavers"] += w
            if self.name != "civil_servant" and w > 0:
                key = (sex, age + 1, k + 1)
                new_def[key] = new_def.get(key, 0.0) + w
            if alive > 0 and age + 1 <= 75:
                key = (sex, age + 1, k + 1)
                new_active[key] = new_active.get(key, 0.0) + alive
        # ---- deferred members (private, voluntary): claim at pensionable age
        for (sex, age, k), n in self.deferred.items():
            q = inp.q(year, sex, age, mult)
            dead = n * q
            alive = n - dead
            ref = insurable_fraction(inp, self.name, sex, min(age, 59), year)
            if k >= SURVIVOR_MIN_YEARS:
                self.spouse_award(sex, age, year, dead, ref)
            if age + 1 >= PENSIONABLE_AGE[sex]:
                if self.credited(k) >= self.min_years(year + 1) - 1e-9:
                    self.award("old_age", sex, age + 1, year, alive, self.rate(self.credited(k)) * ref, ref)
                    flows["new_old_age"] += alive
                else:
                    flows["lump_rel"] += alive * self.credited(k) * ref * wage_2023(inp, self.name, sex) / 12.0
                continue
            key = (sex, age + 1, k)
            new_def[key] = new_def.get(key, 0.0) + alive
        # ---- pensioners
        erosion = 1 - var["erosion"]
        new_pens = {}
        for (benefit, sex, birth, award), rec in self.pens.items():
            n, nf, srel, sref, sfl = rec
            age = year - birth
            flows["pension_rel"] += (srel + sfl) * wage_2023(inp, self.name, sex)
            if award >= FUND_PUBLIC_START:
                flows["pension_rel_new"] += (srel + sfl) * wage_2023(inp, self.name, sex)
            m = mult * (INVALID_MORTALITY if benefit == "invalidity" else 1.0)
            q = inp.q(year, sex, age, m)
            if benefit != "survivor" and n > 0:
                self.spouse_award(sex, age, year, n * q, sref / n)
            s = 1 - q
            if age + 1 > MAX_AGE + 5:
                continue
            new_pens[(benefit, sex, birth, award)] = [n * s, nf * s, srel * s * erosion,
                                                      sref * s * erosion, sfl * s * erosion]
        # awards of the year join the stock (no survival applied to them this year)
        for key, rec in self.new_awards.items():
            old = new_pens.setdefault(key, [0.0] * 5)
            for j in range(5):
                old[j] += rec[j]
        self.pens = new_pens
        # ---- entrants
        survivors_total = sum(new_active.values())
        hires = max(0.0, target_members - survivors_total)
        for sex, share in (("male", 1 - female_share), ("female", female_share)):
            for age, w in entry_ages.items():
                key = (sex, age, 0)
                new_active[key] = new_active.get(key, 0.0) + hires * share * w
        flows["hires"] = hires
        self.active, self.deferred = new_active, new_def
        self.history[year] = flows

    def initial(self, members, female_share, ages, service_from=None):
        for sex, share in (("male", 1 - female_share), ("female", female_share)):
            for age, w in ages.items():
                k = max(0, age - service_from) if service_from is not None else 0
                self.active[(sex, age, k)] = members * share * w


def run_scheme(name, inp, var, cs_scale=1.0):
    s = Scheme(name, inp, var)
    if name == "civil_servant":
        anchors = [(y, v * cs_scale) for y, v in CS_ANCHORS_EARLY] + CS_ANCHORS_LATE
        start = 1976
        s.initial(anchors[0][1], cs_female_share(start), CS_INITIAL_AGES, service_from=18)
        for year in range(start, BASE_YEAR):
            s.step(year, interp_anchors(anchors, year + 1), cs_female_share(year + 1), CS_ENTRY_AGES)
    elif name == "private":
        s.initial(PRIV_ANCHORS[0][1], 0.40, PRIV_INITIAL_AGES)
        for year in range(2001, BASE_YEAR):
            s.step(year, interp_anchors(PRIV_ANCHORS, year + 1), 0.40, PRIV_ENTRY_AGES)
    else:
        s.initial(VOL_ANCHORS[0][1], 0.45, VOL_ENTRY_AGES)
        for year in range(2015, BASE_YEAR):
            s.step(year, interp_anchors(VOL_ANCHORS, year + 1), 0.45, VOL_ENTRY_AGES)
    return s


# =============================================================================
# Outputs
# =============================================================================
def pensioner_table(s):
    """{(benefit, sex, age): [persons, sum of monthly kip]} on 1 July 2023."""
    out = {}
    for (benefit, sex, birth, award), (n, nf, srel, sref, sfl) in s.pens.items():
        age = min(BASE_YEAR - birth, MAX_AGE)
        if n < 1e-9:
            continue
        w = wage_2023(s.inp, s.name, sex)
        amount = (srel + sfl) * w
        if s.var["floor"] and benefit != "survivor":
            floor = step_value(MINIMUM_WAGE, BASE_YEAR)
            # those awarded at the floor stay at it (the floor moves with the
            # minimum wage); the cohort average of the others is lifted to it
            amount = nf * floor + max(srel * w, (n - nf) * floor)
        rec = out.setdefault((benefit, sex, age), [0.0, 0.0])
        rec[0] += n
        rec[1] += amount
    return out


def service_table(s):
    out = {}
    for (sex, age, k), n in s.active.items():
        rec = out.setdefault((sex, age), [0.0, 0.0])
        rec[0] += n
        rec[1] += n * s.credited(k)
    return out


def pop_above_pensionable_age(inp):
    return sum(v for (sex, age), v in inp.pop.items() if age >= PENSIONABLE_AGE[sex])


def old_age_total(schemes):
    return sum(rec[0] for s in schemes.values() for (b, sex, birth, aw), rec in s.pens.items()
               if b == "old_age")


def run_variant(inp, name):
    var = dict(VARIANTS[name])
    denom = pop_above_pensionable_age(inp)
    fixed = {n: run_scheme(n, inp, var) for n in ("private", "voluntary")}
    if var["cs_scale"] is None:
        # calibrate the early size of the public service to the ILO ratio
        target = ILO_OLD_AGE_COVERAGE * denom
        lo, hi = 0.3, 3.0
        for _ in range(40):
            mid = 0.5 * (lo + hi)
            cs = run_scheme("civil_servant", inp, var, mid)
            total = old_age_total({"cs": cs, **fixed})
            if total < target:
                lo = mid
            else:
                hi = mid
            if hi - lo < 1e-4:
                break
        var["cs_scale"] = 0.5 * (lo + hi)
    cs = run_scheme("civil_servant", inp, var, var["cs_scale"])
    schemes = {"civil_servant": cs, **fixed}
    return var, schemes


def write_outputs(name, var, schemes, inp):
    rows = []
    for sname in ("civil_servant", "private", "voluntary"):
        table = pensioner_table(schemes[sname])
        for benefit in ("old_age", "invalidity", "survivor"):
            for sex in SEXES:
                for age in range(15, MAX_AGE + 1):
                    n, amt = table.get((benefit, sex, age), (0.0, 0.0))
                    if n < 0.005:
                        continue
                    rows.append((sname, benefit, sex, age, n, amt / n))
    # Long format, every combination of the keys once (the form ssproj's keyed tables
    # require): quantity "persons" (pensioners in payment) and "average_monthly_kip".
    cells = {(sname, benefit, sex, age): (n, avg) for sname, benefit, sex, age, n, avg in rows}
    with open(os.path.join(HERE, f"pensioners_{name}.csv"), "w", newline="\n") as f:
        f.write("scheme,benefit,sex,age,quantity,value\n")
        for sname in ("private", "voluntary", "civil_servant"):
            for benefit in ("old_age", "invalidity", "survivor"):
                for sex in SEXES:
                    for age in range(15, MAX_AGE + 1):
                        n, avg = cells.get((sname, benefit, sex, age), (0.0, 0.0))
                        f.write(f"{sname},{benefit},{sex},{age},persons,{n:.2f}\n")
                        f.write(f"{sname},{benefit},{sex},{age},average_monthly_kip,{avg:.0f}\n")
    with open(os.path.join(HERE, f"service_{name}.csv"), "w", newline="\n") as f:
        f.write("scheme,sex,age,credited_years\n")
        for sname in ("private", "voluntary", "civil_servant"):
            table = service_table(schemes[sname])
            density = schemes[sname].density
            for sex in SEXES:
                last = None      # (age, mean) of the oldest age with at least 1 member
                for age in range(15, MAX_AGE + 1):
                    n, sy = table.get((sex, age), (0.0, 0.0))
                    if n >= 1.0:
                        value = sy / n
                        last = (age, value)
                    elif last is not None:
                        # no modelled member this old (all retired by pensionable
                        # age + 5): extrapolate, one more year at the density a year
                        value = last[1] + density * (age - last[0])
                    else:
                        value = 0.0
                    f.write(f"{sname},{sex},{age},{value:.2f}\n")
    return rows


# =============================================================================
# Reserve roll-forward
# =============================================================================
PRIVATE_RATE = [(2001, 0.095), (2015, 0.115)]   # Decree 207/PM 9.5%; Law 34/NA 11.5%
PUBLIC_RATE = 0.165                              # 8% + 8.5% (Vientiane Times, 2014)
FUND_PUBLIC_START = 2015                         # ASSUMPTION: merger effective mid-2015


def reserve(name, var, schemes, inp):
    """Roll the fund forward from 1 July 2001 to 1 July 2023 in July-June years:

        F(t+1) = F(t) (1 + i_t) + [C_t - B_t - L_t - (h + s + a) 0.115 E_t - v_t C_t] (1 + i_t)^(1/2)

    C contributions collected, B pensions paid, L lump sums; health care (paid
    as care until 2019, passed to the NHI since), short-term benefits and
    administration cost (h + s + a) x 11.5% of the insurable earnings collected
    in every scheme (h, s, a: shares of the private 11.5%, baseline.toml
    fund.allocation); v_t COVID-19 payouts (2020-21, share of private and
    voluntary contributions). The bracket above is written for that case. Two branches: private and
    voluntary members (from 2001), public employees (from the merger,
    FUND_PUBLIC_START). `public_branch` says who carries the public deficits:
    'floor' = the State budget (branch kept >= 0), 'shared' = the common fund,
    'new_only' = the budget pays pre-merger pensions, the fund the new ones."""
    f_priv = f_pub = 0.0
    budget = 0.0
    out = []
    for year in range(2001, BASE_YEAR):
        i = DEPOSIT_RATE[year]
        nominal = inp.nwi[year] * 12.0          # 2023 monthly kip -> year's annual kip
        flows = {"private": [0.0, 0.0], "public": [0.0, 0.0]}
        for sname, s in schemes.items():
            h = s.history.get(year)
            if h is None or (sname == "civil_servant" and year < FUND_PUBLIC_START):
                continue
            branch = "public" if sname == "civil_servant" else "private"
            rate = PUBLIC_RATE if sname == "civil_servant" else \
                (step_value(PRIVATE_RATE, year) if sname == "private" else 0.09)
            c = h["contrib_base"] * rate * var["collection"] * nominal
            pens = h["pension_rel"] * nominal
            if sname == "civil_servant" and var["public_branch"] == "new_only":
                pens = h["pension_rel_new"] * nominal
            lump = h["lump_rel"] * inp.nwi[year]
            # health care, short-term benefits and administration cost the same
            # percentage of insurable earnings in every scheme: the shares are
            # shares of the 11.5% private rate (baseline.toml fund.allocation)
            base = h["contrib_base"] * var["collection"] * nominal
            other = base * PRIVATE_RATE[-1][1] * (var["health"] + var["short_term"] + var["admin"])
            if year in (2020, 2021) and sname != "civil_servant":
                other += c * var["covid"]
            flows[branch][0] += c
            flows[branch][1] += pens + lump + other
        g = (1 + i) ** 0.5
        f_priv = f_priv * (1 + i) + (flows["private"][0] - flows["private"][1]) * g
        f_pub = f_pub * (1 + i) + (flows["public"][0] - flows["public"][1]) * g
        if var["public_branch"] == "floor" and f_pub < 0:
            budget += -f_pub
            f_pub = 0.0
        total = f_priv + f_pub
        out.append((year, flows, i, f_priv, f_pub, total, budget))
    with open(os.path.join(HERE, f"reserve_{name}.csv"), "w", newline="\n") as fh:
        fh.write("year_from_1_july,contributions_private_bn_kip,outgo_private_bn_kip,"
                 "contributions_public_bn_kip,outgo_public_bn_kip,deposit_rate,"
                 "reserve_private_end_bn_kip,reserve_public_end_bn_kip,reserve_end_bn_kip\n")
        for year, fl, i, fp, fg, tot, _ in out:
            fh.write(f"{year},{fl['private'][0] / 1e9:.1f},{fl['private'][1] / 1e9:.1f},"
                     f"{fl['public'][0] / 1e9:.1f},{fl['public'][1] / 1e9:.1f},{i:.4f},"
                     f"{fp / 1e9:.1f},{fg / 1e9:.1f},{tot / 1e9:.1f}\n")
    return out


# =============================================================================
def main(argv):
    shared = argv[1] if len(argv) > 1 else "/work/shared/data/lao"
    inp = Inputs(shared)
    denom = pop_above_pensionable_age(inp)
    print(f"persons above pensionable age (men 60+, women 55+), 1 July 2023: {denom:,.0f}")
    for name in ("low", "central", "high"):
        var, schemes = run_variant(inp, name)
        rows = write_outputs(name, var, schemes, inp)
        res = reserve(name, var, schemes, inp)
        print(f"\n=== {name}: cs_scale = {var['cs_scale']:.4f}")
        tot_old = 0.0
        for sname in ("civil_servant", "private", "voluntary"):
            for benefit in ("old_age", "invalidity", "survivor"):
                sel = [r for r in rows if r[0] == sname and r[1] == benefit]
                n = sum(r[4] for r in sel)
                amt = sum(r[4] * r[5] for r in sel)
                if benefit == "old_age":
                    tot_old += n
                print(f"  {sname:13s} {benefit:10s} {n:10,.0f}  avg {amt / n if n else 0:12,.0f} kip"
                      f"  (men {sum(r[4] for r in sel if r[2] == 'male'):,.0f})")
        print(f"  old-age pensioners / persons above pensionable age: {tot_old / denom:.2%}")
        cs = schemes["civil_servant"]
        act = service_table(cs)
        fem = sum(v[0] for (sex, a), v in act.items() if sex == "female")
        tot = sum(v[0] for v in act.values())
        print(f"  public members 2023: {tot:,.0f}, female share {fem / tot:.1%}")
        for y in (2011, 2012, 2020, 2021, 2022):
            h = cs.history[y]
            print(f"  public {y}-{y + 1}: hires {h['hires']:,.0f}, retirements {h['retire']:,.0f},"
                  f" other leavers {h['leavers']:,.0f}")
        y, fl, i, fp, fg, tot, budget = res[-1]
        outgo = fl["private"][1] + fl["public"][1]
        print(f"  reserve on 1 July 2023: {tot / 1e9:,.0f} bn kip (private branch {fp / 1e9:,.0f},"
              f" public {fg / 1e9:,.0f}); deficits left to the budget {budget / 1e9:,.0f}")
        print(f"  2022-23: contributions private {fl['private'][0] / 1e9:,.0f} / public "
              f"{fl['public'][0] / 1e9:,.0f}, outgo private {fl['private'][1] / 1e9:,.0f} / public "
              f"{fl['public'][1] / 1e9:,.0f} bn kip; reserve / outgo {tot / outgo:.2f} years")


if __name__ == "__main__":
    main(sys.argv)
