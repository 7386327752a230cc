#!/usr/bin/env python3
"""Build the place tables of issue 16 (provinces, districts, sectors) for Lao PDR.

Python 3, standard library only, deterministic. Every number typed below is
quoted from a named public source (see SOURCES.md in this directory, ids S-*),
or derived here by a stated computation, or flagged ASSUMPTION.

Usage (from the repository root):

    python3 data/lao/places/prepare_places.py data/lao/places

Optional check of the Vientiane Capital district aggregates against the
village-level census file they were computed from (ecomore2/census,
data/census.csv, commit 6792f40ba5429c940c9d10e8e82bace95e3f163d):

    python3 data/lao/places/prepare_places.py data/lao/places --ecomore2 path/to/census.csv

Do not edit the CSV files by hand: change this script and run it again.
"""

import csv
import os
import sys

# ---------------------------------------------------------------------------
# S-PHC: 2015 Population and Housing Census, Lao Statistics Bureau (census
# night 1 March 2015). Province totals as tabulated in "Provinces of Laos"
# (Wikipedia, column "Population (2015 census)"), which quotes the census;
# Champasak (694,023) is confirmed by the LSB Champasak provincial statistics
# centre (S-PSC-CH), Xiengkhouang (244,684) by the Wikipedia article on the
# province citing the census. National totals (6,492,228 persons, of whom
# 3,237,458 female) from the KPL/VNA report of the final census report
# (S-VNA-2016).
# ---------------------------------------------------------------------------
NATIONAL_TOTAL_2015 = 6492228
NATIONAL_FEMALE_2015 = 3237458
NATIONAL_MALE_2015 = NATIONAL_TOTAL_2015 - NATIONAL_FEMALE_2015  # 3,254,770

# (province, ISO 3166-2, region, census 2015 total)
# Regions follow data/lao/SOURCES.md (regions.csv): North = Phongsaly,
# Luangnamtha, Oudomxay, Bokeo, Luangprabang, Huaphanh, Xayabury; Centre =
# Xiengkhuang, Vientiane Province, Borikhamxay, Khammuane, Savannakhet,
# Xaysomboun; South = Saravane, Sekong, Champasack, Attapeu; Vientiane
# Capital on its own.
PROVINCES = [
    ("Vientiane Capital", "LA-VT", "Vientiane Capital", 820940),
    ("Phongsaly", "LA-PH", "North", 177989),
    ("Luang Namtha", "LA-LM", "North", 175753),
    ("Oudomxay", "LA-OU", "North", 307622),
    ("Bokeo", "LA-BK", "North", 179243),
    ("Luang Prabang", "LA-LP", "North", 431889),
    ("Houaphanh", "LA-HO", "North", 289393),
    ("Xayabury", "LA-XA", "North", 381376),
    ("Xiengkhouang", "LA-XI", "Centre", 244684),
    ("Vientiane Province", "LA-VI", "Centre", 419090),
    ("Bolikhamxay", "LA-BL", "Centre", 273691),
    ("Khammouane", "LA-KH", "Centre", 392052),
    ("Savannakhet", "LA-SV", "Centre", 969697),
    ("Xaisomboun", "LA-XS", "Centre", 85168),
    ("Salavan", "LA-SL", "South", 396942),
    ("Sekong", "LA-XE", "South", 113048),
    ("Champasak", "LA-CH", "South", 694023),
    ("Attapeu", "LA-AT", "South", 139628),
]

# ---------------------------------------------------------------------------
# S-ECOMORE2: village-level aggregates of the 2015 census for Vientiane
# Capital (province 1), github.com/ecomore2/census, data/census.csv. Per
# district: sum of the village columns male, female, total_pop, and the
# total_pop of villages whose village_type is "Urban". 5 of the 485 rows have
# no counts (3 rows with village code 999 = collective households, 2 villages
# not matched); the village totals therefore add up to 770,741, not 820,940.
# (district code, name, male, female, total, urban)
# ---------------------------------------------------------------------------
VTE_DISTRICTS = [
    ("01-01", "Chanthabuly", 31264, 33871, 65135, 65135),
    ("01-02", "Sikhottabong", 55521, 59528, 115049, 108875),
    ("01-03", "Xaysetha", 51733, 55000, 106733, 106733),
    ("01-04", "Sisattanak", 27745, 30573, 58318, 58318),
    ("01-05", "Naxaithong", 34920, 35907, 70827, 34320),
    ("01-06", "Xaythany", 89676, 93487, 183163, 120200),
    ("01-07", "Hadxaifong", 45864, 48733, 94597, 83549),
    ("01-08", "Sangthong", 14296, 14620, 28916, 5872),
    ("01-09", "Mayparkngum", 23465, 24538, 48003, 12919),
]

# S-FRWIKI-SL: Salavan urban share 2015: "seuls 11,3 % des habitants vivent en
# zone urbaine" (French Wikipedia, Province de Saravane, citing LSB, Results
# of Population and Housing Census 2015, pp. 23-25).
SALAVAN_URBAN_2015 = 0.113


