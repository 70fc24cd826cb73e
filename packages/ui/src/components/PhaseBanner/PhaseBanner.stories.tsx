import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { PhaseBanner } from './PhaseBanner.js';

const meta = {
  title: 'Page frame/PhaseBanner',
  component: PhaseBanner,
  args: {
    phase: 'beta',
    children: (
      <>
        This is a new service. <a href="#feedback">Give feedback</a> to help us improve it.
      </>
    ),
  },
  parameters: { wcag: ['1.3.1', '2.4.4'], layout: 'fullscreen' },
} satisfies Meta<typeof PhaseBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The phase is text, and the feedback link is reached by Tab. */
export const Beta: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Beta')).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Give feedback' })).toHaveFocus();
  },
};
export const Alpha: Story = { args: { phase: 'alpha' } };
