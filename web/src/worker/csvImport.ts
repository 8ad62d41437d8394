// Own data from a CSV file, read in the worker so that a large file never blocks the page.
// The page checks the size first; the check here guards the worker on its own.
import { parseDatasetCsvBytes } from '../../../bindings/src/csv.js';
import { type Message, message } from '../../../bindings/src/messages.js';
import { CSV_MAX_BYTES, type CsvParsed } from '../protocol.js';

export async function parseCsvFile(file: Blob, maxRows: number): Promise<CsvParsed> {
  const none = (error: Message): CsvParsed => ({ type: 'parseCsv', points: new Float32Array(0), labels: new Float32Array(0), rows: [], errors: [error] });
  if (file.size > CSV_MAX_BYTES) return none(message('csv.fileBytes', { bytes: file.size, max: CSV_MAX_BYTES }));
  try {
    const parsed = parseDatasetCsvBytes(new Uint8Array(await file.arrayBuffer()), maxRows);
    return { type: 'parseCsv', points: parsed.points.data, labels: parsed.labels.data, rows: parsed.rows, errors: parsed.messages };
  } catch (e) {
    return none(message('csv.unreadable', { reason: (e as Error).message }));
  }
}
