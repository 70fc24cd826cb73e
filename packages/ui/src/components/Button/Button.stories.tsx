import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Button } from './Button.js';

const meta = {
  title: 'Actions/Button',
  component: Button,
  args: { children: 'Save case', onClick: fn() },
  parameters: { wcag: ['1.4.3', '2.1.1', '2.4.7', '2.5.8', '4.1.2'] },
} satisfies Meta<typeof Button>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Enter and Space both activate it. */
export const Primary: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Save case' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await expect(args.onClick).toHaveBeenCalledTimes(2);
  },
};
export const Secondary: Story = { args: { variant: 'secondary', children: 'Cancel' } };
export const Danger: Story = { args: { variant: 'danger', children: 'Delete case' } };
export const LinkStyle: Story = { args: { variant: 'link', children: 'Show more' } };
export const Disabled: Story = { args: { disabled: true } };

/** Loading keeps focus and ignores activation. */
export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvas, args }) => {
    const button = canvas.getByRole('button', { name: 'Save case Loading' });
    await userEvent.click(button);
    await expect(args.onClick).not.toHaveBeenCalled();
    await expect(button).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Every variant in the high-contrast theme, checked by axe like the rest. */
export const HighContrastTheme: Story = {
  globals: { theme: 'high-contrast' },
  render: (args) => (
    <p style={{ display: 'flex', gap: '0.5rem' }}>
      <Button {...args} />
      <Button {...args} variant="secondary">
        Cancel
      </Button>
      <Button {...args} variant="danger">
        Delete
      </Button>
    </p>
  ),
};
