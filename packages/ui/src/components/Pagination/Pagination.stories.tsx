import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { Pagination } from './Pagination.js';

function ClientPaging({ totalPages }: { totalPages: number }) {
  const [page, setPage] = useState(1);
  return <Pagination page={page} totalPages={totalPages} onPageChange={setPage} />;
}

const meta = {
  title: 'Page frame/Pagination',
  component: Pagination,
  args: { page: 5, totalPages: 10 },
  parameters: { wcag: ['1.3.1', '2.4.4', '2.4.8', '2.5.8'] },
} satisfies Meta<typeof Pagination>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Middle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Page 5 of 10')).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: 'Page 5' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  },
};
export const FirstPage: Story = { args: { page: 1 } };
export const LastPage: Story = { args: { page: 10 } };
export const Spanish: Story = { globals: { locale: 'es' } };

/** Keyboard: Tab to "Next", Enter moves to page 2. */
export const KeyboardPaging: Story = {
  render: () => <ClientPaging totalPages={4} />,
  play: async ({ canvas }) => {
    canvas.getByRole('link', { name: 'Next' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('link', { name: 'Page 2' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  },
};
