"""The PyTorch side of roadcoder's end-to-end speed case (issue 13): the job `roadcoder train` does, timed whole.

Reads a survey (frames.csv, segments.csv; each frame takes its segment's labels, encoded by the label
schema into roadcoder's 28 outputs), takes the training and validation roads from a roadcoder run's
provenance.json (so both sides train on the same frames), and for each epoch: shuffles, decodes every
frame with PIL inside the loop, resizes, normalises as roadcoder's `vgg` preset does (BGR, means
subtracted), trains in batches (VGG11-BN at --width, the head features -> h -> h -> 28 with ReLU and
dropout 0.5, one BCE over all outputs, Adam with roadcoder's two learning rates), then scores the
validation roads (macro-F1 over flags and exclusive groups, threshold 0.5 / argmax) and saves the model
and optimizer state, as roadcoder's checkpoint does. For timing, not for quality: no ImageNet weights,
no threshold tuning.

  /usr/bin/python3 dl4j-model/src/test/python/train_end_to_end.py SURVEY --split-from RUN/provenance.json \
      --epochs 2 --width 0.25 --size 128 --out /tmp/torch-run

Prints one line per epoch and a last line `TOTAL frames=.. seconds=.. images_per_s=..` (training frames
x epochs over the wall time since the start of the process, reading the survey and building the
network included); peak memory comes from /usr/bin/time around it.

With --predict CHECKPOINT it does what `roadcoder predict` does instead: codes every frame of the
survey (decode, batch, forward pass, sigmoid) and writes one row of probabilities per frame, then
prints `PREDICT frames=.. seconds=.. images_per_s=..`.
"""
import argparse
import csv
import json
import os
import random
import resource
import sys
import time

START = time.perf_counter()

import numpy as np  # noqa: E402
import torch  # noqa: E402
import yaml  # noqa: E402
from PIL import Image  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from speed_bench import network  # noqa: E402

VGG_BGR_MEANS = np.array([103.939, 116.779, 123.68], dtype=np.float32)


def schema_groups(path):
    """[(column, kind, categories, positive)] in output order, from roadcoder's label schema."""
    with open(path) as f:
        doc = yaml.safe_load(f)
    return [(g["name"], g["kind"], [c["name"] for c in g["categories"]], g.get("positive")) for g in doc["groups"]]


def encode(row, groups):
    out = []
    for name, kind, categories, positive in groups:
        value = row[name]
        if kind == "flag":
            out.append(1.0 if value == positive else 0.0)
        else:
            out.extend(1.0 if value == c else 0.0 for c in categories)
    return out


def read_survey(survey, groups, split):
    with open(os.path.join(survey, "segments.csv")) as f:
        segments = {r["segment_id"]: r for r in csv.DictReader(f)}
    parts = {"train": [], "validation": []}
    roads = {part: set(split[part]) for part in parts}
    with open(os.path.join(survey, "frames.csv")) as f:
        for r in csv.DictReader(f):
            seg = segments[r["segment_id"]]
            for part in parts:
                if seg["road_id"] in roads[part]:
                    parts[part].append((os.path.join(survey, r["image"]), encode(seg, groups)))
    return parts["train"], parts["validation"]


def load(path, size):
    with Image.open(path) as im:
        rgb = im.convert("RGB").resize((size, size), Image.BILINEAR)
    bgr = np.asarray(rgb, dtype=np.float32)[:, :, ::-1] - VGG_BGR_MEANS
    return torch.from_numpy(np.ascontiguousarray(bgr.transpose(2, 0, 1)))


def batches(frames, size, batch):
    for i in range(0, len(frames), batch):
        chunk = frames[i:i + batch]
        yield torch.stack([load(p, size) for p, _ in chunk]), torch.tensor([y for _, y in chunk])


def macro_f1(probabilities, labels, groups):
    f1s = []
    col = 0
    for _, kind, categories, _ in groups:
        width = 1 if kind == "flag" else len(categories)
        p, y = probabilities[:, col:col + width], labels[:, col:col + width]
        col += width
        if kind == "flag":
            pairs = [(p[:, 0] >= 0.5, y[:, 0] >= 0.5)]
        else:
            pred, true = p.argmax(1), y.argmax(1)
            pairs = [(pred == k, true == k) for k in range(width) if (true == k).any()]
        for pr, tr in pairs:
            tp = float((pr & tr).sum())
            denominator = float(pr.sum() + tr.sum())
            f1s.append(2 * tp / denominator if denominator else 0.0)
    return sum(f1s) / max(1, len(f1s))


