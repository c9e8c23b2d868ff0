/**
 * zod 4 compiles object parsers with the Function constructor (and probes for
 * it) unless it is told not to; the extension's CSP blocks both and reports
 * them. Imported first by every entrypoint whose bundle holds zod, so the
 * setting is in place before any schema is built (zod reads it when a schema
 * is made). The build also takes zod's Function code out (wxt.config.ts), and
 * test/e2e/build.test.ts checks both.
 */
import { z } from 'zod';

z.config({ jitless: true });
