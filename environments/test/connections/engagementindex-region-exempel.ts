// Written in TypeScript to show the form: the engagement index notifies Region Exempel's journal
// system (ProcessNotification) when a resident has answered a form.
import { defineConnection } from '../../../src';

const journal = 'SE2321000016-A1B2';

export default defineConnection({
  description: 'The engagement index notifies Region Exempel of answered forms',
  routing: [
    {
      producer: journal,
      profile: 'RIVTABP21',
      contracts: { 'ProcessNotification:1': 'https://journal.test.region-exempel.example.se/ei/ProcessNotification/1/rivtabp21' },
      logicalAddresses: [journal],
    },
  ],
  authorizations: [{ consumer: 'SE5565594230-B0D', contracts: ['ProcessNotification:1'], logicalAddresses: [journal] }],
});
