#!/usr/bin/env python3
"""Writes the benefit assumption tables of the Lao baseline: invalidity.csv and survivors.csv.

No Lao data exist for these (shared/reference/lao-social-security-and-methods.md, section 7:
"invalidity ... rates" and the scheme's benefit experience are gaps to close). The values
below are ASSUMPTIONS of the usual size in ILO valuations of young schemes, to be replaced by
LSSO's experience. Run: python3 data/lao/prepare_benefits.py data/lao
"""
import sys

BANDS = ["15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59",
         "60-64", "65+"]

# Annual invalidity incidence among active members, per 1,000, the same for both sexes:
# rising with age, about 1 per 1,000 at 40 and 5 per 1,000 at 60-64; none after 65 (old age).
INVALIDITY_PER_1000 = [0.3, 0.4, 0.5, 0.6, 0.8, 1.1, 1.6, 2.4, 3.5, 5.0, 0.0]

# On the death of an insured person of this age band: probability of leaving a spouse
# eligible for a pension (most Lao adults are married; the law's condition that the spouse
# has no regular income is not modelled), and the expected number of children under 18.
SPOUSE_PROBABILITY = [0.10, 0.40, 0.70, 0.80, 0.80, 0.80, 0.80, 0.80, 0.80, 0.75, 0.60]
CHILDREN = [0.10, 0.80, 1.50, 2.00, 2.00, 1.60, 1.00, 0.50, 0.20, 0.05, 0.00]
# Expected years a child's pension is paid (until age 18).
CHILD_YEARS = [17, 16, 14, 11, 9, 7, 5, 4, 3, 2, 2]
# Expected years a spouse's pension is paid: about the remaining life expectancy of a spouse
# of the same age (WPP 2024 2023 life tables, data/lao/mortality.csv, rounded), +3 years for a
# widow (women live longer and are younger than their husbands), -3 for a widower.
SPOUSE_YEARS_SAME_AGE = [52, 47, 43, 38, 34, 30, 26, 22, 18, 15, 10]


def main(out_dir):
    with open(f"{out_dir}/invalidity.csv", "w", newline="\n") as f:
        f.write("sex,age_band,incidence\n")
        for sex in ("male", "female"):
            for band, rate in zip(BANDS, INVALIDITY_PER_1000):
                f.write(f"{sex},{band},{rate / 1000:.6g}\n")
    with open(f"{out_dir}/survivors.csv", "w", newline="\n") as f:
        f.write("sex,age_band,quantity,value\n")
        for sex, shift in (("male", 3), ("female", -3)):
            for i, band in enumerate(BANDS):
                f.write(f"{sex},{band},spouse_probability,{SPOUSE_PROBABILITY[i]:g}\n")
                f.write(f"{sex},{band},spouse_years,{max(1, SPOUSE_YEARS_SAME_AGE[i] + shift)}\n")
                f.write(f"{sex},{band},children,{CHILDREN[i]:g}\n")
                f.write(f"{sex},{band},child_years,{CHILD_YEARS[i]}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/lao")
