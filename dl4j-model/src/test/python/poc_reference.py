"""The proof of concept's method in PyTorch, on roadcoder surveys: the reference roadcoder's quality is compared with.

From the published post (the proof of concept this project follows, see ../shared/DESIGN.md):
  - a VGG11 with batch norm as the backbone, fine-tuned (all layers train), the features at a 10x lower
    learning rate than the new classifier (Adam; 1e-4 features, 1e-3 classifier);
  - a new classifier features -> 300 -> 300 -> 28 with ReLU and dropout 0.5 (torchvision's classifier
    layout: Linear, ReLU, Dropout, Linear, ReLU, Dropout, Linear);
  - sigmoid on the independent labels (flags), softmax on each mutually exclusive group, and ONE binary
    cross-entropy over the whole 28-output vector;
  - every frame carries its 100-m segment's labels.
Chosen here, not in the post (the post fine-tuned ImageNet weights at 224 px on ~100,000 frames):
  - random initial weights with PyTorch's layer defaults (conv and linear kaiming_uniform(a=sqrt(5)),
    biases uniform(+-1/sqrt(fan_in)), batch norm 1/0), because a 1/4-width VGG has no pretrained weights;
  - a width multiplier on every channel count (rounded as roadcoder's BackboneOptions.channels does) and
    a smaller input; pool5 is flattened directly (no adaptive average pooling), as roadcoder does;
  - batch 16, no augmentation, frames shuffled every epoch (seeded), the last epoch's network is used;
  - images are scaled to [0, 1] and normalised with the ImageNet mean/std (roadcoder's `torchvision`
    preset); surveys simulated at the input size need no resizing.
Options marked "bisect" change one of those choices to roadcoder's, for docs/quality.md.

Reads a roadcoder survey (frames.csv, segments.csv, images/) and the label schema (data/labels.yaml), trains
on the training survey (optionally only the listed roads), and writes the test survey's
frame_predictions.csv in roadcoder's format (frame_id,segment_id, one probability per output in schema
order), so roadcoder's evaluator scores both. Prints one line per epoch and a last line
  RESULT train_seconds=.. images_per_second=.. frames=.. epochs=.. final_loss=..

  /usr/bin/python3 dl4j-model/src/test/python/poc_reference.py --train SURVEY --test SURVEY2 \
      --schema data/labels.yaml --out DIR --width 0.25 --size 128 --epochs 3
Exit code 3 and a line starting with TORCH_MISSING when torch cannot be imported.
"""
import argparse
import csv
import math
import os
import random
import sys
import time

try:
    import numpy as np
    import torch
    import yaml
    from PIL import Image
except ImportError as e:
    print("TORCH_MISSING " + str(e), flush=True)
    sys.exit(3)

