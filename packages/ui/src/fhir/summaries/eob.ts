import type { ExplanationOfBenefit, ExplanationOfBenefitTotal, Money } from 'fhir/r4';
import { capitalize, codingText, conceptText, detailRows, identifierOfType, referenceText } from '../datatypes.ts';
import { formatDate, formatMoney, formatPeriod, joinParts, plural } from '../format.ts';
import type { ResourceSummary } from '../types.ts';

/** The total of a given adjudication category (submitted, benefit, paidtoprovider, memberliability...). */
function total(totals: ExplanationOfBenefitTotal[] | undefined, ...codes: string[]): Money | undefined {
  for (const code of codes) {
    const found = totals?.find((t) => t.category.coding?.some((c) => c.code === code));
    if (found !== undefined) return found.amount;
  }
  return undefined;
}

/** What the plan paid: the payment, else the paid-to-provider or benefit total. */
function paidAmount(eob: ExplanationOfBenefit): Money | undefined {
  return eob.payment?.amount ?? total(eob.total, 'paidtoprovider', 'benefit', 'payment');
}

/** A claim line: what was provided and what was asked for it. */
function lineText(item: NonNullable<ExplanationOfBenefit['item']>[number]): string {
  const submitted = item.adjudication?.find((a) => a.category.coding?.some((c) => c.code === 'submitted'))?.amount;
  const service = conceptText(item.productOrService) ?? conceptText(item.revenue) ?? `Line ${item.sequence}`;
  return joinParts([service, formatMoney(submitted ?? item.net)], ' — ');
}

/**
 * ExplanationOfBenefit (a claim as the plan adjudicated it): claim type, billable period, provider, amounts
 * submitted and paid in their currency, number of lines.
 */
export function summarizeExplanationOfBenefit(eob: ExplanationOfBenefit): ResourceSummary {
  const type = conceptText(eob.type);
  const provider = referenceText(eob.provider);
  const period = formatPeriod(eob.billablePeriod);
  const submitted = formatMoney(total(eob.total, 'submitted'));
  const paid = formatMoney(paidAmount(eob));
  const memberOwes = formatMoney(total(eob.total, 'memberliability', 'paidbypatient'));
  const lines = eob.item ?? [];
  const pharmacy = eob.type.coding?.some((c) => c.code === 'pharmacy') === true;
  const drug = conceptText(lines[0]?.productOrService);
  const diagnoses = (eob.diagnosis ?? [])
    .map((d) => conceptText(d.diagnosisCodeableConcept) ?? referenceText(d.diagnosisReference))
    .filter((d): d is string => d !== undefined);
  return {
    // A pharmacy claim is about its drug; other claims are best told apart by who billed them.
    title: joinParts([type === undefined ? 'Claim' : `${type} claim`, pharmacy ? (drug ?? provider) : provider]),
    subtitle: joinParts([
      period,
      pharmacy && drug !== undefined && provider,
      submitted && `submitted ${submitted}`,
      paid && `paid ${paid}`,
      plural(lines.length, 'line'),
    ]),
    ...(eob.billablePeriod?.start !== undefined
      ? { date: eob.billablePeriod.start }
      : eob.created !== undefined
        ? { date: eob.created }
        : {}),
    rows: detailRows([
      ['Claim type', joinParts([type, conceptText(eob.subType)], ' — ')],
      ['Claim ID', identifierOfType(eob.identifier, 'uc') ?? eob.identifier?.[0]?.value],
      [
        'Status',
        joinParts([
          capitalize(eob.status),
          eob.outcome && `outcome ${eob.outcome}`,
          codingText(eob.payment?.type?.coding?.[0]),
        ]),
      ],
      ['Billable period', period],
      ['Provider', provider],
      ['Insurer', referenceText(eob.insurer)],
      ['Submitted', submitted],
      ['Paid by plan', paid],
      ['Member pays', memberOwes],
      ['Paid on', formatDate(eob.payment?.date)],
      ['Diagnoses', diagnoses],
      [`Lines (${lines.length})`, lines.map(lineText)],
      ['Created', formatDate(eob.created)],
    ]),
  };
}
