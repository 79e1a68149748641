"""Helpers shared by the model export scripts of this directory (export_*.py).

Not a model: imported by the export scripts, which run with Debian's /usr/bin/python3
(torch 1.13) and also with torch 2.x.

- save_torchscript(): serialises a ScriptModule to bytes without the `.debug_pkl` records.
  Those hold the Python stack of the trace (absolute paths of the export script and of
  torch on the machine that exported), so dropping them makes the bytes, and so the
  SHA-256 recorded in models/manifest.json, independent of where the repository is
  checked out. The bytes still depend on the torch version that traced the model.
- load_torchscript_bytes(), sha256_*(), max_abs_diff(), data_dir(): small utilities.
"""
import hashlib
import io
import os
import zipfile

import torch


class ExportError(RuntimeError):
    """A check failed: the export script must stop and write nothing."""


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def serialise(module, keep_debug=False):
    """TorchScript archive bytes of `module`; without debug records unless keep_debug."""
    buf = io.BytesIO()
    torch.jit.save(module, buf)
    data = buf.getvalue()
    if keep_debug:
        return data
    src = zipfile.ZipFile(io.BytesIO(data))
    records = []
    version = None
    for info in src.infolist():
        # Every record sits under one top-level folder ("archive/" for a buffer).
        name = info.filename.split("/", 1)[1]
        if name.endswith(".debug_pkl"):
            continue
        payload = src.read(info.filename)
        if name in ("version", ".data/version"):
            version = int(payload.decode().strip())
            continue  # the writer adds it back from set_min_version()
        if name == ".data/serialization_id":
            continue  # torch 2.x: a random id per save; the writer makes a new one
        records.append((name, payload))
    out = io.BytesIO()
    # torch's own writer keeps its record layout (64-byte aligned data) and version rules.
    writer = torch._C.PyTorchFileWriter(out)
    if version is not None:
        writer.set_min_version(version)
    for name, payload in records:
        writer.write_record(name, payload, len(payload))
    writer.write_end_of_file()
    return out.getvalue()


def load_torchscript_bytes(data, device="cpu"):
    return torch.jit.load(io.BytesIO(data), map_location=device)


def write_file(path, data):
    """Writes atomically (temporary file + rename); returns the SHA-256 of the bytes."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    digest = sha256_file(path)
    if digest != sha256_bytes(data):
        raise ExportError(f"{path}: the file read back differs from the bytes written")
    return digest


def max_abs_diff(a, b):
    a = torch.as_tensor(a).double()
    b = torch.as_tensor(b).double()
    if a.shape != b.shape:
        raise ExportError(f"shape mismatch: {tuple(a.shape)} vs {tuple(b.shape)}")
    return float((a - b).abs().max()) if a.numel() else 0.0


def as_tuple(out):
    return tuple(out) if isinstance(out, (tuple, list)) else (out,)


def check_batch_consistency(module, images, what, tol):
    """Runs `images` (N×C×H×W) as one batch and one by one; the outputs must agree.

    Returns the max abs diff over all outputs; raises ExportError above `tol`."""
    with torch.no_grad():
        batched = as_tuple(module(images))
        singles = [as_tuple(module(images[i:i + 1])) for i in range(images.shape[0])]
    worst = 0.0
    for k, out in enumerate(batched):
        if out.shape[0] != images.shape[0]:
            raise ExportError(f"{what}: output {k} has batch {out.shape[0]} for an input "
                              f"batch of {images.shape[0]}")
        ref = torch.cat([s[k] for s in singles])
        worst = max(worst, max_abs_diff(out, ref))
    if not worst <= tol:  # also catches NaN
        raise ExportError(f"{what}: a batch of {images.shape[0]} differs from the single-image "
                          f"passes by {worst:.3g} (> {tol:g}): the batch is not independent")
    return worst


def data_dir():
    """The test-data folder: $VIGIE_DATA_DIR, else ../shared/data beside the repository."""
    env = os.environ.get("VIGIE_DATA_DIR")
    if env:
        return env
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(os.path.dirname(root), "shared", "data")


def float_tensor_constants(module):
    """Float tensors (not 0-dim) baked into the graph as constants: they would stay fp32
    after .to(torch.half); empty for a module whose weights are all buffers/parameters."""
    found = []
    graphs = [module.graph]
    for _, sub in module.named_modules():
        try:
            graphs.append(sub.graph)
        except (AttributeError, RuntimeError):
            pass
    for g in graphs:
        for node in g.nodes():
            if node.kind() == "prim::Constant" and node.output().type().kind() == "TensorType":
                t = node.output().toIValue()
                # 0-dim constants (x / 127.5 traced) follow the input's dtype: harmless.
                if torch.is_tensor(t) and t.is_floating_point() and t.dim() > 0:
                    found.append(f"{tuple(t.shape)} {t.dtype}")
    return found


def golden_picture():
    """The letterboxed street picture of the YOLOX golden files (1×3×416×416 float BGR
    0–255) when the test data is present, else None: a real picture for the checks."""
    path = os.path.join(data_dir(), "golden", "yolox_nano", "bus_input_1x3x416x416_f32.raw")
    if not os.path.isfile(path):
        return None
    import numpy as np
    raw = np.fromfile(path, dtype=np.float32)
    if raw.size != 3 * 416 * 416:
        return None
    return torch.from_numpy(raw.reshape(1, 3, 416, 416).copy())


def smooth_noise(count, channels, height, width, seed):
    """`count` different noise pictures 0–255, smooth over blocks of 8 px."""
    g = torch.Generator().manual_seed(seed)
    low = torch.rand(count, channels, max(1, height // 8), max(1, width // 8), generator=g)
    return torch.nn.functional.interpolate(low * 255.0, size=(height, width), mode="bilinear",
                                           align_corners=False)


def set_tf32(enabled):
    """Whether the traced convolutions may use TF32 on Ampere+ GPUs.

    The tracer bakes torch.backends.cudnn.allow_tf32 *at trace time* into every
    aten::_convolution of the graph (its last argument), so the file decides, not the
    program that runs it. The default of torch is True, which makes "fp32" on a recent GPU
    compute with 10-bit mantissas (YOLOX-nano raw outputs off by ~0.1-0.4 on an H200).
    The export scripts trace with False unless asked (--tf32): fp32 files compute in fp32
    everywhere; FP16 on the GPU is the fast path (the half file)."""
    torch.backends.cudnn.allow_tf32 = bool(enabled)
    torch.backends.cuda.matmul.allow_tf32 = bool(enabled)
