/**
 * The demo EHR server: serves the EMA- and athenaNet-shaped screens of
 * test/fixtures/ehr on localhost, with the URL shapes of the real products.
 *
 *   /ema/web/practice/staff#/practice/staff/patient/{id}/visit  → ema/index.html (hash-routed SPA)
 *   /{practiceid}/{n}/globalframeset.esp?MAIN=…                 → athena/globalframeset.html
 *   /{practiceid}/{n}/<page>.esp                                → athena/<page>.html
 *   /examples.json                                              → the worked examples
 *   anything else                                               → the file under test/fixtures/ehr
 *
 * A screen takes the encounter to show from ?case=<example id>, ?encounter=<JSON>,
 * or its own editor. Usage: tsx scripts/serve-demo.ts [port]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoScreenUrl } from '../adapters/demo-screens';

const ROOT = resolve(fileURLToPath(new URL('../test/fixtures/ehr/', import.meta.url)));
const EXAMPLES = resolve(fileURLToPath(new URL('../test/fixtures/examples/encounters.json', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function resolveDemoPath(pathname: string): string | null {
  if (pathname === '/examples.json') return EXAMPLES;
  if (/^\/ema\/web\/practice\/staff\/?$/.test(pathname)) return join(ROOT, 'ema', 'index.html');
  const athena = pathname.match(/^\/\d+\/\d+\/([A-Za-z0-9_-]+)\.esp$/);
  if (athena) return join(ROOT, 'athena', `${athena[1]}.html`);
  if (pathname === '/') return join(ROOT, 'index.html');
  const file = normalize(join(ROOT, decodeURIComponent(pathname)));
  return file.startsWith(ROOT) ? file : null;
}

export function startDemoServer(port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => void answer(req, res).catch(() => res.destroy()));
  async function answer(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = resolveDemoPath(url.pathname);
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  }
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      done({ server, url: `http://localhost:${actual}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 5178);
  void startDemoServer(port).then(({ url }) => {
    console.log(`demo EHR screens at ${url}/`);
    const ex01 = { case: 'ex01' };
    console.log(`  EMA-style:       ${demoScreenUrl.ema(url, ex01, 1001)}`);
    console.log(`  athenaNet-style: ${demoScreenUrl.athena(url, ex01)}`);
    console.log(`  eClinicalWorks-style (generic adapter): ${demoScreenUrl.ecw(url, ex01)}`);
    console.log(
      `  Cedar Health, React + Mantine (generic adapter; run npm run build:demo-screens first): ${demoScreenUrl.cedar(url, ex01)}`,
    );
  });
}
