import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Prose } from './Prose.js';

const meta = {
  title: 'Layout/Prose',
  component: Prose,
  args: {
    children: (
      <>
        <h2>How to get a resident parking permit</h2>
        <p>
          Permits are free. You need proof of residency and a vehicle registered at your address.{' '}
          <a href="#documents">See the documents we accept</a>.
        </p>
        <h3>What you need</h3>
        <ul>
          <li>A valid Massachusetts registration</li>
          <li>Proof of residency dated in the last 30 days</li>
        </ul>
      </>
    ),
  },
  parameters: { wcag: ['1.3.1', '1.4.8', '1.4.12'] },
} satisfies Meta<typeof Prose>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Headings use the heading face; the link is reached by Tab. */
export const Article: Story = {
  play: async ({ canvas }) => {
    const h2 = canvas.getByRole('heading', { level: 2 });
    await expect(getComputedStyle(h2).fontFamily).toMatch(/Montserrat/);
    await userEvent.tab();
    await expect(canvas.getByRole('link')).toHaveFocus();
  },
};
