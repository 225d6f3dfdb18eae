#!/usr/bin/python3
"""Writes a Piper-contract voice shaped like a real Piper "medium" VITS voice.

No Piper voice may be downloaded here, so the benchmark builds one whose size
and work per second of audio match a medium voice: Piper's default VITS
hyper-parameters (hidden 192, filter 768, 6 encoder layers with 2 heads, 4 flow
couplings of 4 WaveNet layers, HiFi-GAN generator with resblock "2", upsample
rates 8-8-4 from 256 channels), about 15.5 M parameters, 22050 Hz, hop 256.
Its weights are random, so it speaks noise; the benchmark times it, it does not
listen to it. Each phoneme id lasts round(3 * length_scale) frames (Piper's
voices average about 3), so audio length follows the id count.

Inputs:  input int64 [1,N], input_lengths int64 [1], scales float32 [3]
Output:  output float32 [1,1,T], T = 256 * frames
Needs Debian's python3-onnx and python3-numpy.
"""
import argparse

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 192
FILTER = 768
HEADS = 2
ENC_LAYERS = 6
FLOWS = 4
WN_LAYERS = 4
UP_RATES = (8, 8, 4)
UP_KERNELS = (16, 16, 8)
UP_CHANNEL = 256
RES_KERNELS = (3, 5, 7)
RES_DILATIONS = ((1, 2), (2, 6), (3, 12))
FRAMES_PER_ID = 3.0


class Graph:
    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.nodes = []
        self.inits = []
        self.params = 0
        self.n = 0

    def name(self, stem: str) -> str:
        self.n += 1
        return f"{stem}_{self.n}"

    def const(self, values, dtype=np.int64) -> str:
        name = self.name("c")
        self.inits.append(numpy_helper.from_array(np.asarray(values, dtype=dtype), name))
        return name

    def weight(self, shape, gain: float) -> str:
        fan_in = int(np.prod(shape[1:]))
        w = (self.rng.standard_normal(shape) * gain / np.sqrt(fan_in)).astype(np.float32)
        name = self.name("w")
        self.inits.append(numpy_helper.from_array(w, name))
        self.params += w.size
        return name

    def op(self, kind: str, inputs, **attrs) -> str:
        out = self.name(kind.lower())
        self.nodes.append(helper.make_node(kind, list(inputs), [out], **attrs))
        return out

    def conv(self, x: str, cin: int, cout: int, k: int, dilation: int = 1, gain: float = 1.0) -> str:
        w = self.weight((cout, cin, k), gain)
        b = self.const(np.zeros(cout), np.float32)
        self.params += cout
        pad = dilation * (k - 1) // 2
        return self.op("Conv", [x, w, b], kernel_shape=[k], dilations=[dilation], pads=[pad, pad])

    def up(self, x: str, cin: int, cout: int, k: int, stride: int) -> str:
        w = self.weight((cin, cout, k), 1.0)
        b = self.const(np.zeros(cout), np.float32)
        self.params += cout
        pad = (k - stride) // 2
        return self.op("ConvTranspose", [x, w, b], kernel_shape=[k], strides=[stride], pads=[pad, pad])

    def leaky(self, x: str) -> str:
        return self.op("LeakyRelu", [x], alpha=0.1)


def encoder_layer(g: Graph, x: str) -> str:
    head = HIDDEN // HEADS
    split = g.const([1, HEADS, head, -1])
    q, k, v = (g.op("Reshape", [g.conv(x, HIDDEN, HIDDEN, 1), split]) for _ in range(3))
    scores = g.op("MatMul", [g.op("Transpose", [q], perm=[0, 1, 3, 2]), k])
    scores = g.op("Mul", [scores, g.const(1 / np.sqrt(head), np.float32)])
    attn = g.op("Softmax", [scores], axis=-1)
    mixed = g.op("MatMul", [v, g.op("Transpose", [attn], perm=[0, 1, 3, 2])])
    mixed = g.op("Reshape", [mixed, g.const([1, HIDDEN, -1])])
    x = g.op("Add", [x, g.conv(mixed, HIDDEN, HIDDEN, 1, gain=0.3)])
    ffn = g.op("Relu", [g.conv(x, HIDDEN, FILTER, 3)])
    return g.op("Add", [x, g.conv(ffn, FILTER, HIDDEN, 3, gain=0.3)])


