#!/usr/bin/env python3
"""Point objects (pedestrian crossings, intersections) at the thresholds a run tuned, and threshold-free.

Usage: point_objects_at_thresholds.py SURVEY RUN [RUN...]
SURVEY holds frames_truth.csv and segments.csv; each RUN holds model.zip and RUN/pred-test/frame_predictions.csv
(`roadcoder predict RUN SURVEY --out RUN/pred-test`).

Frames (against frames_truth.csv): F1 at the run's frame threshold and at its segment threshold (both read
from model.zip, objects/roadcoder-thresholds), AP and best F1 over all thresholds, and best F1 counting only the
two nearest views (ranks 0-1, see point_objects_by_distance.py). Segments (against segments.csv, the coders'
100-m label): AP and best F1 of the maximum, the mean and the mean of the top two frame probabilities of each
segment. Prints two Markdown tables."""
import collections
import csv
import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from point_objects_by_distance import FLAGS, ap_and_best_f1, nearness_ranks  # noqa: E402


def f1_at(pairs, threshold):
    tp = sum(1 for p, y in pairs if p >= threshold and y)
    fp = sum(1 for p, y in pairs if p >= threshold and not y)
    positives = sum(1 for _, y in pairs if y)
    return 2 * tp / max(1, 2 * tp + fp + (positives - tp))


def thresholds(run):
    raw = zipfile.ZipFile(os.path.join(run, "model.zip")).read("objects/roadcoder-thresholds").decode("latin1")
    return json.loads(raw[raw.index("{"):])


def main(survey, runs):
    truth = list(csv.DictReader(open(os.path.join(survey, "frames_truth.csv"))))
    by_frame = {r["frame_id"]: r for r in truth}
    segments = {r["segment_id"]: r for r in csv.DictReader(open(os.path.join(survey, "segments.csv")))}
    frames_rows, segment_rows = [], []
    for run in runs:
        name = os.path.basename(os.path.normpath(run))
        th = thresholds(run)
        pred = list(csv.DictReader(open(os.path.join(run, "pred-test", "frame_predictions.csv"))))
        for flag in FLAGS:
            col = flag + "=present" if flag + "=present" in pred[0] else flag
            pairs = [(float(r[col]), by_frame[r["frame_id"]][flag] == "present") for r in pred]
            ranks = nearness_ranks(truth, flag)
            near = [(float(r[col]), r["frame_id"] in ranks) for r in pred if ranks.get(r["frame_id"], 0) <= 1]
            ap, best = ap_and_best_f1(pairs)
            _, best_near = ap_and_best_f1(near)
            tf, ts = th["flags"][flag], th["segments"][flag]
            frames_rows.append(f"| {name} | {flag} | {tf:.3f} | {f1_at(pairs, tf):.3f} | {ts:.3f} | "
                               f"{f1_at(pairs, ts):.3f} | {ap:.3f} | {best:.3f} | {best_near:.3f} |")
            per_segment = collections.defaultdict(list)
            for r in pred:
                per_segment[r["segment_id"]].append(float(r[col]))
            ids = sorted(per_segment)
            labels = [segments[i][flag] == "present" for i in ids]
            cells = []
            for pool in (max, lambda v: sum(v) / len(v), lambda v: sum(sorted(v)[-2:]) / len(sorted(v)[-2:])):
                sap, sbest = ap_and_best_f1([(pool(per_segment[i]), y) for i, y in zip(ids, labels)])
                cells += [f"{sap:.3f}", f"{sbest:.3f}"]
            segment_rows.append(f"| {name} | {flag} | {sum(labels) / len(labels):.3f} | " + " | ".join(cells) + " |")
    print("Frames, against frames_truth.csv\n")
    print("| run | flag | frame threshold | F1 at it | segment threshold | F1 at it | AP | best F1 | best F1 ranks 0-1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(frames_rows))
    print("\nSegments, against segments.csv, threshold-free\n")
    print("| run | flag | prevalence | AP max | best F1 max | AP mean | best F1 mean | AP top-2 | best F1 top-2 |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(segment_rows))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
