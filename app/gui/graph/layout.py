"""Where the Graph view puts each entry: igraph's Fruchterman-Reingold on a grid, run on a
worker thread and imported only when a graph is first laid out (benchmarks/graph.py: 1,000
nodes in a few hundred milliseconds; a force layout in plain Python took over ten seconds).

The layout is stable between openings: the random start is seeded, and the positions are kept
per library in a small JSON file beside the settings (positions.json keyed by the library's
path), so the same graph opens exactly as it was left; entries that are new to it are laid out
around the positions kept, and pinned ones (dragged by the researcher) stay where put."""

from __future__ import annotations

import hashlib
import json
import math
import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.io.atomic import write_text
from app.paths import data_dir
from app.records.graph import Graph
from app.user_files import read_text

SEED = 20250918
SPACING = 70.0  # scene units between neighbouring entries, about (the square each one has)
_IGRAPH = threading.Lock()  # igraph's random generator is global to the process


@dataclass(frozen=True, slots=True)
class Placed:
    x: float
    y: float
    pinned: bool = False


Positions = dict[str, Placed]  # by slug


CACHE_LIMIT = 64 * 1024 * 1024  # far above the positions of 100,000 entries (about 5 MB)


def cache_file(library: Path) -> Path:
    key = hashlib.sha256(str(library).encode()).hexdigest()[:16]
    return data_dir() / "graph-positions" / f"{key}.json"


def load(library: Path) -> Positions:
    """The positions kept for `library`; none when there are none or the file is unreadable
    (it is only a cache: the layout is made again)."""
    try:
        # (a FIFO or a device put there would block an ordinary open: read_text never waits)
        raw = json.loads(read_text(cache_file(library), limit=CACHE_LIMIT))
        return {str(s): Placed(float(p[0]), float(p[1]), bool(p[2])) for s, p in raw["positions"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return {}


def save(library: Path, positions: Mapping[str, Placed]) -> None:
    """Keep `positions` (merged into those kept for other graphs of the library)."""
    kept = load(library)
    kept.update(positions)
    path = cache_file(library)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {"library": str(library), "positions": {s: [p.x, p.y, p.pinned] for s, p in kept.items()}}
        write_text(path, json.dumps(body, ensure_ascii=False))
    except OSError:
        pass  # a cache that cannot be written costs a new layout next time, nothing else


def lay_out(graph: Graph, kept: Mapping[str, Placed], *, iterations: int = 500) -> Positions:
    """Positions for every node of `graph`: those kept as they were when all are kept, else a
    layout seeded with them (pinned ones put back where pinned)."""
    slugs = [n.slug for n in graph.nodes]
    if slugs and all(s in kept for s in slugs):
        return {s: kept[s] for s in slugs}
    if not slugs:
        return {}
    import igraph

    index = {n.id: i for i, n in enumerate(graph.nodes)}
    edges = sorted({(index[e.source], index[e.target]) for e in graph.edges})
    rnd = random.Random(SEED)
    spread = math.sqrt(len(slugs)) / 2  # igraph's own start: wider ones take twice as long
    start = []
    for s in slugs:
        if s in kept:
            start.append([kept[s].x / SPACING, kept[s].y / SPACING])
        else:
            start.append([rnd.uniform(-spread, spread), rnd.uniform(-spread, spread)])
    g = igraph.Graph(n=len(slugs), edges=edges)
    with _IGRAPH:
        igraph.set_random_number_generator(random.Random(SEED))
        try:
            # Mostly kept: settle the new entries around the old without the full run.
            known = sum(1 for s in slugs if s in kept)
            rounds = iterations if known < len(slugs) / 2 else max(50, iterations // 5)
            coords = g.layout_fruchterman_reingold(seed=start, niter=rounds, grid=True).coords
        finally:
            igraph.set_random_number_generator(random)
    scale = SPACING / _spacing(coords)
    placed: Positions = {}
    for s, (x, y) in zip(slugs, coords, strict=True):
        old = kept.get(s)
        placed[s] = old if old is not None and old.pinned else Placed(x * scale, y * scale)
    return placed


def _spacing(coords: list[list[float]]) -> float:
    """The side of the square each node has on average: a dense graph spread as far as a
    sparse one, so that shapes do not overlap and labels have room."""
    if len(coords) < 2:
        return 1.0
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    area = max((max(xs) - min(xs)) * (max(ys) - min(ys)), 1e-9)
    return max(math.sqrt(area / len(coords)), 1e-6)
