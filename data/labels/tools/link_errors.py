#!/usr/bin/env python3
"""Where answer links are lost: every gold answer link and every predicted one, sorted into why it was missed or wrong.

usage: link_errors.py GOLD_DIR FAQ_JSON [--corpus DIR] [--scorer DIR]

Reads and matches exactly as ../shared/gold-dev/score.py does (it imports that scorer: the same files, merged-day
twins folded, greedy one-to-one matching by question-line overlap), then classifies:
- each gold link (gold exchange, answer line): hit; its question missed (the gold exchange is matched by no prediction);
  linked to another predicted exchange (then: is that one's question newer or older, and does it match a gold
  exchange); taken as a question; or not linked at all; also by how many messages after the last question line the
  answer comes.
- each predicted link: right; on a predicted question that matches no gold exchange (split by whether the line is a
  gold answer of some exchange); a gold answer of another exchange; a gold question line; or no gold answer at all.

Run it on days the models never learned from (the held-out split, or out-of-fold predictions); on gold-dev only to
look, never to choose.
"""
import argparse, json, os, sys
from collections import Counter

DISTANCES = [(3, '1-3'), (10, '4-10'), (40, '11-40'), (10**9, '>40')]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, '..', '..', '..'))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('gold')
    ap.add_argument('faq')
    ap.add_argument('--corpus', default=os.path.join(root, '..', 'shared', 'corpus'))
    ap.add_argument('--scorer', default=os.path.join(root, '..', 'shared', 'gold-dev'))
    args = ap.parse_args()
    sys.path.insert(0, args.scorer)
    import score

    gold = score.load_gold(args.gold)
    preds = score.load_pred(args.faq, set(gold))
    score.canonicalize(gold, preds, args.corpus)

    gold_links, pred_links, by_distance, taken_by = Counter(), Counter(), Counter(), Counter()
    for path, gex in gold.items():
        pex = preds.get(path, [])
        order = message_order(os.path.join(args.corpus, path))
        matched = match(gex, pex)
        of_pred = {j: i for i, j in matched.items()}
        holder = {line: i for i, p in enumerate(pex) for line in p['a']}
        pred_questions = {line for p in pex for line in p['q']}
        gold_answers = {line for g in gex for line in g['a']}
        gold_questions = {line for g in gex for line in g['q']}

        for j, g in enumerate(gex):
            last = order.get(max(g['q']), 0)
            for line in g['a']:
                if j not in matched:
                    kind = 'question missed'
                elif line in pex[matched[j]]['a']:
                    kind = 'hit'
                elif line in holder:
                    kind = 'linked to another predicted exchange'
                    other = pex[holder[line]]
                    age = 'a newer' if min(other['q']) > min(pex[matched[j]]['q']) else 'an older'
                    real = 'a gold question' if holder[line] in of_pred else 'no gold question'
                    taken_by[f'{age} predicted question, {real}'] += 1
                elif line in pred_questions:
                    kind = 'taken as a question'
                else:
                    kind = 'not linked'
                gold_links[kind] += 1
                distance = order.get(line, last) - last
                by_distance[(next(name for limit, name in DISTANCES if distance <= limit), kind)] += 1

        for i, p in enumerate(pex):
            for line in p['a']:
                if i not in of_pred:
                    kind = 'on an unmatched question, a gold answer elsewhere' if line in gold_answers else 'on an unmatched question'
                elif line in gex[of_pred[i]]['a']:
                    kind = 'right'
                elif line in gold_answers:
                    kind = 'a gold answer of another exchange'
                elif line in gold_questions:
                    kind = 'a gold question'
                else:
                    kind = 'no gold answer'
                pred_links[kind] += 1

    table('gold answer links', gold_links)
    print('  by messages after the last question line:')
    for _, name in DISTANCES:
        n = sum(v for (d, _), v in by_distance.items() if d == name)
        if n:
            parts = ', '.join(f'{k} {by_distance[(name, k)]}' for k in ('hit', 'not linked', 'linked to another predicted exchange', 'question missed'))
            print(f'    {name:>6}: {n:5} gold, {parts}')
    if taken_by:
        table('gold answer links given to another predicted exchange', taken_by)
    table('predicted answer links', pred_links)


def match(gex, pex):
    """score.py's greedy one-to-one matching: gold index -> predicted index."""
    cands = sorted((-len(p['q'] & set(g['q'])), min(p['q']), i, j)
                   for i, p in enumerate(pex) for j, g in enumerate(gex) if p['q'] & set(g['q']))
    used_p, matched = set(), {}
    for _, _, i, j in cands:
        if i not in used_p and j not in matched:
            used_p.add(i)
            matched[j] = i
    return matched


def message_order(path):
    """Header line -> position among the day's messages, as the reference tools read them."""
    from listmsgs import messages  # beside score.py, put on the path by main
    return {line: position for position, (line, *_) in enumerate(messages(path))}


def table(title, counts):
    total = sum(counts.values())
    print(f'{title}: {total}')
    for kind, n in counts.most_common():
        print(f'  {kind:50} {n:5}  {n / max(total, 1):.3f}')


if __name__ == '__main__':
    main()
