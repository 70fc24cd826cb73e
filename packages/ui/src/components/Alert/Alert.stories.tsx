import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Alert } from './Alert.js';

const meta = {
  title: 'Feedback/Alert',
  component: Alert,
  args: { title: 'Service update', children: <p>Trash pickup is delayed one day this week.</p> },
  parameters: { wcag: ['1.3.1', '1.4.1', '1.4.3', '4.1.3'] },
} satisfies Meta<typeof Alert>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Info: Story = {};
export const Success: Story = { args: { variant: 'success', title: 'Case saved', live: 'status' } };
export const Warning: Story = { args: { variant: 'warning', title: 'Check the address' } };
export const ErrorAlert: Story = {
  args: { variant: 'error', title: 'Could not save', live: 'alert' },
};
export const HighContrastTheme: Story = {
  globals: { theme: 'high-contrast' },
  args: { variant: 'error', title: 'Could not save' },
};

/**
 * Regression (WCAG 1.4.1): the four variants used to differ only in colour, so in forced-colors
 * mode they looked the same. Each now has its own icon shape and a spoken variant name.
 */
export const VariantsDifferWithoutColour: Story = {
  render: () => (
    <>
      <Alert title="Note">Info text</Alert>
      <Alert variant="success" title="Done">
        Success text
      </Alert>
      <Alert variant="warning" title="Careful">
        Warning text
      </Alert>
      <Alert variant="error" title="Failed">
        Error text
      </Alert>
    </>
  ),
  play: async ({ canvasElement, canvas }) => {
    const alerts = [...canvasElement.querySelectorAll<HTMLElement>('.cob-alert')];
    const icons = alerts.map((a) => a.querySelector('svg')?.innerHTML ?? '');
    await expect(new Set(icons).size).toBe(4);
    for (const name of [
      'Information: Note',
      'Success: Done',
      'Warning: Careful',
      'Error: Failed',
    ]) {
      await expect(canvas.getByRole('heading', { name })).toBeInTheDocument();
    }
  },
};