# ---------------------------------------------------------------------------
# Districts. Populations are 2015 census counts:
#   S-PSC-CH   LSB Champasak provincial statistics centre, psc-ch.lsb.gov.la
#              (?page_id=53), table of district populations 1985-2015.
#   S-FRWIKI-SL French Wikipedia "Province de Saravane", district table
#              "Population (2015)", citing LSB Results of PHC 2015 pp. 101-105.
#   S-ECOMORE2 Vientiane Capital, see VTE_DISTRICTS above.
# (code, district, province, population 2015 or None, source)
# ---------------------------------------------------------------------------
SOUTH_DISTRICTS = [
    ("16-01", "Pakse", "Champasak", 77860, "S-PSC-CH"),
    ("16-02", "Sanasomboun", "Champasak", 68346, "S-PSC-CH"),
    ("16-03", "Bachiangchaleunsouk", "Champasak", 57762, "S-PSC-CH"),
    ("16-04", "Paksong", "Champasak", 81244, "S-PSC-CH"),
    ("16-05", "Pathoumphone", "Champasak", 62059, "S-PSC-CH"),
    ("16-06", "Phonthong", "Champasak", 94209, "S-PSC-CH"),
    ("16-07", "Champasak", "Champasak", 62728, "S-PSC-CH"),
    ("16-08", "Soukhoumma", "Champasak", 57609, "S-PSC-CH"),
    ("16-09", "Mounlapamok", "Champasak", 38774, "S-PSC-CH"),
    ("16-10", "Khong", "Champasak", 93432, "S-PSC-CH"),
    ("14-01", "Salavan", "Salavan", 100859, "S-FRWIKI-SL"),
    ("14-02", "Ta Oi", "Salavan", 31280, "S-FRWIKI-SL"),
    ("14-03", "Toomlarn", "Salavan", 28920, "S-FRWIKI-SL"),
    ("14-04", "Lakhonepheng", "Salavan", 47772, "S-FRWIKI-SL"),
    ("14-05", "Vapy", "Salavan", 37538, "S-FRWIKI-SL"),
    ("14-06", "Khongxedone", "Salavan", 62870, "S-FRWIKI-SL"),
    ("14-07", "Lao Ngarm", "Salavan", 71454, "S-FRWIKI-SL"),
    ("14-08", "Samuoi", "Salavan", 16249, "S-FRWIKI-SL"),
    # Thateng: a Bolaven coffee district (S-LCA). NOT_FOUND: no 2015 census
    # count (nor any other clearly dated count) was found, so the row is NOT
    # written to districts.csv (the engine needs a positive population).
    # The only figure seen is "a population of 30,000" in an undated Lao News
    # Agency item (S-LNA-THATENG), rounded to the nearest ten thousand: not
    # used. A user who has the figure sets THATENG_POPULATION (and its source
    # id in THATENG_SOURCE) and reruns the script; the row then comes back
    # with its programme tags.
    ("15-04", "Thateng", "Sekong", None, ""),
]
THATENG_POPULATION = None   # e.g. the 2015 census count, when found
THATENG_SOURCE = ""         # its source id (add it to SOURCES.md)
THATENG_YEAR = 2015         # the year the figure refers to

# What the programmes say about places (SOURCES.md lists each source):
#   district_office     Paksong: "A new District Social Security Office was
#                       opened at Paksong District" (S-GIMI-1313, 2023).
#   solar_target        Paksong is "one of the SOLAR ... Project's target
#                       areas" (S-GIMI-1313).
#   bolaven_coffee      Paksong, Thateng and Lao Ngarm (Laongam) are the three
#                       Bolaven Plateau districts producing more than 95% of
#                       Lao coffee (S-LCA).
#   southern_pilot_2024 "village dissemination meetings in three southern
#                       districts targeted for the piloting in 2024"
#                       (S-GIMI-1313): the districts are not named.
#                       ASSUMPTION: the three Bolaven coffee districts, because
#                       the outcome is reported under SOLAR, whose area is the
#                       Bolaven Plateau (S-ILO-SOLAR), and the mobile
#                       registration units of the LSSO/SOLAR pilot visited
#                       Bolaven villages (S-GDN-2024).
PROGRAMMES = {
    "Paksong": ("yes", "district_office;solar_target;bolaven_coffee;southern_pilot_2024",
                "southern_pilot_2024=ASSUMPTION"),
    "Lao Ngarm": ("unknown", "bolaven_coffee;southern_pilot_2024",
                  "southern_pilot_2024=ASSUMPTION"),
    "Thateng": ("unknown", "bolaven_coffee;southern_pilot_2024",
                "southern_pilot_2024=ASSUMPTION"),
}
OFFICE_VALUES = ("yes", "no", "unknown")


