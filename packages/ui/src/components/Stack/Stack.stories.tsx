import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Button } from '../Button/Button.js';
import { Grid } from '../Grid/Grid.js';
import { TextField } from '../TextField/TextField.js';
import { Stack } from './Stack.js';

const meta = {
  title: 'Layout/Stack',
  component: Stack,
  args: { gap: 6, children: null },
  parameters: { wcag: ['1.3.2', '1.4.10'] },
} satisfies Meta<typeof Stack>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Fields stacked with even space; Tab order follows the reading order. */
export const FormFields: Story = {
  render: (args) => (
    <Stack {...args}>
      <TextField label="First name" />
      <TextField label="Last name" />
      <Button>Continue</Button>
    </Stack>
  ),
  play: async ({ canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'First name' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Last name' })).toHaveFocus();
  },
};
/** A responsive grid of equal columns. */
export const InAGrid: Story = {
  render: () => (
    <Grid minColumnWidth="12rem">
      {['Trash and recycling', 'Parking', 'Permits', 'Property taxes'].map((name) => (
        <Stack key={name} gap={2}>
          <h2 className="cob-heading cob-heading--sm">{name}</h2>
          <a href={`#${name}`}>Learn more about {name.toLowerCase()}</a>
        </Stack>
      ))}
    </Grid>
  ),
};
