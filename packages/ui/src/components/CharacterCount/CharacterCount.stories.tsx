import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { CharacterCount } from './CharacterCount.js';

const meta = {
  title: 'Forms/CharacterCount',
  component: CharacterCount,
  args: { label: 'Describe the problem', maxCharacters: 20, name: 'details' },
  parameters: { wcag: ['1.3.1', '3.3.2', '4.1.3'] },
} satisfies Meta<typeof CharacterCount>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab in and type: the visible count follows, the spoken one waits for a pause. */
export const Typing: Story = {
  play: async ({ canvas, canvasElement }) => {
    await userEvent.tab();
    const box = canvas.getByRole('textbox', { name: 'Describe the problem' });
    await expect(box).toHaveFocus();
    await userEvent.keyboard('Pothole on Main St');
    await expect(canvas.getByText('2 characters remaining')).toBeVisible();
    const spoken = canvasElement.querySelector('[data-cob-count-status]');
    await waitFor(() => expect(spoken).toHaveTextContent('2 characters remaining'), {
      timeout: 3000,
    });
  },
};
export const OverTheLimit: Story = {
  args: { defaultValue: 'A pothole that is far too long to fit', hint: 'Keep it short' },
};
export const WithError: Story = {
  args: { error: 'Describe the problem', required: true },
};
