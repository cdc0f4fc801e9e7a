// A large chain's views (the city step; the location step's search and "nearest to me") are a
// chunk of their own, loaded only for a form with a city step: nothing for other forms' first download.
import type { BookingModel } from '../flow/model';
import { lazyViews } from '../ui/lazy-views';

const chain = lazyViews('chainViews', () => import('./chain-views'));

export const CityView = (props: { model: BookingModel }) => chain.show((m) => m.CityStep, props);
export const ChainLocationsView = (props: { model: BookingModel }) => chain.show((m) => m.ChainLocations, props);
