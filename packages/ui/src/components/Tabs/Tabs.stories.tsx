import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Tabs } from './Tabs.js';

const meta = {
  title: 'Page frame/Tabs',
  component: Tabs,
  args: {
    label: 'Case views',
    items: [
      { id: 'details', title: 'Details', content: <p>Pothole on Main St.</p> },
      { id: 'history', title: 'History', content: <p>Opened today.</p> },
      { id: 'photos', title: 'Photos', content: <p>No photos yet.</p> },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '2.4.3', '4.1.2'] },
} satisfies Meta<typeof Tabs>;
export default meta;
type Story = StoryObj<typeof meta>;

/** ArrowRight selects the next tab, End the last, Home the first. */
export const ArrowKeys: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('tab', { name: 'Details' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    const history = canvas.getByRole('tab', { name: 'History' });
    await expect(history).toHaveFocus();
    await expect(history).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('Opened today.');
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('tab', { name: 'Photos' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByRole('tab', { name: 'Details' })).toHaveFocus();
  },
};
export const SecondSelected: Story = { args: { defaultSelectedId: 'history' } };
/** In right-to-left, ArrowLeft moves forward. */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvas }) => {
    await userEvent.tab();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(canvas.getByRole('tab', { name: 'History' })).toHaveFocus();
  },
};
