// Own data from a CSV file, read in the worker so that a large file never blocks the page.
// The page checks the size first; the check here guards the worker on its own.
import { parseDatasetCsvBytes } from '../../../bindings/src/csv.js';
import { CSV_MAX_BYTES, type CsvParsed } from '../protocol.js';

export async function parseCsvFile(file: Blob, maxRows: number): Promise<CsvParsed> {
  const none = (message: string): CsvParsed => ({ type: 'parseCsv', points: new Float32Array(0), labels: new Float32Array(0), rows: [], errors: [message] });
  if (file.size > CSV_MAX_BYTES) return none(`the file has ${file.size} bytes; at most ${CSV_MAX_BYTES} can be imported`);
  try {
    const parsed = parseDatasetCsvBytes(new Uint8Array(await file.arrayBuffer()), maxRows);
    return { type: 'parseCsv', points: parsed.points.data, labels: parsed.labels.data, rows: parsed.rows, errors: parsed.errors };
  } catch (e) {
    return none(`the file could not be read: ${(e as Error).message}`);
  }
}
