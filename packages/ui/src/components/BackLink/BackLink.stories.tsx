import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { BackLink } from './BackLink.js';

const meta = {
  title: 'Navigation/BackLink',
  component: BackLink,
  args: { href: '#previous' },
  parameters: { wcag: ['2.4.4', '2.1.1'] },
} satisfies Meta<typeof BackLink>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab reaches the link, named "Back". */
export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Back' })).toHaveFocus();
  },
};
export const Spanish: Story = { globals: { locale: 'es' } };
export const RightToLeft: Story = { globals: { locale: 'ar' } };
