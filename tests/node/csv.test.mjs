// CSV import (nn.exports.parseDatasetCsv, bindings/src/csv.ts) against adversarial files:
// each misreading found in review (issue 11), then a property: any file written from random
// points with a random delimiter, quoting, BOM, comments, blank lines and line ends reads
// back exactly those points, labels and line numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nn } from './helpers.mjs';

const parse = (text, maxRows) => nn.exports.parseDatasetCsv(text, maxRows);
const points = (r) => Array.from(r.points.data);
const labels = (r) => Array.from(r.labels.data);

test('a semicolon file with decimal commas: one delimiter per file, not three at once', () => {
  const r = parse('x;y;label\n0,5;1,5;1\n-2,25;3;0\n');
  assert.deepEqual(r.errors, []);
  assert.equal(r.delimiter, ';');
  assert.deepEqual(points(r), [0.5, 1.5, -2.25, 3]);
  assert.deepEqual(labels(r), [1, 0]);
  assert.deepEqual(r.rows, [2, 3]);
  // the same line without a header: still a semicolon file
  assert.deepEqual(points(parse('0,5;1,5;1')), [0.5, 1.5]);
});

test('one delimiter per file: another one later is a bad row, and decimal commas belong to semicolon files only', () => {
  const r = parse('x,y,label\n1,2,1\n1;2;1\n1,5,2,1\n');
  assert.deepEqual(points(r), [1, 2]);
  assert.deepEqual(r.errors, [
    'row 3: expected 3 columns (x, y, label), found 1 (delimiter ",")',
    'row 4: expected 3 columns (x, y, label), found 4 (delimiter ",")',
  ]);
  const tabs = parse('x\ty\tlabel\n1.5\t-2\t1\n0,5\t1\t0\n');
  assert.equal(tabs.delimiter, '\t');
  assert.deepEqual(points(tabs), [1.5, -2]);
  assert.deepEqual(tabs.errors, ['row 3: x "0,5" is not a number']);
});

test('RFC 4180: quoted fields, "" escapes, a field over two lines, CRLF', () => {
  const csv = '"x","y ""north""","label, the class"\r\n"0.25","-1","1"\r\n"1\r\n",2,0\r\n3,"4",1\r\n';
  const r = parse(csv);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(points(r), [0.25, -1, 1, 2, 3, 4]);
  assert.deepEqual(labels(r), [1, 0, 1]);
  assert.deepEqual(r.rows, [2, 3, 5], 'a record over two lines: the next one is on line 5');
});

test('quoting mistakes are bad rows that name their line', () => {
  const r = parse('x,y,label\n"1"2,3,1\n1,2",1\n4,4,1\n"5,5,1\n1,1,1\n');
  assert.deepEqual(points(r), [4, 4]);
  assert.deepEqual(r.errors, [
    'row 2: text after a closing quote (write "" for a quote inside quotes)',
    'row 3: a quote inside an unquoted field "2\\"" (quote the whole field)',
    'row 5: a quoted field is not closed (a " is missing)',
  ]);
});

test('a UTF-8 BOM is ignored, and # comment lines are skipped anywhere, before the header too', () => {
  const r = parse('\uFEFF# exported by hand\n  # indented comment\n\nx,y,label\n# a comment between rows\n1,1,1\n\n#,,\n2,2,0');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(points(r), [1, 1, 2, 2]);
  assert.deepEqual(r.rows, [6, 9]);
  assert.deepEqual(points(parse('\uFEFF1,2,1')), [1, 2], 'a BOM before a data row');
});

test('extra or missing columns are an error for that row, naming it; the header too', () => {
  const r = parse('x,y,label,weight\n1,2,1,0.5\n1,2\n3,3,1\n1,2,1,\n');
  assert.deepEqual(points(r), [3, 3]);
  assert.deepEqual(r.errors, [
    'row 1: expected 3 columns (x, y, label), found 4 in the header (delimiter ",")',
    'row 2: expected 3 columns (x, y, label), found 4 (delimiter ",")',
    'row 3: expected 3 columns (x, y, label), found 2 (delimiter ",")',
    'row 5: expected 3 columns (x, y, label), found 4 (delimiter ",")',
  ]);
});

