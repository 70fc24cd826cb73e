import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { TextArea } from './TextArea.js';

const meta = {
  title: 'Forms/TextArea',
  component: TextArea,
  args: { label: 'Describe the problem', name: 'description' },
  parameters: { wcag: ['1.3.1', '3.3.1', '3.3.2', '4.1.3'] },
} satisfies Meta<typeof TextArea>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithCharacterCount: Story = {
  args: { maxCharacters: 20, hint: 'Keep it short' },
  play: async ({ canvas }) => {
    await userEvent.tab();
    await userEvent.keyboard('Pothole on Main St');
    await expect(canvas.getByText('2 characters remaining')).toBeInTheDocument();
    await userEvent.keyboard(' again');
    await expect(canvas.getByText('4 characters too many')).toBeInTheDocument();
  },
};
export const WithError: Story = { args: { error: 'Describe the problem', required: true } };
