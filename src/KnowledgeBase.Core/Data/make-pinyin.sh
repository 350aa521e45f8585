#!/bin/sh
# Writes pinyin.txt, the toneless Mandarin reading of every CJK Unified Ideograph (U+4E00 to U+9FFF) that ICU's
# Han-Latin transliterator reads, one reading per line followed by its characters. Speaker names are compared by it
# (@紫杨 and the header caozhiyang). Needs ICU's uconv (Debian: icu-devtools) and python3; run from this folder.
# The readings are ICU's (Unicode licence, https://www.unicode.org/license.txt); a character with several readings
# gets the one ICU gives first.
set -eu
python3 -c "print('\n'.join(chr(c) for c in range(0x4e00, 0xa000)))" > /tmp/kb-han.txt
uconv -x 'Han-Latin; Latin-ASCII' < /tmp/kb-han.txt > /tmp/kb-han-latin.txt
python3 - /tmp/kb-han.txt /tmp/kb-han-latin.txt > pinyin.txt <<'PY'
import re, sys
from collections import defaultdict
readings = defaultdict(list)
with open(sys.argv[1], encoding='utf-8') as han, open(sys.argv[2], encoding='utf-8') as latin:
    for char, reading in zip(han, latin):
        char, reading = char.strip(), reading.strip().lower()
        if re.fullmatch(r'[a-z]+', reading):
            readings[reading].append(char)
print('# Toneless pinyin: a reading, a tab, its characters. Made by make-pinyin.sh from ICU Han-Latin (Unicode licence).')
for reading in sorted(readings):
    print(reading + '\t' + ''.join(readings[reading]))
PY
rm -f /tmp/kb-han.txt /tmp/kb-han-latin.txt
