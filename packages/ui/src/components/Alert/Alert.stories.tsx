import type { Meta, StoryObj } from '@storybook/react-vite';
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
