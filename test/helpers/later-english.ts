// In the app, the later steps' views only ever run after their chunk has added its English
// (src/app/later-steps-views.ts). Tests import those views directly, so they get it here;
// test/i18n-keys.test.ts checks separately that the first screen needs none of it.
import { addEnglish } from '../../src/i18n';
import { enLater } from '../../src/i18n/en-later';

addEnglish(enLater);
