/**
 * Flows as someone built them in the dashboard: API-shaped, created through
 * the emulator's raw state API (never through the code). Together they hold
 * every one of the API's 29 step types, conditionals nested three deep,
 * multi-line prompts with backticks and `${`, unicode, `when`, ids with `:`.
 */
type RawStep = {
  id: string;
  name: string;
  type: string;
  order: number;
  enabled: boolean;
  config: Record<string, unknown>;
  when?: string;
};

let order = 0;
const step = (
  id: string,
  type: string,
  config: Record<string, unknown>,
  extra: Partial<RawStep> = {},
): RawStep => ({
  id,
  name: extra.name ?? `Step ${id}`,
  type,
  order: (order += 1),
  enabled: true,
  config,
  ...extra,
});

function everyType(): RawStep[] {
  order = 0;
  return [
    step('ns:prompt', 'prompt', {
      model: 'gpt-4',
      systemPrompt: 'Be brief.',
      userPrompt:
        'Line one about {{topic}}\nLine `two` with ${not_a_var} and a \\ backslash\n\tindented',
      outputVariable: 'draft',
      temperature: 0.2,
    }),
    step('crawl', 'crawl', {
      url: 'https://example.com/{{path}}',
      limit: 10,
      depth: 2,
      outputVariable: 'pages',
    }),
    step('fetch', 'fetch-url', {
      http: {
        url: 'https://api.example.com/items',
        method: 'GET',
        headers: { Accept: 'application/json' },
      },
      responseType: 'json',
      outputVariable: 'items',
    }),
    step('retrieve', 'retrieve-record', {
      recordType: 'customer',
      recordName: '{{_record.metadata.name}}',
      outputVariable: 'customer',
    }),
    step('gh', 'fetch-github', {
      repository: 'acme/site',
      branch: 'main',
      includePatterns: ['**/*.md'],
      outputVariable: 'repo',
    }),
    step('api', 'api-call', {
      http: {
        url: 'https://api.example.com/score',
        method: 'POST',
        body: { id: '{{customer.id}}' },
      },
      responseMapping: { score: 'data.score' },
      outputVariable: 'score',
    }),
    step('transform', 'transform-data', {
      script: 'return { ok: true };',
      language: 'javascript',
      outputVariable: 'shaped',
    }),
    step('tpl', 'template', {
      template: '{% for p in pages %}<p>{{ p.title }}</p>{% endfor %}',
      outputFormat: 'markdown',
      outputVariable: 'doc',
    }),
    step('setvar', 'set-variable', { variableName: 'tone', value: 'formal' }),
    step('upsert', 'upsert-record', {
      recordType: 'summary',
      sourceVariable: 'doc',
      outputVariable: 'saved',
    }),
    step(
      'email',
      'send-email',
      {
        from: 'a@acme.example',
        to: '{{recipient}}',
        subject: 'Über «{{topic}}» — ✓',
        html: '<p>{{doc}}</p>',
        outputVariable: 'sent',
      },
      { when: '"{{recipient}}" !== ""' },
    ),
    step(
      'sms',
      'send-text',
      { to: '+15550100', message: 'Done: {{topic}}', outputVariable: 'texted' },
      { enabled: false },
    ),
    step('event', 'send-event', {
      eventType: 'brief.ready',
      payload: { topic: '{{topic}}' },
      outputVariable: 'evented',
    }),
    step('stream', 'send-stream', { sourceVariable: 'draft', streamType: 'text' }),
    step('update', 'update-record', {
      recordId: '{{_record.id}}',
      updates: { brief: '{{doc}}' },
      mergeStrategy: 'merge',
      outputVariable: 'updated',
    }),
    step('search', 'search', {
      provider: 'exa',
      query: 'news on {{topic}}',
      maxResults: 3,
      outputVariable: 'results',
    }),
    step('embed', 'generate-embedding', {
      text: '{{doc}}',
      embeddingModel: 'text-embedding-3-small',
      outputVariable: 'vector',
    }),
    step('vsearch', 'vector-search', {
      query: '{{topic}}',
      limit: 5,
      threshold: 0.7,
      outputVariable: 'neighbours',
    }),
    step('tool', 'tool-call', {
      toolId: 'tool_123',
      parameters: { q: '{{topic}}' },
      outputVariable: 'toolOut',
    }),
    step('wait', 'wait-until', { delayMs: 500 }, { when: '{{score.score}} > 0.5' }),
    step('paginate', 'paginate-api', {
      url: 'https://api.example.com/list',
      paginationType: 'cursor',
      entityPath: 'data',
      outputVariable: 'all',
    }),
    step('store-vector', 'store-vector', {
      vectorsSource: 'vector',
      destination: 'kb',
      outputVariable: 'stored',
    }),
    step('agent', 'execute-agent', {
      agentId: 'agent_1',
      message: 'Summarise {{doc}}',
      outputVariable: 'agentReply',
    }),
    step('asset', 'store-asset', {
      content: '{{doc}}',
      filename: 'brief.md',
      visibility: 'private',
      outputVariable: 'asset',
    }),
    step('pdf', 'generate-pdf', {
      markdown: '{{doc}}',
      filename: 'brief.pdf',
      outputVariable: 'pdf',
    }),
    step('remember', 'save-memory', { profileTemplate: '{{_user.id}}', contentVariable: 'doc' }),
    step('recall', 'recall-memory', {
      profileTemplate: '{{_user.id}}',
      queryTemplate: '{{topic}}',
      thinkingLevel: 'low',
      outputVariable: 'memories',
    }),
    step('summary', 'memory-summary', {
      profileTemplate: '{{_user.id}}',
      outputVariable: 'memorySummary',
    }),
    step('route', 'conditional', {
      condition: '{{score.score}} > 0.9',
      trueSteps: [
        {
          id: 'route:hi',
          name: 'Level 2',
          type: 'conditional',
          order: 1,
          enabled: true,
          config: {
            condition: '{{tone}} == "formal"',
            trueSteps: [
              {
                id: 'route:hi:deep',
                name: 'Level 3',
                type: 'conditional',
                order: 1,
                enabled: true,
                config: {
                  condition: 'true',
                  trueSteps: [
                    {
                      id: 'deepest',
                      name: 'Deepest 🚀',
                      type: 'prompt',
                      order: 1,
                      enabled: true,
                      config: {
                        model: 'gpt-4',
                        text: 'Nested `${three}` deep for {{topic}}',
                        outputVariable: 'deep',
                      },
                    },
                  ],
                  falseSteps: [],
                },
              },
            ],
            falseSteps: [
              {
                id: 'casual',
                name: 'Casual',
                type: 'set-variable',
                order: 1,
                enabled: true,
                config: { variableName: 'tone', value: 'casual' },
              },
            ],
          },
        },
      ],
      falseSteps: [
        {
          id: 'low',
          name: 'Low Score',
          type: 'send-event',
          order: 1,
          enabled: true,
          when: '{{score.score}} < 0.1',
          config: { eventType: 'low', payload: { s: '{{score.score}}' } },
        },
      ],
    }),
    // An unknown config field: only customStep can write it (a helper's options would not compile).
    step('custom', 'send-event', { eventType: 'x', experimentalFlag: true }),
  ];
}

/** The flows to create remotely: name → steps. */
export function remoteFixtures(): { name: string; steps: RawStep[] }[] {
  return [
    { name: 'Everything Flow', steps: everyType() },
    {
      name: 'Café Überblick 日本',
      steps: [
        {
          id: 'a',
          name: 'Grüße',
          type: 'prompt',
          order: 1,
          enabled: true,
          config: {
            model: 'gpt-4',
            userPrompt: "Say 'hi' to {{name}} — ☕",
            outputVariable: 'greeting',
          },
        },
      ],
    },
    {
      name: '日本語のフロー',
      steps: [
        {
          id: 'b',
          name: 'Step',
          type: 'template',
          order: 3,
          enabled: true,
          config: { template: 'x', outputVariable: 'out' },
        },
        {
          id: 'c',
          name: 'Earlier',
          type: 'template',
          order: 1,
          enabled: true,
          config: { template: 'y {{out}}' },
        },
      ],
    },
  ];
}
