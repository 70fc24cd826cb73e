import type { z } from 'zod';
import { AuditEvent, AuditEventInput } from './AuditEvent';
import { BostonSamAddress } from './address/BostonSamAddress';
import { wgs84ToStatePlane } from './address/statePlane';
import { DepartmentCode } from './DepartmentCode';
import { StandardsSchemaError } from './errors';
import { generic, registerFaker } from './internal/fake/generic';
import { createRandom, type Random } from './internal/fake/random';
import {
  auditEvent,
  auditEventInput,
  BASE_TIME,
  bostonPoint,
  fictionalPhone,
  principal,
  serviceRequest,
} from './internal/fake/records';
import { DEPARTMENTS, STREETS } from './internal/fake/synthetic';
import { ServiceRequest } from './open311/ServiceRequest';
import { Principal } from './Principal';
import { GeoJsonPoint, GeoJsonPolygon } from './primitives/GeoJson';
import { Phone } from './primitives/Phone';

registerFaker(Phone, fictionalPhone);
registerFaker(GeoJsonPoint, (rng) => {
  const { lat, lon } = bostonPoint(rng);
  return { type: 'Point', coordinates: [lon, lat] };
});
registerFaker(GeoJsonPolygon, (rng) => {
  const { lat, lon } = bostonPoint(rng);
  const d = 0.001;
  const ring = [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ];
  return { type: 'Polygon', coordinates: [ring] };
});
registerFaker(BostonSamAddress, (rng) => {
  const { lat, lon, hood } = bostonPoint(rng);
  const ward = hood.ward.padStart(2, '0');
  const number = rng.int(1, 400);
  return {
    samAddressId: String(rng.int(1, 450_000)),
    streetNumber: String(number),
    ...(rng.chance(0.2) ? { streetNumberTo: String(number + 2 * rng.int(1, 3)) } : {}),
    streetName: rng.pick(STREETS).replace(/ (St|Ave)$/, ''),
    streetSuffix: 'St',
    neighborhood: hood.name,
    zipCode: hood.zip,
    ward,
    precinct: `${ward}${String(rng.int(1, 12)).padStart(2, '0')}`,
    parcelId: `${ward}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    point: { lat, lon },
    statePlane: wgs84ToStatePlane({ lat, lon }, 'EPSG:2249'),
  };
});
registerFaker(DepartmentCode, (rng) => rng.pick(DEPARTMENTS));

type Batch = (rng: Random, count: number) => unknown[];

const batches = new Map<z.core.$ZodType, Batch>([
  [
    ServiceRequest,
    (rng, count) => {
      const idBase = 101005000000 + rng.int(0, 899) * 1_000_000;
      const out = new Array(count);
      for (let i = 0; i < count; i++) out[i] = serviceRequest(rng, i, idBase);
      return out;
    },
  ],
  [
    Principal,
    (rng, count) => {
      const out = new Array(count);
      for (let i = 0; i < count; i++) out[i] = principal(rng, i);
      return out;
    },
  ],
  [
    AuditEvent,
    (rng, count) => {
      const start = BASE_TIME + rng.int(0, 200 * 86400) * 1000;
      const out = new Array(count);
      for (let i = 0; i < count; i++) out[i] = auditEvent(rng, i, start);
      return out;
    },
  ],
  [
    AuditEventInput,
    (rng, count) => {
      const out = new Array(count);
      for (let i = 0; i < count; i++) out[i] = auditEventInput(rng);
      return out;
    },
  ],
]);

/** Options of {@link fake}. */
export interface FakeOptions {
  /** The same seed gives the same record. */
  seed: number | string;
}

/** Options of {@link fakeMany}. */
export interface FakeManyOptions extends FakeOptions {
  /** How many records (a non-negative integer). */
  count: number;
}

function checkSeed(seed: unknown): asserts seed is number | string {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new StandardsSchemaError(
      'INVALID_OPTIONS',
      `fake(): seed must be a finite number or a string; got ${String(seed)}`,
    );
  }
}

/**
 * `count` valid, plausible, synthetic records of `schema`, the same for the same seed. Names come
 * from a fixed synthetic list, emails use example.org, phones the fictional 555-01XX range,
 * points fall inside Boston neighborhoods, IP addresses in the documentation ranges: never real
 * personal data. `ServiceRequest`, `Principal`, `AuditEvent` and `AuditEventInput` have
 * dedicated generators (about a million records a second); any other schema is generated from
 * its definition and checked.
 *
 * @throws StandardsSchemaError `INVALID_OPTIONS` for a bad seed or count;
 *   `UNSUPPORTED_SCHEMA` when the schema has a kind or refinement it cannot satisfy.
 *
 * @example
 * ```ts
 * import { ServiceRequest } from '@cityofboston/standards-schema';
 * import { fakeMany } from '@cityofboston/standards-schema/testing';
 *
 * const rows = fakeMany(ServiceRequest, { seed: 311, count: 20_000 });
 * ```
 */
export function fakeMany<S extends z.core.$ZodType>(
  schema: S,
  options: FakeManyOptions,
): z.output<S>[] {
  checkSeed(options?.seed);
  const { seed, count } = options;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new StandardsSchemaError(
      'INVALID_OPTIONS',
      `fakeMany(): count must be a non-negative integer; got ${String(count)}`,
    );
  }
  const rng = createRandom(seed);
  let batch = batches.get(schema);
  // Clones made by `.describe()`/`.meta()` keep the same shape: use the dedicated generator.
  for (let parent = schema._zod.parent; !batch && parent; parent = parent._zod.parent)
    batch = batches.get(parent);
  if (batch) return batch(rng, count) as z.output<S>[];
  const out: z.output<S>[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = generic(schema, rng);
  return out;
}

/**
 * One valid, plausible, synthetic record of `schema`; the same seed gives the same record.
 * See {@link fakeMany}.
 *
 * @example
 * ```ts
 * import { Principal } from '@cityofboston/standards-schema';
 * import { fake } from '@cityofboston/standards-schema/testing';
 *
 * const someone = fake(Principal, { seed: 1 });
 * ```
 */
export function fake<S extends z.core.$ZodType>(schema: S, options: FakeOptions): z.output<S> {
  return fakeMany(schema, { seed: options?.seed, count: 1 })[0] as z.output<S>;
}
