#!/bin/sh
# Inter-annotator agreement on the doubly labelled days: score one labelling against the other with the
# reference scorer, both directions. Run from the repository root:
#   sh data/labels/tools/agreement.sh                     # current data/labels vs data/agreement
#   LABELS_REV=bc33d29 sh data/labels/tools/agreement.sh  # data/labels as of a commit (before resolution)
set -e
ROOT=$(pwd)
GOLD=${GOLD_DEV:-$ROOT/../shared/gold-dev}
T=$(mktemp -d)
for f in $(cd data/agreement && ls */*-chat.json); do
  mkdir -p "$T/labels/$(dirname $f)" "$T/agreement/$(dirname $f)"
  if [ -n "$LABELS_REV" ]; then git show "$LABELS_REV:data/labels/$f" > "$T/labels/$f"; else cp "data/labels/$f" "$T/labels/$f"; fi
  cp "data/agreement/$f" "$T/agreement/$f"
done
python3 data/labels/tools/to_pred.py "$T/agreement.json" "$T/agreement"
python3 data/labels/tools/to_pred.py "$T/labels.json" "$T/labels"
cd "$GOLD"
echo "reference = data/labels${LABELS_REV:+@$LABELS_REV}, prediction = data/agreement"
python3 score.py "$T/labels" "$T/agreement.json" --json --corpus ../corpus
echo "reference = data/agreement, prediction = data/labels${LABELS_REV:+@$LABELS_REV}"
python3 score.py "$T/agreement" "$T/labels.json" --json --corpus ../corpus
rm -rf "$T"
