"""Loads paperkg exports with networkx and prints what it read.

Usage: python3 networkx_load.py FORMAT FILE...

FORMAT is nodelink, cytoscape, graphml or gexf. For each file one JSON line
is printed: the graph's name, whether it is directed and a multigraph, and
every node and edge with its attributes, so that the Go tests of
graph/export can compare them with the view they wrote.

networkx 2.8 reads GEXF only up to version 1.2draft; for gexf the 1.3
namespaces are registered first, exactly as networkx 3 ships them.
"""

import json
import sys

import networkx as nx
from networkx.readwrite import json_graph
from networkx.readwrite.gexf import GEXF


def register_gexf_13():
    if "1.3" in GEXF.versions:
        return
    GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }


def load(fmt, path):
    if fmt == "nodelink":
        with open(path, encoding="utf-8") as f:
            return json_graph.node_link_graph(json.load(f))
    if fmt == "cytoscape":
        with open(path, encoding="utf-8") as f:
            return json_graph.cytoscape_graph(json.load(f))
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        register_gexf_13()
        return nx.read_gexf(path)
    raise SystemExit("unknown format " + fmt)


def plain(d):
    # GEXF viz data are dicts; everything else is a str, int or float.
    return {k: v for k, v in d.items() if k != "viz"}


def main():
    fmt = sys.argv[1]
    for path in sys.argv[2:]:
        G = load(fmt, path)
        if G.is_multigraph():
            edges = G.edges(keys=False, data=True)
        else:
            edges = G.edges(data=True)
        print(json.dumps({
            "name": G.graph.get("name"),
            "directed": G.is_directed(),
            "multigraph": G.is_multigraph(),
            "nodes": {str(n): plain(d) for n, d in G.nodes(data=True)},
            "edges": [[str(u), str(v), plain(d)] for u, v, d in edges],
        }))


main()
