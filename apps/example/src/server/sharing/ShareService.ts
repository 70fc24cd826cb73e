import { planShare, share } from '@cityofboston/audit-log/sharing';
import { type Principal, ServiceRequest } from '@cityofboston/standards-schema';
import type { z } from 'zod';
import type { SharePreviewRequest, ShareRequest } from '../../shared/schemas';
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

  agreements() {
    return AGREEMENTS;
  }

  #agreement(id: string) {
    const agreement = AGREEMENTS.find((a) => a.id === id);
    if (!agreement) throw new CaseDeskError('unknown_agreement', `There is no agreement ${id}`);
    return agreement;
  }

  /** The very plan `share()` will apply: the preview cannot promise what the share does not do. */
  async preview(body: z.output<typeof SharePreviewRequest>) {
    const agreement = this.#agreement(body.agreementId);
    const count = await this.#ctx.cases.count(body.filter);
    const plan = planShare(ServiceRequest, agreement, { recipient: agreement.recipient });
    return {
      agreement,
      fields: plan.fields,
      count,
      ...(plan.refusal ? { refusal: plan.refusal.message } : {}),
    };
  }

  /** Shares the matching cases; a refusal by `share()` is a 403 `share_refused`. */
  async share(p: Principal, body: z.output<typeof ShareRequest>) {
    const agreement = this.#agreement(body.agreementId);
    const records = await this.#ctx.cases.all(body.filter, body.limit);
    try {
      return await share(records, {
        schema: ServiceRequest,
        agreement,
        recipient: agreement.recipient,
        purpose: body.purpose,
        audit: this.#ctx.log,
        actor: actorOf(p),
        pseudonymKey: this.#ctx.pseudonymKey,
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SHARE_')) {
        throw new CaseDeskError('share_refused', (error as Error).message, { cause: error });
      }
      throw error;
    }
  }
}
