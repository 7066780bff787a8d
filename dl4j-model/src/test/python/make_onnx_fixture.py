"""Makes the ONNX fixture of OnnxWeightsTest: a width-1/32 torchvision VGG11-BN feature extractor
with random weights and random batch-norm statistics, exported to ONNX, plus a reference input and
PyTorch's output for it.

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


def main(out: pathlib.Path) -> None:
    torch.manual_seed(2024)
    cfg = [c if c == "M" else max(1, round(c * WIDTH)) for c in VGG11]
    features = make_layers(cfg, batch_norm=True)  # what torchvision.models.vgg11_bn(...).features is
    with torch.no_grad():
        for m in features.modules():
            if isinstance(m, torch.nn.BatchNorm2d):  # non-trivial statistics, so a wrong mapping shows
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(0.1, 0.4)  # positive shifts keep most ReLUs alive
    features.eval()
    x = torch.rand(2, 3, 64, 64)
    with torch.no_grad():
        y = features(x)
    out.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(features, x, str(out / "vgg11_bn_w32.onnx"), input_names=["input"],
                      output_names=["features"], opset_version=13,
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    np.save(out / "input.npy", x.numpy())
    np.save(out / "features.npy", y.numpy())
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}: cfg {cfg}, "
          f"features {tuple(y.shape)} -> {out}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
