"""Python jieba side of bench/run.sh: segments every line of the message text, prints one RESULT line.

Run with Debian's python3-jieba: /usr/bin/python3 bench/python/segment.py messages.txt
"""
import logging
import os
import sys
import time

import jieba


def main(path: str) -> None:
    jieba.setLogLevel(logging.WARNING)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    started = time.perf_counter()
    jieba.initialize()
    jieba.lcut("预热")
    load = time.perf_counter() - started

    tokens = 0
    started = time.perf_counter()
    for line in lines:
        tokens += len(jieba.lcut(line))
    seconds = time.perf_counter() - started
    print(f"RESULT\tPython jieba {jieba.__version__} (lcut, HMM, 1 thread)\t{os.path.getsize(path)}\t{seconds:.3f}\t{tokens}\tload {load:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1])
