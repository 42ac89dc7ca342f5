import { defineFlow, retrieveRecord, setVariable, updateRecord, waitUntil } from 'runtype-flows';

/** Runs on a record: reads a related record, enriches the current one. A plain API-shaped step too. */
export default defineFlow({
  key: 'record-enrichment',
  name: 'Record Enrichment',
  description: 'Enrich a customer record with a summary of their company',
  steps: [
    retrieveRecord('company', {
      name: 'Load Company',
      recordType: 'company',
      recordName: '{{_record.metadata.company}}',
      outputVariable: 'company',
    }),
    setVariable('tone', { name: 'Pick Tone', variableName: 'tone', value: 'formal' }),
    {
      id: 'summary',
      name: 'Summarise Company',
      type: 'prompt',
      enabled: true,
      config: {
        model: 'gpt-4',
        userPrompt: 'In a {{tone}} tone, summarise {{company.name}} for an account manager.',
        outputVariable: 'company_summary',
      },
    },
    waitUntil('settle', { name: 'Let Indexes Settle', delayMs: 1000 }),
    updateRecord('save', {
      name: 'Save Summary',
      recordId: '{{_record.id}}',
      updates: { companySummary: '{{company_summary}}' },
      mergeStrategy: 'merge',
      outputVariable: 'saved',
    }),
  ],
});
