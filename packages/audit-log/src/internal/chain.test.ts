import reference from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../test/fixtures';
import { GENESIS_HASH, hashEvent, precanonicalize, sealEvents, type UnsealedEvent } from './chain';

function unsealed(n: number, prepared: boolean): UnsealedEvent {
  const event = {
    ...sampleEvent(n, { details: { n, note: n % 2 ? 'café ☕' : 'plain' } }),
    app: { name: 'case-desk' },
    id: `0190a5c8-0000-7000-8000-${String(n).padStart(12, '0')}`,
    time: '2026-11-22T10:00:00.000Z',
  } as UnsealedEvent;
  if (prepared) precanonicalize(event, true);
  return event;
}

describe('sealEvents', () => {
  for (const prepared of [true, false]) {
    it(`chains ${prepared ? 'prepared' : 'foreign'} events and writes each as its canonical line`, () => {
      const events = Array.from({ length: 5 }, (_, n) => unsealed(n, prepared));
      const head = { seq: 41, hash: 'a'.repeat(64) };
      const { sealed, bytes, head: next, line } = sealEvents(events, head);
      const lines = bytes.toString('utf8').split('\n');
      expect(lines.pop()).toBe('');
      let prev = head.hash;
      sealed.forEach((e, i) => {
        expect(e.integrity).toEqual({
          seq: 42 + i,
          prevHash: prev,
          hash: hashEvent(e, 42 + i, prev),
        });
        expect(lines[i]).toBe(reference(e));
        expect(line(i)).toBe(lines[i]);
        prev = e.integrity.hash;
      });
      expect(next).toEqual({ seq: 46, hash: prev });
    });
  }

  it('quotes a head that is not a hex digest as JSON, in the line and in the hash', () => {
    const odd = 'not "hex" \u00e9';
    const { sealed, bytes } = sealEvents([unsealed(1, true)], {
      seq: 9_007_199_254_740_990,
      hash: odd,
    });
    const [e] = sealed;
    if (!e) throw new Error('nothing sealed');
    expect(e.integrity.prevHash).toBe(odd);
    expect(e.integrity.seq).toBe(9_007_199_254_740_991);
    expect(e.integrity.hash).toBe(hashEvent(e, e.integrity.seq, odd));
    expect(bytes.toString('utf8')).toBe(`${reference(e)}\n`);
  });

  it('starts a chain from the genesis hash', () => {
    const { sealed } = sealEvents([unsealed(0, true)], { seq: 0, hash: GENESIS_HASH });
    expect(sealed[0]?.integrity.prevHash).toBe(GENESIS_HASH);
    expect(sealed[0]?.integrity.seq).toBe(1);
  });
});