test('a first row with one bad number is a bad row, not a header; numbers are plain decimals', () => {
  const r = parse('1,abc,1\n0x1,1,1\nInfinity,1,1\n ,1,1\n1e0, -.5 ,+2\n');
  assert.deepEqual(points(r), [1, -0.5]);
  assert.deepEqual(labels(r), [2]);
  assert.deepEqual(r.errors, [
    'row 1: y "abc" is not a number',
    'row 2: x "0x1" is not a number',
    'row 3: x "Infinity" is not a number',
    'row 4: x "" is not a number',
  ]);
});

test('binary input gives one clear error and no points: NUL bytes, text that was not UTF-8', () => {
  const nul = parse('\0'.repeat(5 * 1024 * 1024));
  assert.equal(nul.points.shape[0], 0);
  assert.deepEqual(nul.errors, ['this is not a CSV text file: it contains NUL bytes (a binary file, or UTF-16 text; save it as UTF-8 CSV)']);
  const utf16 = parse(Buffer.from('x,y,label\n1,1,1\n', 'utf16le').toString('latin1'));
  assert.equal(utf16.errors.length, 1);
  assert.match(utf16.errors[0], /NUL bytes/);
  const latin1 = parse(new TextDecoder().decode(Uint8Array.from([0x78, 0x2c, 0xe9, 0xff, 0x0a, 0x31])));
  assert.deepEqual(latin1.errors, ['this is not a UTF-8 text file: it has bytes that are not UTF-8 (save it as UTF-8 CSV)']);
});

test('the row cap: reading stops there (a 50 MB file is not read to its end)', () => {
  // Past the cap: 54 MB of rows, then rows that would be errors if they were read (a bad number,
  // a quote never closed). Only the cap's message may come back — checked on what was read, not on time.
  const big = '1,1,1\n'.repeat(9_000_000) + 'x,1,1\n"never closed,1,1\n';
  const r = parse(big, 100);
  assert.equal(r.points.shape[0], 100);
  assert.deepEqual(r.errors, ['row 101: more than 100 rows; the rest was not read']);
  assert.equal(parse('1,1,1\n'.repeat(10001)).points.shape[0], 10000, 'the default cap');
  assert.deepEqual(parse('1,1,1\n1,1,1\n# the end\n\n', 2).errors, [], 'exactly the cap: nothing left unread');
});

test('bad rows: at most 20 listed, and reading stops after 1000', () => {
  const r = parse('a,b,c\n' + 'x,1,1\n'.repeat(5000) + '1,1,1\n');
  assert.equal(r.points.shape[0], 0);
  assert.equal(r.errors.length, 21);
  assert.equal(r.errors[0], 'row 2: x "x" is not a number');
  assert.equal(r.errors[20], '… and 981 more bad rows');  // 1000 bad rows and the message that reading stopped
});

test('arguments are checked, naming them', () => {
  assert.throws(() => parse('1,1,1', -1), /parseDatasetCsv.*maxRows.*-1/);
  assert.throws(() => parse('1,1,1', 2.5), /maxRows/);
  assert.throws(() => nn.exports.parseDatasetCsv(42), /text must be a string/);
});

test('lone CR line ends (old Mac files) and a missing final line end', () => {
  const r = parse('x,y,label\r1,1,1\r2,2,0');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.rows, [2, 3]);
});

// ---- the property: write random points as some CSV dialect, read them back exactly

