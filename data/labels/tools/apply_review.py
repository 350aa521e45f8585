#!/usr/bin/env python3
"""Apply a review of disputed labels (data/labels/review-*.json) to the label files.

usage: apply_review.py REVIEW_JSON [--labels DIR]

Each record names a day (`path`) and one flagged item with the reviewer's verdict:
- a labelled exchange (`exchange_q`, its question lines): `keep`; `remove`; or `fix` (new `q`, `a`, `topic`).
  A removed follow-up with `fold_into` (the question lines of the exchange it follows) gives that exchange its
  answers, and with `fold_question` also its question lines (a clarification that completes the question).
- candidate question lines no exchange has (`candidate_q`): `reject`; `join` (add `q` to the question of the
  exchange whose question is `join_exchange_q`); or `add` (a new exchange `q`, `a`, `topic`). An added exchange
  with `take_answers_from` moves its answers out of that exchange.
Exchanges are found by their question lines, not by position, so the records hold however the files are
ordered, and applying a review twice changes nothing the second time. A line that becomes a question of an
exchange stops being one of its answers; `answered` follows `a`; an added exchange goes before the first exchange
asked after it, and each file keeps its layout. Run validate.py afterwards.
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REVIEWED = 'review of disputed labels'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('review')
    ap.add_argument('--labels', default=os.path.join(HERE, '..'))
    args = ap.parse_args()
    records = json.load(open(args.review, encoding='utf-8'))
    by_day = {}
    for r in records:
        by_day.setdefault(r['path'], []).append(r)

    changed = 0
    for path, day in sorted(by_day.items()):
        file = os.path.join(args.labels, path.replace('.markdown', '.json'))
        labels = json.load(open(file, encoding='utf-8'))
        exchanges = labels['exchanges']
        before = json.dumps(labels, ensure_ascii=False, sort_keys=True)
        for r in day:
            apply(exchanges, r, path)
        for e in exchanges:
            e['q'] = sorted(set(e['q']))
            e['a'] = sorted(set(e['a']) - set(e['q']))
            e['answered'] = bool(e['a'])
        if json.dumps(labels, ensure_ascii=False, sort_keys=True) != before:
            changed += 1
            layout = open(file, encoding='utf-8').read()
            with open(file, 'w', encoding='utf-8') as f:
                text = dumps_like(layout, labels)
                f.write(text if layout.endswith('\n') else text.rstrip('\n'))
    print(f'{len(records)} records, {changed} label files changed')


def apply(exchanges, r, path):
    verdict = r['verdict']
    if verdict in ('keep', 'reject'):
        return
    if verdict in ('remove', 'fix'):
        target = find(exchanges, r['exchange_q'])
        if target is None:
            return  # already applied
        if verdict == 'fix':
            target.update(q=list(r['q']), a=list(r['a']), topic=r['topic'])
            annotate(target, r['why'])
            return
        exchanges.remove(target)
        if 'fold_into' in r:
            parent = require(exchanges, r['fold_into'], path)
            parent['a'] = parent['a'] + target['a']
            if r.get('fold_question'):
                parent['q'] = parent['q'] + target['q']
            annotate(parent, f"L{'/L'.join(map(str, sorted(target['q'])))} folded in: {r['why']}")
        return
    if verdict == 'join':
        parent = require(exchanges, r['join_exchange_q'], path)
        parent['q'] = parent['q'] + list(r['q'])
        annotate(parent, r['why'])
        return
    if verdict == 'add':
        if any(set(e['q']) & set(r['q']) for e in exchanges):
            return  # already applied
        if 'take_answers_from' in r:
            donor = require(exchanges, r['take_answers_from'], path)
            donor['a'] = [line for line in donor['a'] if line not in r['a']]
        at = next((k for k, e in enumerate(exchanges) if min(e['q']) > min(r['q'])), len(exchanges))
        exchanges.insert(at, {'q': list(r['q']), 'a': list(r['a']), 'topic': r['topic'], 'answered': bool(r['a']),
                          'note': f"{REVIEWED}: added. {r['why']}"})
        return
    sys.exit(f'{path}: unknown verdict {verdict!r}')


def dumps_like(layout, labels):
    """The labels in the layout the file had: one exchange per line (flush or indented), or indented JSON."""
    def lines(indent):
        return ',\n'.join(indent + json.dumps(e, ensure_ascii=False) for e in labels['exchanges'])
    one_per_line = re.search(r'\n( *)\{"q"', layout)
    if one_per_line and layout.startswith('{"path"'):
        return f'{{"path": {json.dumps(labels["path"], ensure_ascii=False)}, "exchanges": [\n{lines(one_per_line[1])}\n]}}\n'
    if one_per_line:
        return f'{{\n  "path": {json.dumps(labels["path"], ensure_ascii=False)},\n  "exchanges": [\n{lines(one_per_line[1])}\n  ]\n}}\n'
    indent = 1 if layout.startswith('{\n "') else 2
    return json.dumps(labels, ensure_ascii=False, indent=indent) + '\n'


def annotate(exchange, why):
    """Say in the exchange's note what the review changed, once."""
    text = f'{REVIEWED}: {why}'
    note = exchange.get('note', '')
    if text not in note:
        exchange['note'] = f'{note}; {text}' if note else text


def find(exchanges, q):
    return next((e for e in exchanges if sorted(e['q']) == sorted(q)), None)


def require(exchanges, q, path):
    e = find(exchanges, q) or next((e for e in exchanges if set(q) <= set(e['q'])), None)
    if e is None:
        sys.exit(f'{path}: no exchange with question lines {q}')
    return e


if __name__ == '__main__':
    main()
