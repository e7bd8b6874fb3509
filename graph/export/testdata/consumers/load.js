// Loads paperkg exports with the JavaScript libraries that read them and
// prints what they read.
//
// Usage: node load.js FORMAT FILE...
//
// FORMAT is cytoscape (Cytoscape.js, headless), graphology (Graph.from on
// the serialised graph) or gexf (graphology-gexf's parser). For each file
// one JSON line is printed with the graph's type, every node and edge with
// its attributes, and the problems found: for graphology, whatever would
// stop sigma.js from drawing a node or an edge.
'use strict';

const fs = require('fs');
const cytoscape = require('cytoscape');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

function loadCytoscape(text) {
  const doc = JSON.parse(text);
  const cy = cytoscape({headless: true, styleEnabled: false});
  cy.json(doc);
  const out = {type: null, multi: null, problems: [], nodes: {}, edges: []};
  out.name = cy.data('name');
  if (cy.nodes().length !== doc.elements.nodes.length || cy.edges().length !== doc.elements.edges.length) {
    out.problems.push('cy.json kept ' + cy.nodes().length + ' nodes and ' + cy.edges().length + ' edges');
  }
  cy.nodes().forEach(n => {
    const d = Object.assign({}, n.data());
    d.position = n.position();
    d.classes = n.classes();
    out.nodes[n.id()] = d;
  });
  cy.edges().forEach(e => {
    const d = Object.assign({}, e.data());
    d.classes = e.classes();
    if (e.source().id() !== d.source || e.target().id() !== d.target) {
      out.problems.push('edge ' + e.id() + ' joins the wrong nodes');
    }
    out.edges.push([d.source, d.target, d, false]);
  });
  return out;
}

function dump(graph) {
  const out = {type: graph.type, multi: graph.multi, problems: [], nodes: {}, edges: []};
  out.name = graph.getAttribute('name');
  out.attributes = graph.getAttributes();
  graph.forEachNode((key, attrs) => {
    out.nodes[key] = attrs;
  });
  graph.forEachEdge((key, attrs, source, target, sa, ta, undirected) => {
    out.edges.push([source, target, attrs, undirected]);
  });
  return out;
}

const hexColor = /^#[0-9a-f]{6}([0-9a-f]{2})?$/;

// sigmaProblems lists what sigma.js 3 and 4 need and do not find: finite
// x and y (it throws without them), a positive size and a colour it can
// parse, and no "type" attribute, which picks the drawing program and
// throws when no program of that name exists.
function sigmaProblems(graph) {
  const problems = [];
  graph.forEachNode((key, a) => {
    for (const c of ['x', 'y']) {
      if (typeof a[c] !== 'number' || !Number.isFinite(a[c])) problems.push('node ' + key + ': ' + c + ' is ' + a[c]);
    }
    if (typeof a.size !== 'number' || !(a.size > 0)) problems.push('node ' + key + ': size is ' + a.size);
    if (!hexColor.test(a.color)) problems.push('node ' + key + ': color is ' + a.color);
    if ('type' in a) problems.push('node ' + key + ': has a type attribute');
  });
  graph.forEachEdge((key, a) => {
    if (typeof a.size !== 'number' || !(a.size > 0)) problems.push('edge ' + key + ': size is ' + a.size);
    if (!hexColor.test(a.color)) problems.push('edge ' + key + ': color is ' + a.color);
    if ('type' in a) problems.push('edge ' + key + ': has a type attribute');
  });
  return problems;
}

const format = process.argv[2];
for (const path of process.argv.slice(3)) {
  const text = fs.readFileSync(path, 'utf8');
  let out;
  switch (format) {
    case 'cytoscape':
      out = loadCytoscape(text);
      break;
    case 'graphology': {
      const graph = Graph.from(JSON.parse(text));
      out = dump(graph);
      out.problems = sigmaProblems(graph);
      break;
    }
    case 'gexf':
      out = dump(gexf.parse(Graph, text));
      break;
    default:
      throw new Error('unknown format ' + format);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
