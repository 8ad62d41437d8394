// CSV loses nothing silently (issue 22): on valid RFC 4180 files — comma, semicolon or tab;
// quoted cells with delimiters, quotes and line breaks; LF or CRLF; with or without a BOM,
// a header, `#` comment records — nnplay reads exactly the records csv-parse reads, minus
// the choices README "Own data" documents: a first record with no number is a header, a
// record that starts with # outside quotes is a comment, blank lines are skipped
// (csv-parse's skip_empty_lines), and the delimiter is sniffed (csv-parse is told it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { nn } from './helpers.mjs';

const DELIMITERS = [',', ';', '\t'];

// A cell as a writer of RFC 4180 puts it: quoted when it must be (or when the writer likes).
function written(cell, d, quote) {
  const must = cell.includes(d) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
  return must || quote ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const number = (min, max) => fc.tuple(fc.double({ min, max, noNaN: true }), fc.constantFrom('plain', 'exp', 'fixed'))
  .map(([v, form]) => (form === 'exp' ? v.toExponential() : form === 'fixed' ? v.toFixed(4) : String(v)));
// Text without digits that starts with a letter: never a number, never a comment.
const text = fc.tuple(fc.constantFrom('x', 'y', 'label', 'a', 'Zeta'), fc.array(fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', '\r\n', '#'), { maxLength: 8 }).map((parts) => parts.join('')))
  .map(([head, tail]) => head + tail);
const record = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('data'), cells: fc.tuple(number(-6, 6), number(-6, 6), fc.oneof(fc.constantFrom('-1', '0', '1', '2'), number(-3e38, 3e38))) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('comment'), cells: fc.tuple(fc.constantFrom('#', '#note', '# x y label'), fc.array(text, { maxLength: 3 })).map(([first, rest]) => [first, ...rest]) }) },
);
const file = fc.record({
  d: fc.constantFrom(...DELIMITERS),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  header: fc.option(fc.tuple(text, text, text), { nil: null }),
  records: fc.array(record, { maxLength: 25 }),
  quotes: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  finalEol: fc.boolean(),
});

function serialize(f) {
  let q = 0;
  const line = (cells, comment = false) => cells.map((c, i) => (comment && i === 0 ? c : written(c, f.d, f.quotes[q++ % 64]))).join(f.d);
  const lines = [...(f.header ? [line(f.header)] : []), ...f.records.map((r) => line(r.cells, r.kind === 'comment'))];
  return (f.bom ? '\uFEFF' : '') + lines.join(f.eol) + (f.finalEol && lines.length ? f.eol : '');
}

test('on valid RFC 4180 files nnplay reads exactly what csv-parse reads (minus the documented choices)', { timeout: 300_000 }, () => {
  fc.assert(fc.property(file, (f) => {
    const csv = serialize(f);
    const reference = parse(csv, { delimiter: f.d, bom: true, skip_empty_lines: true, relax_column_count: true });
    // csv-parse reads back every record as written: the generator wrote valid files
    const written = [...(f.header ? [f.header] : []), ...f.records.map((r) => r.cells)];
    assert.deepEqual(reference, written.filter((cells) => !(cells.length === 1 && cells[0] === '')));
    const expected = reference.filter((cells, i) => !(f.header && i === 0) && !cells[0].startsWith('#'));
    const got = nn.exports.parseDatasetCsv(csv, 1_000_000);
    assert.deepEqual(got.errors, [], 'no error on a valid file');
    // (a file without data rows may be read with another delimiter: it reads the same, nothing)
    if (expected.length > 0) assert.equal(got.delimiter, f.d, 'the sniffed delimiter is the writer\'s');
    assert.equal(got.labels.shape[0], expected.length, 'every data record read, none more');
    expected.forEach((cells, i) => {
      const want = cells.map((c) => Math.fround(Number(c)));
      assert.deepEqual([got.points.data[2 * i], got.points.data[2 * i + 1], got.labels.data[i]], want, `record ${i}: ${JSON.stringify(cells)}`);
    });
  }), { numRuns: Number(process.env.CSV_PROPERTY_RUNS ?? 2000), seed: Number(process.env.CSV_PROPERTY_SEED ?? 22) });
});

test('a # comment holding a quoted line break does not swallow the records after it', () => {
  const r = nn.exports.parseDatasetCsv('#note,"a\n",0\n1,2,1\n3,4,0\n');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(Array.from(r.points.data), [1, 2, 3, 4]);
  assert.deepEqual(r.rows, [3, 4], 'line numbers count the comment\'s two lines');
  // a # inside quotes starts no comment: a quoted first cell is data (here: not a number)
  assert.match(nn.exports.parseDatasetCsv('1,2,1\n"#3",4,0\n').errors[0], /row 2: x "#3" is not a number/);
  // a comment whose quote never closes ends with its line: it hides nothing
  assert.deepEqual(Array.from(nn.exports.parseDatasetCsv('1,2,1\n#a,"b\n3,4,0\n').points.data), [1, 2, 3, 4]);
});

test('numbers beyond float32 are errors naming the row and the column, not ±Infinity', () => {
  const r = nn.exports.parseDatasetCsv('x,y,label\n1,2,1e39\n0,0,-1e39\n1,1,3.4e38\n0.5,0.5,1\n');
  assert.deepEqual(r.errors, [
    'row 2: label "1e39" is beyond float32, the engine\'s numbers (|v| <= 3.4e38)',
    'row 3: label "-1e39" is beyond float32, the engine\'s numbers (|v| <= 3.4e38)',
  ]);
  assert.deepEqual(Array.from(r.labels.data), [Math.fround(3.4e38), 1]);
  assert.ok(Array.from(r.labels.data).every(Number.isFinite));
});

test('the delimiter is the one that reads rows of three numbers, whatever the header holds', () => {
  assert.equal(nn.exports.parseDatasetCsv('x;a,y,label\n1,2,1\n').delimiter, ',');
  assert.equal(nn.exports.parseDatasetCsv('x\tz;y;label\n1;2;1\n').delimiter, ';');
  assert.equal(nn.exports.parseDatasetCsv('x,1\ty\tlabel\n1\t2\t1\n').delimiter, '\t');
  assert.equal(nn.exports.parseDatasetCsv('1,5;2,5;1\n').delimiter, ';', 'decimal commas in a semicolon file');
});
