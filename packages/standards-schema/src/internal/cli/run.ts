// `city-schema validate <SchemaName> <file>` or `city-schema validate --from <reader> <file>`:
// reads JSON (an array or one record), NDJSON or CSV, validates every record with the schema's
// bulk path, prints one line per bad record (line number, path, message), progress on large
// files, and a summary (or, with `--report json`, one JSON document). CSV, NDJSON and JSON arrays
// are read as streams, in constant memory (a JSON file holding one object, a record or an ArcGIS
// query response for `--from blds`, is read whole). Exit codes: 0 all valid, 1 some
// record invalid, 2 unusable input (usage, unknown schema or reader, missing or unreadable file).
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import { formatIssues, formatPath } from '../../formatIssues';
import { SCHEMA_NAMES, schemaByName } from '../../json-schema';
import { ckan311Layout } from '../../open311/ckan';
import { createParser } from '../../validateMany';
import { csvRowToRecord } from '../csvRow';
import { JsonArrayError, jsonArrayElements } from './jsonArray';
import { envelopeArray } from './jsonEnvelope';
import { type FeedReader, READERS, readerByName } from './readers';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Show progress (default: when stderr is a terminal). */
  progress?: boolean;
  /** Records between progress lines (default 50,000). */
  progressEvery?: number;
}

const USAGE = `Usage: city-schema validate <SchemaName> <file> [--format json|ndjson|csv] [--report text|json] [--progress] [--max-errors N]
       city-schema validate --from <reader> <file> [same options]
       city-schema list

Validates every record of a JSON (array or one record), NDJSON or CSV file against one of the
City's schemas, or reads a real feed with a reader (--from ckan-311 for the City's open-data 311
CSV, --from open311-feed for an Open311 feed, --from blds for BLDS permits, records or an ArcGIS
query response) and validates what it maps to. JSON arrays, NDJSON and CSV are read as streams. CSV headers name
fields, with dots for nesting (contact.email). --format names the input format; --report json
prints one JSON document for machines.
Exit codes: 0 all valid, 1 some record invalid, 2 unusable input.`;

type Format = 'json' | 'ndjson' | 'csv';

function detectFormat(file: string): Format {
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  if (/\.csv$/i.test(file)) return 'csv';
  return 'json';
}

/**
 * The input file as the user named it. `npx city-schema` (npm exec) runs the command in the
 * nearest folder with a package.json, not where the user typed it; npm passes that folder as
 * INIT_CWD. A relative path that does not exist here is looked up there.
 */
function locate(file: string): string {
  if (isAbsolute(file) || existsSync(file)) return file;
  const typedIn = process.env.INIT_CWD;
  if (typedIn) {
    const there = resolve(typedIn, file);
    if (existsSync(there)) return there;
  }
  return file;
}

/** The first character of the file that is not whitespace (or a byte order mark), if any. */
function firstCharacter(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) return undefined;
      const text = buffer.toString('utf8', 0, read).replace(/^\uFEFF/, '');
      const match = /\S/.exec(text);
      if (match) return match[0];
      position += read;
    }
  } finally {
    closeSync(fd);
  }
}

