#!/usr/bin/env python3
"""Validate label files against the corpus and the guideline's format.
usage: validate.py [LABEL_DIR_OR_FILES...] [--corpus DIR] [--gold-dev DIR]
Checks: path names the file's own group/day and exists in the corpus; every q/a line is a header line
(^> HH:MM:SS); no answer precedes the first question line; q and a disjoint, no duplicates; topic in the
taxonomy; answered == (a non-empty); on merged days every line is the first line of its twin pair (as
score.py canonicalises); no question line in two exchanges; the day is not a gold-dev day."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TOPICS = {'account', 'license', 'refund', 'settle', 'channel', 'qrcode', 'custody', 'kyc', 'risk', 'card',
          'payout', 'arch', 'product', 'other'}
HEADER = re.compile(r'^> \d\d:\d\d:\d\d')

def main(argv):
    corpus = argv[argv.index('--corpus') + 1] if '--corpus' in argv else os.path.join(HERE, '../../../../shared/corpus')
    gold = argv[argv.index('--gold-dev') + 1] if '--gold-dev' in argv else os.path.join(HERE, '../../../../shared/gold-dev')
    sys.path.insert(0, gold)
    from score import canon_map
    args = [a for i, a in enumerate(argv) if not a.startswith('--') and (i == 0 or argv[i - 1] not in ('--corpus', '--gold-dev'))]
    files = []
    for a in args or [os.path.join(HERE, '..')]:
        if os.path.isdir(a):
            for root, dirs, fs in os.walk(a):
                dirs[:] = [x for x in dirs if x != 'tools']
                files += [os.path.join(root, f) for f in fs if f.endswith('-chat.json')]
        else:
            files.append(a)
    errors = 0
    def err(f, msg):
        nonlocal errors; errors += 1; print(f'{f}: {msg}')
    for f in sorted(files):
        d = json.load(open(f, encoding='utf-8'))
        grp, name = os.path.basename(os.path.dirname(f)), os.path.basename(f)
        want = f'{grp}/{name[:-len(".json")]}.markdown'
        if d.get('path') != want: err(f, f'path {d.get("path")!r} != {want!r}')
        cf = os.path.join(corpus, d['path'])
        if not os.path.isfile(cf): err(f, 'corpus file missing'); continue
        if os.path.isfile(os.path.join(gold, grp, name)): err(f, 'is a gold-dev day')
        lines = open(cf, encoding='utf-8').read().split('\n')
        cm = canon_map(corpus, d['path'])
        seen_q = {}
        for k, e in enumerate(d['exchanges']):
            q, a = e.get('q', []), e.get('a', [])
            if not q: err(f, f'exchange {k}: empty q')
            for l in q + a:
                if not (isinstance(l, int) and 1 <= l <= len(lines) and HEADER.match(lines[l - 1])):
                    err(f, f'exchange {k}: line {l} is not a header line')
                elif cm.get(l, l) != l:
                    err(f, f'exchange {k}: line {l} is the second twin of L{cm[l]} (merged day)')
            if len(set(q)) != len(q) or len(set(a)) != len(a): err(f, f'exchange {k}: duplicate lines')
            if set(q) & set(a): err(f, f'exchange {k}: line both q and a: {sorted(set(q) & set(a))}')
            if q and a and min(a) < min(q): err(f, f'exchange {k}: answer L{min(a)} before question L{min(q)}')
            if e.get('topic') not in TOPICS: err(f, f'exchange {k}: topic {e.get("topic")!r}')
            if e.get('answered') is not bool(a): err(f, f'exchange {k}: answered={e.get("answered")!r} but a={a}')
            for l in q:
                if l in seen_q: err(f, f'exchange {k}: question line {l} also in exchange {seen_q[l]}')
                seen_q[l] = k
    print(f'{len(files)} files, {errors} problems')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
