#!/usr/bin/env python3
"""Draw corpus days to label: per group, a seeded random sample of the days with a message count in a range that are
neither labelled yet (data/labels, data/agreement) nor gold-dev days, then split into batches of about equal message
count, one per labeller. Prints one line per batch: the batch number, its message count and its days.
usage: draw_days.py --seed N [--per-group 12] [--min 40] [--max 450] [--batches 6]"""
import argparse, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.normpath(os.path.join(HERE, '..'))
AGREEMENT = os.path.normpath(os.path.join(HERE, '../../agreement'))
SHARED = os.path.normpath(os.path.join(HERE, '../../../../shared'))
CORPUS, GOLD = os.path.join(SHARED, 'corpus'), os.path.join(SHARED, 'gold-dev')
sys.path.insert(0, GOLD)
from listmsgs import messages  # the reference reader: a day's messages, one per header line

ap = argparse.ArgumentParser()
ap.add_argument('--seed', type=int, required=True)
ap.add_argument('--per-group', type=int, default=12)
ap.add_argument('--min', type=int, default=40)
ap.add_argument('--max', type=int, default=450)
ap.add_argument('--batches', type=int, default=6)
args = ap.parse_args()

def taken(group, day):
    label = day.replace('.markdown', '.json')
    return any(os.path.exists(os.path.join(root, group, name))
               for root, name in ((LABELS, label), (AGREEMENT, label), (GOLD, label)))

rng = random.Random(args.seed)
drawn = []
for group in sorted(os.listdir(CORPUS)):
    folder = os.path.join(CORPUS, group)
    if not os.path.isdir(folder):
        continue
    pool = []
    for day in sorted(os.listdir(folder)):
        if not day.endswith('-chat.markdown') or taken(group, day):
            continue
        count = sum(1 for _ in messages(os.path.join(folder, day)))
        if args.min <= count <= args.max:
            pool.append((f'{group}/{day}', count))
    drawn += rng.sample(pool, min(args.per_group, len(pool)))

# Largest first, each to the lightest batch so far.
batches = [[] for _ in range(args.batches)]
for day, count in sorted(drawn, key=lambda d: (-d[1], d[0])):
    min(batches, key=lambda b: sum(c for _, c in b)).append((day, count))
for k, batch in enumerate(batches, 1):
    print(k, sum(c for _, c in batch), ' '.join(d for d, _ in sorted(batch)))
