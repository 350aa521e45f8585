#!/usr/bin/env python3
"""Print a day's messages the way labels name them, hiding the second twin of merged-day pairs, and mark
the lines a label file uses (Qn = question of exchange n, An = answer of exchange n).
usage: show_day.py LABEL_FILE [--width N]"""
import json, os, sys, html
HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, '../../../../shared/gold-dev'); CORPUS = os.path.join(HERE, '../../../../shared/corpus')
sys.path.insert(0, GOLD)
from listmsgs import messages
from score import canon_map
d = json.load(open(sys.argv[1], encoding='utf-8'))
width = int(sys.argv[sys.argv.index('--width') + 1]) if '--width' in sys.argv else 200
cm = canon_map(CORPUS, d['path'])
mark = {}
for k, e in enumerate(d['exchanges']):
    for l in e['q']: mark.setdefault(l, []).append(f'Q{k}')
    for l in e['a']: mark.setdefault(l, []).append(f'A{k}')
for l, t, w, b in messages(os.path.join(CORPUS, d['path'])):
    if cm.get(l, l) != l: continue
    text = html.unescape(html.unescape(' '.join(b)))
    print(f"{','.join(mark.get(l, [])):8} L{l} {t} {w[:16]}: {text[:width]}")
