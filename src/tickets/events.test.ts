import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEvents, eventHash, hashBody, type HashFields } from './events.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { createHash } from 'node:crypto';

const base: HashFields = {
  ticket_id: '6f1c1f4e-8f63-4a55-9d51-2b9a0c1e2f00', seq: 1, action: 'receive', from_status: null, to_status: 'received',
  actor_id: null, actor_role: 'system', actor_unit_id: null, at: new Date('2026-11-23T02:00:00Z'), note: null,
  data: {}, attachments: [], public: true, prev_hash: null,
};
const generic = (e: HashFields) => canonicalJson({ ...e, at: new Date(e.at).toISOString() });

describe('event hash body', () => {
  it('is byte-for-byte the canonical JSON of the fields, so stored chains keep verifying', () => {
    const variants: Partial<HashFields>[] = [
      {},
      { note: '现场处置办结 "solved" \\ on site\n', public: false, seq: 17, prev_hash: 'ab'.repeat(32) },
      { data: { z: 1, a: [3, { y: null, b: '吹哨' }], m: { k: true } }, attachments: ['f1', 'f2'] },
      { actor_id: '11111111-1111-1111-1111-111111111111', actor_unit_id: '22222222-2222-2222-2222-222222222222', actor_role: 'unit_handler' },
      { at: '2026-01-01T00:00:00+08:00' as unknown as Date, from_status: 'dispatched', to_status: 'signed', action: 'sign' },
      { data: { u: undefined, d: new Date('2026-02-03T04:05:06Z') } },
    ];
    for (const v of variants) {
      const e = { ...base, ...v };
      expect(hashBody(e)).toBe(generic(e));
      expect(eventHash(e)).toBe(createHash('sha256').update(generic(e)).digest('hex'));
    }
  });

  it('falls back to the general walk when a field is missing', () => {
    const e = { ...base, note: undefined } as unknown as HashFields;
    expect(hashBody(e)).toBe(generic(e));
    expect(hashBody(e)).not.toContain('"note"');
  });

  it('chains: each event carries the previous hash', () => {
    const at = new Date('2026-11-23T02:00:00Z');
    const c = chainEvents({ ticketId: base.ticket_id, seq: 0, prevHash: null, status: 'received' }, [
      { action: 'receive', toStatus: 'received', actor: SYSTEM_ACTOR, at },
      { action: 'dispatch', toStatus: 'dispatched', actor: SYSTEM_ACTOR, at, data: { leadUnitId: 'u' } },
    ], at);
    expect(c.rows[1].prev_hash).toBe(c.rows[0].hash);
    expect(c.lastHash).toBe(c.rows[1].hash);
    expect(c.rows[0].hash).toBe(eventHash({ ...c.rows[0], data: {}, attachments: [] }));
  });
});
