import { codedListQueries } from '../codedList.js';

const vendors = codedListQueries('vendor_list', 'vendor');

export const listVendors = vendors.list;
export const getVendor = vendors.get;
