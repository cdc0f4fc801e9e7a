// What the widget asked the booking API and what it was offered, recorded from the browser's
// side: the specs compare what was offered, what was sent and what was stored.
import type { Page, Request, Response } from '@playwright/test';

/** A slot as book_times writes it. */
export interface OfferedSlot {
  time: string;
  seance_length: number;
  datetime: string;
}

/** A team member as book_staff writes it (the fields the specs look at). */
export interface ListedMember {
  id: number;
  name: string;
  bookable: boolean;
}

/** The body of POST book_record (the fields the specs look at). */
export interface BookingBody {
  fullname: string;
  phone: string;
  email: string;
  comment: string;
  code?: string;
  appointments: { id: number; services: number[]; staff_id: number; datetime: string }[];
}

type Endpoint = 'book_staff' | 'book_times' | 'book_check' | 'book_code' | 'book_record' | 'book_services' | 'book_dates';

/** `/api/v1/book_times/101201/201/2026-11-24` → ['book_times', '101201', '201', '2026-11-24'] */
function apiPath(url: string): string[] {
  const path = new URL(url).pathname;
  return path.startsWith('/api/v1/') ? path.slice('/api/v1/'.length).split('/') : [];
}

export function isCall(r: Request | Response, endpoint: Endpoint, method = 'GET'): boolean {
  const request = 'request' in r ? r.request() : r;
  return apiPath(request.url())[0] === endpoint && request.method() === method;
}

export class BookingTraffic {
  private readonly sent: Request[] = [];
  private readonly reading: Promise<void>[] = [];
  private readonly slots = new Map<string, OfferedSlot[]>();
  private members: ListedMember[] = [];

  constructor(page: Page) {
    page.on('request', (r) => {
      if (apiPath(r.url()).length) this.sent.push(r);
    });
    page.on('response', (r) => {
      if (!r.ok()) return;
      if (isCall(r, 'book_times')) this.reading.push(this.readSlots(r));
      if (isCall(r, 'book_staff')) this.reading.push(this.readMembers(r));
    });
  }

  /**
   * The widget's client sends a cloned Request, whose body Chromium streams: without interception
   * the browser reports no post data. A pass-through route makes the booking bodies readable.
   */
  async watchBodies(page: Page): Promise<void> {
    await page.route(/\/api\/v1\/book_(check|code|record)\//, (route) => route.fallback());
  }

  /** How many calls to an endpoint the widget has made so far. */
  count(endpoint: Endpoint, method = 'POST'): number {
    return this.sent.filter((r) => isCall(r, endpoint, method)).length;
  }

  /** The free times book_times last offered for a team member (0: any) on a day. */
  async slotsOffered(staffId: number, date: string): Promise<OfferedSlot[]> {
    await Promise.all(this.reading);
    return this.slots.get(`${staffId}/${date}`) ?? [];
  }

  /** The team members book_staff last listed. */
  async membersListed(): Promise<ListedMember[]> {
    await Promise.all(this.reading);
    return this.members;
  }

  private async readSlots(r: Response): Promise<void> {
    const [, , staffId, date] = apiPath(r.url());
    const body = (await r.json().catch(() => null)) as { data?: OfferedSlot[] } | null;
    if (body?.data) this.slots.set(`${staffId}/${date}`, body.data);
  }

  private async readMembers(r: Response): Promise<void> {
    const body = (await r.json().catch(() => null)) as { data?: ListedMember[] } | null;
    if (body?.data) this.members = body.data;
  }
}

export function bookingBodyOf(request: Request): BookingBody {
  const body = request.postDataJSON() as BookingBody | null;
  if (!body) throw new Error(`no body seen for ${request.url()}`);
  return body;
}