const f32 = (o) => fc.float({ noNaN: true, noDefaultInfinity: true, ...o });
const row = fc.record({
  x: f32({ min: -6, max: 6 }),
  y: f32({ min: -6, max: 6 }),
  label: fc.oneof(fc.integer({ min: -1, max: 2 }), f32({ min: Math.fround(-1e30), max: Math.fround(1e30) })),
});
const dialect = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  decimalComma: fc.boolean(),   // used in semicolon files only
  quoting: fc.constantFrom('none', 'all', 'some'),
  bom: fc.boolean(),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  header: fc.boolean(),
  finalLineEnd: fc.boolean(),
  // per row: comment lines / blank lines before it, a sign and exponent style, spaces, quoting coin
  noise: fc.array(fc.record({
    comments: fc.nat(2), blanks: fc.nat(1), plus: fc.boolean(), exponent: fc.boolean(), spaces: fc.boolean(), quote: fc.boolean(),
  }), { minLength: 1, maxLength: 8 }),
  headerNames: fc.tuple(...[0, 1, 2].map(() => fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', '"', ',', ';', '\t', '\n', ' ', '#', '1') }))),
});

function number(v, style, d) {
  let text = Object.is(v, -0) ? '-0' : style.exponent ? v.toExponential() : String(v);
  if (style.plus && !text.startsWith('-')) text = `+${text}`;
  if (d.delimiter === ';' && d.decimalComma) text = text.replace('.', ',');
  return text;
}

// The file, and the line each data row starts on.
function writeCsv(rows, d) {
  const lines = [];
  let line = 1;
  const emit = (text) => {
    lines.push(text);
    // a quoted field may hold line ends: the next record starts further down
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  };
  const quote = (cell, coin) => (d.quoting === 'all' || (d.quoting === 'some' && coin) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const style = (i) => d.noise[i % d.noise.length];
  // comments hold delimiters and quotes; a quoted field in them closes (a comment is a record, README "Own data")
  const comment = (i) => `# comment ${i} ${d.delimiter}"${d.delimiter}"` + (i % 2 ? ' ""' : '');
  for (let c = 0; c < style(0).comments; c++) emit(comment(c));
  if (d.header) {
    // quoted names may hold anything; unquoted ones start with a letter and stay plain
    emit(d.headerNames.map((n, i) => (d.quoting === 'none' ? `h${i}${n.replace(/[^ab1]/g, '')}` : `"h${i}${n.replaceAll('"', '""')}"`)).join(d.delimiter));
  }
  const starts = [];
  rows.forEach((r, i) => {
    const s = style(i + 1);
    for (let c = 0; c < s.comments; c++) emit(comment(c));
    for (let b = 0; b < s.blanks; b++) emit(s.spaces ? '  ' : '');
    starts.push(line);
    const pad = (t) => (s.spaces && d.delimiter !== '\t' ? ` ${t} ` : t);
    emit([r.x, r.y, r.label].map((v, k) => {
      const cell = number(v, s, d);
      return d.quoting === 'some' ? quote(cell, s.quote !== (k === 1)) : d.quoting === 'all' ? quote(cell, true) : pad(cell);
    }).join(d.delimiter));
  });
  return { text: (d.bom ? '\uFEFF' : '') + lines.join(d.lineEnd) + (d.finalLineEnd ? d.lineEnd : ''), starts };
}

test('property: random points written in a random CSV dialect read back exactly (1000 files)', () => {
  fc.assert(fc.property(fc.array(row, { maxLength: 40 }), dialect, (rows, d) => {
    const { text, starts } = writeCsv(rows, d);
    const r = parse(text);
    assert.deepEqual(r.errors, [], JSON.stringify(text));
    if (rows.length) assert.equal(r.delimiter, d.delimiter);
    assert.deepStrictEqual(points(r), rows.flatMap((p) => [p.x, p.y]), JSON.stringify(text));
    assert.deepStrictEqual(labels(r), rows.map((p) => Math.fround(p.label)), JSON.stringify(text));
    assert.deepEqual(r.rows, starts, JSON.stringify(text));
  }), { numRuns: 1000, seed: 20240611 });
});

test('property: datasetCsv output reads back exactly, every dataset', () => {
  fc.assert(fc.property(fc.constantFrom(...nn.datasets.names), fc.integer({ min: 1, max: 1e6 }), (type, seed) => {
    const d = nn.datasets.generate({ type, seed });
    const r = parse(nn.exports.datasetCsv(d.points, d.labels));
    assert.deepEqual(r.errors, []);
    assert.deepStrictEqual(r.points.data, d.points.data);
  }), { numRuns: 30, seed: 7 });
});