# ---------------------------------------------------------------------------
# Sectors and labour status (sectors.csv). Long format; every row names its
# source id (SOURCES.md) and its concept, because the sources disagree on
# what "employed" means (LFS 2017/2022 use the 19th ICLS definition, which
# leaves out subsistence food producers; the ILO modelled estimates and the
# 2005 census do not).
# (source_id, year, concept, sex, area, sector, status, value, unit, flag)
# ---------------------------------------------------------------------------
SECTOR_ROWS = [
    # S-LT-2022: Laotian Times 13 Dec 2022, the Minister of Labour and Social
    # Welfare reporting the Labour Force Survey 2022 to the National Assembly.
    ("S-LT-2022", 2022, "LFS2022_employed_15plus", "total", "total", "total", "employed",
     2400000, "persons", "secondary_news;rounded"),
    ("S-LT-2022", 2022, "LFS2022_employed_15plus", "total", "total", "agriculture", "employed",
     1000000, "persons", "secondary_news;lower_bound('more than one million')"),
    ("S-LT-2022", 2022, "LFS2022_employed_15plus", "total", "total", "industry", "employed",
     252000, "persons", "secondary_news;rounded('around')"),
    ("S-LT-2022", 2022, "LFS2022_employed_15plus", "total", "total", "services", "employed",
     814000, "persons", "secondary_news;rounded"),
    ("S-LT-2022", 2022, "LFS2022_labour_force_15plus", "total", "total", "total", "unemployed",
     61207, "persons", "secondary_news"),
    ("S-LT-2022", 2022, "LFS2022_labour_force_15plus", "total", "total", "total",
     "unemployment_rate", 2.4, "percent", "secondary_news"),
    # S-WDI: World Bank WDI, ILO modelled estimates, open-numbers snapshot
    # (files ddf--datapoints--sl_agr_empl_zs / sl_ind_empl_zs--by--geo--time.csv).
    ("S-WDI", 2017, "ILO_modelled_share_of_employment", "total", "total", "agriculture",
     "employed", 68.372, "percent", "modelled"),
    ("S-WDI", 2019, "ILO_modelled_share_of_employment", "total", "total", "agriculture",
     "employed", 67.689, "percent", "modelled"),
    ("S-WDI", 2017, "ILO_modelled_share_of_employment", "total", "total", "industry",
     "employed", 9.023, "percent", "modelled"),
    ("S-WDI", 2018, "ILO_modelled_share_of_employment", "total", "total", "industry",
     "employed", 9.086, "percent", "modelled"),
    # S-LSB-SDG: LSB SDG platform data (github.com/sdg-laos/data, Goal 8 SDMX).
    ("S-LSB-SDG", 2017, "LFS2017_share_employed_informal_sector", "total", "total", "total",
     "informal_sector", 82.66, "percent", "series _L_LA_080504_01"),
    ("S-LSB-SDG", 2017, "LFS2017_proportion_informal_employment", "total", "total", "total",
     "informal_employment", 66.5, "percent",
     "series SL_ISV_IFEM;definition_ambiguous(probably non-agricultural)"),
    ("S-LSB-SDG", 2017, "LFS2017_unemployment_rate_15plus", "total", "total", "total",
     "unemployment_rate", 9.4, "percent", "series SL_TLF_UEM"),
    ("S-LSB-SDG", 2017, "LFS2017_unemployment_rate_15plus", "male", "total", "total",
     "unemployment_rate", 10.7, "percent", "series SL_TLF_UEM"),
    ("S-LSB-SDG", 2017, "LFS2017_unemployment_rate_15plus", "female", "total", "total",
     "unemployment_rate", 7.8, "percent", "series SL_TLF_UEM"),
    ("S-LSB-SDG", 2017, "LFS2017_unemployment_rate_15plus", "total", "urban", "total",
     "unemployment_rate", 5.3, "percent", "series SL_TLF_UEM"),
    ("S-LSB-SDG", 2017, "LFS2017_unemployment_rate_15plus", "total", "rural", "total",
     "unemployment_rate", 12.4, "percent", "series SL_TLF_UEM"),
    # S-ATLAS: Socio-Economic Atlas of the Lao PDR (2005 census), maps G5/G6.
    ("S-ATLAS", 2005, "PHC2005_population_10plus_main_work", "total", "total", "agriculture",
     "employed", 78.5, "percent", "census_2005;12_month_reference"),
    ("S-ATLAS", 2005, "PHC2005_population_10plus_main_work", "total", "Vientiane Capital",
     "non_agriculture", "employed", 65.0, "percent", "census_2005;province_row"),
    ("S-ATLAS", 2005, "PHC2005_economically_active_10plus", "total", "total", "total",
     "formal_employee", 11.5, "percent",
     "census_2005;government+parastatal+private+state_enterprise_employees"),
    # S-UN-SDG8: UN Lao PDR, "SDG 8: Work and growth" page (la.one.un.org),
    # figures for 2010 (survey not named on the page; probably the Labour
    # Force and Child Labour Survey 2010). Sector by labour status.
    ("S-UN-SDG8", 2010, "employed_2010_survey_unnamed", "total", "total",
     "agriculture_fishery", "employed", 70, "percent",
     "approximate('about 70 percent of employed persons')"),
    ("S-UN-SDG8", 2010, "employed_2010_survey_unnamed", "total", "total", "total",
     "own_account_or_unpaid_family", 84, "percent", "quoted('vulnerable employment')"),
    ("S-UN-SDG8", 2010, "employed_2010_survey_unnamed", "total", "total",
     "agriculture_fishery", "own_account_or_unpaid_family_within_sector", 99, "percent",
     "quoted"),
    ("S-UN-SDG8", 2010, "employed_2010_survey_unnamed", "total", "total",
     "sales_workers(occupation)", "own_account_or_unpaid_family_within_sector", 73,
     "percent", "quoted;occupation_not_sector"),
    # S-GIMI-PROFILE: ILO GIMI country profile (reference file section 2.5).
    ("S-GIMI-PROFILE", 2023, "NSSF_insured_members", "total", "total", "mostly_agriculture",
     "self_employed_voluntary_member", 26793, "persons", "date_not_shown(c.2022-23)"),
]

