/**
 * A loopback DNS-over-HTTPS resolver for tests (RFC 8484 GET and POST): serves fixed answers from a
 * small zone, NXDOMAIN for names it does not know, and SERVFAIL or a slow answer where a zone entry
 * asks for it. No test touches a real resolver.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';

export interface StubName {
  readonly MX?: readonly { preference: number; exchange: string }[];
  readonly TXT?: readonly string[];
  readonly A?: readonly string[];
  readonly rcode?: 'SERVFAIL' | 'REFUSED';
  /** Answer after this many milliseconds. */
  readonly delayMs?: number;
  readonly ttl?: number;
}

export type StubZone = Readonly<Record<string, StubName>>;

export interface DohStub {
  readonly url: string;
  /** Names asked, in order (`MX example.com`). */
  readonly asked: string[];
  close(): Promise<void>;
}

export async function startDohStub(zone: StubZone, options: { cors?: boolean } = {}): Promise<DohStub> {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    void handle(req, res, zone, asked, options.cors ?? true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  zone: StubZone,
  asked: string[],
  cors: boolean,
) {
  if (cors) {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'accept, content-type');
  }
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  const url = new URL(req.url ?? '/', 'http://stub');
  let bytes: Buffer;
  if (req.method === 'GET') bytes = Buffer.from(url.searchParams.get('dns') ?? '', 'base64url');
  else {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  }
  let query: dnsPacket.Packet;
  try {
    query = dnsPacket.decode(bytes);
  } catch {
    return void res.writeHead(400).end();
  }
  const question = query.questions?.[0];
  if (!question) return void res.writeHead(400).end();
  const name = question.name.toLowerCase().replace(/\.$/, '');
  asked.push(`${question.type} ${name}`);
  const entry = zone[name];
  if (entry?.delayMs) await new Promise((resolve) => setTimeout(resolve, entry.delayMs).unref());
  const answers = entry ? answersFor(name, question.type, entry) : [];
  const rcode = entry?.rcode ?? (entry ? 'NOERROR' : 'NXDOMAIN');
  const reply = dnsPacket.encode({
    type: 'response',
    id: query.id ?? 0,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcodeFlag(rcode),
    questions: [question],
    answers,
  });
  if (!res.writableEnded) res.writeHead(200, { 'content-type': 'application/dns-message' }).end(reply);
}

function rcodeFlag(rcode: string): number {
  return { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 }[rcode] ?? 0;
}

function answersFor(name: string, type: string, entry: StubName): dnsPacket.Answer[] {
  const ttl = entry.ttl ?? 3600;
  if (type === 'MX')
    return (entry.MX ?? []).map((data) => ({ type: 'MX', name, ttl, class: 'IN', data }) as dnsPacket.Answer);
  if (type === 'TXT')
    return (entry.TXT ?? []).map(
      (data) => ({ type: 'TXT', name, ttl, class: 'IN', data }) as dnsPacket.Answer,
    );
  if (type === 'A')
    return (entry.A ?? []).map((data) => ({ type: 'A', name, ttl, class: 'IN', data }) as dnsPacket.Answer);
  return [];
}
