import { describe, expect, it } from 'vitest';
import { NewestWins } from '../../src/workers/newestWins';

/** An endpoint whose answers the test releases by hand. */
function manualEndpoint(name: string) {
  const waiting: ((v: string) => void)[] = [];
  return {
    name,
    terminated: false,
    ask(): Promise<string> {
      return new Promise((resolve) => waiting.push(resolve));
    },
    answer(v: string) {
      waiting.shift()!(v);
    },
    terminate() {
      this.terminated = true;
    },
  };
}

describe('NewestWins', () => {
  it('rejects the superseded request, terminates its endpoint and drops its late answer', async () => {
    const made: ReturnType<typeof manualEndpoint>[] = [];
    const runner = new NewestWins(
      () => {
        const e = manualEndpoint(`e${made.length}`);
        made.push(e);
        return e;
      },
      () => new Error('superseded'),
    );
    const first = runner.run((e) => e.ask());
    await Promise.resolve();
    const second = runner.run((e) => e.ask());
    await expect(first).rejects.toThrow('superseded');
    expect(made).toHaveLength(2);
    expect(made[0]!.terminated).toBe(true);
    expect(made[1]!.terminated).toBe(false);
    await Promise.resolve();
    made[0]!.answer('late');
    made[1]!.answer('fresh');
    await expect(second).resolves.toBe('fresh');
    // A finished request leaves the endpoint alive for the next one.
    const third = runner.run((e) => e.ask());
    await Promise.resolve();
    made[1]!.answer('again');
    await expect(third).resolves.toBe('again');
    expect(made).toHaveLength(2);
    runner.dispose();
    expect(made[1]!.terminated).toBe(true);
  });

  it('passes errors of the running request through', async () => {
    const runner = new NewestWins(
      () => ({ terminate() {} }),
      () => new Error('superseded'),
    );
    await expect(runner.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      runner.run(() => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
  });
});