# ---------------------------------------------------------------------------
# Coffee and tea of the Bolaven Plateau (coffee_tea.csv).
# (item, place, year, value, unit, source_id, flag)
# ---------------------------------------------------------------------------
COFFEE_TEA_ROWS = [
    ("share_of_lao_coffee_production", "Bolaven Plateau", "", 95, "percent",
     "S-ILO-SOLAR", "quoted;page_undated(project 2021-2024)"),
    ("share_of_lao_coffee_production", "Paksong;Thateng;Lao Ngarm", "", 95, "percent",
     "S-LCA", "lower_bound('more than 95%');year_not_stated"),
    ("coffee_plantation_area", "Paksong;Thateng;Lao Ngarm", "", 70000, "hectares",
     "S-LCA", "lower_bound('more than 70,000 ha');year_not_stated(page table is 2011-2012)"),
    ("coffee_plantation_area_new_southern_areas", "other districts of Champasak, Salavan, "
     "Sekong, Attapeu, Savannakhet", "", 15000, "hectares", "S-LCA",
     "potential('not less than 15,000 ha of new plantations could be developed')"),
    ("coffee_harvested_area", "Lao PDR", 2020, 88000, "hectares", "S-FFTC",
     "quoted(FAO 2022 via FFTC)"),
    ("coffee_harvested_area_share_south", "Southern Laos", 2020, 80, "percent", "S-FFTC",
     "lower_bound('more than 80%')"),
    ("coffee_area", "Champasak", 2013, 47000, "hectares", "S-VT-2013", "quoted;year_approximate"),
    ("people_benefiting_from_coffee", "Paksong", 2013, 70000, "persons", "S-VT-2013",
     "lower_bound('more than 70,000 people');year_approximate"),
    ("coffee_growing_families", "Bolaven Plateau (250 villages)", "", 20000, "households",
     "S-KINGFISHER", "low_quality_source(tourism lodge);undated;approximate"),
    ("solar_farmers_reached", "Bolaven Plateau (SOLAR target districts)", 2024, 12612,
     "persons", "S-ILO-SOLAR-CLOSE", "quoted;project_total_2021-2024"),
    ("solar_nssf_registrations", "Bolaven Plateau (SOLAR target districts)", 2024, 806,
     "persons", "S-ILO-SOLAR-CLOSE", "quoted;project_total_2021-2024"),
    ("solar_social_protection_promoters", "SOLAR target districts", 2024, 34, "persons",
     "S-ILO-SOLAR-CLOSE", "quoted"),
    ("tea_and_coffee_producer_groups_equipped", "Paksong", "", 10, "groups",
     "S-ILO-EQUIP", "quoted;date_not_seen"),
    ("coffee_and_tea_workers_by_status", "Champasak;Salavan;Sekong", "", "", "persons",
     "", "NOT_FOUND(no public count by labour status)"),
]


