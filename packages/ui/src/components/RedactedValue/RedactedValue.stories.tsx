import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { RedactedValue } from './RedactedValue.js';

const meta = {
  title: 'Compliance/RedactedValue',
  component: RedactedValue,
  args: { field: 'email address' },
  parameters: { wcag: ['1.1.1', '1.3.1', '1.4.3'] },
} satisfies Meta<typeof RedactedValue>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Dropped: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent(
      'Redacted. Hidden: your access level does not allow you to see this email address',
    );
  },
};
export const Masked: Story = { args: { masked: 'j•••@example.com' } };
export const InSummary: Story = {
  render: (args) => (
    <dl>
      <dt>Email</dt>
      <dd>
        <RedactedValue {...args} />
      </dd>
    </dl>
  ),
};
