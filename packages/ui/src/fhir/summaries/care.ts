import type { CarePlan, CareTeam, Device, Goal, Provenance } from 'fhir/r4';
import { capitalize, conceptText, conceptsText, detailRows, referenceText } from '../datatypes.ts';
import { formatDate, formatPeriod, formatQuantity, formatRange, joinParts, plural } from '../format.ts';
import type { ResourceSummary } from '../types.ts';

function defined(values: (string | undefined)[]): string[] {
  return values.filter((v): v is string => v !== undefined && v !== '');
}

/** CarePlan: its title, status, the conditions it addresses and its goals. */
export function summarizeCarePlan(plan: CarePlan): ResourceSummary {
  // The first category is often the generic US Core "assess-plan"; a more specific one reads better.
  const category = conceptText(plan.category?.[1] ?? plan.category?.[0]);
  const goals = plan.goal ?? [];
  const date = plan.period?.start ?? plan.created;
  return {
    title: plan.title ?? category ?? 'Care plan',
    subtitle: joinParts([plan.status, formatPeriod(plan.period), goals.length > 0 && plural(goals.length, 'goal')]),
    ...(date !== undefined ? { date } : {}),
    rows: detailRows([
      ['Title', plan.title],
      ['Status', capitalize(plan.status)],
      ['Intent', capitalize(plan.intent)],
      ['Category', conceptsText(plan.category)],
      ['Period', formatPeriod(plan.period)],
      ['Author', referenceText(plan.author)],
      ['Addresses', defined((plan.addresses ?? []).map(referenceText))],
      ['Goals', defined(goals.map(referenceText))],
      [
        'Activities',
        defined(
          (plan.activity ?? []).map(
            (a) => conceptText(a.detail?.code) ?? a.detail?.description ?? referenceText(a.reference),
          ),
        ),
      ],
      ['Description', plan.description],
    ]),
  };
}

/** CareTeam: its members and their roles. */
export function summarizeCareTeam(team: CareTeam): ResourceSummary {
  const participants = team.participant ?? [];
  return {
    title: team.name ?? 'Care team',
    subtitle: joinParts([team.status, formatPeriod(team.period), plural(participants.length, 'member')]),
    ...(team.period?.start !== undefined ? { date: team.period.start } : {}),
    rows: detailRows([
      ['Status', capitalize(team.status)],
      ['Period', formatPeriod(team.period)],
      [
        'Members',
        participants.map((p) => joinParts([referenceText(p.member) ?? 'Member', conceptsText(p.role)], ' — ')),
      ],
      ['Managing organization', defined((team.managingOrganization ?? []).map(referenceText))],
    ]),
  };
}

/** Goal: what is aimed for, its target and due date. */
export function summarizeGoal(goal: Goal): ResourceSummary {
  const targets = (goal.target ?? []).map((t) =>
    joinParts(
      [
        joinParts(
          [conceptText(t.measure), formatQuantity(t.detailQuantity) ?? formatRange(t.detailRange) ?? t.detailString],
          ': ',
        ),
        t.dueDate && `by ${formatDate(t.dueDate) ?? t.dueDate}`,
      ],
      ' ',
    ),
  );
  const due = formatDate(goal.target?.find((t) => t.dueDate !== undefined)?.dueDate);
  return {
    title: conceptText(goal.description) ?? 'Goal',
    subtitle: joinParts([goal.lifecycleStatus, conceptText(goal.achievementStatus), due && `due ${due}`]),
    ...(goal.startDate !== undefined ? { date: goal.startDate } : {}),
    rows: detailRows([
      ['Goal', conceptText(goal.description)],
      ['Status', capitalize(goal.lifecycleStatus)],
      ['Achievement', conceptText(goal.achievementStatus)],
      ['Start', formatDate(goal.startDate)],
      ['Targets', targets],
      ['Set by', referenceText(goal.expressedBy)],
      ['Addresses', defined((goal.addresses ?? []).map(referenceText))],
    ]),
  };
}

/** Device (an implant): its type, status and UDI. */
export function summarizeDevice(device: Device): ResourceSummary {
  const udi = device.udiCarrier?.[0];
  const type = conceptText(device.type) ?? device.deviceName?.[0]?.name;
  return {
    title: type ?? 'Device',
    subtitle: joinParts([device.status, udi?.deviceIdentifier && `UDI ${udi.deviceIdentifier}`, device.manufacturer]),
    ...(device.manufactureDate !== undefined ? { date: device.manufactureDate } : {}),
    rows: detailRows([
      ['Type', type],
      ['Status', capitalize(device.status)],
      ['UDI', udi?.carrierHRF ?? udi?.deviceIdentifier],
      ['Manufacturer', device.manufacturer],
      ['Model', device.modelNumber],
      ['Lot number', device.lotNumber],
      ['Serial number', device.serialNumber],
      ['Made', formatDate(device.manufactureDate)],
      ['Expires', formatDate(device.expirationDate)],
    ]),
  };
}

/** Provenance: which records, when and by whom. */
export function summarizeProvenance(provenance: Provenance): ResourceSummary {
  const targets = defined(provenance.target.map(referenceText));
  const types = [...new Set(provenance.target.map((t) => t.reference?.split('/')[0]).filter((t) => t !== undefined))];
  const who = provenance.agent.map((a) => referenceText(a.who));
  return {
    title: `Source of ${plural(targets.length, 'record')}${types.length > 0 ? ` (${types.join(', ')})` : ''}`,
    subtitle: joinParts([formatDate(provenance.recorded), who[0]]),
    date: provenance.recorded,
    rows: detailRows([
      ['Recorded', formatDate(provenance.recorded)],
      ['Records', targets],
      [
        'Agents',
        provenance.agent.map((a) =>
          joinParts(
            [
              joinParts([conceptText(a.type), referenceText(a.who)], ': '),
              a.onBehalfOf && `on behalf of ${referenceText(a.onBehalfOf) ?? ''}`,
            ],
            ' ',
          ),
        ),
      ],
      ['Activity', conceptText(provenance.activity)],
    ]),
  };
}
