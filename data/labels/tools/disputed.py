#!/usr/bin/env python3
"""List where out-of-fold predictions and the labels disagree about questions, as review packets.

usage: disputed.py GOLD_DIR FAQ_JSON --out DIR [--packets N] [--labels DIR] [--corpus DIR] [--scorer DIR]

FAQ_JSON should hold out-of-fold predictions for the labelled days in GOLD_DIR (`kb train --cross-validate 5
--predictions FILE`), so that no day is judged by a model that learned from it. Exchanges are matched exactly as
../shared/gold-dev/score.py matches them. Two kinds of item:
- `G…`: a labelled exchange no prediction is matched to;
- `P…`: a predicted question matched to no labelled exchange.
The items are split, whole days at a time, into N packets of about equal size: DIR/h1/items.md … DIR/hN/items.md.
A reviewer decides each by the guideline alone; apply_review.py applies the decisions.
"""
import argparse, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    root = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('gold')
    ap.add_argument('faq')
    ap.add_argument('--out', required=True)
    ap.add_argument('--packets', type=int, default=1)
    ap.add_argument('--labels', default=os.path.join(HERE, '..'))
    ap.add_argument('--corpus', default=os.path.join(root, '..', 'shared', 'corpus'))
    ap.add_argument('--scorer', default=os.path.join(root, '..', 'shared', 'gold-dev'))
    args = ap.parse_args()
    sys.path.insert(0, args.scorer)
    sys.path.insert(0, HERE)
    import score
    from link_errors import match

    gold = score.load_gold(args.gold)
    preds = score.load_pred(args.faq, set(gold))
    score.canonicalize(gold, preds, args.corpus)

    items = {}
    for path, gex in sorted(gold.items()):
        raw = json.load(open(os.path.join(args.labels, path.replace('.markdown', '.json')), encoding='utf-8'))['exchanges']
        number = {tuple(sorted(e['q'])): k for k, e in enumerate(raw)}
        pex = preds.get(path, [])
        matched = match(gex, pex)
        of_pred = set(matched.values())
        day = items.setdefault(path, [])
        for j, g in enumerate(gex):
            if j not in matched:
                k = number[tuple(sorted(g['q']))]
                e = raw[k]
                day.append(('G', min(g['q']), f"labelled exchange #{k}: q {sorted(e['q'])} a {sorted(e['a'])} topic "
                                              f"{e['topic']} -- the model's output has no exchange matching it"))
        for i, p in enumerate(pex):
            if i in of_pred:
                continue
            q = sorted(p['q'])
            notes = []
            for k, e in enumerate(raw):
                if set(e['q']) & set(q):
                    notes.append(f"shares question lines with labelled exchange #{k} (q {sorted(e['q'])})")
                elif set(e['a']) & set(q):
                    lines = '/L'.join(str(line) for line in sorted(set(e['a']) & set(q)))
                    notes.append(f"L{lines} is an answer of labelled exchange #{k} (q {sorted(e['q'])})")
            day.append(('P', q[0], f"candidate question {', '.join('L' + str(line) for line in q)} -- not the question "
                                   "of any labelled exchange" + ''.join('; ' + n for n in notes)))

    load, packets = [0] * args.packets, [[] for _ in range(args.packets)]
    for path in sorted((p for p in items if items[p]), key=lambda p: (-len(items[p]), p)):
        h = load.index(min(load))
        packets[h].append(path)
        load[h] += len(items[path])
    for h, days in enumerate(packets, 1):
        folder = os.path.join(args.out, f'h{h}')
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, 'items.md'), 'w', encoding='utf-8') as f:
            n = 0
            for path in sorted(days):
                f.write(f"\n## {path}  (label file data/labels/{path.replace('.markdown', '.json')})\n")
                for kind, _, text in sorted(items[path], key=lambda x: x[1]):
                    n += 1
                    f.write(f'- item {kind}{h}-{n:03d}: {text}\n')
        print(f'{folder}/items.md: {load[h - 1]} items, {len(days)} days')


if __name__ == '__main__':
    main()
