#!/usr/bin/env bash
# roadcoder's end-to-end speed case (issue 13): `roadcoder train` and `roadcoder predict` on a survey
# against train_end_to_end.py doing the same job in PyTorch (decode with PIL, batch, train, validate each
# epoch, save a checkpoint; then code every frame). Same network (VGG11-BN at 1/4 width, 128 px, head
# 300-300-28, dropout 0.5, BCE, Adam 1e-4 / 1e-3, batch 16, no augmentation), same training and
# validation frames (the PyTorch side reads the roads from roadcoder's provenance.json), same epochs.
# Each process runs under /usr/bin/time (wall seconds, CPU seconds user + system, peak resident memory:
# on a shared machine CPU seconds per image are the steadier measure); sides alternate
# (roadcoder, PyTorch, PyTorch, roadcoder, ...) so that the shared machine's load falls on both.
#
#   ./roadcoder simulate --out /tmp/e2e/survey --roads 20 --road-length-m 1000 --size 128 --seed 13
#   dl4j-model/src/test/python/end_to_end.sh /tmp/e2e/survey /tmp/e2e/out 2 [ROUNDS] [--set key=value ...]
#
# Extra arguments after ROUNDS go to `roadcoder train` (e.g. --set training.stats_every=1 to compare).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
survey="$1"; out="$2"; epochs="${3:-2}"; rounds="${4:-1}"; shift $(( $# < 4 ? $# : 4 ))
python="${PYTHON:-/usr/bin/python3}"
mkdir -p "$out"
cat > "$out/e2e.yaml" <<EOF
model: {backbone: vgg11-bn, weights: random, width_multiplier: 0.25, input_size: 128, hidden: 300,
        dropout: 0.5, loss: bce, feature_lr: 0.0001, classifier_lr: 0.001}
data: {preset: vgg, labels: segments, split: {train: 0.7, validation: 0.15, test: 0.15}, augment: false,
       workers: 2, prefetch: 2}
training: {batch_size: 16, epochs: $epochs, patience: $epochs, seed: 42}
EOF

timed() { # name, then the command: prints "name wall_s peak_mb"
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$out/$name.time" "$@" > "$out/$name.log" 2>&1
  printf '%s %s %s\n' "$name" "$(awk '{print $1}' "$out/$name.time")" "$(awk '{printf "%.0f", $2/1024}' "$out/$name.time")"
}

roadcoder_train() {
  rm -rf "$out/rc-run-$1"
  timed "rc-train-$1" "$root/roadcoder" train "$survey" --config "$out/e2e.yaml" --out "$out/rc-run-$1" "${@:2}"
}
roadcoder_predict() {
  rm -rf "$out/rc-predict-$1"
  timed "rc-predict-$1" "$root/roadcoder" predict "$out/rc-run-$1" "$survey" --out "$out/rc-predict-$1"
}
torch_train() {
  timed "pt-train-$1" "$python" "$here/train_end_to_end.py" "$survey" --split-from "$out/rc-run-0/provenance.json" \
      --schema "$root/data/labels.yaml" --epochs "$epochs" --out "$out/pt-run-$1"
}
torch_predict() {
  timed "pt-predict-$1" "$python" "$here/train_end_to_end.py" "$survey" --predict "$out/pt-run-$1/checkpoint.pt" \
      --schema "$root/data/labels.yaml" --out "$out/pt-predict-$1"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 0; r < rounds; r++)); do
  if (( r % 2 == 0 )); then
    roadcoder_train "$r" "$@"; torch_train "$r"; torch_predict "$r"; roadcoder_predict "$r"
  else
    torch_train "$r"; roadcoder_train "$r" "$@"; roadcoder_predict "$r"; torch_predict "$r"
  fi
  frames=$(grep -o 'TOTAL frames=[0-9]*' "$out/pt-train-$r.log" | cut -d= -f2)
  coded=$(grep -o 'PREDICT frames=[0-9]*' "$out/pt-predict-$r.log" | cut -d= -f2)
  for side in rc pt; do
    read -r wall mb cpu < <(awk '{printf "%s %.0f %.1f\n", $1, $2/1024, $3+$4}' "$out/$side-train-$r.time")
    read -r pwall pmb pcpu < <(awk '{printf "%s %.0f %.1f\n", $1, $2/1024, $3+$4}' "$out/$side-predict-$r.time")
    echo "round $r $side: train $frames frames in $wall s = $(awk "BEGIN{printf \"%.2f\", $frames/$wall}") img/s" \
         "($cpu CPU-s, $(awk "BEGIN{printf \"%.1f\", 1000*$cpu/$frames}") CPU-ms/img), peak $mb MB;" \
         "predict $coded frames in $pwall s = $(awk "BEGIN{printf \"%.2f\", $coded/$pwall}") img/s" \
         "($pcpu CPU-s), peak $pmb MB"
  done
  echo "load after round $r: $(cut -d' ' -f1-3 /proc/loadavg)"
done
