import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { TaskList } from './TaskList.js';

const meta = {
  title: 'Forms/TaskList',
  component: TaskList,
  args: {
    items: [
      { title: 'Your details', href: '#details', status: 'completed' },
      { title: 'Property details', href: '#property', status: 'inProgress' },
      {
        title: 'Upload documents',
        href: '#documents',
        status: 'incomplete',
        hint: 'A deed or lease',
        statusText: '1 of 2 uploaded',
      },
      { title: 'Pay the fee', href: '#pay', status: 'notStarted' },
      { title: 'Check and submit', status: 'cannotStart' },
    ],
  },
  parameters: { wcag: ['1.3.1', '1.4.1', '2.4.4'] },
} satisfies Meta<typeof TaskList>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab moves through the tasks that can be done; each link is described by its status. */
export const Application: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    const first = canvas.getByRole('link', { name: 'Your details' });
    await expect(first).toHaveFocus();
    await expect(first).toHaveAccessibleDescription('Completed');
    await userEvent.tab();
    await userEvent.tab();
    await expect(
      canvas.getByRole('link', { name: 'Upload documents' }),
    ).toHaveAccessibleDescription('A deed or lease 1 of 2 uploaded');
    await expect(canvas.queryByRole('link', { name: 'Check and submit' })).toBeNull();
  },
};
export const Spanish: Story = { globals: { locale: 'es' } };
