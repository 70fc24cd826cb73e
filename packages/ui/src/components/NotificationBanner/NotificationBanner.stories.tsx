import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { NotificationBanner } from './NotificationBanner.js';

const meta = {
  title: 'Feedback/NotificationBanner',
  component: NotificationBanner,
  args: {
    children: (
      <p>
        Street cleaning resumes on April 1. <a href="#schedule">See the schedule</a>.
      </p>
    ),
  },
  parameters: { wcag: ['1.3.1', '2.4.3', '4.1.3'] },
} satisfies Meta<typeof NotificationBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A labelled region named by its title. */
export const Important: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Important' })).toBeVisible();
  },
};
/** A success banner is an alert and takes focus when it appears. */
export const Success: Story = {
  args: { variant: 'success', children: <p>Your address was updated.</p> },
  play: async ({ canvas }) => {
    const alert = canvas.getByRole('alert');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(alert).toHaveAccessibleName('Success');
  },
};
export const Spanish: Story = { globals: { locale: 'es' } };