VGG11 = [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"]
MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


class Schema:
    """The label groups of data/labels.yaml, in output order: (name, kind, category names, positive)."""

    def __init__(self, path):
        with open(path) as f:
            doc = yaml.safe_load(f)
        self.groups = []
        self.names = []
        for g in doc["groups"]:
            cats = [c["name"] for c in g["categories"]]
            aliases = {}
            for c in g["categories"]:
                aliases[c["name"]] = c["name"]
                for code in c.get("irap", []) or []:
                    aliases[str(code)] = c["name"]
            if g["kind"] == "flag":
                self.groups.append((g["name"], "flag", cats, g["positive"], aliases))
                self.names.append(g["name"] + "=" + g["positive"])
            else:
                self.groups.append((g["name"], "exclusive", cats, None, aliases))
                self.names.extend(g["name"] + "=" + c for c in cats)
        self.size = len(self.names)

    def encode(self, row):
        y = []
        for name, kind, cats, positive, aliases in self.groups:
            value = aliases.get(row[name].strip())
            if value is None:
                raise ValueError("column %s: unknown category %r" % (name, row[name]))
            if kind == "flag":
                y.append(1.0 if value == positive else 0.0)
            else:
                y.extend(1.0 if value == c else 0.0 for c in cats)
        return y

    def blocks(self):
        """(start, end, is_flag) per group."""
        out, k = [], 0
        for _, kind, cats, _, _ in self.groups:
            n = 1 if kind == "flag" else len(cats)
            out.append((k, k + n, kind == "flag"))
            k += n
        return out


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def load_survey(folder, schema, size, roads=None):
    """Frames of a survey as (ids, segment ids, float images NCHW, labels)."""
    segments = {r["segment_id"]: r for r in read_csv(os.path.join(folder, "segments.csv"))}
    ids, segs, images, labels = [], [], [], []
    for row in read_csv(os.path.join(folder, "frames.csv")):
        seg = segments[row["segment_id"]]
        if roads is not None and seg["road_id"] not in roads:
            continue
        img = Image.open(os.path.join(folder, row["image"])).convert("RGB")
        if img.size != (size, size):
            img = img.resize((size, size), Image.BILINEAR)
        x = (np.asarray(img, dtype=np.float32) / 255.0 - MEAN) / STD
        images.append(x.transpose(2, 0, 1))
        labels.append(schema.encode(seg))
        ids.append(row["frame_id"])
        segs.append(row["segment_id"])
    return ids, segs, torch.from_numpy(np.stack(images)), torch.tensor(labels, dtype=torch.float32)


class Net(torch.nn.Module):
    def __init__(self, width, size, hidden, dropout, outputs):
        super().__init__()
        layers, channels = [], 3
        for v in VGG11:
            if v == "M":
                layers.append(torch.nn.MaxPool2d(2, 2))
            else:
                c = max(1, int(round(v * width)))
                layers += [torch.nn.Conv2d(channels, c, 3, padding=1), torch.nn.BatchNorm2d(c), torch.nn.ReLU(True)]
                channels = c
        self.features = torch.nn.Sequential(*layers)
        self.classifier = torch.nn.Sequential(
            torch.nn.Linear(channels * (size // 32) ** 2, hidden), torch.nn.ReLU(True), torch.nn.Dropout(dropout),
            torch.nn.Linear(hidden, hidden), torch.nn.ReLU(True), torch.nn.Dropout(dropout),
            torch.nn.Linear(hidden, outputs))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def he_init(net):
    """bisect: roadcoder's initialisation (He-normal weights, zero biases; Xavier on the output layer)."""
    linears = [m for m in net.modules() if isinstance(m, torch.nn.Linear)]
    for m in net.modules():
        if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
            if m is linears[-1]:
                torch.nn.init.xavier_normal_(m.weight)
            else:
                torch.nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            torch.nn.init.zeros_(m.bias)


def grouped_probabilities(logits, blocks):
    """Sigmoid on flags, softmax on each exclusive block."""
    parts = []
    for start, end, flag in blocks:
        z = logits[:, start:end]
        parts.append(torch.sigmoid(z) if flag else torch.softmax(z, dim=1))
    return torch.cat(parts, dim=1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--train", required=True)
    p.add_argument("--test", required=True)
    p.add_argument("--schema", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--roads", default=None, help="comma-separated training road ids (default: every road)")
    p.add_argument("--width", type=float, default=0.25)
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--hidden", type=int, default=300)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--feature-lr", type=float, default=1e-4)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--init", choices=["torch", "he", "torch-zero-bias"], default="torch",
                   help="bisect: he = roadcoder's He-normal init; torch-zero-bias = PyTorch's weights, DL4J's zero biases")
    p.add_argument("--loss-sum", action="store_true", help="bisect: BCE summed over outputs (DL4J's LossBinaryXENT)")
    p.add_argument("--schedule", choices=["constant", "cosine"], default="constant",
                   help="recipe screening: cosine takes both learning rates to 0 over the epochs, per step "
                        "(roadcoder's training.lr_schedule: cosine)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    schema = Schema(a.schema)
    roads = set(a.roads.split(",")) if a.roads else None
    _, _, x, y = load_survey(a.train, schema, a.size, roads)
    net = Net(a.width, a.size, a.hidden, a.dropout, schema.size)
    if a.init == "he":
        he_init(net)
    elif a.init == "torch-zero-bias":
        for m in net.modules():
            if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
                torch.nn.init.zeros_(m.bias)
    blocks = schema.blocks()
    optimizer = torch.optim.Adam([{"params": net.features.parameters(), "lr": a.feature_lr},
                                  {"params": net.classifier.parameters(), "lr": a.lr}])
    bce = torch.nn.BCELoss(reduction="sum" if a.loss_sum else "mean")
    generator = torch.Generator().manual_seed(a.seed)
    n = x.shape[0]
    steps = a.epochs * ((n + a.batch - 1) // a.batch)
    base = [g["lr"] for g in optimizer.param_groups]
    step = 0
    t0 = time.perf_counter()
    loss_mean = float("nan")
    for epoch in range(a.epochs):
        net.train()
        order = torch.randperm(n, generator=generator)
        total, batches = 0.0, 0
        for i in range(0, n, a.batch):
            idx = order[i:i + a.batch]
            probs = grouped_probabilities(net(x[idx]), blocks).clamp(1e-7, 1 - 1e-7)
            loss = bce(probs, y[idx]) / (len(idx) if a.loss_sum else 1)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            if a.schedule == "cosine":
                for g, b in zip(optimizer.param_groups, base):
                    g["lr"] = b * 0.5 * (1 + math.cos(math.pi * step / steps))
            total += loss.item()
            batches += 1
        loss_mean = total / batches
        print("epoch %d/%d: loss %.4f, %.1f s" % (epoch + 1, a.epochs, loss_mean, time.perf_counter() - t0),
              flush=True)
    seconds = time.perf_counter() - t0
    ids, segs, tx, _ = load_survey(a.test, schema, a.size)
    net.eval()
    os.makedirs(a.out, exist_ok=True)
    with torch.no_grad(), open(os.path.join(a.out, "frame_predictions.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["frame_id", "segment_id"] + schema.names)
        for i in range(0, tx.shape[0], 64):
            probs = grouped_probabilities(net(tx[i:i + 64]), blocks)
            for k, row in enumerate(probs.tolist()):
                w.writerow([ids[i + k], segs[i + k]] + ["%.6f" % v for v in row])
    print("RESULT train_seconds=%.1f images_per_second=%.2f frames=%d epochs=%d final_loss=%.5f threads=%d version=%s"
          % (seconds, n * a.epochs / seconds, n, a.epochs, loss_mean if not math.isnan(loss_mean) else -1,
             torch.get_num_threads(), torch.__version__), flush=True)


if __name__ == "__main__":
    main()
