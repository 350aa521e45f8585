#!/usr/bin/env python3
"""Write data/labels/splits.json: a fixed split by day, stratified by group. Each group's labelled days are
sorted by date and every 5th day, starting with the 3rd (positions 2, 7, 12, ... counting from 0), is held
out; the rest are for training and tuning. Deterministic: rerunning gives the same split as long as the set
of labelled days is the same. Refuses to include a day that is in ../shared/gold-dev.
usage: make_splits.py [--check]   (--check: verify the file on disk matches, write nothing)"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.normpath(os.path.join(HERE, '..'))
GOLD = os.path.normpath(os.path.join(HERE, '../../../../shared/gold-dev'))
train, held = [], []
for g in sorted(os.listdir(LABELS)):
    gd = os.path.join(LABELS, g)
    if not os.path.isdir(gd) or g == 'tools': continue
    days = sorted(f for f in os.listdir(gd) if f.endswith('-chat.json'))
    for i, f in enumerate(days):
        if os.path.exists(os.path.join(GOLD, g, f)): sys.exit(f'{g}/{f} is a gold-dev day')
        (held if i % 5 == 2 else train).append(f'{g}/{f}')
doc = {'train': train, 'heldout': held,
       'note': ('Fixed split by day, stratified by group: each group\'s labelled days sorted by date, every 5th day '
                'starting with the 3rd held out (data/labels/tools/make_splits.py). Never train or tune on "heldout". '
                '../shared/gold-dev is a second held-out set; none of its days are in data/labels.')}
out = os.path.join(LABELS, 'splits.json')
text = json.dumps(doc, ensure_ascii=False, indent=2) + '\n'
if '--check' in sys.argv:
    sys.exit(0 if open(out, encoding='utf-8').read() == text else 'splits.json is out of date')
open(out, 'w', encoding='utf-8').write(text)
print(f'train {len(train)} days, heldout {len(held)} days')
