// 10,000 ServiceRequest records, 0% and 10% invalid: this package's bulk path (validateMany: a
// check compiled once from the zod definition for the valid records, zod's own parser for the
// issues of the invalid ones) against ajv compiled from the same generated JSON Schema with the
// same formats. Before timing, both must accept and reject exactly the same records.
import { isDeepStrictEqual } from 'node:util';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { compare } from '../../../bench/harness';
import { redact, ServiceRequest, validateMany } from '../src/index';
import { addCityKeywords, jsonSchemaOf } from '../src/json-schema';
import { fakeMany } from '../src/testing';

const COUNT = 10_000;
const ajv = addCityKeywords(addFormats(new Ajv2020({ strict: true, allowUnionTypes: true })));
const validate = ajv.compile(jsonSchemaOf('ServiceRequest'));

function dataset(invalidShare: number) {
  const records: Record<string, unknown>[] = fakeMany(ServiceRequest, { seed: 311, count: COUNT });
  const every = invalidShare > 0 ? Math.round(1 / invalidShare) : 0;
  if (every > 0) {
    for (let i = 0; i < records.length; i += every) {
      const mutation = (i / every) % 3;
      const copy = { ...records[i] };
      if (mutation === 0) copy.status = 'pending';
      else if (mutation === 1) copy.lat = 'north';
      else delete copy.requested_datetime;
      records[i] = copy;
    }
  }
  return records;
}

function ajvValid(records: readonly unknown[]): number {
  let ok = 0;
  for (const record of records) if (validate(record)) ok++;
  return ok;
}

for (const share of [0, 0.1]) {
  const records = dataset(share);
  // Agreement first: the comparison means nothing if the two validators disagree.
  const ours = validateMany(ServiceRequest, records);
  const invalidByUs = new Set(ours.invalid.map((bad) => bad.index));
  records.forEach((record, index) => {
    if (validate(record) === invalidByUs.has(index)) {
      throw new Error(`validators disagree on record ${index}: ${JSON.stringify(record)}`);
    }
  });
  if (invalidByUs.size !== Math.round(COUNT * share)) {
    throw new Error(`expected ${COUNT * share} invalid records, zod found ${invalidByUs.size}`);
  }
  // And the bulk path must return what zod's own safeParse returns, record by record (the same
  // keys and values; a record already in normal form is returned as it is, in its own key order).
  let next = 0;
  records.forEach((record, index) => {
    const plain = ServiceRequest.safeParse(record);
    if (!plain.success) return;
    if (!isDeepStrictEqual(ours.valid[next++], plain.data)) {
      throw new Error(`validateMany and safeParse differ on record ${index}`);
    }
  });
  await compare({
    name: `validate 10k ServiceRequest, ${share * 100}% invalid`,
    ours: {
      label: 'validateMany (compiled check + zod issues)',
      fn: () => validateMany(ServiceRequest, records),
    },
    peer: { label: 'ajv 2020 compiled + ajv-formats', fn: () => ajvValid(records) },
    itemsPerOp: COUNT,
    // Alternating rounds: on a shared machine each round compares neighbouring moments.
    rounds: 7,
    time: 3500,
    goal: 'ratio >= 1 (at least as fast as ajv)',
  });
}

// redact throughput: the public view of 10,000 requests, against a structuredClone of the same
// records (the cheapest way to hand out a copy that shares nothing with the input).
const records = fakeMany(ServiceRequest, { seed: 7, count: COUNT });
await compare({
  name: 'redact 10k ServiceRequest for a public viewer',
  ours: {
    label: 'redact(clearance: public)',
    fn: () => records.map((r) => redact(ServiceRequest, r, { clearance: 'public' })),
  },
  peer: {
    label: 'structuredClone (copy only, no redaction)',
    fn: () => records.map((r) => structuredClone(r)),
  },
  itemsPerOp: COUNT,
  goal: 'report throughput; within 2x of a plain deep copy',
});

// fakeMany throughput: generating 20,000 synthetic requests (what the ui DataTable stories and
// the example app do at start) against the alternative of shipping them as a JSON fixture and
// parsing it.
const fixture = JSON.stringify(fakeMany(ServiceRequest, { seed: 20, count: 20_000 }));
await compare({
  name: 'fakeMany 20k ServiceRequest',
  ours: {
    label: 'fakeMany(ServiceRequest, 20k)',
    fn: () => fakeMany(ServiceRequest, { seed: 20, count: 20_000 }),
  },
  peer: { label: 'JSON.parse of the same 20k as a fixture', fn: () => JSON.parse(fixture) },
  itemsPerOp: 20_000,
  goal: 'report throughput; generating should be no slower than loading a fixture',
});
