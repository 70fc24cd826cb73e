// `npm run audit-keys`: a new checkpoint signing key for production. Put AUDIT_SIGNING_KEY in the
// secret store the app reads its environment from; give the verifier key to the auditors.
import { generateCheckpointKeys } from '@cityofboston/audit-log';
import { auditSigningFrom } from './auditSigning';
import { readAppInfo } from './config';

const { privateKey } = generateCheckpointKeys();
const signing = auditSigningFrom(privateKey, readAppInfo());
console.log(`AUDIT_SIGNING_KEY="${privateKey.trim().replaceAll('\n', '\\n')}"`);
console.log(`AUDIT_VERIFIER_KEY=${signing.verifierKey}`);
