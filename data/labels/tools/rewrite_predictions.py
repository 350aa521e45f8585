#!/usr/bin/env python3
"""Try a decoding rule on predictions already made, before building it: rewrite a faq.json (or the out-of-fold
predictions of `kb train --cross-validate 5 --predictions`) and score the result with `kb eval`.

usage: rewrite_predictions.py join-rounds IN OUT --messages N --seconds S
       rewrite_predictions.py absorb IN OUT --confidence C [--drop]
       rewrite_predictions.py continue-answers IN OUT --messages N --seconds S [--chars C]

join-rounds  a predicted question joins the same asker's previous predicted question when it starts within N messages
             and S seconds of that one's last question line (its answers join too).
absorb       a predicted question whose confidence is under C and whose first line lies between an earlier exchange's
             first question line and its last answer line is dropped; its answers go to that exchange (or, with
             --drop, are dropped with it).
continue-answers  an answer's speaker goes on answering: their next message within N messages and S seconds of that
             answer, in no predicted exchange and with at least C characters besides WeChat emoji codes, joins the
             exchange as an answer, and so on from it.

Choose with it on the training days' out-of-fold predictions only, never on gold-dev or the held-out days.
"""
import argparse, html, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', '..', '..', '..', 'shared', 'corpus')


def questions(e):
    return [m['line'] for m in e['messages'] if m['role'] == 'question']


def answers(e):
    return [m['line'] for m in e['messages'] if m['role'] == 'answer']


def listing(corpus, path):
    """A day's messages as listmsgs lists them (line, time, speaker, body), each line's place among them, and each
    line's time in seconds since midnight."""
    from listmsgs import messages  # ../shared/gold-dev, put on the path by main
    listed = list(messages(os.path.join(corpus, path)))
    position = {line: k for k, (line, _, _, _) in enumerate(listed)}
    seconds = {line: sum(int(x) * f for x, f in zip(time.split(':'), (3600, 60, 1))) for line, time, _, _ in listed}
    return listed, position, seconds


def join_rounds(exchanges, path, corpus, most_messages, most_seconds):
    listed, position, seconds = listing(corpus, path)
    speaker = {line: who for line, _, who, _ in listed}
    kept, joined = [], 0
    for e in exchanges:
        first = min(questions(e))
        target = None
        for k in reversed(kept):
            last = max(questions(k))
            if position[first] - position[last] > most_messages or seconds[first] - seconds[last] > most_seconds:
                break
            if speaker[min(questions(k))] == speaker[first]:
                target = k
                break
        if target is None:
            kept.append(e)
            continue
        joined += 1
        lines = {m['line']: m for m in target['messages']}
        for m in e['messages']:
            lines[m['line']] = m if m['role'] == 'question' else lines.get(m['line'], m)
        target['messages'] = sorted(lines.values(), key=lambda m: m['line'])
        target['confidence'] = max(target['confidence'], e['confidence'])
    return kept, joined


def absorb(exchanges, below, drop):
    kept, absorbed = [], 0
    for e in exchanges:
        host = None
        if e['confidence'] < below:
            host = next((k for k in reversed(kept) if answers(k) and min(questions(k)) < min(questions(e)) < max(answers(k))), None)
        if host is None:
            kept.append(e)
            continue
        absorbed += 1
        if not drop:
            have = {m['line'] for m in host['messages']}
            host['messages'] = sorted(host['messages'] + [m for m in e['messages'] if m['role'] == 'answer' and m['line'] not in have],
                                      key=lambda m: m['line'])
    return kept, absorbed


EMOJI_CODE = re.compile(r'\[[^\[\]]{1,8}\]')


def continue_answers(exchanges, path, corpus, most_messages, most_seconds, least_chars):
    listed, position, seconds = listing(corpus, path)
    taken = {m['line'] for e in exchanges for m in e['messages']}
    added = 0
    for e in exchanges:
        new = []
        for line in answers(e):
            k = position[line]
            who = listed[k][2]
            j = k + 1
            while j < len(listed) and j - k <= most_messages and seconds[listed[j][0]] - seconds[listed[k][0]] <= most_seconds:
                line_j, _, who_j, body = listed[j]
                text = EMOJI_CODE.sub('', html.unescape(html.unescape(' '.join(body)))).strip()
                if who_j == who and line_j not in taken and len(text) >= least_chars:
                    new.append({'path': path, 'line': line_j, 'role': 'answer', 'speaker': who_j})
                    taken.add(line_j)
                    k = j
                j += 1
        if new:
            added += len(new)
            e['messages'] = sorted(e['messages'] + new, key=lambda m: m['line'])
    return exchanges, added


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('rule', choices=['join-rounds', 'absorb', 'continue-answers'])
    ap.add_argument('input')
    ap.add_argument('output')
    ap.add_argument('--messages', type=int, default=5)
    ap.add_argument('--seconds', type=int, default=300)
    ap.add_argument('--confidence', type=float, default=0.3)
    ap.add_argument('--drop', action='store_true')
    ap.add_argument('--chars', type=int, default=2)
    ap.add_argument('--corpus', default=CORPUS)
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.corpus, '..', 'gold-dev'))
    doc = json.load(open(args.input, encoding='utf-8'))
    by_path = {}
    for e in doc['exchanges']:
        by_path.setdefault(e['messages'][0]['path'], []).append(e)
    result, changed = [], 0
    for path, exchanges in by_path.items():
        exchanges.sort(key=lambda e: min(questions(e)))
        if args.rule == 'join-rounds':
            kept, n = join_rounds(exchanges, path, args.corpus, args.messages, args.seconds)
        elif args.rule == 'absorb':
            kept, n = absorb(exchanges, args.confidence, args.drop)
        else:
            kept, n = continue_answers(exchanges, path, args.corpus, args.messages, args.seconds, args.chars)
        result += kept
        changed += n
    doc['exchanges'] = result
    with open(args.output, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False)
    if args.rule == 'continue-answers':
        print(f'{args.rule}: {changed} answers added to {len(result)} predicted exchanges', file=sys.stderr)
    else:
        print(f'{args.rule}: {changed} of {changed + len(result)} predicted exchanges rewritten', file=sys.stderr)


if __name__ == '__main__':
    main()
