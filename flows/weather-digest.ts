import { apiCall, defineFlow, fetchUrl, prompt, upsertRecord } from 'runtype-flows';

/** Fetches data over HTTP with a managed secret, summarises it and stores the result as a record. */
export default defineFlow({
  key: 'weather-digest',
  name: 'Weather Digest',
  description: 'Daily weather summary for a city, stored as a record',
  inputs: ['city'],
  steps: [
    fetchUrl('forecast', {
      name: 'Fetch Forecast',
      http: { url: 'https://api.weather.example/v1/forecast?city={{city}}', method: 'GET' },
      responseType: 'json',
      outputVariable: 'forecast',
    }),
    apiCall('air-quality', {
      name: 'Fetch Air Quality',
      http: {
        url: 'https://api.air.example/v2/quality?city={{city}}',
        method: 'GET',
        headers: { Authorization: 'Bearer {{secret:AIR_API_TOKEN}}' },
      },
      outputVariable: 'air',
    }),
    prompt('summarise', {
      name: 'Summarise',
      model: 'claude-sonnet-4-6',
      userPrompt:
        'Summarise in two sentences for {{city}}: forecast {{forecast}}, air quality {{air.index ?? "unknown"}}.',
      outputVariable: 'digest',
    }),
    upsertRecord('store', {
      name: 'Store Digest',
      recordType: 'weather-digest',
      sourceVariable: 'digest',
      outputVariable: 'stored',
    }),
  ],
});
