// Reads the elements of a top-level JSON array from a stream, one at a time, in constant memory:
// the CLI's JSON input can be a multi-gigabyte export. A small scanner finds where each element
// starts and ends (tracking strings, escapes and nesting, and the line each element starts on,
// which the CLI reports) and V8's own JSON.parse parses each element's text. Why not a streaming
// JSON library: the two maintained ones (stream-json, @streamparser/json) parse every token in
// JavaScript and report no line numbers; splitting and handing each element to JSON.parse keeps
// both the speed of the native parser and the line of each record.

/** The input is not a JSON array (or not JSON at all): what is wrong and where. */
export class JsonArrayError extends Error {}

/** One element of the array: its value, or its own parse error, and the line it starts on. */
export interface JsonArrayElement {
  line: number;
  value: unknown;
}

enum State {
  /** Before the opening bracket. */
  Start,
  /** After `[` or `,`: an element (or, right after `[`, the closing bracket) comes next. */
  Element,
  /** Inside an element. */
  Inside,
  /** After an element: `,` or `]` comes next. */
  Between,
  /** After the closing bracket: only whitespace may follow. */
  End,
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * The elements of the JSON array `chunks` hold, in order, each with the line it starts on.
 * Throws JsonArrayError when the text is not a JSON array, saying where.
 */
export async function* jsonArrayElements(
  chunks: AsyncIterable<string>,
): AsyncGenerator<JsonArrayElement> {
  let state = State.Start;
  let line = 1;
  let startLine = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let afterOpen = false;
  // Whether the element is a container ({} or []); otherwise it is a scalar ended by , ] or space.
  let container = false;
  let pieces: string[] = [];
  const finish = (text: string): JsonArrayElement => {
    let source = text;
    if (pieces.length > 0) {
      pieces.push(text);
      source = pieces.join('');
      pieces = [];
    }
    try {
      return { line: startLine, value: JSON.parse(source) };
    } catch (error) {
      throw new JsonArrayError(
        `not valid JSON in the element starting on line ${startLine}: ${(error as Error).message}`,
      );
    }
  };
  for await (const chunk of chunks) {
    let from = 0; // where the current element's text starts in this chunk
    let backslash = -1; // the next backslash at or after i, once looked up (-2: none left)
    for (let i = 0; i < chunk.length; i++) {
      if (state === State.Inside && inString) {
        // Most of a record's text is inside strings: jump to the closing quote with indexOf,
        // stepping over escapes. (A raw line break is not valid inside a JSON string: JSON.parse
        // rejects the element, so lines need not be counted here.)
        if (escaped) {
          escaped = false;
          continue; // i is the escaped character
        }
        if (backslash !== -2 && backslash < i) {
          backslash = chunk.indexOf('\\', i);
          if (backslash === -1) backslash = -2;
        }
        const quote = chunk.indexOf('"', i);
        if (backslash >= 0 && (quote === -1 || backslash < quote)) {
          i = backslash; // the loop's i++ lands on the escaped character
          escaped = true;
          continue;
        }
        if (quote === -1) break; // the string goes on in the next chunk
        i = quote;
        inString = false;
        if (!container) {
          yield finish(chunk.slice(from, i + 1));
          state = State.Between;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (state === State.Inside) {
        if (container) {
          if (c === 34) inString = true;
          else if (c === 123 || c === 91) depth++;
          else if (c === 125 || c === 93) {
            depth--;
            if (depth === 0) {
              yield finish(chunk.slice(from, i + 1));
              state = State.Between;
            }
          } else if (c === 10) line++;
          continue;
        }
        // A number, true, false or null ends at a space, a comma or the closing bracket.
        if (isSpace(c) || c === 44 || c === 93) {
          yield finish(chunk.slice(from, i));
          state = State.Between;
        } else continue;
      }
      if (c === 10) line++;
      if (isSpace(c)) continue;
      switch (state) {
        case State.Start:
          if (c === 0xfeff) break; // a byte order mark
          if (c !== 91)
            throw new JsonArrayError(`line ${line}: expected "[" to start a JSON array`);
          state = State.Element;
          afterOpen = true;
          break;
        case State.Element:
          if (c === 93 && afterOpen) {
            state = State.End;
            break;
          }
          if (c === 44 || c === 93)
            throw new JsonArrayError(`line ${line}: expected an array element`);
          afterOpen = false;
          state = State.Inside;
          startLine = line;
          from = i;
          container = c === 123 || c === 91;
          depth = container ? 1 : 0;
          inString = c === 34;
          escaped = false;
          break;
        case State.Between:
          if (c === 44) state = State.Element;
          else if (c === 93) state = State.End;
          else throw new JsonArrayError(`line ${line}: expected "," or "]" after an element`);
          break;
        case State.End:
          throw new JsonArrayError(`line ${line}: unexpected text after the end of the array`);
        default:
          break;
      }
    }
    if (state === State.Inside) pieces.push(chunk.slice(from));
  }
  if (state === State.Inside && !container && !inString) {
    yield finish('');
    state = State.Between;
  }
  if ((state as State) !== State.End)
    throw new JsonArrayError(`line ${line}: the JSON array is not closed`);
}
