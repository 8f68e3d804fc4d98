import { codedListQueries } from '../codedList.js';

const locations = codedListQueries('location_list', 'location');

export const listLocations = locations.list;
export const getLocation = locations.get;
