import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { SiteAlert } from './SiteAlert.js';

const meta = {
  title: 'Feedback/SiteAlert',
  component: SiteAlert,
  args: { children: 'City Hall is closed Monday for the holiday.' },
  parameters: { wcag: ['1.3.1', '1.4.3', '2.1.1'] },
} satisfies Meta<typeof SiteAlert>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
/** Tab to Dismiss, Enter hides the alert. */
export const Dismissible: Story = {
  args: { dismissible: true, onDismiss: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.queryByRole('region', { name: 'Site alert' })).toBeNull();
    await expect(args.onDismiss).toHaveBeenCalledOnce();
  },
};
