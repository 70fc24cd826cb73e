// zod compiles object parsers with `new Function`, after probing whether eval is allowed when
// each object schema is defined. The Content-Security-Policy forbids eval, so the probe itself is
// reported as a violation on every page. Parse without JIT in the browser. Imported first by
// main.tsx, so this runs before any module defines a schema.
import { z } from 'zod';

z.config({ jitless: true });