def coupling(g: Graph, x: str) -> str:
    half = HIDDEN // 2
    x0 = g.op("Slice", [x, g.const([0]), g.const([half]), g.const([1])])
    x1 = g.op("Slice", [x, g.const([half]), g.const([HIDDEN]), g.const([1])])
    h = g.conv(x0, half, HIDDEN, 1)
    skip = None
    for i in range(WN_LAYERS):
        z = g.conv(h, HIDDEN, 2 * HIDDEN, 5)
        za = g.op("Slice", [z, g.const([0]), g.const([HIDDEN]), g.const([1])])
        zb = g.op("Slice", [z, g.const([HIDDEN]), g.const([2 * HIDDEN]), g.const([1])])
        acts = g.op("Mul", [g.op("Tanh", [za]), g.op("Sigmoid", [zb])])
        last = i == WN_LAYERS - 1
        rs = g.conv(acts, HIDDEN, HIDDEN if last else 2 * HIDDEN, 1, gain=0.3)
        if last:
            out = rs
        else:
            h = g.op("Add", [h, g.op("Slice", [rs, g.const([0]), g.const([HIDDEN]), g.const([1])])])
            out = g.op("Slice", [rs, g.const([HIDDEN]), g.const([2 * HIDDEN]), g.const([1])])
        skip = out if skip is None else g.op("Add", [skip, out])
    x1 = g.op("Add", [x1, g.conv(skip, HIDDEN, half, 1, gain=0.1)])
    # Piper's Flip between couplings: the halves trade places.
    return g.op("Concat", [x1, x0], axis=1)


def generator(g: Graph, x: str) -> str:
    x = g.conv(x, HIDDEN, UP_CHANNEL, 7)
    ch = UP_CHANNEL
    for rate, k in zip(UP_RATES, UP_KERNELS):
        x = g.up(g.leaky(x), ch, ch // 2, k, rate)
        ch //= 2
        total = None
        for rk, dils in zip(RES_KERNELS, RES_DILATIONS):
            y = x
            for d in dils:
                y = g.op("Add", [y, g.conv(g.leaky(y), ch, ch, rk, dilation=d, gain=0.5)])
            total = y if total is None else g.op("Add", [total, y])
        x = g.op("Mul", [total, g.const(1 / len(RES_KERNELS), np.float32)])
    x = g.conv(g.leaky(x), ch, 1, 7)
    return g.op("Tanh", [x])


def build(seed: int) -> tuple[onnx.ModelProto, int]:
    g = Graph(seed)
    ids = g.op("Slice", ["input", g.const([0]), "input_lengths", g.const([1])])
    emb = g.weight((256, HIDDEN), 1.0)
    x = g.op("Transpose", [g.op("Gather", [emb, ids])], perm=[0, 2, 1])
    for _ in range(ENC_LAYERS):
        x = encoder_layer(g, x)
    stats = g.conv(x, HIDDEN, 2 * HIDDEN, 1)
    m = g.op("Slice", [stats, g.const([0]), g.const([HIDDEN]), g.const([1])])
    logs = g.op("Slice", [stats, g.const([HIDDEN]), g.const([2 * HIDDEN]), g.const([1])])
    # Duration predictor: its output nudges the prior so it is not pruned away;
    # the frame count stays fixed per id so runs are comparable.
    dp = g.op("Relu", [g.conv(x, HIDDEN, 256, 3)])
    dp = g.op("Relu", [g.conv(dp, 256, 256, 3)])
    m = g.op("Add", [m, g.op("Mul", [g.conv(dp, 256, 1, 1), g.const(0.01, np.float32)])])
    # Each id held for round(FRAMES_PER_ID * length_scale) frames, at least one.
    length_scale = g.op("Slice", ["scales", g.const([1]), g.const([2]), g.const([0])])
    frames = g.op("Round", [g.op("Mul", [length_scale, g.const(FRAMES_PER_ID, np.float32)])])
    frames = g.op("Cast", [g.op("Max", [frames, g.const([1.0], np.float32)])], to=TensorProto.INT64)
    n_ids = g.op("Slice", [g.op("Shape", [ids]), g.const([1]), g.const([2]), g.const([0])])
    m = g.op("Unsqueeze", [m, g.const([3])])
    logs = g.op("Unsqueeze", [logs, g.const([3])])
    grow = g.op("Concat", [g.const([1, HIDDEN]), n_ids, frames], axis=0)
    flat = g.const([1, HIDDEN, -1])
    m = g.op("Reshape", [g.op("Expand", [m, grow]), flat])
    logs = g.op("Reshape", [g.op("Expand", [logs, grow]), flat])
    # z = m + noise * exp(logs) * noise_scale, as VITS samples its prior.
    noise_scale = g.op("Slice", ["scales", g.const([0]), g.const([1]), g.const([0])])
    noise = g.op("RandomNormalLike", [m], dtype=TensorProto.FLOAT)
    spread = g.op("Exp", [g.op("Mul", [g.op("Tanh", [logs]), g.const(0.5, np.float32)])])
    z = g.op("Add", [m, g.op("Mul", [g.op("Mul", [noise, spread]), noise_scale])])
    for _ in range(FLOWS):
        z = coupling(g, z)
    audio = generator(g, z)
    out = g.op("Reshape", [audio, g.const([1, 1, -1])])
    g.nodes.append(helper.make_node("Identity", [out], ["output"]))
    inputs = [
        helper.make_tensor_value_info("input", TensorProto.INT64, [1, "phonemes"]),
        helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
        helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
    ]
    outputs = [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, "time"])]
    graph = helper.make_graph(g.nodes, "piper_medium_shaped", inputs, outputs, g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="herald-bench-peers")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model, g.params


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="path of the .onnx to write")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    model, params = build(args.seed)
    onnx.save(model, args.out)
    print(params)
