// Language switch in the app header: visible texts change at once, draft answers and what is typed survive, and the
// choice is stored.

import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import enRecords from '../../locales/en/records.json';
import { enCommon, enLeak, expectHeading, jaCommon, jaLeak, makeApp, qTitle, saveAssessment } from './helpers';

afterEach(() => {
  location.hash = '';
  document.documentElement.lang = '';
});

describe('language switch', () => {
  it('switches the question page to English and stores lang = en; switching back restores Japanese', async () => {
    const t = await makeApp('ja');
    const env = await saveAssessment(t);
    location.hash = `#/a/${env.id}`;
    render(App, { props: { app: t.app } });
    const user = userEvent.setup();
    await expectHeading(qTitle('actor'));

    // A draft choice, not yet submitted, must survive the switch.
    await user.click(screen.getByRole('radio', { name: jaLeak.options.actor['public-body'].label }));

    const toggle = screen.getByTestId('lang-switch');
    expect(toggle).toHaveAccessibleName(jaCommon.lang.switchTo);
    await user.click(toggle);

    await expectHeading(enLeak.questions.actor.title);
    expect(screen.getByTestId('lang-switch')).toHaveAccessibleName(enCommon.lang.switchTo);
    expect(screen.getByRole('button', { name: enCommon.nav.continue })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: jaCommon.nav.continue })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: enLeak.options.actor['public-body'].label })).toBeChecked();
    expect(document.documentElement.lang).toBe('en');
    expect(await t.settings.get('lang')).toBe('en');

    // Answering in English goes on in English.
    await user.click(screen.getByRole('button', { name: enCommon.nav.continue }));
    await expectHeading(enLeak.questions.events.title);
    expect((await t.assessments.get(env.id))?.facts).toMatchObject({ actor: 'public-body' });

    await user.click(screen.getByTestId('lang-switch'));
    await expectHeading(qTitle('events'));
    expect(await t.settings.get('lang')).toBe('ja');
  });

  it('switches the home page too', async () => {
    const t = await makeApp('ja');
    location.hash = '#/';
    render(App, { props: { app: t.app } });
    const user = userEvent.setup();
    await expectHeading(jaCommon.home.title);

    await user.click(screen.getByTestId('lang-switch'));
    await expectHeading(enCommon.home.title);
    expect(screen.getByRole('link', { name: enLeak.title })).toBeInTheDocument();
    expect(await t.settings.get('lang')).toBe('en');
  });
});

describe('language switch on a screen loaded on demand', () => {
  it('keeps the library screen as it is (the search typed stays, the field is the same one), only its words change', async () => {
    const t = await makeApp('ja');
    await saveAssessment(t);
    location.hash = '#/library';
    render(App, { props: { app: t.app } });
    const user = userEvent.setup();
    const search = await screen.findByRole('searchbox');
    await user.type(search, '健康診断');

    await user.click(screen.getByTestId('lang-switch'));
    await expectHeading(enRecords.library.title);
    // A screen rebuilt by the switch would have a new, empty field.
    expect(screen.getByRole('searchbox')).toBe(search);
    expect(search).toHaveValue('健康診断');
  });
});
