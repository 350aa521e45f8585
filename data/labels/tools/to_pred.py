#!/usr/bin/env python3
"""Convert label files ({"path","exchanges":[{"q","a","topic",...}]}) into a faq.json-like prediction
that ../shared/gold-dev/score.py reads: {"exchanges":[{"topicId","messages":[{"path","line","role"}]}]}.

usage: to_pred.py OUT.json LABEL_FILE_OR_DIR...
"""
import json, os, sys

def label_files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, files in os.walk(a):
                for f in sorted(files):
                    if f.endswith('-chat.json'):
                        yield os.path.join(root, f)
        else:
            yield a

def convert(files):
    out = []
    for f in files:
        d = json.load(open(f, encoding='utf-8'))
        for e in d['exchanges']:
            msgs = [{'path': d['path'], 'line': l, 'role': 'question'} for l in e['q']]
            msgs += [{'path': d['path'], 'line': l, 'role': 'answer'} for l in e['a']]
            out.append({'topicId': e['topic'], 'messages': msgs})
    return {'exchanges': out}

if __name__ == '__main__':
    json.dump(convert(label_files(sys.argv[2:])), open(sys.argv[1], 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