# ---------------------------------------------------------------------------
# sector_shares.csv: for each employed status of the model and each area, the
# share of workers in agriculture, industry and services. Shares are held in
# ten-thousandths (integers) so that every (status, area) sums to exactly
# 1.0000 as written.
#
# What the model means by "employed" (data/lao/SOURCES.md): the 19th ICLS
# definition of the Labour Force Surveys 2017 and 2022, under which people
# producing food mainly for their own household are not employed; the model
# is calibrated to 2,480,000 employed. The most comparable sector figures are
# therefore those of LFS 2022 (S-LT-2022), not the ILO modelled estimates
# (S-WDI, about 68% agriculture) or the 2005 census (S-ATLAS, 78.5%), which
# count subsistence farmers as employed. LFS 2022 as reported in the news is
# internally inconsistent (1.0M + 252k + 814k = 2.066M of 2.4M employed); two
# readings bracket the agriculture share (both derived in check_sector_shares):
#   - residual reading: agriculture = 2.4M - 252k - 814k (the one figure
#     given as a lower bound takes the gap): 55.6 / 10.5 / 33.9 %;
#   - proportional reading: shares of the three-sector sum: 48.4 / 12.2 / 39.4 %.
# The table below is chosen so that, weighted by the model's employed persons
# by status and area, agriculture lands between the two readings and industry
# and services close to them.
#
# Every cell except domestic work is an ASSUMPTION (no public table of sector
# by status by area was found; see SOURCES.md). Reasons, status by status:
#   public_employee      civil service, teachers, health staff, public
#                        administration (services); some in State utilities
#                        and enterprises (industry); very few on State farms.
#   formal_private_employee  registered enterprises: manufacturing,
#                        construction, mining and hydropower (industry), trade,
#                        banks, hotels (services); in rural areas also
#                        plantations and the mines and dams themselves.
#   informal_employee    casual wage work: construction labour (industry),
#                        shops and restaurants (services), and in rural areas
#                        hired farm labour, e.g. at coffee and other harvests.
#   domestic_worker      employees of private households: services by
#                        definition (households as employers are a service
#                        activity).
#   own_account          mostly market-oriented farmers (S-UN-SDG8: 99% of
#                        agricultural workers are own-account or unpaid family
#                        workers) and traders (73% of sales workers are);
#                        urban "villages" in the census include farming
#                        villages, so urban own-account workers are not all
#                        non-agricultural (S-ATLAS: even Vientiane Capital was
#                        35% agricultural in 2005).
#   contributing_family  family farms above all, family shops second.
# (status, area): (agriculture, industry, services) in 1/10,000
SECTOR_SHARES = {
    ("public_employee", "urban"): (100, 600, 9300),
    ("public_employee", "rural"): (200, 400, 9400),
    ("formal_private_employee", "urban"): (200, 3500, 6300),
    ("formal_private_employee", "rural"): (1000, 4000, 5000),
    ("informal_employee", "urban"): (500, 3000, 6500),
    ("informal_employee", "rural"): (3000, 3000, 4000),
    ("domestic_worker", "urban"): (0, 0, 10000),
    ("domestic_worker", "rural"): (0, 0, 10000),
    ("own_account", "urban"): (3800, 600, 5600),
    ("own_account", "rural"): (8300, 300, 1400),
    ("contributing_family", "urban"): (4800, 400, 4800),
    ("contributing_family", "rural"): (9000, 200, 800),
}
EMPLOYED_STATUSES = ("public_employee", "formal_private_employee",
                     "informal_employee", "domestic_worker", "own_account",
                     "contributing_family")
AREAS = ("urban", "rural")
SECTORS = ("agriculture", "industry", "services")
SECTOR_SHARE_REASON = {
    "public_employee": "ASSUMPTION:public_admin_education_health",
    "formal_private_employee": "ASSUMPTION:registered_firms_industry_and_services",
    "informal_employee": "ASSUMPTION:casual_wage_work",
    "domestic_worker": "definition:households_as_employers_are_services",
    "own_account": "ASSUMPTION:market_farmers_and_traders",
    "contributing_family": "ASSUMPTION:family_farms_and_shops",
}
SECTOR_SHARE_SOURCES = {
    "public_employee": "S-LT-2022",
    "formal_private_employee": "S-LT-2022",
    "informal_employee": "S-LT-2022",
    "domestic_worker": "",
    "own_account": "S-LT-2022;S-UN-SDG8;S-ATLAS",
    "contributing_family": "S-LT-2022;S-UN-SDG8;S-ATLAS",
}


def read_regions(path):
    """regions.csv -> {region: (population_share, urban_share)}."""
    cells = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            cells[(row["region"], row["area"])] = float(row["population_share"])
    out = {}
    for region in ("Vientiane Capital", "North", "Centre", "South"):
        u, r = cells[(region, "urban")], cells[(region, "rural")]
        out[region] = (u + r, u / (u + r))
    return out


def largest_remainder(weights, total):
    """Integers proportional to weights that add up exactly to total."""
    s = float(sum(weights))
    raw = [w * total / s for w in weights]
    base = [int(x) for x in raw]
    rest = total - sum(base)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return base


def provinces_table(regions):
    """Rows of provinces.csv and the check report."""
    vte_m = sum(d[2] for d in VTE_DISTRICTS)
    vte_f = sum(d[3] for d in VTE_DISTRICTS)
    vte_t = sum(d[4] for d in VTE_DISTRICTS)
    vte_u = sum(d[5] for d in VTE_DISTRICTS)
    assert vte_m + vte_f == vte_t

    # Sex. Vientiane Capital: female share of the village table applied to the
    # census total. Other provinces: ASSUMPTION, one common female share, the
    # national one once Vientiane Capital is taken out, so that all provinces
    # add up exactly to the national female total.
    vte_total = PROVINCES[0][3]
    vte_female = round(vte_total * vte_f / vte_t)
    others = PROVINCES[1:]
    females_rest = largest_remainder([p[3] for p in others],
                                     NATIONAL_FEMALE_2015 - vte_female)
    females = [vte_female] + females_rest

    rows = []
    for (name, iso, region, total), fem in zip(PROVINCES, females):
        if name == "Vientiane Capital":
            urban, uflag = vte_u / vte_t, "derived:S-ECOMORE2"
            sflag = "derived:S-ECOMORE2"
        elif name == "Salavan":
            urban, uflag = SALAVAN_URBAN_2015, "source:S-FRWIKI-SL"
            sflag = "ASSUMPTION:common_sex_ratio"
        else:
            urban, uflag = regions[region][1], "ASSUMPTION:region_value"
            sflag = "ASSUMPTION:common_sex_ratio"
        rows.append({
            "province": name,
            "iso_3166_2": iso,
            "region": region,
            "population_total": total,
            "population_male": total - fem,
            "population_female": fem,
            "urban_share": f"{urban:.4f}",
            "source_year": 2015,
            "total_source": "S-PHC",
            "sex_flag": sflag,
            "urban_flag": uflag,
        })
    return rows


