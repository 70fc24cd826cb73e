import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { OfficialBanner } from './OfficialBanner.js';

const meta = {
  title: 'Page frame/OfficialBanner',
  component: OfficialBanner,
  parameters: { wcag: ['1.3.1', '2.1.1', '4.1.2'] },
} satisfies Meta<typeof OfficialBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};

/** Keyboard: Tab to the summary, Enter opens the explanation. */
export const OpenedByKeyboard: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    const toggle = canvas.getByRole('button', { name: "Here's how you know" });
    await expect(toggle).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText('Official websites use boston.gov')).toBeVisible();
  },
};

export const OtherMunicipality: Story = {
  args: { statement: 'An official website of the City of Somerville', domain: 'somervillema.gov' },
};
