import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SideNav } from './SideNav.js';

const meta = {
  title: 'Page frame/SideNav',
  component: SideNav,
  args: {
    items: [
      { label: 'Open cases', href: '#open', current: true },
      {
        label: 'Reports',
        href: '#reports',
        items: [
          { label: 'Weekly', href: '#weekly' },
          { label: 'Monthly', href: '#monthly' },
        ],
      },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.4.5', '2.4.8'] },
} satisfies Meta<typeof SideNav>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Open cases' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  },
};
export const RightToLeft: Story = { globals: { locale: 'ar' } };
