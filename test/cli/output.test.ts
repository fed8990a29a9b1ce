import { Output, type LineSink } from '../../src/cli/output';

class FakeSink implements LineSink {
  readonly writes: string[] = [];
  private listener: ((error: Error & { code?: string }) => void) | null = null;
  constructor(readonly isTTY: boolean) {}
  write(chunk: string): boolean {
    this.writes.push(chunk);
    return true;
  }
  on(_event: 'error', listener: (error: Error & { code?: string }) => void): this {
    this.listener = listener;
    return this;
  }
  fail(code: string): void {
    this.listener?.(Object.assign(new Error(code), { code }));
  }
}

describe('command-line output', () => {
  it('into a pipe or file, gathers lines and writes them in large chunks, in order', () => {
    const sink = new FakeSink(false);
    const out = new Output(sink);
    const line = 'x'.repeat(999);
    const wrote = Array.from({ length: 200 }, (_, i) => out.line(`${i} ${line}`));
    out.flush();
    // 200 lines of about 1 KB: a write every 64 KB, not one per line.
    expect(sink.writes.length).toBeGreaterThan(1);
    expect(sink.writes.length).toBeLessThanOrEqual(5);
    expect(wrote.filter(Boolean)).toHaveLength(sink.writes.length - 1);
    const lines = sink.writes.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual(Array.from({ length: 200 }, (_, i) => `${i} ${line}`));
  });

  it('writes nothing before a flush while little is gathered', () => {
    const sink = new FakeSink(false);
    const out = new Output(sink);
    expect(out.line('one')).toBe(false);
    expect(sink.writes).toEqual([]);
    out.flush();
    out.flush();
    expect(sink.writes).toEqual(['one\n']);
  });

  it('on a terminal, writes each line as it comes', () => {
    const sink = new FakeSink(true);
    const out = new Output(sink);
    expect(out.line('one')).toBe(true);
    expect(out.line('two')).toBe(true);
    expect(sink.writes).toEqual(['one\n', 'two\n']);
  });

  it('when the reader closes the pipe, says so and drops the rest quietly', () => {
    const sink = new FakeSink(false);
    const out = new Output(sink);
    out.line('kept until the pipe broke');
    expect(out.closed).toBe(false);
    sink.fail('EPIPE');
    expect(out.closed).toBe(true);
    expect(out.line('after')).toBe(false);
    out.flush();
    expect(sink.writes).toEqual([]);
  });

  it('does not hide other write errors', () => {
    const sink = new FakeSink(false);
    new Output(sink);
    expect(() => sink.fail('ENOSPC')).toThrow('ENOSPC');
  });

  it('lets the event loop deliver a pending write error', async () => {
    const sink = new FakeSink(false);
    const out = new Output(sink);
    setImmediate(() => sink.fail('EPIPE'));
    await out.settle();
    await out.settle();
    expect(out.closed).toBe(true);
  });
});
