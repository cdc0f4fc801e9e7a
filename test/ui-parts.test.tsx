// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Avatar, initialsOf } from '../src/ui/Avatar';
import { Button } from '../src/ui/Button';
import { Field } from '../src/ui/Field';
import { Skeleton } from '../src/ui/Skeleton';

afterEach(cleanup);

function PhoneField({ error }: { error?: string }) {
  const [value, setValue] = useState('');
  return (
    <Field
      label="Phone"
      value={value}
      onInput={setValue}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      maxLength={20}
      required
      hint="With the country code"
      error={error}
    />
  );
}

describe('field', () => {
  it('labels the input and describes it by its hint', () => {
    render(<PhoneField />);
    const input = screen.getByRole('textbox', { name: /Phone/ }) as HTMLInputElement;
    expect(input.type).toBe('tel');
    expect(input.getAttribute('autocomplete')).toBe('tel');
    expect(input.getAttribute('inputmode')).toBe('tel');
    expect(input.maxLength).toBe(20);
    expect(input.required).toBe(true);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    const described = input.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual(['With the country code']);
  });

  it('shows the error next to the input, wired and in a polite live region', () => {
    const { rerender } = render(<PhoneField />);
    const input = screen.getByRole('textbox');
    const errorId = `${input.id}-error`;
    const region = document.getElementById(errorId)!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    rerender(<PhoneField error="Wrong number" />);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(errorId);
    expect(document.getElementById(errorId)?.textContent).toBe('Wrong number');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports typing and can be a textarea marked optional', async () => {
    const onInput = vi.fn();
    render(<Field label="Comment" value="" onInput={onInput} multiline markOptional />);
    const area = screen.getByRole('textbox', { name: 'Comment (optional)' });
    expect(area.tagName).toBe('TEXTAREA');
    fireEvent.input(area, { target: { value: 'Hi' } });
    expect(onInput).toHaveBeenCalledWith('Hi');
  });
});

describe('button', () => {
  it('stays focusable but ignores presses while busy', async () => {
    const onClick = vi.fn();
    const { rerender } = render(<Button onClick={onClick}>Book</Button>);
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(<Button onClick={onClick} busy>Book</Button>);
    const button = screen.getByRole('button', { name: 'Book' }) as HTMLButtonElement;
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.disabled).toBe(false);
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(button.className).toContain('bw-btn--primary');
  });
});

describe('avatar and skeleton', () => {
  it('shows a decorative photo, or initials when it is missing or broken', () => {
    const { container, rerender } = render(<Avatar name="Anna Bērziņa" src="/a.jpg" />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('');
    fireEvent.error(img);
    expect(container.textContent).toBe('AB');
    rerender(<Avatar name="mārtiņš" />);
    expect(container.textContent).toBe('M');
    expect(initialsOf('Jean Paul Sartre')).toBe('JS');
  });

  it('draws hidden placeholders of a fixed size', () => {
    const { container } = render(<Skeleton lines={3} />);
    expect(container.querySelectorAll('.bw-skel-line')).toHaveLength(3);
    expect(container.firstElementChild?.getAttribute('aria-hidden')).toBe('true');
    cleanup();
    const block = render(<Skeleton width={120} height={40} />).container.firstElementChild as HTMLElement;
    expect(block.style.width).toBe('120px');
    expect(block.style.height).toBe('40px');
  });
});
