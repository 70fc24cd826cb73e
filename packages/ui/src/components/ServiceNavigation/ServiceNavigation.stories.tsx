import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { SiteHeader } from '../SiteHeader/SiteHeader.js';
import { ServiceNavigation } from './ServiceNavigation.js';

const items = [
  { href: '#home', label: 'My requests', current: true },
  { href: '#new', label: 'New request' },
  { href: '#map', label: 'Map' },
  { href: '#help', label: 'Help' },
];

const meta = {
  title: 'Page frame/ServiceNavigation',
  component: ServiceNavigation,
  args: { items },
  parameters: { wcag: ['1.3.1', '1.4.1', '2.1.1', '2.4.8', '4.1.2'], layout: 'fullscreen' },
  render: (args) => (
    <SiteHeader
      appName="311 Case Desk"
      department="Public Works"
      navigation={<ServiceNavigation {...args} />}
    />
  ),
} satisfies Meta<typeof ServiceNavigation>;
export default meta;
type Story = StoryObj<typeof meta>;

/** In the header's navigation slot; the current page is marked for assistive technology. */
export const InTheHeader: Story = {
  play: async ({ canvas, canvasElement }) => {
    const nav = canvas.getByRole('navigation', { name: 'Service' });
    await expect(nav).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'My requests' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // Wide screen: every link shown, the Menu button is not.
    await expect(canvas.getByRole('link', { name: 'Help' })).toBeVisible();
    await expect(canvasElement.querySelector('.cob-service-nav__toggle')).not.toBeVisible();
  },
};

/** At 375 px the links fold behind "Menu"; Enter opens it and Tab reaches the links. */
export const MobileMenu: Story = {
  globals: { viewport: { value: 'cob375' } },
  parameters: {
    viewport: {
      options: { cob375: { name: '375 px', styles: { width: '375px', height: '812px' } } },
    },
  },
  play: async ({ canvas }) => {
    const toggle = await waitFor(() => canvas.getByRole('button', { name: 'Menu' }));
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.queryByRole('link', { name: 'Map' })).toBeNull();
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'My requests' })).toHaveFocus();
  },
};
