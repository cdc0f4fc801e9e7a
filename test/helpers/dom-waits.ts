// Waits for what a view shows (findBy…, waitFor) allow 4 s instead of Testing Library's 1 s: a
// view whose code is a chunk of its own is transformed on first import, which takes longer than
// 1 s when the whole suite shares two cores (CI). What a test waits for is unchanged.
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 4000 });
