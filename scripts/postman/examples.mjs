// What the generated Postman collection sends and expects, where the OpenAPI document alone cannot
// say it: request bodies that succeed against a fresh system (the converter's placeholders such as
// "<string>" would be refused with 400), and the status a request gets where the collection's order
// makes something else than the documented success the right answer.
//
// Keys are `METHOD /path` as in docs/openapi.json. `{{name}}` is a collection variable: `xxxId`
// variables are saved from the `id` of the create request that precedes them (see
// scripts/generate-postman.mjs); `{{$guid}}` is Postman's own fresh UUID, so a second run against the
// same database does not collide with the first.

const soon = (hours) => `{{startsIn${hours}h}}`;

export const bodies = {
  'POST /auth/logout': { refreshToken: '{{refreshToken}}' },
  // The same password again: a real change would lock the next run out; the service accepts it.
  'POST /auth/password': { currentPassword: '{{password}}', newPassword: '{{password}}' },
  'PATCH /auth/me/profile': { title: 'Operations lead', department: 'Operations' },
  'POST /users': {
    email: 'postman-{{$guid}}@example.com',
    name: 'Postman Clerk',
    password: 'a-long-password-1',
    roles: ['clerk'],
  },
  'PATCH /users/{userId}': { name: 'Postman Clerk (renamed)' },
  'PATCH /users/{userId}/profile': { phone: '+15550100' },
  'POST /inventory/locations': { code: 'WH-{{$guid}}', name: 'Main warehouse' },
  'POST /inventory/vendors': { code: 'V-{{$guid}}', name: 'Acme Supplies' },
  'POST /inventory/products': {
    sku: 'SKU-{{$guid}}',
    name: 'Blue widget',
    price: { amount: 1250, currency: 'USD' },
  },
  'PATCH /inventory/products/{productId}': { name: 'Blue widget (v2)' },
  'POST /inventory/products/{productId}/receipts': { locationId: '{{locationId}}', quantity: 100 },
  'POST /inventory/products/{productId}/adjustments': {
    locationId: '{{locationId}}',
    quantityDelta: -2,
    reason: 'damaged in storage',
  },
  'POST /inventory/products/{productId}/transfers': {
    fromLocationId: '{{locationId}}',
    toLocationId: '{{secondLocationId}}',
    quantity: 5,
  },
  'POST /orders': {
    customer: { name: 'Ada Lovelace' },
    locationId: '{{locationId}}',
    lines: [{ productId: '{{productId}}', quantity: 2 }],
  },
  'POST /orders/{orderId}/cancel': { reason: 'customer changed their mind' },
  'POST /payments': { orderId: '{{paidOrderId}}', amount: { amount: 1250, currency: 'USD' }, method: 'card' },
  'POST /payments/{paymentId}/refunds': { amount: { amount: 500, currency: 'USD' }, reason: 'goodwill' },
  'POST /scheduling/facilities': { code: 'F-{{$guid}}', name: 'North hall' },
  'PATCH /scheduling/facilities/{facilityId}': { name: 'North hall (renovated)' },
  'POST /scheduling/staff': { name: 'Grace Hopper', email: 'staff-{{$guid}}@example.com' },
  'PATCH /scheduling/staff/{staffId}': { name: 'Rear Admiral Grace Hopper' },
  'POST /scheduling/shifts': { facilityId: '{{facilityId}}', startsAt: soon(24), endsAt: soon(32) },
  'PATCH /scheduling/shifts/{shiftId}': { startsAt: soon(25), endsAt: soon(33) },
  'POST /scheduling/shifts/{shiftId}/assign': { staffId: '{{staffId}}' },
  'POST /scheduling/shifts/{shiftId}/cancel': { reason: 'hall closed' },
  'POST /scheduling/time-off': { staffId: '{{staffId}}', from: soon(72), to: soon(96), reason: 'holiday' },
  'POST /scheduling/time-off/{timeOffId}/approve': {},
  'POST /scheduling/time-off/{timeOffId}/reject': {},
  'POST /scheduling/events': {
    title: 'Inventory count',
    facilityId: '{{facilityId}}',
    startsAt: soon(48),
    endsAt: soon(50),
  },
  'PATCH /scheduling/events/{eventId}': { title: 'Inventory count (all aisles)' },
  'POST /scheduling/events/{eventId}/cancel': {},
  'POST /tickets/incident-types': { code: 'IT-{{$guid}}', name: 'Spill', defaultPriority: 'high' },
  'POST /tickets': {
    kind: 'incident',
    title: 'Spill in aisle 4',
    description: 'Mop needed',
    priority: 'high',
  },
  'PATCH /tickets/{ticketId}': { title: 'Spill in aisle 4 (oil)' },
  'POST /tickets/{ticketId}/comments': { body: 'On my way' },
  'POST /tickets/{ticketId}/assign': { staffId: '{{staffId}}' },
  'POST /tickets/{ticketId}/hold': { reason: 'waiting for absorbent' },
  'POST /tickets/{ticketId}/resolve': { resolution: 'cleaned up' },
  'POST /tickets/{ticketId}/reopen': { reason: 'still slippery' },
  'POST /tickets/{ticketId}/cancel': {},
  'POST /locks': { resource: 'inventory/product/{{productId}}' },
  'PATCH /orders/{orderId}': { notes: 'Leave at the back door', priority: 'high' },
  'POST /customers': {
    name: 'Ada Lovelace',
    email: 'ada-{{$guid}}@example.com',
    creditLimit: { amount: 1000000, currency: 'USD' },
  },
  'PATCH /customers/{customerId}': { phone: '+15550101' },
  'POST /mobile/orders': {
    customer: { name: 'Grace Hopper' },
    locationId: '{{locationId}}',
    lines: [{ productId: '{{productId}}', quantity: 1 }],
  },
  'PUT /notifications/preferences': { email: false, mutedCategories: [] },
};