def check_provinces(rows, regions):
    lines = []
    tot = sum(r["population_total"] for r in rows)
    fem = sum(r["population_female"] for r in rows)
    mal = sum(r["population_male"] for r in rows)
    lines.append(f"provinces: {len(rows)}")
    lines.append(f"sum of province totals {tot:,} vs census {NATIONAL_TOTAL_2015:,}: "
                 f"difference {tot - NATIONAL_TOTAL_2015:+,}")
    lines.append(f"sum of females {fem:,} vs census {NATIONAL_FEMALE_2015:,}: "
                 f"difference {fem - NATIONAL_FEMALE_2015:+,}; males {mal:,} vs "
                 f"{NATIONAL_MALE_2015:,}: difference {mal - NATIONAL_MALE_2015:+,}")
    lines.append("region | persons | share | regions.csv share | diff (points) | "
                 "urban share | regions.csv urban | diff (points)")
    for region in ("Vientiane Capital", "North", "Centre", "South"):
        rr = [r for r in rows if r["region"] == region]
        n = sum(r["population_total"] for r in rr)
        u = sum(r["population_total"] * float(r["urban_share"]) for r in rr) / n
        share = n / tot
        s0, u0 = regions[region]
        lines.append(f"{region} | {n:,} | {100*share:.4f}% | {100*s0:.4f}% | "
                     f"{100*(share - s0):+.4f} | {100*u:.2f}% | {100*u0:.2f}% | "
                     f"{100*(u - u0):+.2f}")
    un = sum(r["population_total"] * float(r["urban_share"]) for r in rows) / tot
    lines.append(f"national urban share implied by provinces.csv: {100*un:.2f}% "
                 f"(regions.csv: {100*sum(s*u for s, u in regions.values()):.2f}%)")
    return lines


def districts_table(prov):
    """Rows of districts.csv: Vientiane Capital and the southern districts."""
    region_of = {r["province"]: r["region"] for r in prov}
    rows = []
    vte_total = next(r["population_total"] for r in prov
                     if r["province"] == "Vientiane Capital")
    # Vientiane Capital: the village sums cover 770,741 of the census 820,940
    # persons (collective households and 2 villages have no counts).
    # ASSUMPTION: the missing persons are spread over districts in proportion
    # to the village sums (largest remainder, so the districts add up to the
    # census total exactly). The raw sum is kept in population_village_sum.
    scaled = largest_remainder([d[4] for d in VTE_DISTRICTS], vte_total)
    for (code, name, m, f_, t, u), pop in zip(VTE_DISTRICTS, scaled):
        rows.append({
            "district_code": code, "district": name,
            "province": "Vientiane Capital", "region": "Vientiane Capital",
            "population": pop, "population_village_sum": t,
            "population_year": 2015, "population_source": "S-ECOMORE2",
            "urban_share": f"{u / t:.4f}",
            "office_present": "unknown", "programmes": "",
            "flags": "population=ASSUMPTION:scaled_to_census_total",
        })
    skipped = []
    for code, name, province, pop, src in SOUTH_DISTRICTS:
        year = 2015
        if name == "Thateng" and pop is None and THATENG_POPULATION is not None:
            pop, src, year = THATENG_POPULATION, THATENG_SOURCE, THATENG_YEAR
        if pop is None:
            # No population: the engine cannot use the row (see SOURCES.md,
            # NOT_FOUND), so it is left out of districts.csv.
            skipped.append(name)
            continue
        office, progs, flags = PROGRAMMES.get(name, ("unknown", "", ""))
        rows.append({
            "district_code": code, "district": name, "province": province,
            "region": region_of[province],
            "population": pop,
            "population_village_sum": "",
            "population_year": year,
            "population_source": src, "urban_share": "",
            "office_present": office, "programmes": progs, "flags": flags,
        })
    return rows, skipped


def validate_districts(rows, prov):
    """What the engine relies on: fail loudly rather than write a bad table."""
    provinces = {r["province"] for r in prov}
    names = [r["district"] for r in rows]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise SystemExit(f"districts.csv: duplicate district names {dup}")
    for r in rows:
        if not (isinstance(r["population"], int) and r["population"] > 0):
            raise SystemExit(f"districts.csv: {r['district']}: population "
                             f"{r['population']!r} is not a positive integer")
        if r["province"] not in provinces:
            raise SystemExit(f"districts.csv: {r['district']}: province "
                             f"{r['province']!r} not in provinces.csv")
        if r["office_present"] not in OFFICE_VALUES:
            raise SystemExit(f"districts.csv: {r['district']}: office_present "
                             f"{r['office_present']!r} not in {OFFICE_VALUES}")


