import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Accordion } from './Accordion.js';

const meta = {
  title: 'Content/Accordion',
  component: Accordion,
  args: {
    items: [
      { id: 'hours', title: 'Opening hours', content: <p>Monday to Friday, 9 to 5.</p> },
      {
        id: 'parking',
        title: 'Parking',
        content: <p>Use the Government Center garage.</p>,
        defaultOpen: true,
      },
      { id: 'access', title: 'Accessibility', content: <p>Step-free entrance on Congress St.</p> },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '2.4.6', '4.1.2'] },
} satisfies Meta<typeof Accordion>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Each section's button sits in a heading; Tab moves between them, Enter opens. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(3);
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('button', { name: 'Opening hours' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  },
};
