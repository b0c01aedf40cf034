import type { Device, DeviceUdiCarrier } from 'fhir/r4';
import { type ClinicalScope, type Rendered } from './context.ts';
import { concept } from './codes.ts';
import { PROFILE } from './profiles.ts';

const GS1 = 'http://hl7.org/fhir/NamingSystem/gs1-di';

/** The GS1 application identifiers of a human-readable UDI: (01) device id, (11) made, (17) expires, (10) lot, (21) serial. */
export function parseUdi(udi: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of udi.matchAll(/\((\d{2})\)([^(]+)/g)) {
    if (m[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** A GS1 YYMMDD date as YYYY-MM-DD (devices in a current record are this century's). */
function gs1Date(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{6}$/.test(value)) return undefined;
  const day = value.slice(4, 6) === '00' ? '01' : value.slice(4, 6);
  return `20${value.slice(0, 2)}-${value.slice(2, 4)}-${day}`;
}

/**
 * One US Core implantable Device per device of the timeline, with its UDI parts when it has one. A device the
 * member had before the record (a stent placed years ago) has no UDI, as US Core allows for historical implants.
 */
export function renderDevices(scope: ClinicalScope, out: Rendered): void {
  scope.timeline.devices.forEach((device, i) => {
    const parts = device.udi ? parseUdi(device.udi) : {};
    const di = parts['01'];
    const udiCarrier: DeviceUdiCarrier[] =
      device.udi && di ? [{ deviceIdentifier: di, issuer: GS1, carrierHRF: device.udi }] : [];
    const manufactureDate = gs1Date(parts['11']);
    const expirationDate = gs1Date(parts['17']);
    const resource: Device = {
      resourceType: 'Device',
      id: scope.id('device', i),
      meta: scope.meta(PROFILE.device, device.implanted),
      ...(udiCarrier.length > 0 ? { udiCarrier } : {}),
      status: device.status ?? 'active',
      ...(manufactureDate ? { manufactureDate } : {}),
      ...(expirationDate ? { expirationDate } : {}),
      ...(parts['10'] ? { lotNumber: parts['10'] } : {}),
      ...(parts['21'] ? { serialNumber: parts['21'] } : {}),
      type: concept(device.type, device.text),
      patient: scope.patient,
    };
    out.add(resource);
  });
}
