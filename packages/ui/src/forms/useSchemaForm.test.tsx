import { render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { UiError } from '../errors.js';
import { SchemaFormDemo } from './SchemaFormDemo.js';
import { describeSchema } from './schemaFields.js';
import { useSchemaForm } from './useSchemaForm.js';

describe('describeSchema', () => {
  it('reads labels, hints and required flags through wrappers', () => {
    const fields = describeSchema(
      z.object({
        firstName: z.string(),
        phone: z.string().meta({ title: 'Phone number', description: 'Mobile is best' }).optional(),
        kind: z.enum(['a', 'b']).default('a'),
      }),
    );
    expect(fields).toEqual([
      { name: 'firstName', label: 'First name', required: true, kind: 'string' },
      {
        name: 'phone',
        label: 'Phone number',
        hint: 'Mobile is best',
        required: false,
        kind: 'string',
      },
      { name: 'kind', label: 'Kind', required: false, kind: 'enum', options: ['a', 'b'] },
    ]);
  });
  it('rejects a schema that is not an object with UI_UNSUPPORTED_SCHEMA', () => {
    expect(() => describeSchema(z.string() as never)).toThrow(
      expect.objectContaining({ code: 'UI_UNSUPPORTED_SCHEMA' }),
    );
  });
});

describe('useSchemaForm', () => {
  it('throws UI_UNKNOWN_FIELD for a field the schema lacks, naming it', () => {
    const { result } = renderHook(() => useSchemaForm(z.object({ a: z.string() })));
    expect(() => result.current.field('b' as never)).toThrow(UiError);
    expect(() => result.current.field('b' as never)).toThrow(/no field "b"/);
  });

  it('labels fields from the schema and marks required ones', () => {
    render(<SchemaFormDemo onValid={() => {}} />);
    expect(screen.getByRole('textbox', { name: 'Full name (required)' })).toBeRequired();
    expect(screen.getByRole('textbox', { name: 'Email (required)' })).toHaveAccessibleDescription(
      'We will send updates here',
    );
    expect(screen.getByRole('textbox', { name: 'Details' })).not.toBeRequired();
  });

  it('on invalid submit shows the schema errors and focuses the summary, every time', async () => {
    const onValid = vi.fn();
    const user = userEvent.setup();
    render(<SchemaFormDemo onValid={onValid} />);
    await user.type(screen.getByRole('textbox', { name: /Email/ }), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('Full name is required');
    expect(summary).toHaveTextContent('Enter an email address like name@example.com');
    expect(summary).toHaveTextContent('Department is required');
    expect(screen.getByRole('textbox', { name: /Email/ })).toBeInvalid();
    expect(onValid).not.toHaveBeenCalled();

    await user.click(screen.getByRole('link', { name: 'Department is required' }));
    expect(screen.getByRole('combobox', { name: /Department/ })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('passes typed values to onValid once the form is valid', async () => {
    const onValid = vi.fn();
    const user = userEvent.setup();
    render(<SchemaFormDemo onValid={onValid} />);
    await user.type(screen.getByRole('textbox', { name: /Full name/ }), 'Ada Lovelace');
    await user.type(screen.getByRole('textbox', { name: /Email/ }), 'ada@example.com');
    await user.selectOptions(screen.getByRole('combobox', { name: /Department/ }), 'PWD');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(onValid).toHaveBeenCalledWith({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      department: 'PWD',
      details: undefined,
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
