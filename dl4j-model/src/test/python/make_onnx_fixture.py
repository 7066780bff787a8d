"""Makes the ONNX fixtures of OnnxWeightsTest: width-1/32 torchvision VGG11-BN and VGG16 feature
extractors with random weights (and random batch-norm statistics), exported to ONNX, plus a reference
input and PyTorch's output for it from each.

Run from the repository root (Debian: apt-get install python3-torch python3-torchvision):
    /usr/bin/python3 dl4j-model/src/test/python/make_onnx_fixture.py dl4j-model/src/test/resources/onnx
"""
import pathlib
import sys

import numpy as np
import torch
import torchvision
from torchvision.models.vgg import make_layers

WIDTH = 1 / 32
VGG11 = [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"]  # torchvision cfgs["A"]
VGG16 = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]  # cfgs["D"]


def main(out: pathlib.Path) -> None:
    torch.manual_seed(2024)
    x = torch.rand(2, 3, 64, 64)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "input.npy", x.numpy())
    export(VGG11, True, x, out, "vgg11_bn_w32")
    export(VGG16, False, x, out, "vgg16_w32")


def export(layers, batch_norm: bool, x, out: pathlib.Path, name: str) -> None:
    cfg = [c if c == "M" else max(1, round(c * WIDTH)) for c in layers]
    features = make_layers(cfg, batch_norm=batch_norm)  # what torchvision.models.vgg*(...).features is
    with torch.no_grad():
        for m in features.modules():
            if isinstance(m, torch.nn.BatchNorm2d):  # non-trivial statistics, so a wrong mapping shows
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(0.1, 0.4)  # positive shifts keep most ReLUs alive
            elif isinstance(m, torch.nn.Conv2d) and not batch_norm:
                m.bias.uniform_(0.05, 0.2)  # positive biases keep most ReLUs alive
    features.eval()
    with torch.no_grad():
        y = features(x)
    torch.onnx.export(features, x, str(out / f"{name}.onnx"), input_names=["input"],
                      output_names=["features"], opset_version=13,
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    np.save(out / f"{name}_features.npy", y.numpy())
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}: {name} cfg {cfg}, "
          f"features {tuple(y.shape)}, {float((y == 0).float().mean()):.0%} zeros -> {out}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
