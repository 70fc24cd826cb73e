import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Panel } from './Panel.js';

const meta = {
  title: 'Feedback/Panel',
  component: Panel,
  args: {
    title: 'Request submitted',
    children: (
      <>
        Your case number
        <br />
        <strong>311-2026-004512</strong>
      </>
    ),
  },
  parameters: { wcag: ['1.3.1', '1.4.3'] },
} satisfies Meta<typeof Panel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Confirmation: Story = {
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('heading', { level: 1, name: 'Request submitted' }),
    ).toBeVisible();
  },
};
export const HighContrastTheme: Story = { globals: { theme: 'high-contrast' } };
