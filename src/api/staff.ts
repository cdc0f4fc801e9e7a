// Team members that can be booked (GET book_staff/{location_id}).
import type { TeamMember } from './types';
import { bool, byWeightDesc, datePart, isObject, list, num, obj, optNum, optStr, pick, str, type WireObject } from './wire';

export function normaliseTeam(raw: unknown): TeamMember[] {
  return byWeightDesc(list(raw).filter(isObject).map(toTeamMember));
}

function toTeamMember(raw: WireObject): TeamMember {
  const member: TeamMember = {
    id: num(raw.id),
    name: str(raw.name),
    specialization: str(raw.specialization),
    bookable: bool(raw.bookable),
    // Missing show_rating means the business did not hide it.
    rating: bool(raw.show_rating, true) ? num(raw.rating) : null,
    votesCount: num(raw.votes_count),
    informationHtml: str(raw.information),
    weight: num(raw.weight),
  };
  // `position` is an object, or `[]` when the member has none.
  const position = obj(raw.position);
  const positionId = optNum(position.id);
  if (positionId !== undefined) member.position = { id: positionId, title: str(position.title) };
  const reviews = optNum(raw.comments_count);
  if (reviews) member.reviewsCount = reviews;
  const avatar = optStr(pick(raw, 'avatar', 'avatar_big'));
  if (avatar) member.avatar = avatar;
  const nextDate = datePart(pick(raw, 'seance_date', 'session_date'));
  if (nextDate) member.nextDate = nextDate;
  return member;
}
