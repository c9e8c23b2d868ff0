/**
 * Every adapter reads a field the same way (adapters/shared/reader.ts): the drifts the adapters'
 * own copies had are gone. Each case edits the saved screen of one worked example on each EHR.
 */
import { describe, expect, it } from 'vitest';
import type { Adapter } from './types';
import { emaAdapter } from './ema/index';
import { athenaAdapter } from './athena/index';
import { createGenericAdapter } from './generic/adapter';
import { ECW_FIELD_MAP } from './generic/presets';
import { snapshotLoader } from '../test/support/snapshot-testing';

interface Ehr {
  adapter: Adapter;
  snapshot(id: string): Document;
  /** The units box of line 1, and where the date of service is shown. */
  units(doc: Document): Element;
  setDateOfService(doc: Document, text: string): void;
}

const setValue = (el: Element | null | undefined, value: string) => {
  (el as HTMLInputElement).value = value;
  el!.setAttribute('value', value);
};

const EHRS: Record<string, Ehr> = {
  ema: {
    adapter: emaAdapter,
    snapshot: snapshotLoader(new URL('./ema/__snapshots__/', import.meta.url), 'about:blank').snapshot,
    units: (doc) => doc.querySelector('input[aria-label="Units row 1"]')!,
    setDateOfService: (doc, text) => setValue(doc.querySelector('[data-identifier="visit-date"]'), text),
  },
  athena: {
    adapter: athenaAdapter,
    snapshot: snapshotLoader(new URL('./athena/__snapshots__/', import.meta.url), 'about:blank').snapshot,
    units: (doc) => doc.querySelector('input[aria-label="Units, line 1"]')!,
    setDateOfService: (doc, text) => {
      const dt = [...doc.querySelectorAll('dt')].find((t) => t.textContent === 'Date of Service')!;
      dt.nextElementSibling!.textContent = text;
    },
  },
  generic: {
    adapter: createGenericAdapter(ECW_FIELD_MAP),
    snapshot: snapshotLoader(new URL('./generic/__snapshots__/', import.meta.url), 'about:blank').snapshot,
    units: (doc) => doc.querySelector('input[data-fieldname="ClaimCPTUnits"]')!,
    setDateOfService: (doc, text) => setValue(doc.querySelector('input[data-fieldname="ClaimServiceDate"]'), text),
  },
};
const EACH = Object.entries(EHRS);

describe('one reading policy for every adapter', () => {
  it.each(EACH)('%s: units written as a whole number with a decimal point (2.0) read as 2', (_name, ehr) => {
    const doc = ehr.snapshot('ex03');
    setValue(ehr.units(doc), '2.0');
    const result = ehr.adapter.read(doc);
    expect(result.status === 'ok' && result.encounter.lines[0]!.units).toBe(2);
  });

  it.each(EACH)('%s: units that are not a whole number above 0 are unreadable', (_name, ehr) => {
    for (const units of ['2.5', '0', '1e3', '99999999999999999999']) {
      const doc = ehr.snapshot('ex03');
      setValue(ehr.units(doc), units);
      expect(ehr.adapter.read(doc).status, units).toBe('unreadable');
    }
  });

  it.each(EACH)('%s: a date of service that is no calendar day (month 13, February 30) is unreadable', (_name, ehr) => {
    for (const date of ['13/01/2026', '02/30/2026', '2026-13-01']) {
      const doc = ehr.snapshot('ex03');
      ehr.setDateOfService(doc, date);
      expect(ehr.adapter.read(doc).status, date).toBe('unreadable');
    }
  });

  it.each(EACH)(
    '%s: an error the adapter does not expect makes the screen unreadable, its message kept on the page',
    (_name, ehr) => {
      const doc = ehr.snapshot('ex03');
      Object.defineProperty(ehr.units(doc), 'value', {
        get() {
          throw new TypeError('boom');
        },
      });
      expect(ehr.adapter.read(doc)).toEqual({
        status: 'unreadable',
        reason: 'could not read: the screen changed in a way dermlint does not know (boom)',
        withoutValues: 'could not read: the screen changed in a way dermlint does not know (…)',
      });
    },
  );
});
