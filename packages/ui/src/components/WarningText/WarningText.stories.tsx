import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { WarningText } from './WarningText.js';

const meta = {
  title: 'Content/WarningText',
  component: WarningText,
  args: { children: 'You can be fined up to $300 if you park here during a snow emergency.' },
  parameters: { wcag: ['1.1.1', '1.3.1', '1.4.1'] },
} satisfies Meta<typeof WarningText>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The icon is hidden; "Warning:" is read first. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('strong')).toHaveTextContent(
      /^Warning: You can be fined/,
    );
  },
};
export const Spanish: Story = { globals: { locale: 'es' } };
