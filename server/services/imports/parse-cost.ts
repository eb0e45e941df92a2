/**
 * What parsing a body would cost in heap, estimated by one scan without parsing it. A worker
 * thread's heap limit is no safe stop: V8 may not be able to end a worker that reaches it (inside
 * JSON.parse, or with the tsx loader in the worker, it was seen to abort the whole process). So a
 * body whose parse could come near the limit is refused before it is parsed.
 */

/** Bytes per JSON value (object, array, property, element) a parse allocates, measured generously on V8. */
const BYTES_PER_VALUE = 96;

/** An upper estimate of the bytes JSON.parse(text) allocates: its values, and its strings copied once. */
export function jsonParseCost(text: string): number {
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    // { [ , : each begin a value (or a property); strings and numbers are counted by their bytes.
    else if (c === 0x7b || c === 0x5b || c === 0x2c || c === 0x3a) values++;
  }
  return values * BYTES_PER_VALUE + text.length * 2;
}

/** Bytes per CSV cell a parse allocates (a string and its slot in a row), measured generously. */
const BYTES_PER_CELL = 64;

/** An upper estimate of the bytes parsing this CSV text allocates: its cells, and its text copied once. */
export function csvParseCost(text: string): number {
  let cells = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x0a) cells++;
  }
  return cells * BYTES_PER_CELL + text.length * 2;
}
