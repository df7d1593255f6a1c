/**
 * Real-looking names for the synthetic repository: regions with their organisation numbers and
 * relative sizes, service domains, contract nouns, systems. Nothing here is real data; the shapes
 * follow the platform's (HSA-ids `SE<org nr>-<suffix>`, namespaces `urn:riv:<domain>:<Name>Responder:<major>`).
 */

/** The 21 regions: name, organisation number, relative size (population in 100,000s). */
export const REGIONS: readonly [string, string, number][] = [
  ['Stockholm', '2321000016', 24],
  ['Uppsala', '2321000024', 4],
  ['Sörmland', '2321000032', 3],
  ['Östergötland', '2321000040', 4.7],
  ['Jönköpings län', '2321000057', 3.7],
  ['Kronoberg', '2321000065', 2],
  ['Kalmar län', '2321000073', 2.5],
  ['Gotland', '2120000803', 0.6],
  ['Blekinge', '2321000081', 1.6],
  ['Skåne', '2321000255', 14],
  ['Halland', '2321000115', 3.4],
  ['Västra Götaland', '2321000131', 17],
  ['Värmland', '2321000156', 2.8],
  ['Örebro län', '2321000164', 3.1],
  ['Västmanland', '2321000172', 2.8],
  ['Dalarna', '2321000180', 2.9],
  ['Gävleborg', '2321000198', 2.9],
  ['Västernorrland', '2321000206', 2.4],
  ['Jämtland Härjedalen', '2321000214', 1.3],
  ['Västerbotten', '2321000222', 2.7],
  ['Norrbotten', '2321000230', 2.5],
];

export const JOURNAL_PRODUCTS = ['Cosmic', 'TakeCare', 'Millennium', 'Melior', 'NCS Cross', 'Obstetrix', 'PMO', 'Asynja'];

/** A region's systems besides its journal: [name suffix, slug, produces, consumes]. */
export const REGIONAL_SYSTEMS: readonly [string, string, boolean, boolean][] = [
  ['Regional tjänsteplattform', 'rtjp', true, true],
  ['Laboratoriesystem', 'lab', true, false],
  ['Röntgeninformationssystem', 'ris', true, false],
];

/** National services: [name, organisation, slug, produces, consumes]. */
export const NATIONAL_SYSTEMS: readonly [string, string, string, boolean, boolean][] = [
  ['Nationell Patientöversikt', 'Inera AB', 'npo', false, true],
  ['1177 Journalen', 'Inera AB', 'journalen', false, true],
  ['Webcert', 'Inera AB', 'webcert', true, true],
  ['Intygstjänsten', 'Inera AB', 'intygstjansten', true, false],
  ['Formulärmotorn', 'Inera AB', 'formularmotorn', true, true],
  ['Invånartjänster Patientportal', 'Inera AB', 'patientportal', true, false],
  ['Nationellt Engagemangsindex', 'Inera AB', 'engagemangsindex', true, true],
  ['Stöd och behandling', 'Inera AB', 'stodbehandling', false, true],
  ['Katalogtjänst HSA', 'Inera AB', 'hsa', true, false],
  ['Pascal ordinationsverktyg', 'Inera AB', 'pascal', false, true],
  ['Säker digital kommunikation', 'Inera AB', 'sdk', true, true],
  ['1177 Tidbokning', 'Inera AB', 'tidbokning', false, true],
  ['Nationella läkemedelslistan', 'E-hälsomyndigheten', 'nll', true, false],
  ['Nationellt vaccinationsregister', 'Folkhälsomyndigheten', 'vaccinationsregister', true, true],
  ['SmiNet smittskyddsanmälan', 'Folkhälsomyndigheten', 'sminet', false, true],
  ['Sjukskrivningsintyg', 'Försäkringskassan', 'fk-intyg', false, true],
  ['Patientregistret', 'Socialstyrelsen', 'patientregistret', false, true],
  ['Nationella kvalitetsregister', 'Registercentrum Syd', 'kvalitetsregister', false, true],
  ['Transportstyrelsen medicinska intyg', 'Transportstyrelsen', 'ts-intyg', false, true],
  ['Rättsmedicinalverket intyg', 'Rättsmedicinalverket', 'rmv', false, true],
];

export const MUNICIPALITIES = [
  'Ale', 'Alingsås', 'Arboga', 'Arvika', 'Avesta', 'Boden', 'Bollnäs', 'Borlänge', 'Borås', 'Botkyrka',
  'Danderyd', 'Enköping', 'Eskilstuna', 'Eslöv', 'Falkenberg', 'Falun', 'Gislaved', 'Gnosjö', 'Gävle', 'Göteborg',
  'Habo', 'Halmstad', 'Haninge', 'Helsingborg', 'Huddinge', 'Hudiksvall', 'Härnösand', 'Hässleholm', 'Jönköping', 'Kalmar',
  'Karlshamn', 'Karlskrona', 'Karlstad', 'Katrineholm', 'Kiruna', 'Kristianstad', 'Kumla', 'Kungsbacka', 'Köping', 'Landskrona',
  'Lerum', 'Lidingö', 'Lidköping', 'Linköping', 'Luleå', 'Lund', 'Malmö', 'Mariestad', 'Mjölby', 'Motala',
  'Mölndal', 'Nacka', 'Norrköping', 'Norrtälje', 'Nyköping', 'Nässjö', 'Oskarshamn', 'Partille', 'Piteå', 'Sala',
  'Sandviken', 'Sigtuna', 'Skellefteå', 'Skövde', 'Sollentuna', 'Solna', 'Sundsvall', 'Södertälje', 'Trelleborg', 'Trollhättan',
  'Täby', 'Uddevalla', 'Umeå', 'Uppsala', 'Varberg', 'Vänersborg', 'Värnamo', 'Västervik', 'Västerås', 'Växjö',
  'Ystad', 'Örebro', 'Örnsköldsvik', 'Östersund',
];

