// Own data read from a CSV file (x, y, label): RFC 4180 quoting ("a ""b""", fields over
// several lines, CRLF), one delimiter per file (sniffed: the one of comma, semicolon and tab
// that reads the first records as three numbers), decimal commas in semicolon files, a UTF-8
// BOM ignored, blank lines skipped, and comments: a record that starts with `#` outside
// quotes (a quoted line break inside it continues it, as in any record; a quote that never
// closes ends it with its line, so a stray quote in a comment hides nothing). Numbers beyond
// float32 are errors. Every bad row gets a message naming the file's line; the good rows
// are kept. Reading stops at the row cap. README "Own data" lists where this differs from
// csv-parse and why (tests/node/csv-property.test.mjs checks the rest).
import type { Matrix2D } from './engine.mjs';
import { type Message, message, type MessageCode, type MessageParams } from './messages.js';
import { check, fail, numberRule } from './validate.js';

export const CSV_MAX_ROWS = 10000;     // points read at most (the default cap)
export const CSV_MAX_BAD_ROWS = 1000;  // reading stops after this many bad rows
const ERRORS_LISTED = 20;              // the rest are counted in one last message

export type CsvDelimiter = ',' | ';' | '\t';

export interface ParsedCsv {
  points: Matrix2D;
  labels: Matrix2D;  // [n, 1]
  rows: number[];    // the file's line number of each point read (1-based)
  errors: string[];  // one per bad row; the good rows are kept
  messages: Message[];  // the same errors as codes and parameters (the page words them)
  delimiter: CsvDelimiter;
}

const POINT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;
const COLUMNS = ['x', 'y', 'label'];
const SNIFFED_RECORDS = 20;  // records read per candidate delimiter

// A number as written in a cell, or NaN. Number() alone would take '', ' ', '0x1f', 'Infinity'.
function cellNumber(cell: string, delimiter: CsvDelimiter): number {
  if (POINT.test(cell)) return Number(cell);
  if (delimiter === ';' && DECIMAL_COMMA.test(cell)) return Number(cell.replace(',', '.'));
  return NaN;
}

interface CsvRecord {
  cells: string[];
  line: number;       // where the record starts (1-based)
  comment: boolean;   // it starts with # (outside quotes)
  error?: { code: MessageCode; params: MessageParams };  // a quoting mistake: the record is bad as a whole
}

const isBlank = (c: string) => c === ' ' || c === '\t';

// Splits text into records, one at a time, skipping blank and comment lines.
class RecordReader {
  #text: string;
  #at: number;
  #line = 1;
  delimiter: CsvDelimiter = ',';

  constructor(text: string, delimiter: CsvDelimiter = ',') {
    this.#text = text;
    this.#at = text.charCodeAt(0) === 0xfeff ? 1 : 0;  // the BOM some editors write
    this.delimiter = delimiter;
  }

