// Validates a DCAT catalog in JSON-LD against the DCAT-AP 3.0.1 SHACL shapes (shapes/: the mandatory and
// recommended property shapes, dcat-ap-SHACL.ttl, and the range shapes, ranges.ttl) with rdf-validate-shacl 0.6.5;
// jsonld 9.0.0 turns the catalog into RDF, n3 parses the shapes' Turtle.
// Usage: node validate-dcat.mjs CATALOG.jsonld
// Prints { "conforms": bool, "violations": [...], "warnings": N, "triples": N } and exits 0. Violations are results
// of severity sh:Violation; recommended properties the shapes report as sh:Warning are only counted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import rdf from 'rdf-validate-shacl/src/defaultEnv.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function parse(text, format) {
  const dataset = rdf.dataset();
  for (const q of new N3.Parser({ format, factory: rdf }).parse(text)) dataset.add(q);
  return dataset;
}

const catalog = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const nquads = await jsonld.toRDF(catalog, { format: 'application/n-quads', safe: true });
const data = parse(nquads, 'N-Quads');
const shapes = parse(
  fs.readFileSync(path.join(here, 'shapes', 'dcat-ap-SHACL.ttl'), 'utf8') + '\n' + fs.readFileSync(path.join(here, 'shapes', 'ranges.ttl'), 'utf8'),
  'text/turtle');
const report = await new SHACLValidator(shapes).validate(data);
const severity = r => (r.severity && r.severity.value || '').split('#').pop();
const describe = r => `${r.focusNode && r.focusNode.value} ${r.path && r.path.value}: ${r.message.map(m => m.value).join(' ')} (${r.sourceConstraintComponent && r.sourceConstraintComponent.value.split('#').pop()})`;
process.stdout.write(JSON.stringify({
  conforms: report.results.every(r => severity(r) !== 'Violation'),
  violations: report.results.filter(r => severity(r) === 'Violation').map(describe),
  warnings: report.results.filter(r => severity(r) !== 'Violation').map(describe),
  triples: data.size,
}) + '\n');
