import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { InPageNavigation } from './InPageNavigation.js';

const meta = {
  title: 'Navigation/InPageNavigation',
  component: InPageNavigation,
  args: {
    items: [
      { id: 'who', label: 'Who can apply' },
      { id: 'documents', label: 'Documents you need' },
      { id: 'fees', label: 'Fees' },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.4.1', '2.4.5', '2.1.1'] },
  render: (args) => (
    <>
      <InPageNavigation {...args} />
      {args.items.map((item) => (
        <section key={item.id}>
          <h2 id={item.id} tabIndex={-1}>
            {item.label}
          </h2>
          <p>Details about {item.label.toLowerCase()}.</p>
        </section>
      ))}
    </>
  ),
} satisfies Meta<typeof InPageNavigation>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab reaches each section link; each leads to the heading with that id. */
export const Contents: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('navigation', { name: 'Contents' })).toBeVisible();
    await userEvent.tab();
    await userEvent.tab();
    const link = canvas.getByRole('link', { name: 'Documents you need' });
    await expect(link).toHaveFocus();
    // Following the link would move the test page itself; check where it leads instead.
    await expect(link).toHaveAttribute('href', '#documents');
    await expect(canvasElement.querySelector('#documents')).toHaveTextContent('Documents you need');
  },
};
