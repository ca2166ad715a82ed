#!/usr/bin/env python3
"""Draws a holdout suite of random books from the 13 tickers of backtest-data (the recipe of holdout2):
4-12 names, Gamma(1) weights rounded to whole percent (at least 1 %, summing to 100), periods of 2-7 whole
calendar years in 2013-2025. Usage: python3 suites/draw_holdout.py NAME SEED COUNT (run from the project root);
writes suites/NAME.json and suites/NAME/portfolios/*.json. Draw a suite before choosing rules on it, never after."""
import csv, json, os, random, sys

name, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
ref = json.load(open("backtest-data/portfolios/PORT_A_TechGrowth.json"))
sectors = {t["ticker"]: t["sector"] for t in ref["targets"]}
days = [r["date"] for r in csv.DictReader(open("backtest-data/prices/SPY.csv"))]

def first_day(year):
    return next(d for d in days if d.startswith(str(year)))

def last_day(year):
    return [d for d in days if d.startswith(str(year))][-1]

def weights(k):
    raw = [rng.expovariate(1.0) for _ in range(k)]
    w = [max(1, round(100 * x / sum(raw))) for x in raw]
    while sum(w) != 100:
        i = w.index(max(w)) if sum(w) > 100 else w.index(min(w))
        w[i] += 1 if sum(w) < 100 else -1
    return w

os.makedirs(f"suites/{name}/portfolios", exist_ok=True)
samples = []
for n in range(1, count + 1):
    names = sorted(rng.sample(sorted(sectors), rng.randint(4, 12)))
    years = rng.randint(2, 7)
    start = rng.randint(2013, 2025 - years + 1)
    pid = f"PORT_{name.upper()}_{n}"
    book = dict(ref, id=pid, inception="2024-01-02",
                targets=[{"ticker": t, "sector": sectors[t], "weight_pct": w} for t, w in zip(names, weights(len(names)))])
    with open(f"suites/{name}/portfolios/{pid}.json", "w") as f:
        json.dump(book, f, indent=2)
    samples.append({"id": f"{name}-{n}-{start}-{start + years - 1}", "portfolio": pid, "backtest_data": name,
                    "from": first_day(start), "to": last_day(start + years - 1)})
suite = {"name": name, "description": f"{count} books drawn at random from the 13 tickers (4-12 names, Gamma(1) weights,"
         f" periods of 2-7 years in 2013-2025; suites/draw_holdout.py seed {seed}).",
         "crra_gamma": 3, "sharpe_tolerance": 0.005, "samples": samples}
with open(f"suites/{name}.json", "w") as f:
    json.dump(suite, f, indent=2)
print(f"wrote suites/{name}.json with {count} samples")