/**
 * Extra requests the collection sends right after the named one: a copy of it with another body whose
 * created `id` is saved under another variable (a transfer needs a second location).
 */
export const extraCreates = {
  // The order the collection cancels cannot be paid: a second one is paid, shipped and refunded.
  'POST /orders': {
    name: 'Place a second order (paid, shipped and refunded below)',
    body: {
      customer: { name: 'Alan Turing' },
      locationId: '{{locationId}}',
      lines: [{ productId: '{{productId}}', quantity: 1 }],
    },
    saveIdAs: 'paidOrderId',
    waitFor: { path: '/orders/{{paidOrderId}}', field: 'status', equals: 'awaiting_payment' },
  },
  'POST /inventory/locations': {
    name: 'Register a second location (destination of the transfer below)',
    body: { code: 'WH-{{$guid}}', name: 'Overflow warehouse' },
    saveIdAs: 'secondLocationId',
  },
};

/**
 * Where the collection's order (the OpenAPI paths, as the converter groups them) leaves a request
 * nothing to succeed on, the documented status it must get instead, and why.
 */
export const expectedStatus = {
  'POST /scheduling/time-off/{timeOffId}/reject': {
    status: 409,
    why: 'the request was approved just before; a decided request is not decided again',
  },
  'POST /scheduling/shifts/{shiftId}/clock-in': {
    status: 422,
    why: 'the shift was cancelled just before (and only the assigned staff member clocks in, at shift time)',
  },
  'POST /scheduling/shifts/{shiftId}/clock-out': { status: 422, why: 'nobody clocked in' },
  'POST /scheduling/time-off/{timeOffId}/cancel': {
    status: 409,
    why: 'the request was approved just before; only a pending one is withdrawn',
  },
  'POST /tickets/{ticketId}/close': {
    status: 409,
    why: 'the ticket was reopened just before; only a resolved ticket closes',
  },
  'POST /notifications/{notificationId}/read': {
    status: 404,
    why: 'the admin the collection signs in as has no notification with a fresh id',
  },
};

/**
 * Requests whose path parameters name another variable than their own name (the order that is paid
 * rather than the one that is cancelled).
 */
export const pathVariables = {
  'POST /orders/{orderId}/ship': { orderId: '{{paidOrderId}}' },
  // The first order is cancelled in its folder; the paid one stays editable until it ships last.
  'PATCH /orders/{orderId}': { orderId: '{{paidOrderId}}' },
  'POST /notifications/{notificationId}/read': { notificationId: '{{$guid}}' },
  // POST /mobile/orders answers `{ order, … }`, with no top-level id to save as orderId.
  'GET /mobile/orders/{orderId}/complete': { orderId: '{{paidOrderId}}' },
};

/** Requests moved to the end of the run, in this order: they need what later folders do first. */
export const runLast = ['POST /orders/{orderId}/ship', 'DELETE /locks/{lockId}'];

/**
 * After these requests succeed, the run polls a resource until a field has a value: the saga works
 * asynchronously (an order is payable once its stock is reserved, shippable once paid).
 */
export const waitAfter = {
  'POST /payments': { path: '/orders/{{paidOrderId}}', field: 'status', equals: 'paid' },
};