def check_districts(rows, prov):
    lines = []
    total_of = {r["province"]: r["population_total"] for r in prov}
    for province in ("Vientiane Capital", "Champasak", "Salavan"):
        rr = [r for r in rows if r["province"] == province]
        s = sum(r["population"] for r in rr)
        lines.append(f"districts of {province}: {len(rr)}, sum {s:,} vs province "
                     f"{total_of[province]:,}: difference {s - total_of[province]:+,}")
    vs = sum(d[4] for d in VTE_DISTRICTS)
    lines.append(f"Vientiane Capital village sums {vs:,} = "
                 f"{100 * vs / total_of['Vientiane Capital']:.2f}% of the census total")
    return lines


def sector_rows():
    keys = ["source_id", "year", "concept", "sex", "area", "sector", "status",
            "value", "unit", "flag"]
    return [dict(zip(keys, r)) for r in SECTOR_ROWS]


def check_sectors():
    lines = []
    lfs = {r[5]: r[7] for r in SECTOR_ROWS
           if r[0] == "S-LT-2022" and r[6] == "employed"}
    parts = lfs["agriculture"] + lfs["industry"] + lfs["services"]
    lines.append(f"LFS 2022 (news): agriculture+industry+services {parts:,} vs employed "
                 f"{lfs['total']:,}: difference {parts - lfs['total']:+,} "
                 f"({100 * (parts - lfs['total']) / lfs['total']:+.1f}%)")
    for sec in ("agriculture", "industry", "services"):
        lines.append(f"  {sec}: {100 * lfs[sec] / parts:.1f}% of the three sectors' sum, "
                     f"{100 * lfs[sec] / lfs['total']:.1f}% of 2.4 million")
    agr = next(r[7] for r in SECTOR_ROWS if r[0] == "S-WDI" and r[1] == 2017
               and r[5] == "agriculture")
    ind = next(r[7] for r in SECTOR_ROWS if r[0] == "S-WDI" and r[1] == 2017
               and r[5] == "industry")
    lines.append(f"ILO modelled 2017: services = 100 - {agr} - {ind} = "
                 f"{100 - agr - ind:.3f}% (derived; the two WDI files are different "
                 f"vintages)")
    return lines


def sector_share_rows():
    rows = []
    for status in EMPLOYED_STATUSES:
        for area in AREAS:
            parts = SECTOR_SHARES[(status, area)]
            if sum(parts) != 10000 or min(parts) < 0:
                raise SystemExit(f"sector_shares: {status}/{area} {parts} "
                                 f"do not sum to 10000")
            for sector, part in zip(SECTORS, parts):
                rows.append({"status": status, "area": area, "sector": sector,
                             "share": f"{part / 10000:.4f}",
                             "flag": SECTOR_SHARE_REASON[status],
                             "source_ids": SECTOR_SHARE_SOURCES[status]})
    return rows


