// A complete form driven by useSchemaForm, used by the story and the unit test (not exported).
import { z } from 'zod';
import { Button } from '../components/Button/Button.js';
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.js';
import { Select } from '../components/Select/Select.js';
import { TextArea } from '../components/TextArea/TextArea.js';
import { TextField } from '../components/TextField/TextField.js';
import { useSchemaForm } from './useSchemaForm.js';

export const ReportSchema = z.object({
  name: z.string().min(1).meta({ title: 'Full name' }),
  email: z
    .email({ error: 'Enter an email address like name@example.com' })
    .describe('We will send updates here'),
  department: z.enum(['PWD', 'BTD']).meta({ title: 'Department' }),
  details: z.string().max(200, { error: 'Details must be 200 characters or fewer' }).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export function SchemaFormDemo({ onValid }: { onValid: (values: Report) => void }) {
  const form = useSchemaForm(ReportSchema, { onValid });
  return (
    <form {...form.formProps}>
      <ErrorSummary {...form.errorSummaryProps} />
      <TextField {...form.field('name')} autoComplete="name" />
      <TextField {...form.field('email')} type="email" autoComplete="email" />
      <Select
        {...form.field('department')}
        placeholder="Choose a department"
        options={[
          { value: 'PWD', label: 'Public Works' },
          { value: 'BTD', label: 'Transportation' },
        ]}
      />
      <TextArea {...form.field('details')} maxCharacters={200} />
      <Button type="submit">Send report</Button>
    </form>
  );
}