  // Skips blank lines; false at the end of the text.
  #skipToRecord(): boolean {
    const t = this.#text;
    while (this.#at < t.length) {
      let i = this.#at;
      while (i < t.length && isBlank(t[i])) i++;
      if (i < t.length && t[i] !== '\n' && t[i] !== '\r') return true;
      this.#skipLine();
    }
    return false;
  }

  #firstNonBlank(): string | undefined {
    let i = this.#at;
    while (i < this.#text.length && isBlank(this.#text[i])) i++;
    return this.#text[i];
  }

  // To the start of the next line (CRLF, LF or CR).
  #skipLine() {
    const t = this.#text;
    let i = this.#at;
    while (i < t.length && t[i] !== '\n' && t[i] !== '\r') i++;
    if (t[i] === '\r' && t[i + 1] === '\n') i++;
    this.#at = i + 1;
    this.#line++;
  }

  // The old rule, for files no candidate reads as rows of three: the first of tab,
  // semicolon, comma on the first record's line (outside quotes).
  firstLineDelimiter(): CsvDelimiter {
    while (this.#skipToRecord() && this.#firstNonBlank() === '#') this.#skipLine();  // comment lines
    if (this.#at >= this.#text.length) return ',';
    const t = this.#text;
    let quoted = false;
    const seen = new Set<string>();
    for (let i = this.#at; i < t.length; i++) {
      const c = t[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '\n' || c === '\r')) break;
      else if (!quoted) seen.add(c);
    }
    return seen.has('\t') ? '\t' : seen.has(';') ? ';' : ',';
  }

  // The next record that is not a comment (or any, withComments).
  next(withComments = false): CsvRecord | null {
    for (;;) {
      const record = this.#record();
      if (!record || withComments || !record.comment) return record;
    }
  }

  #record(): CsvRecord | null {
    if (!this.#skipToRecord()) return null;
    const t = this.#text, d = this.delimiter;
    const record: CsvRecord = { cells: [], line: this.#line, comment: this.#firstNonBlank() === '#' };
    let i = this.#at;
    for (;;) {
      let start = i;
      while (i < t.length && isBlank(t[i]) && t[i] !== d) i++;
      if (t[i] === '"') {
        let cell = '';
        for (i++; ;) {
          const close = t.indexOf('"', i);
          if (close < 0 && record.comment) {  // a comment's stray quote: the comment is its line
            this.#skipLine();
            record.cells = [];
            return record;
          }
          if (close < 0) {  // the rest of the file is inside the quotes
            record.error = { code: 'csv.unclosedQuote', params: {} };
            this.#countLines(this.#at, t.length);
            this.#at = t.length;
            return record;
          }
          cell += t.slice(i, close);
          if (t[close + 1] === '"') {  // "" stands for "
            cell += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        while (i < t.length && isBlank(t[i]) && t[i] !== d) i++;
        record.cells.push(cell);
        if (i < t.length && t[i] !== d && t[i] !== '\n' && t[i] !== '\r') record.error ??= { code: 'csv.textAfterQuote', params: {} };
      } else {
        i = start;
        while (i < t.length && t[i] !== d && t[i] !== '\n' && t[i] !== '\r') i++;
        const cell = t.slice(start, i).trim();
        if (cell.includes('"')) record.error ??= { code: 'csv.quoteInField', params: { cell: cell.slice(0, 20) } };
        record.cells.push(cell);
      }
      // to the delimiter or the end of the line
      while (i < t.length && t[i] !== d && t[i] !== '\n' && t[i] !== '\r') i++;
      if (t[i] === d) {
        i++;
        continue;
      }
      break;
    }
    this.#countLines(this.#at, i);  // newlines inside quoted fields
    this.#at = i;
    if (i < t.length) this.#skipLine();
    return record;
  }

  #countLines(from: number, to: number) {
    const t = this.#text;
    for (let i = from; i < to; i++) {
      if (t[i] === '\n' || (t[i] === '\r' && t[i + 1] !== '\n')) this.#line++;
    }
  }
}

// Reads 'x,y,label' rows; a header line is optional (a first record in which no cell is a
// number). Coordinates must lie in [-6, 6] (the plot's domain); labels are numbers
// (±1 or 0/1 for two classes, 0/1/2 for three, any value for regression). Reads at most
// maxRows points and CSV_MAX_BAD_ROWS bad rows; a message says when the rest was not read.
export function parseDatasetCsv(text: string, maxRows = CSV_MAX_ROWS): ParsedCsv {
  if (typeof text !== 'string') fail(`parseDatasetCsv: text must be a string, not ${text === null ? 'null' : typeof text}`);
  check('parseDatasetCsv', 'maxRows', maxRows, numberRule({ min: 0, integer: true }));
  const errors: Message[] = [];
  const xs: number[] = [];
  const labels: number[] = [];
  const rows: number[] = [];
  let reader = new RecordReader(text);
  const result = (): ParsedCsv => ({
    points: { data: Float32Array.from(xs), shape: [labels.length, 2] },
    labels: { data: Float32Array.from(labels), shape: [labels.length, 1] },
    rows,
    ...listed(errors.length > ERRORS_LISTED ? [...errors.slice(0, ERRORS_LISTED), message('csv.moreBad', { count: errors.length - ERRORS_LISTED })] : errors),
    delimiter: reader.delimiter,
  });
  const binary = binaryReason(text);
  if (binary) {
    errors.push(binary);
    return result();
  }
  reader = new RecordReader(text, sniffDelimiter(text));
  const d = reader.delimiter;
  let first = true;
  for (let record = reader.next(); record; record = reader.next()) {
    const row = record.line;
    const { cells } = record;
    const isHeader = first && !record.error && cells.every((c) => Number.isNaN(cellNumber(c.trim(), d)));
    first = false;
    if (!isHeader && labels.length >= maxRows) {
      errors.push(message('csv.tooManyRows', { row, max: maxRows }));
      break;
    }
    if (record.error) errors.push(message(record.error.code, { row, ...record.error.params }));
    else if (cells.length !== 3) {
      errors.push(message('csv.columns', { row, found: cells.length, header: isHeader ? 1 : 0, delimiter: d }));
    } else if (!isHeader) {
      const values = cells.map((c) => cellNumber(c.trim(), d));
      const bad = values.findIndex((v) => !Number.isFinite(v));
      const huge = values.findIndex((v) => !Number.isFinite(Math.fround(v)));  // would become ±Infinity in a Float32Array
      if (bad >= 0) errors.push(message('csv.notNumber', { row, column: COLUMNS[bad], cell: cells[bad].slice(0, 20) }));
      else if (huge >= 0) errors.push(message('csv.beyondFloat32', { row, column: COLUMNS[huge], cell: cells[huge].slice(0, 30) }));
      else if (Math.abs(values[0]) > 6 || Math.abs(values[1]) > 6) errors.push(message('csv.outside', { row, x: values[0], y: values[1] }));
      else {
        xs.push(values[0], values[1]);
        labels.push(values[2]);
        rows.push(record.line);
      }
    }
    if (errors.length >= CSV_MAX_BAD_ROWS) {
      errors.push(message('csv.tooManyBad', { max: CSV_MAX_BAD_ROWS }));
      break;
    }
  }
  return result();
}

// The delimiter that reads the file as points: for each of comma, semicolon and tab, each
// of the first SNIFFED_RECORDS records (comments aside) scores 2 when it holds three numbers, 1 when it holds
// three cells (as a header does); the highest total wins, then the fewest quoting errors
// (comments included: a file of comments only still has one reading), then comma,
// semicolon, tab in that order; when nothing scores, the first line's rule among the tied.
// Like papaparse's guess (the delimiter that splits the first rows consistently), scored
// on what this reader needs, so that a header cell holding another delimiter does not decide it.
function sniffDelimiter(text: string): CsvDelimiter {
  const scored = ([',', ';', '\t'] as const).map((d) => {
    const reader = new RecordReader(text, d);
    let score = 0, errors = 0;
    for (let n = 0; n < SNIFFED_RECORDS;) {
      const record = reader.next(true);
      if (!record) break;
      if (record.error) errors++;
      if (record.comment) continue;  // comments count only by their errors
      n++;
      if (record.error || record.cells.length !== 3) continue;
      score += record.cells.every((c) => Number.isFinite(cellNumber(c.trim(), d))) ? 2 : 1;
    }
    return { d, score, errors };
  });
  const top = Math.max(...scored.map((c) => c.score));
  let tied = scored.filter((c) => c.score === top);
  const fewest = Math.min(...tied.map((c) => c.errors));
  tied = tied.filter((c) => c.errors === fewest);
  if (top > 0 || tied.length === 1) return tied[0].d;
  const byFirstLine = new RecordReader(text).firstLineDelimiter();
  return tied.some((c) => c.d === byFirstLine) ? byFirstLine : tied[0].d;
}

// Bytes from a file: not UTF-8 text (or with NUL bytes) gives one message and no points.
export function parseDatasetCsvBytes(bytes: Uint8Array, maxRows = CSV_MAX_ROWS): ParsedCsv {
  let text: string;
  try {
    text = bytes.indexOf(0) >= 0 ? '\0' : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = '\uFFFD';
  }
  return parseDatasetCsv(text, maxRows);
}

// Why text is not a CSV file, or null: NUL bytes (a binary file, or UTF-16), or the
// replacement character a decoder puts for bytes that are not UTF-8.
function binaryReason(text: string): Message | null {
  if (text.includes('\0')) return message('csv.nul');
  if (text.includes('\uFFFD')) return message('csv.notUtf8');
  return null;
}

// The errors as English text and as messages.
function listed(messages: Message[]): { errors: string[]; messages: Message[] } {
  return { errors: messages.map((m) => m.text), messages };
}
