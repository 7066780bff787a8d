#!/usr/bin/env python3
"""Point objects (pedestrian crossings, intersections) against frames_truth.csv, split by how near the object is.

The simulator (PointObject) makes an object visible from 4 m to 24-44 m ahead, one frame every 10 m, so its
2-4 frames are consecutive within one segment and the last of them is the nearest: rank 0 is 4-14 m ahead,
rank 1 14-24 m, ranks 2-3 24-44 m. At 64 px only rank 0 (and faintly rank 1) shows the object at all
(docs/quality.md, "Why point objects are not learned").

Usage: point_objects_by_distance.py SURVEY/frames_truth.csv RUN [RUN...]
Each RUN needs RUN/pred-test/frame_predictions.csv (`roadcoder predict RUN SURVEY --out RUN/pred-test`).
Prints, per flag, a Markdown table: mean predicted probability of absent frames and of present frames by rank,
AP and the best F1 over all thresholds with every present frame as positive ("all"), with only the nearest
("rank 0", farther present frames left out), and with the two nearest ("ranks 0-1")."""
import csv
import sys

FLAGS = ("pedestrian_crossing", "intersection")
FRAMES_PER_SEGMENT = 10


def segment_of(frame_id):
    road, frame = frame_id.rsplit("-f", 1)
    return road, int(frame) // FRAMES_PER_SEGMENT


def nearness_ranks(truth, flag):
    """frame_id -> how many present frames of the same segment follow it (0 = the nearest view)."""
    ranks = {}
    for i, row in enumerate(truth):
        if row[flag] != "present":
            continue
        k, j = 0, i + 1
        while (j < len(truth) and truth[j][flag] == "present"
               and segment_of(truth[j]["frame_id"]) == segment_of(row["frame_id"])):
            k, j = k + 1, j + 1
        ranks[row["frame_id"]] = k
    return ranks


def ap_and_best_f1(pairs):
    pairs = sorted(pairs, key=lambda p: -p[0])
    positives = sum(y for _, y in pairs)
    tp = fp = 0
    ap = best = 0.0
    for _, y in pairs:
        tp, fp = tp + y, fp + 1 - y
        if y:
            ap += tp / (tp + fp)
        best = max(best, 2 * tp / (tp + fp + positives))
    return ap / max(positives, 1), best


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def main(truth_file, runs):
    truth = list(csv.DictReader(open(truth_file, newline="")))
    for flag in FLAGS:
        ranks = nearness_ranks(truth, flag)
        counts = [sum(1 for r in ranks.values() if r == k) for k in range(4)]
        print(f"\n{flag}: present frames by rank 0..3: {counts} of {len(truth)} frames")
        print("| run | p(absent) | p(rank 0) | p(rank 1) | p(rank >= 2) | AP all | best F1 all "
              "| AP rank 0 | best F1 rank 0 | best F1 ranks 0-1 |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for run in runs:
            path = f"{run}/pred-test/frame_predictions.csv"
            pred = {r["frame_id"]: float(r[f"{flag}=present"]) for r in csv.DictReader(open(path, newline=""))}
            p_rank = lambda keep: mean([pred[f] for f, k in ranks.items() if keep(k)])
            every = [(p, 1 if f in ranks else 0) for f, p in pred.items()]
            near = [(p, 1 if f in ranks else 0) for f, p in pred.items() if ranks.get(f, 0) == 0]
            near2 = [(p, 1 if f in ranks else 0) for f, p in pred.items() if ranks.get(f, 0) <= 1]
            ap, f1 = ap_and_best_f1(every)
            ap0, f10 = ap_and_best_f1(near)
            _, f101 = ap_and_best_f1(near2)
            print(f"| {run.rstrip('/').split('/')[-1]} | {mean([p for f, p in pred.items() if f not in ranks]):.3f} "
                  f"| {p_rank(lambda k: k == 0):.3f} | {p_rank(lambda k: k == 1):.3f} | {p_rank(lambda k: k >= 2):.3f} "
                  f"| {ap:.3f} | {f1:.3f} | {ap0:.3f} | {f10:.3f} | {f101:.3f} |")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
