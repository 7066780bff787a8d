"""Where a PyTorch training step spends its time: the counterpart of TrainingProfile (issue 7).

Same network, batch, optimizer and loss as speed_bench.py; runs warm-up steps, then profiles a few
steps with torch.profiler and prints the self CPU time per operator, per step, as a Markdown table.

  /usr/bin/python3 dl4j-model/src/test/python/profile_step.py --size 128
  /usr/bin/python3 dl4j-model/src/test/python/profile_step.py --size 128 --width 0.25 --steps 20
"""
import argparse
import time

import torch
from torch.profiler import ProfilerActivity, profile

from speed_bench import network, step_function


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="vgg11_bn")
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--steps", type=int, default=4)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--width", type=float, default=1.0, help="channel multiplier, as speed_bench.py's")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(7)
    step = step_function(network(a.model, a.size, width=a.width), a.batch, a.size, True)
    for _ in range(2):
        step()
    times = []
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(a.steps):
            t0 = time.perf_counter()
            step()
            times.append(time.perf_counter() - t0)
    median = sorted(times)[len(times) // 2]
    print("%s (width %g) %d px, batch %d: median step %.3f s (%.2f img/s), %d steps profiled"
          % (a.model, a.width, a.size, a.batch, median, a.batch / median, a.steps))
    rows = sorted(prof.key_averages(), key=lambda e: e.self_cpu_time_total, reverse=True)
    total = sum(e.self_cpu_time_total for e in rows)
    print("| operator | calls per step | share of self time | s per step |")
    print("|---|---|---|---|")
    for e in rows:
        share = e.self_cpu_time_total / total
        if share < 0.003:
            continue
        print("| %s | %d | %.1f%% | %.3f |" % (e.key, e.count // a.steps, 100 * share,
                                             e.self_cpu_time_total / 1e6 / a.steps))


if __name__ == "__main__":
    main()