export const MUNICIPAL_PRODUCTS = ['Treserva', 'Lifecare', 'Procapita', 'Combine'];

export const PRIVATE_PROVIDERS = [
  'Kry', 'Min Doktor', 'Capio', 'Praktikertjänst', 'Doktor.se', 'Aleris', 'Feelgood', 'Werlabs', 'Unilabs', 'Synlab',
  'Helsa', 'Nordic Medtest', 'Euro Accident', 'Mehiläinen', 'Ambea', 'Attendo', 'Humana', 'Vardaga', 'Frösunda', 'Medicheck',
];

/** Service domains that exist on the platform (or look like it). */
export const DOMAINS = [
  'clinicalprocess:healthcond:description', 'clinicalprocess:healthcond:actoutcome', 'clinicalprocess:healthcond:basic',
  'clinicalprocess:healthcond:certificate', 'clinicalprocess:healthcond:rheuma', 'clinicalprocess:activityprescription:actoutcome',
  'clinicalprocess:activity:actions', 'clinicalprocess:activity:request', 'clinicalprocess:logistics:logistics',
  'clinicalprocess:dental:description', 'clinicalprocess:immunization:vaccination', 'clinicalprocess:pharmacy:dispensing',
  'clinicalprocess:referral:outcome', 'clinicalprocess:imaging:outcome', 'clinicalprocess:laboratory:order',
  'crm:scheduling', 'crm:requeststatus', 'crm:carelisting', 'crm:listing', 'crm:patientinvoicing',
  'ehr:accesscontrol', 'ehr:blocking', 'ehr:patientconsent', 'ehr:log:store', 'ehr:log:query', 'ehr:patientrelationship',
  'infrastructure:directory:authorizationmanagement', 'infrastructure:directory:employee', 'infrastructure:directory:organization',
  'infrastructure:eservicesupply:forminteraction', 'infrastructure:eservicesupply:patientportal',
  'infrastructure:itintegration:registry', 'itintegration:engagementindex', 'itintegration:monitoring', 'itinfra:tp',
  'strategicresourcemanagement:persons:person', 'insuranceprocess:healthreporting', 'population:residentmaster',
  'supportprocess:logistics:carelisting', 'followup:processdevelopment:qualityregistry',
];

/** Areas and aspects that extend DOMAINS to the wanted count, e.g. `clinicalprocess:oncology:description`. */
export const DOMAIN_AREAS = ['oncology', 'maternity', 'psychiatry', 'rehabilitation', 'nutrition', 'cardiology', 'ophthalmology', 'dermatology', 'geriatrics', 'pediatrics', 'infection', 'diabetes', 'urology', 'neurology'];
export const DOMAIN_ASPECTS = ['description', 'actoutcome', 'request', 'referral'];

export const VERBS = ['Get', 'Update', 'Register', 'Process', 'Create', 'Find', 'Send', 'Cancel', 'Delete', 'Notify'];

export const NOUNS = [
  'CareDocumentation', 'Diagnosis', 'AlertInformation', 'CareContacts', 'LaboratoryOrderOutcome', 'ReferralOutcome',
  'ImagingOutcome', 'MedicationHistory', 'Vaccination', 'FunctionalStatus', 'Measurement', 'Observation',
  'MaternityMedicalHistory', 'ActivitiesAndParticipations', 'CarePlans', 'Certificate', 'Consent', 'Block',
  'Extension', 'LogEntry', 'SubjectOfCareSchedule', 'Booking', 'TimeSlot', 'Request', 'RequestStatus',
  'Form', 'FormTemplate', 'FormRequest', 'Message', 'Notification', 'Engagement', 'UpdateLog', 'Employee',
  'HealthcareFacility', 'Unit', 'Commission', 'Person', 'Resident', 'Listing', 'Invoice', 'Payment',
  'Prescription', 'Dispensing', 'Allergy', 'Procedure', 'Encounter', 'Episode', 'Admission', 'Discharge',
  'Transfer', 'Appointment', 'WaitingList', 'Sample', 'Specimen', 'Result', 'Report', 'Summary', 'Plan',
  'Goal', 'Assessment', 'Score', 'Symptom', 'Finding', 'Device', 'Implant', 'Image', 'Study', 'Series',
  'Coverage', 'Claim', 'Benefit', 'Relationship', 'Guardian', 'Proxy', 'Access', 'Audit', 'Status',
  'Capability', 'SupportedContracts', 'Ping', 'Heartbeat', 'Statistics', 'QualityIndicator', 'Registration',
];

export const UNIT_KINDS = [
  'Vårdcentral', 'Barnavårdscentral', 'Mödravårdscentral', 'Akutmottagning', 'Ortopedmottagning', 'Kardiologmottagning',
  'Ögonmottagning', 'Hudmottagning', 'Psykiatrisk mottagning', 'Röntgenavdelning', 'Klinisk kemi', 'Rehabmottagning',
  'Folktandvården', 'Ungdomsmottagning', 'Logopedmottagning', 'Diabetesmottagning', 'Onkologmottagning', 'Vårdavdelning',
];

export const PLACES = [
  'Centrum', 'Norr', 'Söder', 'Öster', 'Väster', 'Hamnen', 'Stationen', 'Torget', 'Backen', 'Dalen', 'Strand', 'Skogen',
  'Ängen', 'Kvarnen', 'Bruket', 'Lasarettet', 'Sjukhuset', 'Gården', 'Hagen', 'Viken', 'Udden', 'Höjden', 'Parken', 'Berget',
];

/** `Västra Götaland` -> `vastra-gotaland`, for file names and host names. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
