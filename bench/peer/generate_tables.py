#!/usr/bin/env python3
"""Writes the data tables of the peer workload (bench/peer/peer.toml) beside this script.

The workload (issue 13): mortality q(x) = min(1, 0.0005 exp(0.085 x)), q = 1 from age 90;
0.08 births per woman per year at ages 15-49; a 5-state labour chain, 0.8 on the diagonal and
0.05 elsewhere, at ages 15-64; no migration; 1 million persons aged uniformly 0-89, sexes and
states at random; 50 years (2000 to 2050). bench/README.md ("Peer workload") explains how each
table expresses it. Standard library only; the output is deterministic, and the tables are
committed: run this again only to change the workload.
"""
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_YEAR, LAST_YEAR = 2000, 2050  # the base year and projection.end_year
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)
SEXES = ("male", "female")
AGES = range(0, 101)
PERSONS = 1_000_000
OLDEST_START_AGE = 89
BANDS = ("15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59",
         "60-64", "65+")
CHAIN_BANDS = BANDS[:-1]  # the chain runs at ages 15-64
STATUSES = ("inactive", "unemployed", "public_employee", "formal_private_employee",
            "informal_employee", "domestic_worker", "own_account", "contributing_family")
# The peer's five states, as five of ssproj's eight statuses; the other three are never entered.
CHAIN = ("inactive", "unemployed", "formal_private_employee", "informal_employee",
         "own_account")


def q_peer(age):
    """The peer's probability of dying in a year at (reached) age `age`."""
    return 1.0 if age >= 90 else min(1.0, 0.0005 * math.exp(0.085 * age))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="\n") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


def number(x):
    return repr(float(x)) if x != int(x) else str(int(x))


def main():
    per_cell = PERSONS / (len(SEXES) * (OLDEST_START_AGE + 1))
    write("base_population.csv", "year,sex,age,persons",
          ((FIRST_YEAR, s, x, repr(per_cell) if x <= OLDEST_START_AGE else 0)
           for s in SEXES for x in AGES))
    # ssproj's q(x) is by the age reached in the step; q(0) is a newborn's, and the peer's
    # newborns are not exposed to mortality in the year of their birth.
    write("mortality_qx.csv", "year,sex,age,qx",
          ((y, s, x, 0 if x == 0 else repr(q_peer(x)) if q_peer(x) < 1 else 1)
           for y in YEARS for s in SEXES for x in AGES))
    write("fertility.csv", "year,age,asfr",
          ((y, x, 0.08) for y in YEARS for x in range(15, 50)))
    write("sex_ratio_at_birth.csv", "year,sex_ratio_at_birth", ((y, 1) for y in YEARS))
    write("net_migration.csv", "year,sex,age,net_migrants",
          ((y, s, x, 0) for y in YEARS for s in SEXES for x in AGES))
    # One region; everybody urban.
    write("regions.csv", "region,area,population_share", (("peer", "urban", 1), ("peer", "rural", 0)))
    write("labour_status_shares.csv", "sex,age_band,area,status,share",
          ((s, b, a, st, 0.2 if st in CHAIN else 0)
           for s in SEXES for b in BANDS for a in ("urban", "rural") for st in STATUSES))

    def probability(band, origin, to):
        if band not in CHAIN_BANDS or origin not in CHAIN:
            return 1 if to == origin else 0  # no moves at 65+, nor from the unused statuses
        if to not in CHAIN:
            return 0
        return 0.8 if to == origin else 0.05

    write("labour_transitions.csv", "sex,age_band,area,from,to,probability",
          ((s, b, a, f, t, probability(b, f, t))
           for s in SEXES for b in BANDS for a in ("urban", "rural")
           for f in STATUSES for t in STATUSES))
    # Not used by stages = "labour", but the workforce tables come as a set of five.
    write("earnings.csv", "status,sex,mean_monthly_earnings",
          ((st, s, 1000000) for st in STATUSES[2:] for s in SEXES))
    write("age_earnings_profile.csv", "age_band,factor", ((b, 1) for b in BANDS))


if __name__ == "__main__":
    main()
