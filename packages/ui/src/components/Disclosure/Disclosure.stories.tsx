import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Disclosure } from './Disclosure.js';

const meta = {
  title: 'Content/Disclosure',
  component: Disclosure,
  args: {
    summary: 'Why we ask for your address',
    children: <p>We use it to send a crew to the right place.</p>,
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '4.1.2'] },
} satisfies Meta<typeof Disclosure>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Space toggles it open and closed. */
export const Closed: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    const button = canvas.getByRole('button', { name: 'Why we ask for your address' });
    await expect(button).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText('We use it to send a crew to the right place.')).toBeVisible();
    await userEvent.keyboard(' ');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  },
};
export const Open: Story = { args: { defaultOpen: true } };
