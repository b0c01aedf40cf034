import type { SearchParamDef } from '../types.ts';
import { carin, date, forType, r4, reference, token, usCore } from './helpers.ts';

const PROVIDERS = ['Practitioner', 'PractitionerRole', 'Organization'];

/** CARIN BB 2.0 parameters of ExplanationOfBenefit and Coverage (with the base R4 ones they build on). */
export const CARIN_BB_SEARCH_PARAMS: readonly SearchParamDef[] = [
  ...forType('ExplanationOfBenefit', [
    reference(
      'patient',
      ['patient'],
      ['Patient'],
      carin('explanationofbenefit-patient'),
      'The reference to the patient',
    ),
    token('identifier', ['identifier'], carin('explanationofbenefit-identifier'), 'The business/claim identifier'),
    token('type', ['type'], carin('explanationofbenefit-type'), 'The type of the ExplanationOfBenefit'),
    date(
      'service-date',
      ['billablePeriod', 'item.servicedDate', 'item.servicedPeriod'],
      carin('explanationofbenefit-service-date'),
      'Date of the service: billablePeriod for institutional claims, item.serviced[x] otherwise',
    ),
    date(
      'service-start-date',
      ['billablePeriod.start', 'item.servicedDate', 'item.servicedPeriod.start'],
      carin('explanationofbenefit-service-start-date'),
      'Starting date of the service: billablePeriod.start, item.servicedDate or item.servicedPeriod.start',
    ),
    date(
      'billable-period-start',
      ['billablePeriod.start'],
      carin('explanationofbenefit-billable-period-start'),
      'Starting date of the billable period',
    ),
    reference(
      'provider',
      ['provider'],
      PROVIDERS,
      r4('ExplanationOfBenefit-provider'),
      'The reference to the provider',
    ),
    reference(
      'care-team',
      ['careTeam.provider'],
      PROVIDERS,
      r4('ExplanationOfBenefit-care-team'),
      'Member of the CareTeam',
    ),
    reference(
      'coverage',
      ['insurance.coverage'],
      ['Coverage'],
      r4('ExplanationOfBenefit-coverage'),
      'The plan under which the claim was adjudicated',
    ),
    reference(
      'insurer',
      ['insurer'],
      ['Organization'],
      carin('explanationofbenefit-insurer'),
      'The party responsible for the claim',
    ),
    reference(
      'payee',
      ['payee.party'],
      ['Practitioner', 'PractitionerRole', 'Organization', 'Patient', 'RelatedPerson'],
      r4('ExplanationOfBenefit-payee'),
      'The party receiving any payment for the Claim',
    ),
    reference(
      'encounter',
      ['item.encounter'],
      ['Encounter'],
      r4('ExplanationOfBenefit-encounter'),
      'Encounters associated with a billed line item',
    ),
    date('created', ['created'], r4('ExplanationOfBenefit-created'), 'The creation date for the EOB'),
    token('status', ['status'], r4('ExplanationOfBenefit-status'), 'Status of the ExplanationOfBenefit'),
  ]),
  ...forType('Coverage', [
    reference('patient', ['beneficiary'], ['Patient'], usCore('coverage-patient'), 'The plan beneficiary'),
    reference('beneficiary', ['beneficiary'], ['Patient'], r4('Coverage-beneficiary'), 'Covered party'),
    reference(
      'payor',
      ['payor'],
      ['Organization', 'Patient', 'RelatedPerson'],
      r4('Coverage-payor'),
      'The identity of the insurer or party paying for services',
    ),
    reference(
      'subscriber',
      ['subscriber'],
      ['Patient', 'RelatedPerson'],
      r4('Coverage-subscriber'),
      'Reference to the subscriber',
    ),
    token(
      'identifier',
      ['identifier'],
      r4('Coverage-identifier'),
      'The primary identifier of the insured and the coverage',
    ),
    token('status', ['status'], r4('Coverage-status'), 'The status of the Coverage'),
    token('type', ['type'], r4('Coverage-type'), 'The kind of coverage (health plan, auto, Workers Compensation)'),
  ]),
];
