#!/usr/bin/env python3
"""Copy a labels folder with fewer training days, for a learning curve: a seeded sample of its splits.json "train"
days, drawn per group in proportion to the group's share, with "heldout" unchanged. Nested: with the same seed, a
smaller sample is part of every larger one.

usage: subset_split.py LABELS_DIR OUT_DIR --days N [--seed 20261130]
then:  kb train --labels OUT_DIR --corpus ../shared/corpus --models <dir>
"""
import argparse, json, os, random, shutil

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('labels')
ap.add_argument('out')
ap.add_argument('--days', type=int, required=True)
ap.add_argument('--seed', type=int, default=20261130)
args = ap.parse_args()

split = json.load(open(os.path.join(args.labels, 'splits.json'), encoding='utf-8'))
train = sorted(split['train'])
by_group = {}
for day in train:
    by_group.setdefault(day.split('/')[0], []).append(day)
rng = random.Random(args.seed)
order = {group: rng.sample(days, len(days)) for group, days in by_group.items()}
sample = sorted(day for group, days in order.items() for day in days[:round(args.days * len(days) / len(train))])

if os.path.exists(args.out):
    shutil.rmtree(args.out)
shutil.copytree(args.labels, args.out)
json.dump(dict(split, train=sample), open(os.path.join(args.out, 'splits.json'), 'w', encoding='utf-8'), indent=1)
print(f'{len(sample)} of {len(train)} training days -> {args.out}')