async function* records(
  file: string,
  format: Format,
  schema: z.core.$ZodType,
  reader: FeedReader | undefined,
  onHeader: (columns: string[]) => void,
): AsyncGenerator<{ line: number; value: unknown; error?: string; element?: number }> {
  const rawCsv = reader?.rawCsv ?? false;
  if (format === 'json') {
    if (firstCharacter(file) === '[') {
      try {
        // The default 64 KiB chunks: 1 MiB ones made the same run 1.5 to 3 times slower (large
        // strings in the old generation) for the same CPU time.
        // Each element with its index: several may start on the same line.
        let element = 0;
        for await (const { line, value } of jsonArrayElements(
          createReadStream(file, { encoding: 'utf8' }),
        ))
          yield { line, value, element: element++ };
      } catch (error) {
        if (error instanceof JsonArrayError)
          throw new UnusableInput(`${file} is not valid JSON: ${error.message}`);
        throw error;
      }
      return;
    }
    // One object, read whole: one record, or (for a reader with an envelope) a document holding
    // the records in an array, each reported with the line it starts on.
    const text = readFileSync(file, 'utf8');
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new UnusableInput(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const inner = reader?.envelope ? envelopeArray(text, reader.envelope) : undefined;
    if (!inner) {
      yield { line: 1, value: document };
      return;
    }
    const slice = text.slice(inner.start, inner.end);
    let index = 0;
    for await (const element of jsonArrayElements(
      (async function* () {
        yield slice;
      })(),
    ))
      yield { line: element.line + inner.line - 1, value: element.value, element: index++ };
    return;
  }
  if (format === 'ndjson') {
    const reader = createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let line = 0;
    for await (const text of reader) {
      line++;
      if (text.trim() === '') continue;
      try {
        yield { line, value: JSON.parse(text) };
      } catch (error) {
        yield { line, value: undefined, error: `not JSON: ${(error as Error).message}` };
      }
    }
    return;
  }
  const parser = createReadStream(file).pipe(
    parse({
      columns: (header: string[]) => {
        onHeader(header);
        return header;
      },
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { line: info.lines, value: rawCsv ? record : csvRowToRecord(schema, record) };
    }
  } catch (error) {
    throw new UnusableInput(`${file} is not readable CSV: ${(error as Error).message}`);
  }
}

class UnusableInput extends Error {}

interface Problem {
  line: number;
  /** The record's index in a JSON array (or an envelope's array): several may share a line. */
  element?: number;
  path: string;
  message: string;
}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = [...argv];
  const flag = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    args.splice(at, 2);
    return value;
  };
  const progressFlag = args.indexOf('--progress');
  if (progressFlag >= 0) args.splice(progressFlag, 1);
  const formatFlag = flag('--format');
  const maxErrorsFlag = flag('--max-errors');
  const reportFlag = flag('--report') ?? 'text';
  const fromFlag = flag('--from');
  const [command, ...rest] = args;
  if (command === 'list') {
    io.out('Schemas (city-schema validate <SchemaName> <file>):');
    for (const schemaName of SCHEMA_NAMES) io.out(`  ${schemaName}`);
    io.out('Feed readers (city-schema validate --from <reader> <file>):');
    for (const reader of READERS)
      io.out(`  ${reader.name}: ${reader.description} (${reader.format})`);
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  const usageError = (message?: string) => {
    if (message) io.err(`city-schema: ${message}`);
    io.err(USAGE);
    return 2;
  };
  if (command !== 'validate') return usageError();
  let reader: FeedReader | undefined;
  let name: string | undefined;
  let file: string | undefined;
  if (fromFlag !== undefined) {
    reader = readerByName(fromFlag);
    if (!reader) {
      io.err(
        `city-schema: unknown reader "${fromFlag}"; expected one of: ${READERS.map((r) => r.name).join(', ')}`,
      );
      return 2;
    }
    if (rest.length === 2) [name, file] = rest;
    else if (rest.length === 1) [file] = rest;
    else return usageError();
    if (name !== undefined && name !== reader.output) {
      io.err(`city-schema: the ${reader.name} reader produces ${reader.output}, not ${name}`);
      return 2;
    }
    name = reader.output;
  } else {
    if (rest.length !== 2) return usageError();
    [name, file] = rest;
  }
  if (!name || !file) return usageError();
  if (formatFlag !== undefined && !['json', 'ndjson', 'csv'].includes(formatFlag)) {
    io.err(`city-schema: unknown format "${formatFlag}"; expected json, ndjson or csv`);
    return 2;
  }
  if (reportFlag !== 'text' && reportFlag !== 'json') {
    io.err(`city-schema: unknown report "${reportFlag}"; expected text or json`);
    return 2;
  }
  const maxErrors = maxErrorsFlag === undefined ? Number.POSITIVE_INFINITY : Number(maxErrorsFlag);
  if (!(maxErrors >= 0)) {
    io.err(`city-schema: --max-errors must be a number; got "${maxErrorsFlag}"`);
    return 2;
  }
  if (!SCHEMA_NAMES.includes(name)) {
    io.err(`city-schema: unknown schema "${name}"; expected one of: ${SCHEMA_NAMES.join(', ')}`);
    return 2;
  }
  file = locate(file);
  if (!existsSync(file) || !statSync(file).isFile()) {
    io.err(`city-schema: cannot read ${file}: no such file`);
    return 2;
  }
  const schema = reader ? reader.schema : schemaByName(name);
  const parseRecord = createParser(schema);
  const format =
    (formatFlag as Format | undefined) ??
    (reader && !/\.(ndjson|jsonl|csv|json)$/i.test(file) ? reader.format : detectFormat(file));
  const showProgress = io.progress ?? progressFlag >= 0;
  const json = reportFlag === 'json';
  const size = statSync(file).size;
  let total = 0;
  let invalid = 0;
  let layout: string | undefined;
  const problems: Problem[] = [];
  const report = (problem: Problem) => {
    if (json) problems.push(problem);
    else
      io.out(
        `line ${problem.line}${problem.element === undefined ? '' : `, element [${problem.element}]`}: ${problem.path}: ${problem.message}`,
      );
  };
  const onHeader = (columns: string[]) => {
    if (reader?.name === 'ckan-311') layout = ckan311Layout(columns);
  };
  try {
    for await (const { line, value, error, element } of records(
      file,
      format,
      schema,
      reader,
      onHeader,
    )) {
      const where = element === undefined ? { line } : { line, element };
      total++;
      if (showProgress && total % (io.progressEvery ?? 50_000) === 0)
        io.err(`city-schema: ${total.toLocaleString('en-US')} records checked…`);
      if (error !== undefined) {
        invalid++;
        if (invalid <= maxErrors) report({ ...where, path: '(record)', message: error });
        continue;
      }
      const result = parseRecord(value);
      if (result.success) continue;
      invalid++;
      if (invalid <= maxErrors) {
        for (const issue of result.issues)
          report({
            ...where,
            path: formatPath(issue.path),
            // A union's message alone is "Invalid input": formatIssues adds what each option said.
            message:
              issue.code === 'invalid_union'
                ? (formatIssues([issue])[0] ?? '').slice(formatPath(issue.path).length + 2)
                : issue.message,
          });
      }
    }
  } catch (error) {
    if (error instanceof UnusableInput) {
      io.err(`city-schema: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (json) {
    io.out(
      JSON.stringify({
        schema: name,
        ...(reader ? { from: reader.name } : {}),
        ...(layout ? { layout } : {}),
        format,
        bytes: size,
        records: total,
        valid: total - invalid,
        invalid,
        problems,
        ...(invalid > maxErrors ? { problemsOmitted: invalid - maxErrors } : {}),
      }),
    );
    return invalid > 0 ? 1 : 0;
  }
  if (invalid > maxErrors) io.out(`… ${invalid - maxErrors} more invalid records not shown`);
  const via = reader ? ` via ${reader.name}${layout ? ` (${layout} layout)` : ''}` : '';
  io.out(
    `${name}: ${total.toLocaleString('en-US')} records checked (${(size / 1024).toFixed(0)} KiB ${format}${via}), ${(total - invalid).toLocaleString('en-US')} valid, ${invalid.toLocaleString('en-US')} invalid`,
  );
  return invalid > 0 ? 1 : 0;
}
