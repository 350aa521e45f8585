#!/usr/bin/env python3
"""Write data/labels/splits.json: a fixed split by day. The held-out part is frozen once written: a day keeps the
part splits.json already gives it, so that held-out figures stay comparable as labels are added and no day that was
ever trained on becomes a test day. Days not yet in splits.json go to training. (The first 92 days were split by
group: each group's days sorted by date, every 5th from the 3rd held out.) Refuses a day that is in
../shared/gold-dev.
usage: make_splits.py [--check]   (--check: verify the file on disk matches, write nothing)"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.normpath(os.path.join(HERE, '..'))
GOLD = os.path.normpath(os.path.join(HERE, '../../../../shared/gold-dev'))
out = os.path.join(LABELS, 'splits.json')
previous = json.load(open(out, encoding='utf-8')) if os.path.exists(out) else {'train': [], 'heldout': []}
frozen_held = set(previous['heldout'])
train, held = [], []
for g in sorted(os.listdir(LABELS)):
    gd = os.path.join(LABELS, g)
    if not os.path.isdir(gd) or g == 'tools': continue
    days = sorted(f for f in os.listdir(gd) if f.endswith('-chat.json'))
    for f in days:
        if os.path.exists(os.path.join(GOLD, g, f)): sys.exit(f'{g}/{f} is a gold-dev day')
        (held if f'{g}/{f}' in frozen_held else train).append(f'{g}/{f}')
doc = {'train': train, 'heldout': held,
       'note': ('Fixed split by day (data/labels/tools/make_splits.py): the held-out days were chosen from the first 92 '
                'labelled days, by group, every 5th by date from the 3rd, and stay frozen; days labelled later are for '
                'training. Never train or tune on "heldout". ../shared/gold-dev is a second held-out set; none of its '
                'days are in data/labels.')}
text = json.dumps(doc, ensure_ascii=False, indent=2) + '\n'
if '--check' in sys.argv:
    sys.exit(0 if open(out, encoding='utf-8').read() == text else 'splits.json is out of date')
open(out, 'w', encoding='utf-8').write(text)
print(f'train {len(train)} days, heldout {len(held)} days')
