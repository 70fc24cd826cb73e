import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { ExitThisPage } from './ExitThisPage.js';

const meta = {
  title: 'Page frame/ExitThisPage',
  component: ExitThisPage,
  args: { href: 'https://www.weather.gov', onExit: fn() },
  parameters: { wcag: ['2.1.1', '2.4.4', '4.1.2'] },
} satisfies Meta<typeof ExitThisPage>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab to the button, Space or Enter leaves, and the page is covered at once. */
export const Button: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.tab();
    const button = canvas.getByRole('button', { name: /Exit this page/ });
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onExit).toHaveBeenCalledWith('https://www.weather.gov');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Loading.'));
  },
};

/** Pressing Shift three times leaves from anywhere on the page. */
export const ShiftThreeTimes: Story = {
  play: async ({ args }) => {
    await userEvent.keyboard('{Shift}{Shift}');
    await expect(args.onExit).not.toHaveBeenCalled();
    await userEvent.keyboard('{Shift}');
    await expect(args.onExit).toHaveBeenCalledTimes(1);
  },
};