def model_employed(lao_dir):
    """Employed persons by (status, area) implied by the model's inputs:
    labour_status_shares.csv (share by sex, age band, area, status) applied to
    base_population.csv (persons by sex and single age) split by area with the
    national urban share of regions.csv, as data/lao/SOURCES.md describes."""
    pop = {}
    with open(os.path.join(lao_dir, "base_population.csv"), newline="") as f:
        for row in csv.DictReader(f):
            age = int(row["age"])
            if age < 15:
                continue
            band = "65+" if age >= 65 else f"{age // 5 * 5}-{age // 5 * 5 + 4}"
            key = (row["sex"], band)
            pop[key] = pop.get(key, 0) + int(row["persons"])
    with open(os.path.join(lao_dir, "regions.csv"), newline="") as f:
        urban = sum(float(r["population_share"]) for r in csv.DictReader(f)
                    if r["area"] == "urban")
    emp = {}
    with open(os.path.join(lao_dir, "labour_status_shares.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["status"] not in EMPLOYED_STATUSES:
                continue
            w = pop[(row["sex"], row["age_band"])] * (
                urban if row["area"] == "urban" else 1 - urban)
            key = (row["status"], row["area"])
            emp[key] = emp.get(key, 0.0) + w * float(row["share"])
    return emp


def check_sector_shares(emp):
    lines = []
    total = sum(emp.values())
    lines.append(f"model employed persons (2023): {total:,.0f}")
    for area in AREAS + ("all",):
        keys = [k for k in emp if area == "all" or k[1] == area]
        n = sum(emp[k] for k in keys)
        per = [sum(emp[k] * SECTOR_SHARES[k][i] / 10000 for k in keys)
               for i in range(3)]
        lines.append(f"implied sector shares, {area}: " + ", ".join(
            f"{sec} {100 * v / n:.1f}% ({v:,.0f})" for sec, v in zip(SECTORS, per)))
        if area == "all":
            national = [v / n for v in per]
    lfs = {r[5]: r[7] for r in SECTOR_ROWS
           if r[0] == "S-LT-2022" and r[6] == "employed"}
    parts = lfs["agriculture"] + lfs["industry"] + lfs["services"]
    prop = [lfs[s] / parts for s in SECTORS]
    resid_agr = lfs["total"] - lfs["industry"] - lfs["services"]
    resid = [resid_agr / lfs["total"], lfs["industry"] / lfs["total"],
             lfs["services"] / lfs["total"]]
    lines.append("LFS 2022 (S-LT-2022), residual reading (agriculture = "
                 f"{lfs['total']:,} - {lfs['industry']:,} - {lfs['services']:,} = "
                 f"{resid_agr:,}): " + ", ".join(
                     f"{s} {100 * v:.1f}%" for s, v in zip(SECTORS, resid)))
    lines.append("LFS 2022 (S-LT-2022), proportional reading (shares of the "
                 "three-sector sum): " + ", ".join(
                     f"{s} {100 * v:.1f}%" for s, v in zip(SECTORS, prop)))
    lo, hi = min(prop[0], resid[0]), max(prop[0], resid[0])
    ok = lo <= national[0] <= hi
    lines.append(f"implied agriculture {100 * national[0]:.1f}% within "
                 f"[{100 * lo:.1f}%, {100 * hi:.1f}%]: {'yes' if ok else 'NO'}")
    agr = sum(emp[k] * SECTOR_SHARES[k][0] / 10000 for k in emp)
    vul = sum(emp[k] * SECTOR_SHARES[k][0] / 10000 for k in emp
              if k[0] in ("own_account", "contributing_family"))
    lines.append(f"own-account + contributing family among agriculture workers: "
                 f"{100 * vul / agr:.1f}% (S-UN-SDG8, 2010, wider concept: 99%)")
    return lines


def write_csv(path, fields, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)


def verify_ecomore2(path):
    """Recompute VTE_DISTRICTS from ecomore2/census data/census.csv."""
    agg = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["male"] == "NA":
                continue
            a = agg.setdefault(row["District_Name"], [0, 0, 0, 0])
            a[0] += int(row["male"])
            a[1] += int(row["female"])
            a[2] += int(row["total_pop"])
            if row["village_type"] == "Urban":
                a[3] += int(row["total_pop"])
    for code, name, m, f_, t, u in VTE_DISTRICTS:
        if agg.get(name) != [m, f_, t, u]:
            raise SystemExit(f"ecomore2 check failed for {name}: {agg.get(name)}")
    print("ecomore2 check: the 9 Vientiane Capital district aggregates match.")


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    out = argv[1]
    if "--ecomore2" in argv:
        verify_ecomore2(argv[argv.index("--ecomore2") + 1])
    regions = read_regions(os.path.join(out, "..", "regions.csv"))

    prov = provinces_table(regions)
    write_csv(os.path.join(out, "provinces.csv"),
              ["province", "iso_3166_2", "region", "population_total",
               "population_male", "population_female", "urban_share",
               "source_year", "total_source", "sex_flag", "urban_flag"], prov)
    print("\n".join(check_provinces(prov, regions)))

    dist, skipped = districts_table(prov)
    validate_districts(dist, prov)
    write_csv(os.path.join(out, "districts.csv"),
              ["district_code", "district", "province", "region", "population",
               "population_village_sum", "population_year", "population_source",
               "urban_share", "office_present", "programmes", "flags"], dist)
    print("\n".join(check_districts(dist, prov)))
    print(f"districts.csv: {len(dist)} rows; populations positive integers, "
          f"provinces in provinces.csv, names unique, office_present in "
          f"{'/'.join(OFFICE_VALUES)}: ok")
    for name in skipped:
        print(f"districts.csv: {name} left out (population NOT_FOUND; see SOURCES.md)")

    write_csv(os.path.join(out, "sectors.csv"),
              ["source_id", "year", "concept", "sex", "area", "sector", "status",
               "value", "unit", "flag"], sector_rows())
    print("\n".join(check_sectors()))
    write_csv(os.path.join(out, "sector_shares.csv"),
              ["status", "area", "sector", "share", "flag", "source_ids"],
              sector_share_rows())
    print("\n".join(check_sector_shares(model_employed(os.path.join(out, "..")))))
    keys = ["item", "place", "year", "value", "unit", "source_id", "flag"]
    write_csv(os.path.join(out, "coffee_tea.csv"), keys,
              [dict(zip(keys, r)) for r in COFFEE_TEA_ROWS])
    paksong = next(d[3] for d in SOUTH_DISTRICTS if d[1] == "Paksong")
    print(f"Paksong: 'more than 70,000 people' benefiting from coffee (c. 2013) vs "
          f"{paksong:,} residents (2015 census): {100 * 70000 / paksong:.0f}% "
          f"(different years; order of magnitude only)")


if __name__ == "__main__":
    main(sys.argv)
