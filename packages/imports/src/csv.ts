// Reading an uploaded file as CSV, a row at a time (csv-parse's streaming parser): a million-row
// file never sits in memory. Before a byte reaches the parser it is checked to be UTF-8 text: a
// UTF-16 file, a spreadsheet saved as .xlsx, a PDF or an image is refused with a message that says
// what to do, instead of being parsed into garbage rows. A UTF-8 BOM (Excel's "CSV UTF-8") is dropped.
import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";

/** The file as a whole can't be read (not one row's problem): the import stops with this message. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}

const SAVE_AS_CSV =
  'Open it in your spreadsheet app and save it as "CSV UTF-8 (comma delimited)", then upload that file.';

/** Refuses what is not UTF-8 text, as the bytes stream past. */
class Utf8Guard extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private first = true;
  private offset = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.first) {
        this.first = false;
        sniff(chunk);
      }
      if (chunk.includes(0)) throw new ImportFileError(`This file is not text (it has binary data). ${SAVE_AS_CSV}`);
      this.decoder.decode(chunk, { stream: true });
      this.offset += chunk.length;
      done(null, chunk);
    } catch (error) {
      done(
        error instanceof ImportFileError
          ? error
          : new ImportFileError(
              `This file is not UTF-8 text (an unreadable character near byte ${this.offset.toLocaleString("en-US")}); it may be saved in another encoding such as Windows-1252. ${SAVE_AS_CSV}`,
            ),
      );
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
      done();
    } catch {
      done(
        new ImportFileError(
          `This file ends in the middle of a character: it is cut short or not UTF-8. ${SAVE_AS_CSV}`,
        ),
      );
    }
  }
}

/** Files that are recognisably something else, by their first bytes. */
function sniff(chunk: Buffer): void {
  if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
    throw new ImportFileError(`This file is saved as UTF-16 (Excel's "Unicode text"). ${SAVE_AS_CSV}`);
  if (chunk[0] === 0x50 && chunk[1] === 0x4b)
    throw new ImportFileError(`This is an Excel workbook or a ZIP archive, not a CSV file. ${SAVE_AS_CSV}`);
  if (chunk.subarray(0, 5).toString("latin1") === "%PDF-")
    throw new ImportFileError("This is a PDF, not a CSV file. Export the list from your old system as CSV.");
}

export type SourceRow = {
  /** 1-based data row number (the header is row 0), as the report shows it. */
  row: number;
  values: Record<string, string>;
};

export type CsvReader = {
  /** Resolves with the header row once it is read (empty file: an ImportFileError). */
  headers: Promise<string[]>;
  rows: AsyncIterable<SourceRow>;
};

/** A few times a long notes field: one record larger than this is a broken file, not a customer. */
const MAX_RECORD_BYTES = 1 << 20;

/** Streams `path` as CSV: the header row, then one record per data row. */
export function readCsv(path: string, options: { signal?: AbortSignal } = {}): CsvReader {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const source = createReadStream(path, {
    highWaterMark: 256 * 1024,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const guard = new Utf8Guard();
  const fail = (error: Error) => parser.destroy(error);
  source.on("error", fail);
  guard.on("error", fail);
  source.pipe(guard).pipe(parser);

  let resolveHeaders!: (headers: string[]) => void;
  let rejectHeaders!: (error: Error) => void;
  const headers = new Promise<string[]>((resolve, reject) => {
    resolveHeaders = resolve;
    rejectHeaders = reject;
  });
  // Rejected early (before anyone awaits) must not be an unhandled rejection.
  headers.catch(() => undefined);

  async function* rows(): AsyncGenerator<SourceRow> {
    let header: string[] | null = null;
    let row = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (!header) {
          header = record.map((h) => h.trim());
          if (header.every((h) => h === ""))
            throw new ImportFileError("The first row of the file is empty: it should name the columns.");
          resolveHeaders(header);
          continue;
        }
        row++;
        const values: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) {
          const name = header[i] as string;
          if (name !== "" && !(name in values)) values[name] = record[i] ?? "";
        }
        yield { row, values };
      }
      if (!header) throw new ImportFileError("The file is empty: upload a CSV file with a header row and your rows.");
    } catch (error) {
      const failure = asFileError(error, row);
      rejectHeaders(failure);
      throw failure;
    } finally {
      source.destroy();
    }
  }
  return { headers, rows: rows() };
}

function asFileError(error: unknown, row: number): Error {
  if (error instanceof ImportFileError) return error;
  const code = (error as { code?: string }).code;
  if (typeof code === "string" && code.startsWith("CSV_")) {
    const where = `after data row ${row.toLocaleString("en-US")}`;
    if (code === "CSV_QUOTE_NOT_CLOSED")
      return new ImportFileError(
        `A quoted value is never closed (${where}): the file is cut short or a quote is missing.`,
      );
    if (code === "CSV_MAX_RECORD_SIZE")
      return new ImportFileError(`A row is over 1 MB (${where}): this does not look like a CSV export.`);
    return new ImportFileError(`The file is not valid CSV ${where}: ${(error as Error).message}`);
  }
  if ((error as { name?: string }).name === "AbortError") return error as Error;
  return error as Error;
}

/** Reads just the header row (the mapping screen), and the first few rows as sample values. */
export async function readHead(path: string, sampleRows = 3): Promise<{ headers: string[]; samples: SourceRow[] }> {
  const reader = readCsv(path);
  const samples: SourceRow[] = [];
  const iterator = reader.rows[Symbol.asyncIterator]();
  while (samples.length < sampleRows) {
    const next = await iterator.next();
    if (next.done) break;
    samples.push(next.value);
  }
  await iterator.return?.(undefined);
  return { headers: await reader.headers, samples };
}
