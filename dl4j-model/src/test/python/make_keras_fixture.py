"""Makes the Keras fixture of KerasWeightsTest without TensorFlow: a width-1/32 Keras VGG16 feature
extractor (the layers of keras.applications.VGG16(include_top=False), channels_last) with random
weights, written in the Keras 2 full-model HDF5 layout (model_config + model_weights), plus PyTorch's
output of the same weights on a reference input.

Run from the repository root (Debian: apt-get install python3-h5py python3-torch):
    /usr/bin/python3 dl4j-model/src/test/python/make_keras_fixture.py dl4j-model/src/test/resources/keras
"""
import json
import pathlib
import sys

import h5py
import numpy as np
import torch

WIDTH = 1 / 32
BLOCKS = [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]  # VGG16: (channels, convolutions) per block
SIZE = 64


def conv_config(name, filters):
    return {"name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": [3, 3],
            "strides": [1, 1], "padding": "same", "data_format": "channels_last", "dilation_rate": [1, 1],
            "activation": "relu", "use_bias": True,
            "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
            "bias_initializer": {"class_name": "Zeros", "config": {}},
            "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
            "kernel_constraint": None, "bias_constraint": None}


def pool_config(name):
    return {"name": name, "trainable": True, "dtype": "float32", "pool_size": [2, 2], "padding": "valid",
            "strides": [2, 2], "data_format": "channels_last"}


def main(out: pathlib.Path) -> None:
    rng = np.random.default_rng(7)
    layers = [{"name": "input_1", "class_name": "InputLayer", "inbound_nodes": [],
               "config": {"batch_input_shape": [None, SIZE, SIZE, 3], "dtype": "float32", "sparse": False,
                          "name": "input_1"}}]
    weights = {}  # layer name -> (kernel HWIO, bias)
    previous, channels = "input_1", 3
    for b, (width, convs) in enumerate(BLOCKS, start=1):
        filters = max(1, round(width * WIDTH))
        for c in range(1, convs + 1):
            name = f"block{b}_conv{c}"
            layers.append({"name": name, "class_name": "Conv2D", "config": conv_config(name, filters),
                           "inbound_nodes": [[[previous, 0, 0, {}]]]})
            scale = np.sqrt(2.0 / (9 * channels))
            weights[name] = (rng.normal(0, scale, (3, 3, channels, filters)).astype(np.float32),
                             rng.uniform(0.05, 0.2, filters).astype(np.float32))
            previous, channels = name, filters
        name = f"block{b}_pool"
        layers.append({"name": name, "class_name": "MaxPooling2D", "config": pool_config(name),
                       "inbound_nodes": [[[previous, 0, 0, {}]]]})
        previous = name
    config = {"class_name": "Model", "config": {"name": "vgg16", "layers": layers,
                                                "input_layers": [["input_1", 0, 0]],
                                                "output_layers": [[previous, 0, 0]]}}
    out.mkdir(parents=True, exist_ok=True)
    with h5py.File(out / "vgg16_w32.h5", "w") as f:
        f.attrs["keras_version"] = b"2.2.4"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode()
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = [l["name"].encode() for l in layers]
        g.attrs["keras_version"] = b"2.2.4"
        g.attrs["backend"] = b"tensorflow"
        for l in layers:
            lg = g.create_group(l["name"])
            if l["name"] in weights:
                kernel, bias = weights[l["name"]]
                names = [f"{l['name']}/kernel:0", f"{l['name']}/bias:0"]
                lg.attrs["weight_names"] = [n.encode() for n in names]
                lg.create_dataset(names[0], data=kernel)
                lg.create_dataset(names[1], data=bias)
            else:
                lg.attrs["weight_names"] = np.array([], dtype="S1")

    # the same network in PyTorch (NCHW, kernels OIHW) gives the reference output
    x = torch.from_numpy(rng.uniform(0, 1, (2, 3, SIZE, SIZE)).astype(np.float32))
    y = x
    for l in layers[1:]:
        if l["class_name"] == "Conv2D":
            kernel, bias = weights[l["name"]]
            w = torch.from_numpy(kernel.transpose(3, 2, 0, 1).copy())
            y = torch.relu(torch.nn.functional.conv2d(y, w, torch.from_numpy(bias), padding=1))
        else:
            y = torch.nn.functional.max_pool2d(y, 2)
    np.save(out / "input_nchw.npy", x.numpy())
    np.save(out / "vgg16_w32_features.npy", y.numpy())
    print(f"torch {torch.__version__}, h5py {h5py.__version__}: features {tuple(y.shape)}, "
          f"{float((y == 0).float().mean()):.0%} zeros -> {out}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
