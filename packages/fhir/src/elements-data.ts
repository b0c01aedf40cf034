// Generated from the FHIR R4 (4.0.1) base resource StructureDefinitions: for each resource type, its
// top-level summary elements (isSummary), then after the bar its mandatory ones (min >= 1). id, meta,
// implicitRules and modifierExtension are left out: they are always kept. [x] marks a choice element.

/** Summary elements, a bar, then mandatory elements, space separated, by resource type. */
export const ELEMENT_TABLE: Readonly<Record<string, string>> = {
  Account: 'identifier status type name subject servicePeriod coverage owner description | status',
  ActivityDefinition:
    'url identifier version name title status experimental date publisher contact description useContext jurisdiction effectivePeriod kind code doNotPerform | status',
  AdverseEvent:
    'identifier actuality category event subject encounter date detected recordedDate resultingCondition location seriousness severity outcome recorder contributor suspectEntity subjectMedicalHistory referenceDocument study | actuality subject',
  AllergyIntolerance:
    'identifier clinicalStatus verificationStatus type category criticality code patient asserter | patient',
  Appointment:
    'identifier status cancelationReason serviceCategory serviceType specialty appointmentType reasonCode start end | status participant',
  AppointmentResponse: 'identifier appointment participantType actor participantStatus | appointment participantStatus',
  AuditEvent: 'type subtype action recorded outcome outcomeDesc purposeOfEvent | type recorded agent source',
  Basic: 'identifier code subject created author | code',
  Binary: 'contentType securityContext url | contentType',
  BiologicallyDerivedProduct: 'identifier | ',
  BodyStructure: 'identifier active morphology location description patient | patient',
  Bundle: 'identifier type timestamp total link entry signature | type',
  CapabilityStatement:
    'url version name title status experimental date publisher contact useContext jurisdiction kind instantiates imports software implementation fhirVersion format patchFormat implementationGuide rest messaging document | status date kind fhirVersion format',
  CarePlan:
    'identifier instantiatesCanonical instantiatesUri basedOn replaces partOf status intent category title description subject encounter period created author addresses | status intent subject',
  CareTeam: 'identifier status category name subject encounter period managingOrganization | ',
  CatalogEntry: 'identifier orderable referencedItem | orderable referencedItem',
  ChargeItem:
    'identifier status code subject context occurrence[x] quantity bodysite enterer enteredDate account | status code subject',
  ChargeItemDefinition:
    'url identifier version title derivedFromUri partOf replaces status experimental date publisher contact description useContext jurisdiction effectivePeriod code | url status',
  Claim:
    'status type use patient billablePeriod created insurer provider priority insurance | status type use patient created provider priority insurance',
  ClaimResponse:
    'status type use patient created insurer request outcome total | status type use patient created insurer outcome',
  ClinicalImpression:
    'identifier status code description subject encounter effective[x] date assessor problem | status subject',
  CodeSystem:
    'url identifier version name title status experimental date publisher contact useContext jurisdiction caseSensitive valueSet hierarchyMeaning compositional versionNeeded content supplements count filter property | status content',
  Communication:
    'identifier instantiatesCanonical instantiatesUri basedOn partOf status statusReason priority subject encounter reasonCode reasonReference | status',
  CommunicationRequest:
    'identifier basedOn replaces groupIdentifier status priority doNotPerform encounter occurrence[x] authoredOn requester sender reasonCode reasonReference | status',
  CompartmentDefinition:
    'url version name status experimental date publisher contact useContext code search resource | url name status code search',
  Composition:
    'identifier status type category subject encounter date author title confidentiality custodian event | status type date author title',
  ConceptMap:
    'url identifier version name title status experimental date publisher contact useContext jurisdiction source[x] target[x] | status',
  Condition:
    'identifier clinicalStatus verificationStatus code bodySite subject encounter onset[x] recordedDate recorder asserter | subject',
  Consent:
    'identifier status scope category patient dateTime performer organization source[x] policyRule verification provision | status scope category',
  Contract: 'identifier version status issued applies subject name title type subType | ',
  Coverage:
    'identifier status type policyHolder subscriber subscriberId beneficiary dependent period payor order network | status beneficiary payor',
  CoverageEligibilityRequest: 'status purpose patient created insurer | status purpose patient created insurer',
  CoverageEligibilityResponse:
    'status purpose patient created request outcome insurer | status purpose patient created request outcome insurer',
  DetectedIssue: 'identifier status code severity patient identified[x] author implicated | status',
  Device: 'udiCarrier status safety | ',
  DeviceDefinition: 'safety parentDevice bodySite | ',
  DeviceMetric:
    'identifier type unit source parent operationalStatus color category measurementPeriod calibration | type category',
  DeviceRequest:
    'identifier instantiatesCanonical instantiatesUri basedOn priorRequest groupIdentifier status intent priority code[x] subject encounter occurrence[x] authoredOn requester performerType performer reasonCode reasonReference | intent code[x] subject',
  DeviceUseStatement:
    'identifier basedOn status subject derivedFrom timing[x] recordedOn source device reasonCode reasonReference bodySite | status subject device',
  DiagnosticReport:
    'identifier status category code subject encounter effective[x] issued performer resultsInterpreter media | status code',
  DocumentManifest: 'masterIdentifier identifier status type subject author description content | status content',
  DocumentReference:
    'masterIdentifier identifier status docStatus type category subject date author relatesTo description securityLabel content context | status content',
  EffectEvidenceSynthesis:
    'url identifier version name title status date publisher contact description useContext jurisdiction effectivePeriod population exposure exposureAlternative outcome effectEstimate | status population exposure exposureAlternative outcome',
  Encounter:
    'identifier status class type serviceType subject episodeOfCare participant appointment reasonCode reasonReference diagnosis | status class',
  Endpoint:
    'identifier status connectionType name managingOrganization period payloadType payloadMimeType address | status connectionType payloadType address',
  EnrollmentRequest: 'status | ',
  EnrollmentResponse: 'status | ',
  EpisodeOfCare: 'status type diagnosis patient managingOrganization period | status patient',
  EventDefinition:
    'url identifier version name title status experimental date publisher contact useContext jurisdiction approvalDate lastReviewDate effectivePeriod trigger | status trigger',
  Evidence:
    'url identifier version name title status date publisher contact description useContext jurisdiction effectivePeriod exposureBackground exposureVariant outcome | status exposureBackground',
  EvidenceVariable:
    'url identifier version name title shortTitle status date publisher contact description useContext jurisdiction effectivePeriod type characteristic | status',
  ExampleScenario:
    'url identifier version name status experimental date publisher contact useContext jurisdiction | status',
  ExplanationOfBenefit:
    'status type use patient billablePeriod created insurer provider outcome insurance total | status type use patient created insurer provider outcome insurance',
  FamilyMemberHistory:
    'identifier instantiatesCanonical instantiatesUri status dataAbsentReason patient date name relationship sex age[x] estimatedAge deceased[x] reasonCode reasonReference | status patient relationship',
  Flag: 'identifier status category code subject period encounter author | status code subject',
  Goal: 'lifecycleStatus achievementStatus category priority description subject start[x] statusDate expressedBy | lifecycleStatus description subject',
  GraphDefinition:
    'url version name status experimental date publisher contact useContext jurisdiction start | name status start',
  Group: 'identifier active type actual code name quantity managingEntity | type actual',
  GuidanceResponse: 'requestIdentifier identifier module[x] status | module[x] status',
  HealthcareService: 'identifier active providedBy category type specialty location name comment photo | ',
  ImagingStudy:
    'identifier status modality subject encounter started basedOn referrer interpreter endpoint numberOfSeries numberOfInstances procedureReference procedureCode location reasonCode reasonReference note description series | status subject',
  Immunization:
    'status vaccineCode patient occurrence[x] primarySource performer note isSubpotent | status vaccineCode patient occurrence[x]',
  ImmunizationEvaluation:
    'status patient targetDisease immunizationEvent doseStatus | status patient targetDisease immunizationEvent doseStatus',
  ImmunizationRecommendation: 'identifier patient date recommendation | patient date recommendation',
  ImplementationGuide:
    'url version name title status experimental date publisher contact useContext jurisdiction packageId license fhirVersion dependsOn global | url name status packageId fhirVersion',
  InsurancePlan: 'identifier status type name ownedBy administeredBy coverageArea | ',
  Invoice: 'identifier status type subject recipient date totalNet totalGross | status',
  Library:
    'url identifier version name title status experimental type date publisher contact description useContext jurisdiction effectivePeriod content | status type',
  Linkage: 'active author item | item',
  List: 'status mode title code subject date source | status mode',
  Location: 'identifier status operationalStatus name description mode type physicalType managingOrganization | ',
  Measure:
    'url identifier version name title status experimental date publisher contact description useContext jurisdiction effectivePeriod disclaimer scoring compositeScoring type riskAdjustment rateAggregation rationale clinicalRecommendationStatement improvementNotation definition guidance | status',
  MeasureReport:
    'identifier status type measure subject date reporter period improvementNotation | status type measure period',
  Media:
    'identifier basedOn partOf status type modality view subject encounter created[x] issued operator reasonCode bodySite deviceName device height width frames duration content | status content',
  Medication: 'identifier code status manufacturer amount | ',
  MedicationAdministration:
    'instantiates partOf status medication[x] subject effective[x] performer | status medication[x] subject effective[x]',
  MedicationDispense: 'status medication[x] subject whenPrepared | status medication[x]',
  MedicationKnowledge: 'code status manufacturer amount synonym | ',
  MedicationRequest:
    'status intent priority doNotPerform reported[x] medication[x] subject authoredOn requester performerType instantiatesCanonical instantiatesUri basedOn groupIdentifier | status intent medication[x] subject',
  MedicationStatement:
    'identifier basedOn partOf status category medication[x] subject context effective[x] dateAsserted | status medication[x] subject',
  MedicinalProduct:
    'identifier type domain combinedPharmaceuticalDoseForm legalStatusOfSupply additionalMonitoringIndicator specialMeasures paediatricUseIndicator productClassification marketingStatus pharmaceuticalProduct packagedMedicinalProduct attachedDocument masterFile contact clinicalTrial name crossReference manufacturingBusinessOperation specialDesignation | name',
  MedicinalProductAuthorization:
    'identifier subject country jurisdiction status statusDate restoreDate validityPeriod dataExclusivityPeriod dateOfFirstAuthorization internationalBirthDate legalBasis jurisdictionalAuthorization holder regulator procedure | ',
  MedicinalProductContraindication:
    'subject disease diseaseStatus comorbidity therapeuticIndication otherTherapy population | ',
  MedicinalProductIndication:
    'subject diseaseSymptomProcedure diseaseStatus comorbidity intendedEffect duration otherTherapy undesirableEffect population | ',
  MedicinalProductIngredient: 'identifier role allergenicIndicator manufacturer specifiedSubstance substance | role',
  MedicinalProductInteraction: 'subject description interactant type effect incidence management | ',
  MedicinalProductManufactured:
    'manufacturedDoseForm unitOfPresentation quantity manufacturer ingredient physicalCharacteristics otherCharacteristics | manufacturedDoseForm quantity',
  MedicinalProductPackaged:
    'identifier subject description legalStatusOfSupply marketingStatus marketingAuthorization manufacturer batchIdentifier packageItem | packageItem',
  MedicinalProductPharmaceutical:
    'identifier administrableDoseForm unitOfPresentation ingredient device characteristics routeOfAdministration | administrableDoseForm routeOfAdministration',
  MedicinalProductUndesirableEffect:
    'subject symptomConditionEffect classification frequencyOfOccurrence population | ',
  MessageDefinition:
    'url identifier version name title replaces status experimental date publisher contact description useContext jurisdiction purpose base parent event[x] category focus | status date event[x]',
  MessageHeader:
    'event[x] destination sender enterer author source responsible reason response focus definition | event[x] source',
  MolecularSequence:
    'identifier type coordinateSystem patient specimen device performer quantity referenceSeq variant observedSeq quality readCoverage repository pointer structureVariant | coordinateSystem',
  NamingSystem:
    'name status kind date publisher contact useContext jurisdiction uniqueId | name status kind date uniqueId',
  NutritionOrder:
    'instantiatesCanonical instantiatesUri status intent patient dateTime orderer | status intent patient dateTime',
  Observation:
    'identifier basedOn partOf status code subject focus encounter effective[x] issued performer value[x] hasMember derivedFrom component | status code',
  ObservationDefinition: 'category code identifier | code',
  OperationDefinition:
    'url version name title status kind experimental date publisher contact useContext jurisdiction affectsState code base resource system type instance | name status kind code system type instance',
  OperationOutcome: 'issue | issue',
  Organization: 'identifier active type name partOf | ',
  OrganizationAffiliation:
    'identifier active period organization participatingOrganization network code specialty location telecom | ',
  Parameters: 'parameter | ',
  Patient: 'identifier active name telecom gender birthDate deceased[x] address managingOrganization link | ',
  PaymentNotice: 'status created payment recipient amount | status created payment recipient amount',
  PaymentReconciliation:
    'status period created paymentIssuer paymentDate paymentAmount | status created paymentDate paymentAmount',
  Person: 'name telecom gender birthDate managingOrganization active | ',
  PlanDefinition:
    'url identifier version name title type status experimental date publisher contact description useContext jurisdiction effectivePeriod | status',
  Practitioner: 'identifier active name telecom address gender birthDate | ',
  PractitionerRole: 'identifier active period practitioner organization code specialty location telecom | ',
  Procedure:
    'identifier instantiatesCanonical instantiatesUri basedOn partOf status statusReason category code subject encounter performed[x] recorder asserter performer location reasonCode reasonReference bodySite outcome | status subject',
  Provenance: 'target recorded | target recorded agent',
  Questionnaire:
    'url identifier version name title status experimental subjectType date publisher contact useContext jurisdiction effectivePeriod code | status',
  QuestionnaireResponse:
    'identifier basedOn partOf questionnaire status subject encounter authored author source | status',
  RelatedPerson: 'identifier active patient relationship name telecom gender birthDate address | patient',
  RequestGroup:
    'identifier instantiatesCanonical instantiatesUri groupIdentifier status intent priority code | status intent',
  ResearchDefinition:
    'url identifier version name title status experimental date publisher contact description useContext jurisdiction effectivePeriod population exposure exposureAlternative outcome | status population',
  ResearchElementDefinition:
    'url identifier version name title shortTitle status experimental date publisher contact description useContext jurisdiction effectivePeriod type characteristic | status type characteristic',
  ResearchStudy:
    'identifier title protocol partOf status primaryPurposeType phase studyDesign category focus condition contact keyword location region enrollment period sponsor principalInvestigator site reasonStopped whyStopped recruitment result | status',
  ResearchSubject: 'identifier status period study individual | status study individual',
  RiskAssessment: 'identifier status method code subject encounter occurrence[x] condition performer | status subject',
  RiskEvidenceSynthesis:
    'url identifier version name title status date publisher contact description useContext jurisdiction effectivePeriod population exposure outcome riskEstimate | status population outcome',
  Schedule: 'identifier active serviceCategory serviceType specialty actor planningHorizon | actor',
  SearchParameter:
    'url version name status experimental date publisher contact description useContext jurisdiction code base type | url name status description code base type',
  ServiceRequest:
    'identifier instantiatesCanonical instantiatesUri basedOn replaces requisition status intent category priority doNotPerform code orderDetail quantity[x] subject encounter occurrence[x] asNeeded[x] authoredOn requester performerType performer locationCode locationReference reasonCode reasonReference specimen bodySite patientInstruction | status intent subject',
  Slot: 'identifier serviceCategory serviceType specialty appointmentType schedule status start end | schedule status start end',
  Specimen: 'identifier accessionIdentifier status type subject receivedTime condition | ',
  SpecimenDefinition: 'identifier typeCollected patientPreparation timeAspect collection | ',
  StructureDefinition:
    'url identifier version name title status experimental date publisher contact useContext jurisdiction keyword fhirVersion kind abstract context contextInvariant type baseDefinition derivation | url name status kind abstract type',
  StructureMap:
    'url identifier version name title status experimental date publisher contact useContext jurisdiction structure import group | url name status group',
  Subscription: 'status contact end reason criteria error channel | status reason criteria channel',
  Substance: 'identifier status category code description instance ingredient | code',
  SubstanceNucleicAcid: 'sequenceType numberOfSubunits areaOfHybridisation oligoNucleotideType subunit | ',
  SubstancePolymer: 'class geometry copolymerConnectivity modification monomerSet repeat | ',
  SubstanceProtein: 'sequenceType numberOfSubunits disulfideLinkage subunit | ',
  SubstanceReferenceInformation: 'comment gene geneElement classification target | ',
  SubstanceSourceMaterial:
    'sourceMaterialClass sourceMaterialType sourceMaterialState organismId organismName parentSubstanceId parentSubstanceName countryOfOrigin geographicalLocation developmentStage fractionDescription organism partDescription | ',
  SubstanceSpecification:
    'identifier type status domain description source comment moiety property referenceInformation structure code name molecularWeight relationship nucleicAcid polymer protein sourceMaterial | ',
  SupplyDelivery: 'basedOn partOf status occurrence[x] | ',
  SupplyRequest:
    'identifier status category priority item[x] quantity occurrence[x] authoredOn requester supplier | item[x] quantity',
  Task: 'instantiatesCanonical instantiatesUri basedOn groupIdentifier partOf status statusReason businessStatus intent code description focus for encounter executionPeriod lastModified requester owner location | status intent',
  TerminologyCapabilities:
    'url version name title status experimental date publisher contact useContext jurisdiction copyright kind software implementation lockedDate | status date kind',
  TestReport: 'identifier name status testScript result score tester issued | status testScript result',
  TestScript:
    'url identifier version name title status experimental date publisher contact useContext jurisdiction | url name status',
  ValueSet:
    'url identifier version name title status experimental date publisher contact useContext jurisdiction immutable | status',
  VerificationResult:
    'target targetLocation need status statusDate validationType validationProcess failureAction | status',
  VisionPrescription:
    'status created patient dateWritten prescriber lensSpecification | status created patient dateWritten prescriber lensSpecification',
};
