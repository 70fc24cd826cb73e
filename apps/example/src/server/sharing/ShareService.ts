import { planShare, share } from '@cityofboston/audit-log/sharing';
import { type Principal, ServiceRequest } from '@cityofboston/standards-schema';
import type { z } from 'zod';
import { fieldLabel } from '../../shared/fieldLabels';
import type { SharePreviewRequest, ShareRequest } from '../../shared/schemas';
import { can } from '../access/policy';
import { reporterPseudonyms } from '../access/residentPseudonyms';
import { CaseDeskError } from '../CaseDeskError';
import type { ApiContext } from '../context';
import { actorOf } from '../http/handler';
import { AGREEMENTS } from './agreements';

/** Previews and makes shares of cases under a data-sharing agreement. */
export class ShareService {
  readonly #ctx: ApiContext;

  constructor(ctx: ApiContext) {
    this.#ctx = ctx;
  }

  /** The agreements under which `p`'s department provides cases to another. */
  agreements(p: Principal) {
    return AGREEMENTS.filter((a) => can(p, 'read', { type: 'Agreement', provider: a.provider }));
  }

  /** Agreement `id`, if `p` may share under it: their own department is its provider. */
  #agreement(p: Principal, id: string) {
    const agreement = AGREEMENTS.find((a) => a.id === id);
    if (!agreement) throw new CaseDeskError('unknown_agreement', `There is no agreement ${id}`);
    if (!can(p, 'share', { type: 'ServiceRequest', department: agreement.provider })) {
      throw new CaseDeskError(
        'forbidden',
        `Only ${agreement.provider} shares its cases under agreement ${id}`,
      );
    }
    return agreement;
  }

  /** The very plan `share()` will apply: the preview cannot promise what the share does not do. */
  async preview(p: Principal, body: z.output<typeof SharePreviewRequest>) {
    const agreement = this.#agreement(p, body.agreementId);
    // What leaves is what the share will select: the matching cases, up to the limit.
    const matching = await this.#ctx.cases.count(
      { ...body.filter, department: agreement.provider },
      body.limit,
    );
    const plan = planShare(ServiceRequest, agreement, { recipient: agreement.recipient });
    return {
      agreement,
      fields: plan.fields.map((f) => ({ ...f, label: fieldLabel(f.path) })),
      count: Math.min(matching, body.limit),
      matching,
      matchingIsMore: matching > body.limit,
      limit: body.limit,
      ...(plan.refusal ? { refusal: plan.refusal.message } : {}),
    };
  }

  /** Shares the matching cases; a refusal by `share()` is a 403 `share_refused`. */
  async share(p: Principal, body: z.output<typeof ShareRequest>) {
    const agreement = this.#agreement(p, body.agreementId);
    const records = await this.#ctx.cases.all(
      { ...body.filter, department: agreement.provider },
      body.limit,
    );
    try {
      const result = await share(records, {
        schema: ServiceRequest,
        agreement,
        recipient: agreement.recipient,
        purpose: body.purpose,
        audit: this.#ctx.log,
        actor: actorOf(p),
        pseudonymKey: this.#ctx.pseudonymKey,
      });
      // For the access report: share() has recorded the event; index it under its id.
      await this.#ctx.accessIndex.add(
        {
          eventId: result.manifest.audit.eventId,
          action: 'share.export',
          actor: actorOf(p),
          cases: records,
          agreementId: agreement.id,
          recipient: agreement.recipient,
        },
        this.#ctx.pseudonymKey,
      );
      // The event holds a digest and a count; the full list is kept with the manifest.
      await this.#ctx.shareManifests.add({
        eventId: result.manifest.audit.eventId,
        agreementId: agreement.id,
        recipient: agreement.recipient,
        sharedAt: result.manifest.sharedAt,
        cases: records.map((r) => ({
          id: r.service_request_id,
          subjects: reporterPseudonyms(this.#ctx.pseudonymKey, r.contact),
        })),
      });
      return result;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SHARE_')) {
        throw new CaseDeskError('share_refused', (error as Error).message, { cause: error });
      }
      throw error;
    }
  }
}
