import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalSeparator, parseLocaleNumber } from '../src/lib/locale-number.ts';

describe('parseLocaleNumber: the number a student meant, one canonical value', () => {
  it('reads the decimal separator of the student’s language, and the dot everywhere', () => {
    assert.equal(decimalSeparator('es'), ',');
    assert.equal(decimalSeparator('en'), '.');
    assert.equal(parseLocaleNumber('3,5', 'es'), 3.5);
    assert.equal(parseLocaleNumber('3.5', 'es'), 3.5);
    assert.equal(parseLocaleNumber('3.5', 'en'), 3.5);
    assert.equal(parseLocaleNumber('3,5', 'en'), 3.5);
    assert.equal(parseLocaleNumber('42', 'en'), 42);
    assert.equal(parseLocaleNumber('0,25', 'es'), 0.25);
    assert.equal(parseLocaleNumber(',5', 'es'), 0.5);
  });

  it('tolerates grouping separators', () => {
    assert.equal(parseLocaleNumber('1.000', 'es'), 1000);
    assert.equal(parseLocaleNumber('1.000,5', 'es'), 1000.5);
    assert.equal(parseLocaleNumber('1 000,5', 'es'), 1000.5);
    assert.equal(parseLocaleNumber('1\u00A0000,5', 'es'), 1000.5);
    assert.equal(parseLocaleNumber('1,000', 'en'), 1000);
    assert.equal(parseLocaleNumber('1,000.25', 'en'), 1000.25);
    assert.equal(parseLocaleNumber('1,234,567', 'en'), 1234567);
    assert.equal(parseLocaleNumber('1.234.567', 'es'), 1234567);
  });

  it('reads negative numbers, with any minus sign', () => {
    assert.equal(parseLocaleNumber('-3,5', 'es'), -3.5);
    assert.equal(parseLocaleNumber('\u22123.5', 'en'), -3.5);
    assert.equal(parseLocaleNumber('-1.000,5', 'es'), -1000.5);
    assert.equal(parseLocaleNumber('+2', 'en'), 2);
    assert.equal(parseLocaleNumber('-0,5', 'es'), -0.5);
  });

  it('reads Arabic-Indic digits and the Arabic decimal separator', () => {
    assert.equal(parseLocaleNumber('٣٫٥', 'ar'), 3.5);
    assert.equal(parseLocaleNumber('٣,٥', 'ar'), 3.5);
    assert.equal(parseLocaleNumber('١٬٠٠٠', 'ar'), 1000);
    assert.equal(parseLocaleNumber('-٣٫٥', 'ar'), -3.5);
    assert.equal(parseLocaleNumber('\u200F-٣٫٥', 'ar'), -3.5);
    assert.equal(parseLocaleNumber('٣٫٥-', 'ar'), -3.5);
    assert.equal(parseLocaleNumber('۴۲', 'ar'), 42);
    assert.equal(parseLocaleNumber('3.5', 'ar'), 3.5);
  });

  it('refuses what is not a number', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '3,5,5',
      '1.2.3,4,5',
      '3,5.5,5',
      '--3',
      '1e5',
      '.',
      ',',
      '3 apples',
      'NaN',
      'Infinity',
      '12,34,5',
    ])
      assert.equal(parseLocaleNumber(text, 'es'), null, text);
    assert.equal(parseLocaleNumber('1,0000', 'en'), 1);
  });
});
