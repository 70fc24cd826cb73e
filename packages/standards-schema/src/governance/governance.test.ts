import { describe, expect, it } from 'vitest';
import {
  BudgetLine,
  metricStatus,
  PerformanceMetric,
  ProcurementRequest,
  TechnologyAsset,
} from './governance';

describe('governance records', () => {
  const asset = {
    id: 'app-311',
    name: '311 Case Desk',
    ownerDepartment: 'BOS311',
    lifecycleStage: 'production',
    dataClassification: 'confidential',
    hosting: 'city-cloud',
    sourcing: 'in-house',
    usesCitySso: true,
    accessibility: 'wcag-2.2-aa',
  } as const;

  it('TechnologyAsset: procured needs a vendor; decommissioned needs its date', () => {
    expect(TechnologyAsset.parse(asset)).toEqual(asset);
    expect(
      TechnologyAsset.safeParse({ ...asset, sourcing: 'procured' }).error?.issues[0]?.path,
    ).toEqual(['vendor']);
    expect(
      TechnologyAsset.safeParse({ ...asset, lifecycleStage: 'decommissioned' }).error?.issues[0]
        ?.path,
    ).toEqual(['decommissionedOn']);
    expect(TechnologyAsset.safeParse({ ...asset, lifecycleStage: 'retired' }).success).toBe(false);
  });

  it('BudgetLine: capital/operating and personnel/non-personnel with money as decimal text', () => {
    const line = {
      fiscalYear: 2026,
      department: 'DoIT',
      kind: 'operating',
      category: 'non-personnel',
      description: 'Cloud hosting',
      amount: { amount: '1250000.00', currency: 'USD' },
    };
    expect(BudgetLine.safeParse(line).success).toBe(true);
    expect(BudgetLine.safeParse({ ...line, kind: 'discretionary' }).success).toBe(false);
    expect(
      BudgetLine.safeParse({ ...line, amount: { amount: 1250000, currency: 'USD' } }).success,
    ).toBe(false);
  });

  it('ProcurementRequest: technology and duplicates need CIO approval and a justification', () => {
    const request = {
      id: 'pr-1',
      department: 'PWD',
      title: 'Work order app',
      category: 'saas',
      amount: { amount: '48000.00', currency: 'USD' },
      requestedBy: 'Jordan Alder',
      requiresCioApproval: true,
      duplicatesCentralService: false,
      status: 'submitted',
    } as const;
    expect(ProcurementRequest.safeParse(request).success).toBe(true);
    expect(
      ProcurementRequest.safeParse({ ...request, requiresCioApproval: false }).error?.issues[0]
        ?.path,
    ).toEqual(['requiresCioApproval']);
    expect(
      ProcurementRequest.safeParse({ ...request, category: 'supplies', requiresCioApproval: false })
        .success,
    ).toBe(true);
    expect(
      ProcurementRequest.safeParse({ ...request, duplicatesCentralService: true }).error?.issues[0]
        ?.path,
    ).toEqual(['centralServiceId']);
  });

  it('PerformanceMetric: direction-aware status and ordered periods', () => {
    const metric = PerformanceMetric.parse({
      id: 'm1',
      department: 'PWD',
      measure: 'Potholes filled within 2 days',
      unit: '%',
      target: 90,
      actual: 93.5,
      periodStart: '2025-07-01',
      periodEnd: '2025-09-30',
      higherIsBetter: true,
    });
    expect(metricStatus(metric)).toBe('met');
    expect(metricStatus({ ...metric, higherIsBetter: false })).toBe('missed');
    const { actual: _a, ...noActual } = metric;
    expect(metricStatus(noActual)).toBe('no-data');
    expect(
      PerformanceMetric.safeParse({ ...metric, periodEnd: '2025-06-30' }).error?.issues[0]?.path,
    ).toEqual(['periodEnd']);
  });
});
