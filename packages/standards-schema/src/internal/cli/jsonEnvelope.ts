// Where the records are in a JSON document that wraps them in an object: an ArcGIS query response
// (`{ "objectIdFieldName": ..., "fields": [...], "features": [ ... ] }`) holds a layer's records
// in `features`. The CLI reads such a document whole (a response is one page of a layer) and
// hands the array's text to the streaming array reader, which reports each record's line; this
// finds where that array is, and on which line it starts.

/** The array a top-level key holds: its text is `text.slice(start, end)`, starting on `line`. */
export interface EnvelopeArray {
  start: number;
  end: number;
  line: number;
}

/**
 * Finds the array the top-level object of `text` holds under `key`, or `undefined` when the
 * document is not an object or that key does not hold an array. `text` must be valid JSON (parse
 * it first): this only scans for where things are, tracking strings and nesting.
 */
export function envelopeArray(text: string, key: string): EnvelopeArray | undefined {
  let depth = 0;
  let line = 1;
  // At depth 1, whether the next string is a key (after `{` or `,`) and the key just read.
  let keyNext = false;
  let lastKey: string | undefined;
  let start = -1;
  let startLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: find its end (a raw line break cannot occur inside a JSON string).
      let j = i + 1;
      while (text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (depth === 1 && keyNext && start < 0) {
        lastKey = JSON.parse(text.slice(i, j + 1)) as string;
        keyNext = false;
      }
      i = j;
      continue;
    }
    if (c === 10) line++;
    else if (c === 123 || c === 91) {
      if (depth === 0 && c !== 123) return undefined;
      depth++;
      if (depth === 1) keyNext = true;
      else if (depth === 2 && c === 91 && lastKey === key && start < 0) {
        start = i;
        startLine = line;
      }
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 1 && start >= 0) return { start, end: i + 1, line: startLine };
    } else if (c === 44 && depth === 1) {
      keyNext = true;
      lastKey = undefined;
    }
  }
  return undefined;
}
