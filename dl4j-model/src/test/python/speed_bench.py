"""PyTorch side of roadcoder's speed benchmark; SpeedBenchmark launches it and drives it step by step.

One case per process: a torchvision VGG (optionally with fewer channels, --width) and either the
project's head (features -> hidden -> hidden -> 28 with ReLU and dropout 0.5, pool5 flattened as DL4J
does) or, with --head stock, torchvision's own 1000-class classifier untouched. Random inputs; training
steps use Adam and sigmoid BCE, inference runs eval() under no_grad.
After the warm-up steps it prints READY, then reads commands from stdin:
  step  runs one timed step (--passes passes) and prints  STEP <seconds>
  quit  prints  RESULT peak_mb=.. threads=.. version=..  and exits
Exit code 3 and a line starting with TORCH_MISSING when torch/torchvision cannot be imported.

  echo -e "step\\nstep\\nquit" | /usr/bin/python3 dl4j-model/src/test/python/speed_bench.py --size 128 --train
"""
import argparse
import resource
import sys
import time

try:
    import torch
    import torchvision
except ImportError as e:
    print("TORCH_MISSING " + str(e), flush=True)
    sys.exit(3)


CONFIGS = {"vgg11": "A", "vgg11_bn": "A", "vgg16": "D", "vgg16_bn": "D", "vgg19": "E", "vgg19_bn": "E"}


def network(model, size, head="roadcoder", width=1.0, outputs=28, hidden=300):
    if width == 1.0:
        net = getattr(torchvision.models, model)(weights=None)
    else:  # every channel count scaled and rounded as roadcoder's BackboneOptions.channels does
        cfg = [v if v == "M" else max(1, int(v * width + 0.5)) for v in torchvision.models.vgg.cfgs[CONFIGS[model]]]
        net = torchvision.models.vgg.VGG(torchvision.models.vgg.make_layers(cfg, batch_norm=model.endswith("_bn")))
    if head == "stock":
        return net
    net.avgpool = torch.nn.Identity()  # DL4J flattens pool5 directly; keeps 128 px at 512*4*4
    channels = [m for m in net.features if isinstance(m, torch.nn.Conv2d)][-1].out_channels
    features = channels * (size // 32) ** 2
    net.classifier = torch.nn.Sequential(
        torch.nn.Linear(features, hidden), torch.nn.ReLU(True), torch.nn.Dropout(0.5),
        torch.nn.Linear(hidden, hidden), torch.nn.ReLU(True), torch.nn.Dropout(0.5),
        torch.nn.Linear(hidden, outputs))
    return net


def step_function(net, batch, size, train, passes=1):
    x = torch.rand(batch, 3, size, size)
    if not train:
        net.eval()

        def infer():
            with torch.no_grad():
                for _ in range(passes):
                    net(x)
        return infer
    net.train()
    y = (torch.rand(batch, 28) > 0.5).float()
    optimizer = torch.optim.Adam([
        {"params": net.features.parameters(), "lr": 1e-4},
        {"params": net.classifier.parameters(), "lr": 1e-3}])
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def train_step():
        for _ in range(passes):
            optimizer.zero_grad()
            loss_fn(net(x), y).backward()
            optimizer.step()
    return train_step


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="vgg11_bn")
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--train", action="store_true")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--head", choices=["roadcoder", "stock"], default="roadcoder")
    p.add_argument("--width", type=float, default=1.0)
    p.add_argument("--hidden", type=int, default=300)
    p.add_argument("--passes", type=int, default=1, help="forward passes (training steps) per timed step")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(7)
    step = step_function(network(a.model, a.size, a.head, a.width, hidden=a.hidden), a.batch, a.size, a.train, a.passes)
    for _ in range(a.warmup):
        step()
    print("READY", flush=True)
    for command in sys.stdin:
        if command.strip() == "step":
            t0 = time.perf_counter()
            step()
            print("STEP %.6f" % (time.perf_counter() - t0), flush=True)
        elif command.strip() == "quit":
            break
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("RESULT peak_mb=%.0f threads=%d version=%s" % (peak_mb, torch.get_num_threads(), torch.__version__),
          flush=True)


if __name__ == "__main__":
    main()