def predict(a, groups, net):
    with open(os.path.join(a.survey, "frames.csv")) as f:
        frames = [(r["frame_id"], os.path.join(a.survey, r["image"])) for r in csv.DictReader(f)]
    net.load_state_dict(torch.load(a.predict)["model"])
    net.eval()
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "frame_probabilities.csv"), "w", newline="") as f:
        out = csv.writer(f)
        with torch.no_grad():
            for i in range(0, len(frames), a.batch):
                chunk = frames[i:i + a.batch]
                probabilities = torch.sigmoid(net(torch.stack([load(path, a.size) for _, path in chunk])))
                for (frame_id, _), row in zip(chunk, probabilities.tolist()):
                    out.writerow([frame_id] + ["%.5f" % v for v in row])
    seconds = time.perf_counter() - START
    print("PREDICT frames=%d seconds=%.1f images_per_s=%.2f peak_mb=%.0f" % (len(frames), seconds, len(frames) / seconds,
          resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0), flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("survey")
    p.add_argument("--split-from", help="a roadcoder run's provenance.json (its split roads); needed to train")
    p.add_argument("--predict", metavar="CHECKPOINT", help="code the survey with this checkpoint instead of training")
    p.add_argument("--schema", default="data/labels.yaml")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--width", type=float, default=0.25)
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--hidden", type=int, default=300)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--feature-lr", type=float, default=1e-4)
    p.add_argument("--classifier-lr", type=float, default=1e-3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", default="/tmp/roadcoder-torch-run")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    groups = schema_groups(a.schema)
    if a.predict:
        outputs = sum(1 if kind == "flag" else len(c) for _, kind, c, _ in groups)
        return predict(a, groups, network("vgg11_bn", a.size, width=a.width, outputs=outputs, hidden=a.hidden))
    with open(a.split_from) as f:
        split = json.load(f)["split"]
    train, validation = read_survey(a.survey, groups, split)
    net = network("vgg11_bn", a.size, width=a.width, outputs=len(train[0][1]), hidden=a.hidden)
    optimizer = torch.optim.Adam([
        {"params": net.features.parameters(), "lr": a.feature_lr},
        {"params": net.classifier.parameters(), "lr": a.classifier_lr}])
    loss_fn = torch.nn.BCEWithLogitsLoss()
    os.makedirs(a.out, exist_ok=True)
    print("torch %s: %d training frames, %d validation frames, %d parameters"
          % (torch.__version__, len(train), len(validation), sum(t.numel() for t in net.parameters())), flush=True)
    rng = random.Random(a.seed)
    for epoch in range(a.epochs):
        t0 = time.perf_counter()
        net.train()
        order = train[:]
        rng.shuffle(order)
        total, n = 0.0, 0
        for x, y in batches(order, a.size, a.batch):
            optimizer.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            optimizer.step()
            total += float(loss)
            n += 1
        net.eval()
        probabilities, labels = [], []
        with torch.no_grad():
            for x, y in batches(validation, a.size, a.batch):
                probabilities.append(torch.sigmoid(net(x)))
                labels.append(y)
        f1 = macro_f1(torch.cat(probabilities), torch.cat(labels), groups)
        torch.save({"model": net.state_dict(), "optimizer": optimizer.state_dict()}, os.path.join(a.out, "checkpoint.pt"))
        print("epoch %d/%d: loss %.4f, validation macro-F1 %.4f, %.1f s"
              % (epoch + 1, a.epochs, total / max(1, n), f1, time.perf_counter() - t0), flush=True)
    seconds = time.perf_counter() - START
    frames = len(train) * a.epochs
    print("TOTAL frames=%d seconds=%.1f images_per_s=%.2f peak_mb=%.0f"
          % (frames, seconds, frames / seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0), flush=True)


if __name__ == "__main__":
    main()
