import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { Toggletip } from './Toggletip.js';

const meta = {
  title: 'Content/Toggletip',
  component: Toggletip,
  args: { label: 'About parcel IDs', children: 'The 10-digit number printed on your tax bill.' },
  parameters: { wcag: ['1.4.13', '2.1.1', '4.1.2', '4.1.3'] },
  render: (args) => (
    <p>
      Parcel ID <Toggletip {...args} />
    </p>
  ),
} satisfies Meta<typeof Toggletip>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab, Enter shows the text in a live region; Escape hides it. */
export const Keyboard: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    const button = canvas.getByRole('button', { name: 'About parcel IDs' });
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('10-digit number'));
    await userEvent.keyboard('{Escape}');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
  },
};
