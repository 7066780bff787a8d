"""PyTorch VGG16 forward at batch 8, 224 px, 2 threads: torchvision's stock network (1000 classes,
4096-wide classifier, as DESIGN.md measured) and the same features with roadcoder's head
(25088 -> 300 -> 300 -> 28). Pairs with org.roadcoder.model.bench.StockVgg16Forward.
Run: /usr/bin/python3 dl4j-model/src/test/python/stock_vgg16_forward.py"""
import time

import torch
import torchvision

torch.set_num_threads(2)
x = torch.rand(8, 3, 224, 224)


def bench(label, net):
    net.eval()
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        with torch.no_grad():
            net(x)
        times.append(time.perf_counter() - t0)
    timed = sorted(times[2:])
    print(f"PyTorch {label}: {8 / timed[len(timed) // 2]:.2f} img/s")


m = torchvision.models.vgg16()
bench("VGG16, stock 1000-class head", m)
m.avgpool = torch.nn.Identity()
m.classifier = torch.nn.Sequential(torch.nn.Linear(25088, 300), torch.nn.ReLU(True), torch.nn.Dropout(0.5),
                                   torch.nn.Linear(300, 300), torch.nn.ReLU(True), torch.nn.Dropout(0.5),
                                   torch.nn.Linear(300, 28))
bench("VGG16, roadcoder head", m)
