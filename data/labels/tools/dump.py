#!/usr/bin/env python3
"""Print label files with message text: one block per exchange (topic, q lines, a lines).
usage: dump.py [--brief] LABEL_FILES_OR_DIRS..."""
import json, os, sys, html
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '../../../../shared/gold-dev'))
from listmsgs import messages
CORPUS = os.path.join(HERE, '../../../../shared/corpus')
brief = '--brief' in sys.argv
files = []
for a in [x for x in sys.argv[1:] if x != '--brief']:
    if os.path.isdir(a):
        for root, dirs, fs in os.walk(a):
            dirs[:] = [x for x in dirs if x != 'tools']
            files += [os.path.join(root, f) for f in fs if f.endswith('-chat.json')]
    else: files.append(a)
for f in sorted(files):
    d = json.load(open(f, encoding='utf-8'))
    ms = {l: (t, w, html.unescape(html.unescape(' '.join(b)))) for l, t, w, b in messages(os.path.join(CORPUS, d['path']))}
    for e in d['exchanges']:
        print(f"@@ {d['path'][:-9]} [{e['topic']}] q={e['q']} a={e['a']}" + (f"  # {e['note']}" if e.get('note') else ''))
        for l in e['q']: print(f"   Q L{l} {ms[l][1][:12]}: {ms[l][2][:200]}")
        if not brief:
            for l in e['a']: print(f"   a L{l} {ms[l][1][:12]}: {ms[l][2][:140]}")
