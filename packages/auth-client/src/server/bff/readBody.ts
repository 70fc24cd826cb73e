// Request bodies are read as a stream and refused once over the cap: an unauthenticated POST of
// any size costs the server at most `maxBodyBytes` (plus one chunk) of memory.
import { AuthError } from '../../authError';
import type { BffContext } from './context';

function tooLarge(ctx: BffContext): AuthError {
  return new AuthError(
    'body_too_large',
    `The request body is over ${ctx.maxBodyBytes} bytes, the most this route reads (createBff option maxBodyBytes).`,
  );
}

/** Throws `body_too_large` when the request declares a body over the cap. */
export function checkDeclaredLength(ctx: BffContext, request: Request): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > ctx.maxBodyBytes) {
    throw tooLarge(ctx);
  }
}

/** The request body as UTF-8 text, read chunk by chunk; throws `body_too_large` past the cap. */
export async function readBody(ctx: BffContext, request: Request): Promise<string> {
  checkDeclaredLength(ctx, request);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ctx.maxBodyBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(ctx);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
