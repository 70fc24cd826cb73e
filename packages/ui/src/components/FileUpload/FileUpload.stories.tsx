import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { FileUpload } from './FileUpload.js';

const meta = {
  title: 'Forms/FileUpload',
  component: FileUpload,
  args: {
    label: 'Photos of the problem',
    hint: 'JPG or PNG, up to 10 MB each',
    accept: 'image/*',
    multiple: true,
    onFilesChange: fn(),
  },
  parameters: { wcag: ['1.3.1', '3.3.2', '4.1.2', '4.1.3'] },
} satisfies Meta<typeof FileUpload>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Choosing two files lists them in the live region. */
export const ChooseFiles: Story = {
  play: async ({ canvas, args }) => {
    const input = canvas.getByLabelText('Photos of the problem');
    await userEvent.upload(input, [
      new File(['a'], 'pothole.png', { type: 'image/png' }),
      new File(['b'], 'street.jpg', { type: 'image/jpeg' }),
    ]);
    await expect(canvas.getByText('2 files chosen')).toBeInTheDocument();
    await expect(args.onFilesChange).toHaveBeenCalledOnce();
  },
};
export const WithError: Story = {
  args: { error: 'The selected file must be smaller than 10 MB', required: true },
};
