import type { Meta, StoryObj } from '@storybook/react-vite';
import { SiteFooter } from './SiteFooter.js';

const meta = {
  title: 'Page frame/SiteFooter',
  component: SiteFooter,
  parameters: { wcag: ['1.3.1', '1.4.3'] },
} satisfies Meta<typeof SiteFooter>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Minimal: Story = {};
export const WithLinks: Story = {
  args: {
    links: [
      { href: '#accessibility', label: 'Accessibility' },
      { href: '#privacy', label: 'Privacy policy' },
      { href: '#language', label: 'Language and disability access' },
    ],
  },
};
