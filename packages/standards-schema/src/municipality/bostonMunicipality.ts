import { BOSTON_DEPARTMENTS } from '../Department';
import { Municipality } from './Municipality';

/**
 * The City of Boston, the SDK's default municipality: the languages are the eleven the City
 * serves residents in besides English (Executive Order on Language and Communications Access),
 * and the claim mapping names what the City's identity provider and the dev IdP issue.
 */
export const BOSTON_MUNICIPALITY: Municipality = Municipality.parse({
  kind: 'city',
  name: 'City of Boston',
  shortName: 'Boston',
  officialDomain: 'boston.gov',
  state: 'MA',
  departments: BOSTON_DEPARTMENTS,
  languages: ['en', 'es', 'ht', 'zh-Hans', 'zh-Hant', 'vi', 'kea', 'pt', 'ru', 'ar', 'so', 'fr'],
  identityClaims: {
    sub: 'sub',
    name: 'name',
    email: 'email',
    department: 'department',
    roles: 'roles',
    clearance: 'clearance',
    employeeType: 'employee_type',
    accountExpiresAt: 'account_expires_at',
  },
});
