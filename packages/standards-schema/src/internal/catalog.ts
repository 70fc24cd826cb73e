// Every record schema this package exports, by its exported name: the JSON Schema build, the
// OpenAPI document, the CLI and the classification guard test all read this list.
import type { z } from 'zod';
import { AuditEvent, AuditEventInput } from '../AuditEvent';
import { BostonSamAddress } from '../address/BostonSamAddress';
import { PostalAddress } from '../address/PostalAddress';
import { Permit } from '../blds/Permit';
import { DataSharingAgreement } from '../DataSharingAgreement';
import { Department } from '../Department';
import { DcatUs3Dataset } from '../dcat/DcatUs3';
import { DcatCatalog, DcatDataset, DcatDistribution } from '../dcat/DcatUs11';
import {
  BudgetLine,
  PerformanceMetric,
  ProcurementRequest,
  TechnologyAsset,
} from '../governance/governance';
import {
  HsdsAddress,
  HsdsContact,
  HsdsLocation,
  HsdsOrganization,
  HsdsPhone,
  HsdsService,
} from '../hsds/hsds';
import { Ckan311Row } from '../open311/ckan';
import {
  CreateServiceRequest,
  Open311Errors,
  Service,
  ServiceDefinition,
  ServiceDiscovery,
  ServiceRequestCreated,
  ServiceRequestFromToken,
} from '../open311/Service';
import { ServiceRequest } from '../open311/ServiceRequest';
import { Person } from '../Person';
import { Principal } from '../Principal';
import { CalendarDate, DateTime } from '../primitives/DateTime';
import { Email } from '../primitives/Email';
import { GeoJsonPoint, GeoJsonPolygon } from '../primitives/GeoJson';
import { GeoPoint } from '../primitives/GeoPoint';
import { LanguageTag } from '../primitives/LanguageTag';
import { Money } from '../primitives/Money';
import { Phone } from '../primitives/Phone';

/** The names of the primitives in {@link CATALOG}: values, not records with fields. */
export const PRIMITIVE_NAMES: readonly string[] = [
  'CalendarDate',
  'DateTime',
  'Email',
  'GeoJsonPoint',
  'GeoJsonPolygon',
  'GeoPoint',
  'LanguageTag',
  'Money',
  'Phone',
];

export const CATALOG: Record<string, z.core.$ZodType> = {
  // Primitives
  CalendarDate,
  DateTime,
  Email,
  GeoJsonPoint,
  GeoJsonPolygon,
  GeoPoint,
  LanguageTag,
  Money,
  Phone,
  // Records
  BostonSamAddress,
  PostalAddress,
  AuditEvent,
  AuditEventInput,
  BudgetLine,
  Ckan311Row,
  CreateServiceRequest,
  DataSharingAgreement,
  DcatCatalog,
  DcatDataset,
  DcatDistribution,
  DcatUs3Dataset,
  Department,
  HsdsAddress,
  HsdsContact,
  HsdsLocation,
  HsdsOrganization,
  HsdsPhone,
  HsdsService,
  Open311Errors,
  PerformanceMetric,
  Permit,
  Person,
  Principal,
  ProcurementRequest,
  Service,
  ServiceDefinition,
  ServiceDiscovery,
  ServiceRequest,
  ServiceRequestCreated,
  ServiceRequestFromToken,
  TechnologyAsset,
};

/** The names of the record schemas in {@link CATALOG}, sorted. */
export const RECORD_NAMES: readonly string[] = Object.keys(CATALOG)
  .filter((name) => !PRIMITIVE_NAMES.includes(name))
  .sort();
