import type { Meta, StoryObj } from '@storybook/react-vite';
import { TextField } from '../TextField/TextField.js';
import { Fieldset } from './Fieldset.js';

const meta = {
  title: 'Forms/Fieldset',
  component: Fieldset,
  args: {
    legend: 'Where is the problem?',
    children: (
      <>
        <TextField label="Street address" autoComplete="street-address" />
        <TextField label="ZIP code" autoComplete="postal-code" width={5} />
      </>
    ),
  },
  parameters: { wcag: ['1.3.1', '3.3.2'] },
} satisfies Meta<typeof Fieldset>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const LegendAsHeading: Story = {
  args: { legendAsHeading: true, hint: 'A nearby address is fine', hintId: 'where-hint' },
};
