import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitPhoneNumbers } from './phone-numbers.ts';

describe('splitPhoneNumbers', () => {
  it('finds an eight-digit number written with spaces, and keeps the words around it', () => {
    assert.deepEqual(splitPhoneNumbers('Døgnposten, 22 33 44 55, hele døgnet'), [
      { text: 'Døgnposten, ' },
      { text: '22 33 44 55', tel: 'tel:22334455' },
      { text: ', hele døgnet' },
    ]);
  });

  it('finds numbers without spaces and with the country code', () => {
    assert.deepEqual(splitPhoneNumbers('Ring 91234567 eller +47 22 33 44 55'), [
      { text: 'Ring ' },
      { text: '91234567', tel: 'tel:91234567' },
      { text: ' eller ' },
      { text: '+47 22 33 44 55', tel: 'tel:+4722334455' },
    ]);
    assert.deepEqual(splitPhoneNumbers('0047 22334455'), [{ text: '0047 22334455', tel: 'tel:+4722334455' }]);
  });

  it('leaves text without a number, and longer digit runs, as text', () => {
    assert.deepEqual(splitPhoneNumbers('Ring vakttelefonen'), [{ text: 'Ring vakttelefonen' }]);
    assert.deepEqual(splitPhoneNumbers('Saksnummer 12345678901'), [{ text: 'Saksnummer 12345678901' }]);
    assert.deepEqual(splitPhoneNumbers('Rom 12'), [{ text: 'Rom 12' }]);
    assert.deepEqual(splitPhoneNumbers('Konto 12 34 56 78 90'), [{ text: 'Konto 12 34 56 78 90' }]);
  });
});
