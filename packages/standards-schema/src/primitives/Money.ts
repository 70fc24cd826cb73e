import { z } from 'zod';

let known: Set<string> | undefined;

function minorDigits(currency: string): number | undefined {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  if (!known.has(currency)) return undefined;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
  } catch {
    return undefined;
  }
}

/**
 * An amount of money: a decimal string (no binary floating point for budgets) and an ISO 4217
 * currency code. The amount may not have more decimals than the currency's minor unit (2 for
 * USD).
 *
 * Standard: [ISO 4217](https://www.iso.org/iso-4217-currency-codes.html).
 *
 * @example
 * ```ts
 * Money.parse({ amount: '1250000.00', currency: 'USD' });
 * ```
 */
export const Money = z
  .object({
    amount: z
      .string()
      .regex(/^-?\d{1,15}(?:\.\d{1,4})?$/, 'Expected a decimal amount such as 1250.00'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as USD'),
  })
  .superRefine((money, ctx) => {
    const digits = minorDigits(money.currency);
    if (digits === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: `Unknown ISO 4217 currency ${money.currency}`,
      });
      return;
    }
    const decimals = money.amount.split('.')[1]?.length ?? 0;
    if (decimals > digits) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `${money.currency} has ${digits} decimal places; got ${decimals}`,
      });
    }
  })
  .meta({ id: 'Money', description: 'Decimal amount with ISO 4217 currency' });
/** An amount with its currency. */
export type Money = z.infer<typeof Money>;
