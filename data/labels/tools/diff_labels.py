#!/usr/bin/env python3
"""Show the disagreements between two labellings of the same day, with message text.
usage: diff_labels.py LABEL_A.json LABEL_B.json [--corpus DIR]"""
import json, os, sys, html
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'shared', 'gold-dev'))
from listmsgs import messages

def main(fa, fb, corpus):
    A, B = json.load(open(fa)), json.load(open(fb))
    ms = {l: (t, w, html.unescape(html.unescape(' '.join(b)))) for l, t, w, b in messages(os.path.join(corpus, A['path']))}
    txt = lambda l: f'L{l} {ms[l][0]} {ms[l][1]}: {ms[l][2][:160]}' if l in ms else f'L{l} ??? not a header'
    ea, eb = A['exchanges'], B['exchanges']
    cands = sorted((-len(set(a['q']) & set(b['q'])), min(a['q']), i, j) for i, a in enumerate(ea) for j, b in enumerate(eb) if set(a['q']) & set(b['q']))
    ua, ub, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i in ua or j in ub: continue
        ua.add(i); ub.add(j); pairs.append((i, j))
    print('#', A['path'])
    for i, j in sorted(pairs):
        a, b = ea[i], eb[j]
        if set(a['a']) == set(b['a']) and a['topic'] == b['topic'] and a['q'] == b['q']: continue
        print(f'== matched A{i} / B{j}  topic {a["topic"]} / {b["topic"]}')
        for l in sorted(set(a['q']) | set(b['q'])):
            print('  Q', 'A' if l in a['q'] else ' ', 'B' if l in b['q'] else ' ', txt(l))
        for l in sorted(set(a['a']) | set(b['a'])):
            tag = 'both' if l in a['a'] and l in b['a'] else ('A' if l in a['a'] else ' B')
            if tag != 'both' or True:
                print('  a', tag.ljust(4), txt(l))
    for i, a in enumerate(ea):
        if i not in ua:
            print(f'== only A{i} topic {a["topic"]}', a.get('note', ''))
            for l in a['q']: print('  Q', txt(l))
            for l in a['a']: print('  a', txt(l))
    for j, b in enumerate(eb):
        if j not in ub:
            print(f'== only B{j} topic {b["topic"]}', b.get('note', ''))
            for l in b['q']: print('  Q', txt(l))
            for l in b['a']: print('  a', txt(l))

if __name__ == '__main__':
    corpus = sys.argv[sys.argv.index('--corpus') + 1] if '--corpus' in sys.argv else '/work/shared/corpus'
    main(sys.argv[1], sys.argv[2], corpus)
