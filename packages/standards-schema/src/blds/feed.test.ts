// One test per layout the BLDS reader reads. The records here are small and written for the
// test; the real records of each layout (Seattle's Socrata rows, Tempe's and Boulder's ArcGIS
// features) are in conformance/blds and src/conformance.test.ts.
import { describe, expect, it } from 'vitest';
import { arcgisFeatureColumns, epochMsDate } from './arcgis';
import { normalizeBldsPermit, PermitFeed } from './feed';

const core = {
  PermitNum: 'B-1',
  Description: 'Reroof',
  StatusCurrent: 'Issued',
  OriginalAddress1: '1 CITY HALL SQ',
  OriginalCity: 'BOSTON',
  OriginalState: 'MA',
  OriginalZip: '02201',
};
// 2026-08-26T00:00:00Z
const AUG_26 = Date.UTC(2026, 7, 26);

describe('normalizeBldsPermit: Socrata JSON rows', () => {
  it('reads lowercase columns, numbers as text, midnight timestamps and { url } links', () => {
    expect(
      normalizeBldsPermit({
        permitnum: 'B-1',
        issueddate: '2026-08-26T00:00:00.000',
        estprojectcost: '287134.0000',
        housingunits: '1.0',
        link: { url: 'https://example.org/B-1' },
        originalzip: '02201',
      }),
    ).toEqual({
      PermitNum: 'B-1',
      IssuedDate: '2026-08-26',
      EstProjectCost: 287134,
      HousingUnits: 1,
      Link: 'https://example.org/B-1',
      OriginalZip: '02201',
    });
  });
});

describe('normalizeBldsPermit: CSV rows', () => {
  it('reads every cell as text: numbers, dates, empty cells as absent', () => {
    const row = {
      ...core,
      IssuedDate: '2026-08-26',
      TotalSqFt: '1200',
      Fee: '85.50',
      CompletedDate: '',
    };
    expect(PermitFeed.parse(row)).toEqual({
      ...core,
      IssuedDate: '2026-08-26',
      TotalSqFt: 1200,
      Fee: 85.5,
    });
  });

  it('keeps a cell it cannot read, for Permit to report with its field', () => {
    const result = PermitFeed.safeParse({ ...core, IssuedDate: '2026-08-26', TotalSqFt: 'n/a' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['TotalSqFt']);
  });
});

describe('normalizeBldsPermit: ArcGIS features (f=json)', () => {
  it('reads a feature as its attributes and keeps the geometry as a column', () => {
    const feature = {
      attributes: { ...core, IssuedDate: '2026-08-26', OBJECTID: 7 },
      geometry: { x: -71.0589, y: 42.3601 },
    };
    expect(normalizeBldsPermit(feature)).toEqual({
      ...core,
      IssuedDate: '2026-08-26',
      OBJECTID: 7,
      geometry: { x: -71.0589, y: 42.3601 },
    });
    // The geometry's spatial reference is the response's: it is not read as a location.
    expect(PermitFeed.parse(feature)).not.toHaveProperty('Latitude');
    expect(PermitFeed.parse(feature)).toEqual({ ...core, IssuedDate: '2026-08-26' });
  });

  it('drops a null geometry (a table layer) and keeps a geometry column of the attributes', () => {
    expect(normalizeBldsPermit({ attributes: { PermitNum: 'B-1' }, geometry: null })).toEqual({
      PermitNum: 'B-1',
    });
    expect(
      arcgisFeatureColumns({ attributes: { geometry: 'POINT (1 2)' }, geometry: { x: 1, y: 2 } }),
    ).toEqual({ geometry: 'POINT (1 2)', 'feature.geometry': { x: 1, y: 2 } });
  });

  it('reads a record that only has an attributes column as a record, not a feature', () => {
    expect(arcgisFeatureColumns({ attributes: {}, permitnum: 'B-1' })).toBeUndefined();
    expect(arcgisFeatureColumns({ attributes: 'text' })).toBeUndefined();
    expect(normalizeBldsPermit({ attributes: 'text', permitnum: 'B-1' })).toEqual({
      attributes: 'text',
      PermitNum: 'B-1',
    });
  });

  it('reads an epoch-milliseconds date at midnight UTC as that date', () => {
    expect(PermitFeed.parse({ attributes: { ...core, AppliedDate: AUG_26 } })).toMatchObject({
      AppliedDate: '2026-08-26',
    });
  });

  it('leaves an epoch-milliseconds date-time that is not midnight UTC for Permit to report', () => {
    const sixPm = AUG_26 + 18 * 3_600_000;
    const result = PermitFeed.safeParse({ attributes: { ...core, AppliedDate: sixPm } });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['AppliedDate']);
  });

  it('reads a date from its epoch-milliseconds twin column when the BLDS column is absent', () => {
    const record = normalizeBldsPermit({
      attributes: { ...core, IssuedDate: null, IssuedDateDtm: AUG_26, ExpiresDateDtm: AUG_26 },
    });
    expect(record).toMatchObject({ IssuedDate: '2026-08-26', ExpiresDate: '2026-08-26' });
    // The twin itself is kept under its own name: no column is lost.
    expect(record).toMatchObject({ IssuedDateDtm: AUG_26, ExpiresDateDtm: AUG_26 });
  });

  it('keeps the BLDS text date over its twin when both are served', () => {
    const record = normalizeBldsPermit({
      attributes: { ...core, IssuedDate: '2026-08-25', IssuedDateDtm: AUG_26 },
    });
    expect(record).toMatchObject({ IssuedDate: '2026-08-25', IssuedDateDtm: AUG_26 });
  });
});

describe('epochMsDate', () => {
  it('is the UTC calendar date of a midnight instant, and nothing otherwise', () => {
    expect(epochMsDate(AUG_26)).toBe('2026-08-26');
    expect(epochMsDate(0)).toBe('1970-01-01');
    expect(epochMsDate(Date.UTC(1969, 11, 31))).toBe('1969-12-31');
    expect(epochMsDate(AUG_26 + 1)).toBeUndefined();
    expect(epochMsDate(Number.NaN)).toBeUndefined();
    expect(epochMsDate(1e20)).toBeUndefined();
  });
});
