// Generated from docs/openapi.json by `npm run generate -w @omni/client`. Do not edit.
/* eslint-disable */
export interface paths {
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Answers an access token (send it as `Authorization: Bearer <token>`; it expires after `expiresIn` seconds) and a refresh token to get the next pair. A wrong email and a wrong password are the same 401, so the answer never tells which part was wrong; repeated failures for one account or address are 429 for a while.
         *
         *     No access token needed.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the refresh token and get a new pair; reusing a rotated token revokes its family
         * @description Each refresh token works once: the answer carries a new access token and a new refresh token, and the old one stops working. Presenting a refresh token that was already rotated is taken as theft: the whole family of tokens descended from the same login is revoked and the answer is 401, so the user signs in again.
         *
         *     No access token needed.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the refresh token and its family
         * @description Signs this login out: the refresh token and every token rotated from it stop working. Access tokens already issued stay valid until they expire (minutes), so drop them on the client. A token already revoked is also 204: signing out twice is not an error.
         *
         *     No access token needed.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description The user the access token belongs to: id, email, name and roles, e.g. to decide which screens to show.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password; every other sign-in of the user is signed out
         * @description Checks the current password, sets the new one (at least 8 characters, else 400) and signs the user out of every other sign-in (their refresh tokens stop working); this one stays signed in. A wrong current password is 422 `wrong_password`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's profile
         * @description The signed-in user's profile: title, department, phone, location and avatar (each null until set).
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["getMyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the signed-in user's profile (null clears a field)
         * @description Changes the signed-in user's profile; fields left out keep their value and null clears one. Title and department are at most 100 characters, phone at most 20 (digits, spaces and + ( ) . / -), avatarUrl an http(s) URL; every offending field is listed in a 400. Published as `gateway.user.<id>.updated`.
         *
         *     Who may call it: any signed-in user.
         */
        patch: operations["updateMyProfile"];
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users by email; `q` matches email or name, `role` keeps users with that role
         * @description Users ordered by email, a page at a time: pass `nextCursor` back as `cursor` until it is null. `q` matches a substring of the email or name, case-insensitive; `role` keeps users who have that role.
         *
         *     Who may call it: admin, manager.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user (admin); a `vendor` user needs a vendorId
         * @description Creates a user who can sign in at once with the given password. An email already in use (compared case-insensitively) is 409 `duplicate_email`; a short password, an unknown role or role `vendor` without `vendorId` is 400. Published as `gateway.user.<id>.created`.
         *
         *     Who may call it: admin.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description One user with roles, vendor and whether they are active; an unknown id is 404.
         *
         *     Who may call it: admin, manager.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's name, roles or vendor (admin); takes effect on the user's next request
         * @description Changes a user's name, roles or vendor (null detaches it); fields left out keep their value. Role `vendor` without a vendor is 400. New roles apply to the user's next request, without a new token. Published as `gateway.user.<id>.updated` and/or `roles_changed`.
         *
         *     Who may call it: admin.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/users/{userId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a user (admin): signed out everywhere, sockets closed, sign-in refused
         * @description Revokes every refresh token of the user, refuses their access tokens from the next request on (on every gateway), closes their WebSockets and refuses their sign-in. Deactivating an inactive user changes nothing. Published as `gateway.user.<id>.deactivated`.
         *
         *     Who may call it: admin.
         */
        post: operations["deactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's profile (any signed-in user: colleagues look each other up)
         * @description Any signed-in user's profile, for any signed-in user; an unknown id is 404.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["getUserProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's profile: one's own, or anyone's as admin
         * @description Changes a user's profile as `PATCH /auth/me/profile` does; a user may change only their own (403 otherwise), an admin anyone's.
         *
         *     Who may call it: any signed-in user.
         */
        patch: operations["updateUserProfile"];
        trace?: never;
    };
    "/inventory/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List locations by code
         * @description Every location, ordered by code, a page at a time: pass `nextCursor` back as `cursor` until it is null.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["listLocations"];
        put?: never;
        /**
         * Create a location (a shop, a warehouse, a van)
         * @description A place where stock is kept. Its `code` is unique (case-insensitive): a second location with the same code is 409 `duplicate_location_code`, so retrying after a lost answer is safe with an Idempotency-Key.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List vendors by code
         * @description Every vendor, ordered by code, a page at a time: pass `nextCursor` back as `cursor` until it is null.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["listVendors"];
        put?: never;
        /**
         * Create a vendor (a seller whose products a `vendor` user manages)
         * @description Creates a vendor; products may then name it as `vendorId`, and users with role `vendor` act for one. The code is unique: a second vendor with the same code is 409 `duplicate_vendor_code`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["createVendor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/vendors/{vendorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a vendor; send If-Match with its ETag to guard against lost updates
         * @description Changes the vendor's name (its code never changes: products and vendor users refer to the vendor by id). Published as `inventory.vendor.<id>.updated` with the changed fields; a name equal to the current one publishes nothing. With `If-Match`, a vendor changed since you read it is 412. An unknown id is 404 `vendor_not_found`.
         *
         *     Who may call it: admin, manager.
         */
        patch: operations["updateVendor"];
        trace?: never;
    };
    "/inventory/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products by SKU; filter by category, text, low stock, vendor and attributes
         * @description Products ordered by SKU, a page at a time. `q` matches a substring of the SKU or the name, case-insensitive; `lowStock=true` keeps only products whose available total is at or below their reorder level; `vendorId` keeps one vendor's. `attributes.<key>=<value>` (any number) keeps products whose attributes contain every pair exactly; a key no product has matches nothing, and a malformed key or value is 400 naming the parameter. A `vendor` user sees only its own vendor's products. A cursor from another query or a tampered one is 400.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Register a product; a vendor user's products belong to their vendor
         * @description Adds a product to the catalogue with no stock; stock arrives through receipts. The SKU is unique (case-insensitive): a second product with the same SKU is 409 `duplicate_sku`. The price is in minor units (cents), never a float. `vendorId` names the product's vendor (an unknown one is 422 `unknown_vendor`); a `vendor` user's product is its own vendor's, and naming another vendor is 403.
         *
         *     Who may call it: admin, manager, vendor.
         */
        post: operations["registerProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product with its stock per location and totals
         * @description The product with on hand, reserved and available stock at each location and in total. The `ETag` header is its version: send it back as `If-Match` on a change to be sure nobody changed it in between. An unknown id is 404.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a product; send If-Match with its ETag to guard against lost updates
         * @description Changes any of name, description, category, price, reorder level, attributes and vendor; fields left out keep their value. With `If-Match`, a product changed since you read it is 412 and nothing is written: read it again, merge, retry. Without `If-Match` the last write wins. Stock is not changed here: use receipts, adjustments, transfers. A `vendor` user may change only its own vendor's products (another's is 404) and may not move one to another vendor (403).
         *
         *     Who may call it: admin, manager, vendor.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/inventory/products/{productId}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive stock at a location
         * @description Adds a positive quantity to on-hand stock at a location, e.g. a delivery, with an optional reference such as the purchase order. Answers the product with its new levels. A location that does not exist is 422 `unknown_location`. Send an Idempotency-Key: a retried delivery is then counted once.
         *
         *     Who may call it: admin, manager, clerk.
         */
        post: operations["receiveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/products/{productId}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust on-hand stock with a reason
         * @description Corrects on-hand stock at a location by a non-zero delta (a count, breakage, a find), with a reason kept in the movement history. An adjustment that would take on hand below zero, or below what is reserved for orders, is 422 `insufficient_stock` and changes nothing.
         *
         *     Who may call it: admin, manager, clerk.
         */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/products/{productId}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move stock between two locations
         * @description Moves a quantity from one location to another in one step: both levels change together or not at all. More than is available (on hand minus reserved) at the source is 422 `insufficient_stock`; the same location on both sides is 422 `same_location`.
         *
         *     Who may call it: admin, manager, clerk.
         */
        post: operations["transferStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/products/{productId}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every stock movement of a product, newest first, with the event that made it
         * @description The stock history of one product (receipts, adjustments, transfers, reservations and shipments), newest first, a page at a time, each with the id of the event that made it. An unknown product is 404.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["listMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders, newest first, by status, assignee, priority, source or customer
         * @description Orders, newest first, a page at a time: pass `nextCursor` back as `cursor` until it is null. Filters (`status`, `assigneeId`, `priority`, `source`, `customerId`) combine: an order must match all given.
         *
         *     Who may call it: admin, manager, sales, accountant.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order: lines are priced from the catalogue; stock is reserved asynchronously
         * @description Answers at once with the order `pending`, each line priced from the catalogue and the total. Inventory then reserves every line at the location, all or nothing: the order moves to `awaiting_payment`, or to `rejected` with the reason and the failing lines (follow it with GET or the `status_changed` event). A product not in the catalogue is 422 `unknown_product`; lines in different currencies are 422 `mixed_currency`. Name the customer inline (`customer`) or as a registered one (`customerId`, exactly one of the two): an unknown `customerId` is 422 `unknown_customer`, and an order whose total would take the customer's balance above its credit limit is 422 `credit_limit_exceeded` (concurrent orders for one customer are decided one after the other, so together they never exceed it); an order in another currency than the customer's account is 422 `currency_mismatch`. `source` (default `api`) and `priority` (default `normal`) are kept with the order.
         *
         *     Who may call it: admin, manager, sales.
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order with its status history, paid and due
         * @description The order with its lines, every status it went through (with the reason, e.g. `payment_timeout`), what was paid and what is still due. The `ETag` header is its version, for `If-Match` on cancel or ship.
         *
         *     Who may call it: admin, manager, sales, accountant.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the notes, priority or assignee of an order not shipped or cancelled
         * @description Changes any of `notes` (null clears them), `priority` and `assigneeId` (null unassigns); fields left out keep their value, and the change is published as `orders.order.<id>.updated`. The assignee must be an active user with role `sales` or `manager`: an unknown user is 422 `unknown_assignee`, another role 422 `assignee_not_eligible`. A shipped order is 409 `order_shipped`, a cancelled one 409 `order_closed`. Send `If-Match` with the version you read: an order changed since is 412 and nothing is written.
         *
         *     Who may call it: admin, manager, sales.
         */
        patch: operations["updateOrder"];
        trace?: never;
    };
    "/orders/{orderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel from pending, awaiting_payment or paid: stock is released and payments refunded
         * @description Cancels with a reason: the reserved stock is released and whatever was paid is refunded automatically. A shipped order cannot be cancelled (409 `order_shipped`); cancelling one already cancelled or rejected is 409 `order_closed`.
         *
         *     Who may call it: admin, manager, sales.
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{orderId}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ship a paid order: its reserved stock leaves on-hand
         * @description Marks the order shipped and turns its reservation into a stock decrease at the location. Only a `paid` order can ship: any other status is 409 `order_not_paid`.
         *
         *     Who may call it: admin, manager, clerk.
         */
        post: operations["shipOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers, optionally matching q (name, e-mail or phone)
         * @description Customers in the order they were registered, a page at a time: pass `nextCursor` back as `cursor` until it is null. `q` matches a substring of the name, e-mail or phone, in any case.
         *
         *     Who may call it: admin, manager, sales, accountant.
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Register a customer, optionally with a credit limit
         * @description Registers a customer whom orders can name by `customerId`. With `creditLimit`, an order whose total would take the customer's `balance` above it is refused (422 `credit_limit_exceeded`); the limit's currency is the currency of the customer's account.
         *
         *     Who may call it: admin, manager, sales.
         */
        post: operations["registerCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer with its balance and credit limit
         * @description The customer with `balance`: the total of its orders placed and neither cancelled nor rejected, minus what was paid on them. It moves with its own orders at once, and with payments as soon as orders has their events (normally milliseconds). The `ETag` header is its version, for `If-Match` on PATCH. An unknown id is 404.
         *
         *     Who may call it: admin, manager, sales, accountant.
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a customer's name, e-mail, phone or credit limit
         * @description Fields left out keep their value; null clears `email`, `phone` or `creditLimit` (no limit). A lower limit refuses only later orders. A limit in another currency than the account's, once it has orders, is 422 `currency_mismatch`. With `If-Match`, a customer changed since you read it (its balance included) is 412.
         *
         *     Who may call it: admin, manager, sales.
         */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments, optionally of one order
         * @description Payments, a page at a time; `orderId` keeps only the payments of one order.
         *
         *     Who may call it: admin, manager, accountant.
         */
        get: operations["listPayments"];
        put?: never;
        /**
         * Record a payment against an order awaiting payment
         * @description Records money received for an order; when payments cover the total the order becomes `paid`. Refused with 422 and nothing recorded when the order is not awaiting payment (`order_not_awaiting_payment`), the currency is not the order’s (`currency_mismatch`), the amount is not positive (`invalid_amount`) or it would pay more than is due (`overpayment`). Send an Idempotency-Key so a retried payment is recorded once.
         *
         *     Who may call it: admin, manager, accountant.
         */
        post: operations["recordPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{paymentId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund (part of) a payment
         * @description Gives back all or part of a payment, with a reason; several partial refunds may follow each other. More than is left to refund on the payment is 422 `refund_exceeds_payment`. Answers the payment with its refunds.
         *
         *     Who may call it: admin, manager, accountant.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment with its refunds
         * @description One payment with its amount, method, status and every refund made on it. An unknown id is 404.
         *
         *     Who may call it: admin, manager, accountant.
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List facilities by code
         * @description Every facility, ordered by code, a page at a time: pass `nextCursor` back as `cursor` until it is null.
         *
         *     Who may call it: admin, manager, staff.
         */
        get: operations["listFacilities"];
        put?: never;
        /**
         * Create a facility (where work happens); its time zone defaults to UTC
         * @description A place where shifts and events happen (a studio, a shop, a van). Its `code` is unique: a second facility with the same code is 409 `duplicate_facility_code`. The time zone (IANA name, e.g. Europe/Berlin) decides where a day and an ISO week begin for weekly limits.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["createFacility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/facilities/{facilityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a facility or change its time zone
         * @description Renames a facility or changes its time zone; fields left out keep their value. With `If-Match`, a facility changed since you read it is 412 and nothing is written.
         *
         *     Who may call it: admin, manager.
         */
        patch: operations["updateFacility"];
        trace?: never;
    };
    "/scheduling/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List staff; q matches name or e-mail
         * @description Staff members, a page at a time; `q` matches a substring of the name or e-mail, case-insensitive.
         *
         *     Who may call it: admin, manager.
         */
        get: operations["listStaff"];
        put?: never;
        /**
         * Register a staff member; userId links the gateway user who sees their shifts
         * @description Adds a person who can be given shifts. `userId` links the gateway user account, so that user sees their own shifts (GET /scheduling/me/shifts) and their own shift events on the socket. `weeklyMinutesLimit` caps the minutes they may be assigned per ISO week.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["registerStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A staff member
         * @description One staff member with skills, linked user and weekly limit. An unknown id is 404.
         *
         *     Who may call it: admin, manager.
         */
        get: operations["getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a staff member; null clears userId or weeklyMinutesLimit
         * @description Changes name, e-mail, skills, linked user or weekly limit; null clears `userId` or `weeklyMinutesLimit`. With `If-Match`, a record changed since you read it is 412.
         *
         *     Who may call it: admin, manager.
         */
        patch: operations["updateStaff"];
        trace?: never;
    };
    "/scheduling/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shifts starting in [from, to) (at most 31 days; default the next 7 days); staff see their own
         * @description Shifts by start time, filtered by facility, staff member or status; the range is at most 31 days (400 beyond). A `staff` user sees only their own shifts, whatever the filters.
         *
         *     Who may call it: admin, manager, staff.
         */
        get: operations["listShifts"];
        put?: never;
        /**
         * Schedule a shift (at most 16 hours), open or assigned to staffId
         * @description Creates a shift at a facility, `open` without `staffId` or `assigned` with it. `endsAt` must be after `startsAt` and at most 16 hours later (400). Assigning at creation follows the booking rules: an overlapping shift of the same person (`shift_overlap`), their approved time off (`staff_on_leave`) or their weekly limit (`weekly_limit_exceeded`) is 422 and nothing is created.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["scheduleShift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/me/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own shifts in [from, to) (at most 31 days)
         * @description The signed-in user's own shifts (through the staff member linked to their account), by start time; the range is at most 31 days. Empty when no staff member is linked.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["myShifts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/shifts/{shiftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shift with its status, staff member and time entry; staff see their own
         * @description One shift with status, staff member and clock-in/clock-out times. The `ETag` header is its version for `If-Match`. A `staff` user gets 404 for a shift that is not theirs.
         *
         *     Who may call it: admin, manager, staff.
         */
        get: operations["getShift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move a shift in time or to another facility; an assigned one keeps the booking rules
         * @description Moves a shift in time or to another facility. An assigned shift keeps the booking rules at its new time (422 `shift_overlap`, `staff_on_leave`, `weekly_limit_exceeded`); a cancelled or already started one cannot move (409 `shift_not_reschedulable`).
         *
         *     Who may call it: admin, manager.
         */
        patch: operations["rescheduleShift"];
        trace?: never;
    };
    "/scheduling/shifts/{shiftId}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a staff member to an open shift
         * @description Gives an open shift to a staff member. Refused with 422 when it overlaps another of their shifts, falls in their approved time off, or takes them past their weekly limit; 409 when the shift is already assigned. Of two concurrent assignments that would overlap, exactly one succeeds.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["assignShift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/shifts/{shiftId}/unassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the staff member off the shift: open again
         * @description Takes the staff member off an assigned shift, which becomes open again. A shift that is not assigned is 409 `shift_not_assigned`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["unassignShift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/shifts/{shiftId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a shift; its staff member is free again
         * @description Cancels a shift with a reason; its staff member is free for that time again. Cancelling twice is 409 `shift_cancelled`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["cancelShift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/shifts/{shiftId}/clock-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clock in: the assigned staff member or a manager, from 30 minutes before the start
         * @description Records the start of work on a shift, by the assigned staff member themself or a manager for them. Earlier than 30 minutes before the start (`clock_in_too_early`), a second time (`already_clocked_in`) or on a shift with nobody assigned (`shift_not_assigned`) is 422; someone else's shift is 403.
         *
         *     Who may call it: admin, manager, staff.
         */
        post: operations["clockIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/shifts/{shiftId}/clock-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clock out: the assigned staff member or a manager
         * @description Records the end of work on a shift, by the assigned staff member or a manager. Before clocking in (`not_clocked_in`) or a second time (`already_clocked_out`) is 422.
         *
         *     Who may call it: admin, manager, staff.
         */
        post: operations["clockOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/time-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Worked shifts (clocked in and out) in [from, to) with minutes and totals; staff see their own
         * @description Worked time per shift (clocked in and out) in a range, each with `minutes`, and `totals` of minutes and shifts; filter by staff member. A `staff` user sees only their own.
         *
         *     Who may call it: admin, manager, staff.
         */
        get: operations["timeEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/time-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Time-off requests, newest first; staff see their own
         * @description Time-off requests, newest first, filtered by staff member, status and range. A `staff` user sees only their own.
         *
         *     Who may call it: admin, manager, staff.
         */
        get: operations["listTimeOff"];
        put?: never;
        /**
         * Ask for time off (staff: for themself); pending until approved or rejected
         * @description Asks for time off from `from` to `to` with a reason; it stays `pending` until a manager approves or rejects it. A `staff` user may ask only for themself; an unknown staff member is 422 `unknown_staff`.
         *
         *     Who may call it: admin, manager, staff.
         */
        post: operations["requestTimeOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/time-off/{timeOffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A time-off request; staff see their own
         * @description One time-off request with its status and decision. A `staff` user gets 404 for another person's request.
         *
         *     Who may call it: admin, manager, staff.
         */
        get: operations["getTimeOff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/time-off/{timeOffId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve: the staff member's assigned shifts inside it become open
         * @description Approves a pending request. The staff member's assigned shifts inside it are unassigned (reason `time_off`) and become open, so they can be given to someone else. A request no longer pending is 409 `time_off_not_pending`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["approveTimeOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/time-off/{timeOffId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a pending request
         * @description Rejects a pending request, optionally with a reason. A request no longer pending is 409 `time_off_not_pending`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["rejectTimeOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/time-off/{timeOffId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a pending request (the requester, or a manager)
         * @description Withdraws a pending request, by the person who asked or a manager. A request no longer pending is 409 `time_off_not_pending`.
         *
         *     Who may call it: admin, manager, staff.
         */
        post: operations["cancelTimeOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events starting in [from, to) (at most 31 days; default the next 7 days)
         * @description Scheduled events by start time, filtered by facility; the range is at most 31 days, by default the next 7 days.
         *
         *     Who may call it: admin, manager.
         */
        get: operations["listEvents"];
        put?: never;
        /**
         * Book a facility for an event (a broadcast, a delivery window)
         * @description Books a facility for a time span (a broadcast, a delivery window). Overlapping another event that is not cancelled at the same facility is 409 `facility_booked`; an unknown facility is 422 `unknown_facility`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["scheduleEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheduling/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A scheduled event
         * @description One scheduled event. An unknown id is 404.
         *
         *     Who may call it: admin, manager.
         */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an event’s title, time or facility
         * @description Changes an event's title, time or facility. A new time that overlaps another event at the facility is 409 `facility_booked`. With `If-Match`, an event changed since you read it is 412.
         *
         *     Who may call it: admin, manager.
         */
        patch: operations["rescheduleEvent"];
        trace?: never;
    };
    "/scheduling/events/{eventId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an event; its facility time is free again
         * @description Cancels an event; its facility time is free for other bookings again.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["cancelEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/incident-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List incident types by code
         * @description Every incident type, ordered by code, to offer when opening an incident.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["listIncidentTypes"];
        put?: never;
        /**
         * Create an incident type with the priority its incidents get by default
         * @description A kind of incident (e.g. a broken till) with the priority its incidents get when they name it and omit `priority`. Its `code` is unique: a second one is 409 `duplicate_incident_type_code`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["createIncidentType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tickets newest first: all of them for admin, manager, clerk; for others those they reported or are assigned to
         * @description Tickets, newest first, a page at a time, filtered by status, kind, priority, assignee, facility, breached SLA or text (`q`). Admin, manager and clerk see every ticket; everyone else only the tickets they reported or are assigned to.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["listTickets"];
        put?: never;
        /**
         * Open an incident (INC-n) or service ticket (SRV-n); its SLA clock starts
         * @description Opens a ticket with status `open`, numbered `INC-n` for incidents and `SRV-n` for service tickets: consecutive, without gaps or duplicates even when opened concurrently. `slaDueAt` is the opening time plus the SLA of its priority. An unknown incident type is 422 `unknown_incident_type`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["openTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket with its history and the comments the caller may read
         * @description One ticket with every transition (status, when, by whom, why) and its comments; internal comments are left out for those who may not read them. A ticket the caller may not see is 404.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change title, description or priority (a new priority recomputes slaDueAt from the opening)
         * @description Changes title, description or priority: the reporter while it is `open`, its assignee, admin or manager until it is resolved (else 403). A new priority recomputes `slaDueAt` from the opening time. With `If-Match`, a ticket changed since you read it is 412.
         *
         *     Who may call it: any signed-in user.
         */
        patch: operations["updateTicket"];
        trace?: never;
    };
    "/tickets/{ticketId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Comment on a ticket; internal comments are for admin, manager and the assignee
         * @description Adds a comment. `internal: true` hides it from everyone but admin, manager and the assignee. Anyone who may see the ticket may comment.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["commentOnTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a staff member known from scheduling
         * @description Assigns a ticket to a staff member known from scheduling (else 422 `unknown_staff`); it moves to `assigned`. A move the workflow does not allow from the current status is 409 `invalid_transition`.
         *
         *     Who may call it: admin, manager.
         */
        post: operations["assignTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start work on an assigned ticket (its assignee, admin, manager)
         * @description Starts work: `assigned` → `in_progress`, by its assignee, admin or manager. Any other status is 409 `invalid_transition`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["startTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a ticket on hold: its SLA clock stops
         * @description Puts a ticket in progress on hold with a reason. The SLA clock stops while it is held. Any other status is 409 `invalid_transition`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["holdTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a held ticket: slaDueAt moves later by the time held
         * @description Resumes a held ticket: back to `in_progress`, and `slaDueAt` moves later by the time it was held. Any other status is 409 `invalid_transition`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["resumeTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a ticket in progress
         * @description Resolves a ticket in progress with a resolution; its SLA is met if this happens before `slaDueAt`. Any other status is 409 `invalid_transition`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["resolveTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reopen a resolved ticket (back to in_progress)
         * @description Reopens a resolved ticket with a reason: back to `in_progress`. Any other status is 409 `invalid_transition`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["reopenTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a resolved ticket
         * @description Closes a resolved ticket for good. Any other status is 409 `invalid_transition`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["closeTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a ticket before it is resolved (its reporter, admin, manager)
         * @description Cancels a ticket that is not resolved yet, by its reporter, admin or manager. A resolved or closed ticket is 409 `invalid_transition`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["cancelTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobile/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A phone's first screen in one call: me, my shifts, my tickets, my notifications, low stock, orders awaiting payment
         * @description The caller's user, their own shifts today and tomorrow (UTC), the tickets they reported or are assigned and not yet resolved, their unread notification count and 5 newest notifications, products at or below their reorder level (20), and how many orders await payment. Sections are fetched in parallel, each within its deadline (docs/mobile.md); a section whose service is slow or down is `{"error":{"code":"unavailable"}}` and the answer has `"partial":true`, still 200. A section the role may not read is null. Answers are cached in the gateway and dropped by the events that change them and by the caller's own writes.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["mobileHome"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobile/products/{productId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product with stock per location, last 20 movements, open reservations and last 10 orders
         * @description The product, its stock per location, its last 20 stock movements, the reservations held for orders not yet shipped or cancelled, and the 10 newest orders with a line of it (null for roles that may not read orders). An unknown product is 404. Sections are fetched in parallel, each within its deadline (docs/mobile.md); a section whose service is slow or down is `{"error":{"code":"unavailable"}}` and the answer has `"partial":true`, still 200. A section the role may not read is null. Answers are cached in the gateway and dropped by the events that change them and by the caller's own writes.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["mobileProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobile/orders/{orderId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order with its history, payments and refunds, and each line's product and stock
         * @description The order with its status history; its payments, each with its refunds (null for roles that do not manage payments); each line with its product and the product's current stock at the order's location. The lines are read once the order is: at most two deadlines in all. An unknown order is 404. Sections are fetched in parallel, each within its deadline (docs/mobile.md); a section whose service is slow or down is `{"error":{"code":"unavailable"}}` and the answer has `"partial":true`, still 200. A section the role may not read is null. Answers are cached in the gateway and dropped by the events that change them and by the caller's own writes.
         *
         *     Who may call it: admin, manager, sales, accountant.
         */
        get: operations["mobileOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobile/customers/{customerId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer with its balance, credit limit, last 10 orders and their payments
         * @description The customer, its balance and credit limit, its 10 newest orders (null for roles that may not read orders) and their payments with refunds (null for roles that do not manage payments). The payments are read once the orders are: at most two deadlines in all. An unknown customer is 404. Sections are fetched in parallel, each within its deadline (docs/mobile.md); a section whose service is slow or down is `{"error":{"code":"unavailable"}}` and the answer has `"partial":true`, still 200. A section the role may not read is null. Answers are cached in the gateway and dropped by the events that change them and by the caller's own writes.
         *
         *     Who may call it: admin, manager, sales, accountant.
         */
        get: operations["mobileCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobile/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an order and answer once its stock reservation is decided
         * @description The same body and refusals as `POST /orders`. Answers 201 once inventory has decided the reservation: the order (`awaiting_payment`, or `rejected` with the failing lines), each line’s stock at the location after the decision, and the registered customer’s balance and credit limit (null for an inline customer). If the decision takes longer than 2 s, 202 with the order still `pending` (follow it with GET or the `status_changed` event). Waits on the order's events, not by polling.
         *
         *     Who may call it: admin, manager, sales.
         */
        post: operations["mobilePlaceOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboards/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales per day, average order value and top products
         * @description Orders placed, paid and cancelled and revenue per UTC day from `from` to `to` (inclusive, at most 366 days; default the last 30 days), the average value of the orders placed, and the 10 products with the most units in orders placed in the range that were not rejected or cancelled. Revenue is payments recorded less refunds, by the day they happened, in `currency` (default: the currency of most orders in the range). Built from orders’ and payments’ events by the analytics service: it follows a write within milliseconds, and `analytics.dashboard.sales.updated` (WebSocket, SSE) says when today’s figures moved. Roles: admin, manager, sales, accountant.
         *
         *     Who may call it: admin, manager, sales, accountant.
         */
        get: operations["getSalesDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboards/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Low stock, open tickets, SLA breaches, today’s shifts, relay lag and dead letters
         * @description Products at or below their reorder level, open tickets by priority, SLA breaches today (UTC), today’s shifts open/assigned/missed, all built from events by the analytics service; and per service the relay lag and the dead letters in the DLQ stream, which are not events: they are sampled every few seconds (`sampledAt`; `relayLagEvents` null until the relay’s leader has answered). `analytics.dashboard.operations.updated` says when the event-built figures moved. Roles: admin, manager.
         *
         *     Who may call it: admin, manager.
         */
        get: operations["getOperationsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your own notifications, newest first
         * @description The caller’s notifications, newest first, a page at a time; `unread=true` keeps only those not read yet. Each is published live on `notification.inbox.<your user id>.created` as it is made.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of your notifications are unread
         * @description The number of the caller’s notifications not read yet; it counts a read or read-all at once.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notification preferences
         * @description Whether notifications are also e-mailed to you, and which categories you muted (those create no notification). Defaults: e-mail on, nothing muted.
         *
         *     Who may call it: any signed-in user.
         */
        get: operations["getNotificationPreferences"];
        /**
         * Replace your notification preferences
         * @description Replaces the caller’s preferences. A muted category creates no notification from then on (nothing in the inbox, no e-mail). With `email` on and the system configured with `SMTP_URL`, each notification is also e-mailed.
         *
         *     Who may call it: any signed-in user.
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark every unread notification of yours read
         * @description Marks every notification of the caller that is unread at that moment read, and answers how many; the unread count is 0 afterwards unless a new notification arrived meanwhile. Published as `notification.inbox.<your user id>.read`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your notifications read
         * @description Marks the notification read and answers it with `readAt`; reading it again changes nothing. Another user’s notification is 404, as an unknown one. Published as `notification.inbox.<your user id>.read`.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock a resource for 30 s, renewable
         * @description Takes the lock on `<service>/<aggregate>/<id>` (e.g. `orders/order/<id>`) for 30 s. While it is held, every other user's write to the resource is refused with 423 resource_locked, on every gateway replica. Another holder: 409 locked, with `holder` and `expiresAt`; asking again for your own lock renews it. Anyone who may write the resource may lock it (403 otherwise). See docs/collaboration.md.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["acquireLock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locks/{lockId}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew a lock you hold
         * @description Another 30 s from now, judged by the NATS server. Only the holder may renew (403); a lock that expired or was released is 404 lock_not_found: take it again with POST /locks.
         *
         *     Who may call it: any signed-in user.
         */
        post: operations["renewLock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locks/{lockId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Release a lock you hold
         * @description Others may write the resource again at once. Only the holder may release it (403).
         *
         *     Who may call it: any signed-in user.
         */
        delete: operations["releaseLock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: one subscription (same filters and rights as the WebSocket); id = stream sequence, event = event type, data = CloudEvent; resume with Last-Event-ID or since; a keepalive comment every 15 s
         * @description A `text/event-stream` of the events matching `subject` (NATS wildcards, inside one service), for clients that cannot open the `/ws` WebSocket. Each event: `id:` its stream sequence, `event:` its type, `data:` the CloudEvent. Reconnect with `Last-Event-ID` (or `since`) to resume with no gap and no duplicate. A reader that falls too far behind is cut off and resumes the same way. See docs/realtime.md.
         *
         *     Who may call it: any signed-in user, for the events their role may read.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Money: {
            /** @description Integer amount in minor units (cents) */
            amount: number;
            /** @description ISO 4217 currency code */
            currency: string;
        };
        SalesDay: {
            /**
             * Format: date
             * @description The UTC day (YYYY-MM-DD)
             */
            date: string;
            /** @description Orders placed that day */
            ordersPlaced: number;
            /** @description Orders that became paid that day */
            ordersPaid: number;
            /** @description Orders cancelled that day */
            ordersCancelled: number;
            /** @description Payments recorded that day less refunds made that day, in the dashboard currency */
            revenue: components["schemas"]["Money"];
        };
        ServiceOpsHealth: {
            /** @description The service */
            service: string;
            relayLagEvents: number | null;
            /** @description Age of the oldest unpublished event when sampled */
            relayLagSeconds: number | null;
            /** @description Messages its consumers gave up on, still in the DLQ stream */
            deadLetters: number;
            /**
             * Format: date-time
             * @description When these figures were read (they are sampled, not events)
             */
            sampledAt: string;
        };
        OperationsDashboard: {
            /**
             * Format: date-time
             * @description When the answer was read
             */
            asOf: string;
            /** @description Products whose total available is at or below their reorder level */
            lowStockProducts: number;
            /** @description Tickets not resolved, closed or cancelled, by priority */
            openTickets: {
                /** @description Open low tickets */
                low: number;
                /** @description Open normal tickets */
                normal: number;
                /** @description Open high tickets */
                high: number;
                /** @description Open critical tickets */
                critical: number;
            };
            /** @description Tickets whose SLA was breached today (UTC) */
            slaBreachesToday: number;
            /** @description Today's shifts by status; cancelled shifts are not counted */
            shiftsToday: {
                /** @description Shifts starting today (UTC) with nobody assigned */
                open: number;
                /** @description Shifts starting today with a staff member (assigned, in progress or completed) */
                assigned: number;
                /** @description Shifts starting today that nobody clocked in to */
                missed: number;
            };
            /** @description Relay lag and dead letters per service */
            services: components["schemas"]["ServiceOpsHealth"][];
        };
        CreateLocationInput: {
            code: string;
            name: string;
        };
        CreateVendorInput: components["schemas"]["CreateLocationInput"];
        UpdateVendorInput: {
            name?: string;
        };
        RegisterProductInput: {
            sku: string;
            name: string;
            description?: string;
            category?: string;
            price: components["schemas"]["Money"];
            /** @default 0 */
            reorderLevel?: number;
            /** @default {} */
            attributes?: {
                [key: string]: string;
            };
            /**
             * Format: uuid
             * @description The product's vendor; a vendor user's own by default
             */
            vendorId?: string;
        };
        UpdateProductInput: {
            name?: string;
            description?: string | null;
            category?: string | null;
            price?: components["schemas"]["Money"];
            reorderLevel?: number;
            attributes?: {
                [key: string]: string;
            };
            /** @description Move the product to this vendor; null: none */
            vendorId?: string | null;
        };
        ReceiveStockInput: {
            /** Format: uuid */
            locationId: string;
            quantity: number;
            reference?: string;
        };
        AdjustStockInput: {
            /** Format: uuid */
            locationId: string;
            quantityDelta: number;
            reason: string;
        };
        TransferStockInput: {
            /** Format: uuid */
            fromLocationId: string;
            /** Format: uuid */
            toLocationId: string;
            quantity: number;
        };
        Location: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        Vendor: components["schemas"]["Location"];
        Product: {
            /** Format: uuid */
            id: string;
            sku: string;
            name: string;
            description: string | null;
            category: string | null;
            price: components["schemas"]["Money"];
            reorderLevel: number;
            attributes: {
                [key: string]: string;
            };
            vendorId: string | null;
            totals: {
                onHand: number;
                reserved: number;
                available: number;
            };
            lowStock: boolean;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProductDetails: {
            /** Format: uuid */
            id: string;
            sku: string;
            name: string;
            description: string | null;
            category: string | null;
            price: components["schemas"]["Money"];
            reorderLevel: number;
            attributes: {
                [key: string]: string;
            };
            vendorId: string | null;
            totals: {
                onHand: number;
                reserved: number;
                available: number;
            };
            lowStock: boolean;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            stock: {
                onHand: number;
                reserved: number;
                available: number;
                /** Format: uuid */
                locationId: string;
                locationCode: string;
            }[];
        };
        Movement: {
            /** Format: uuid */
            eventId: string;
            /** @description the event that made the movement, e.g. stock_received */
            type: string;
            /** Format: uuid */
            locationId: string;
            quantityDelta: number;
            reference: string | null;
            reason: string | null;
            orderId: string | null;
            /** Format: date-time */
            at: string;
        };
        OpenReservation: {
            /** Format: uuid */
            orderId: string;
            /** Format: uuid */
            locationId: string;
            quantity: number;
            /** Format: date-time */
            reservedAt: string;
        };
        LoginInput: {
            email: string;
            password: string;
        };
        RefreshInput: {
            refreshToken: string;
        };
        CreateUserInput: {
            /** Format: email */
            email: string;
            name: string;
            password: string;
            roles: ("admin" | "manager" | "clerk" | "sales" | "accountant" | "staff" | "vendor")[];
            /**
             * Format: uuid
             * @description The vendor of a `vendor` user (required for that role)
             */
            vendorId?: string;
        };
        UpdateUserInput: {
            name?: string;
            roles?: ("admin" | "manager" | "clerk" | "sales" | "accountant" | "staff" | "vendor")[];
            /** @description null detaches the user from its vendor */
            vendorId?: string | null;
        };
        ChangePasswordInput: {
            currentPassword: string;
            newPassword: string;
        };
        UpdateProfileInput: {
            title?: string | null;
            department?: string | null;
            phone?: string | null;
            locationId?: string | null;
            avatarUrl?: string | null;
        };
        Profile: {
            /** Format: uuid */
            userId: string;
            name: string;
            title: string | null;
            department: string | null;
            phone: string | null;
            locationId: string | null;
            avatarUrl: string | null;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            roles: ("admin" | "manager" | "clerk" | "sales" | "accountant" | "staff" | "vendor")[];
            vendorId: string | null;
            /** @description false once the user is deactivated */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        Session: {
            accessToken: string;
            refreshToken: string;
            /** @description seconds until the access token expires */
            expiresIn: number;
            user: components["schemas"]["User"];
        };
        PlaceOrderInput: {
            /** @description Who the order is for, inline; or name a registered customer with customerId */
            customer?: {
                name: string;
                /** Format: email */
                email?: string;
            };
            /**
             * Format: uuid
             * @description A registered customer (POST /customers): its credit limit applies; instead of customer
             */
            customerId?: string;
            /** Format: uuid */
            locationId: string;
            lines: {
                /** Format: uuid */
                productId: string;
                quantity: number;
            }[];
            notes?: string;
            /**
             * @description Where the order comes from
             * @default api
             * @enum {string}
             */
            source?: "web" | "mobile" | "api" | "phone";
            /**
             * @default normal
             * @enum {string}
             */
            priority?: "low" | "normal" | "high";
        };
        UpdateOrderInput: {
            /** @description null clears the notes */
            notes?: string | null;
            /** @enum {string} */
            priority?: "low" | "normal" | "high";
            /** @description A user with role sales or manager who is responsible for the order; null unassigns */
            assigneeId?: string | null;
        };
        CancelOrderInput: {
            reason: string;
        };
        Order: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "pending" | "awaiting_payment" | "rejected" | "paid" | "shipped" | "cancelled";
            customer: {
                name: string;
                email?: string;
            };
            /** @description The registered customer, or null for an inline one */
            customerId: string | null;
            /** Format: uuid */
            locationId: string;
            lines: {
                /** Format: uuid */
                productId: string;
                sku: string;
                name: string;
                quantity: number;
                unitPrice: components["schemas"]["Money"];
                lineTotal: components["schemas"]["Money"];
            }[];
            notes: string | null;
            /** @enum {string} */
            source: "web" | "mobile" | "api" | "phone";
            /** @enum {string} */
            priority: "low" | "normal" | "high";
            /** @description The user responsible for the order, or null */
            assigneeId: string | null;
            total: components["schemas"]["Money"];
            paid: components["schemas"]["Money"];
            due: components["schemas"]["Money"];
            statusHistory: {
                /** @enum {string} */
                status: "pending" | "awaiting_payment" | "rejected" | "paid" | "shipped" | "cancelled";
                /** Format: date-time */
                at: string;
                reason?: string;
            }[];
            rejection: {
                reason: string;
                failedLines: {
                    /** Format: uuid */
                    productId: string;
                    requested: number;
                    available: number;
                }[];
            } | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        OrderPage: {
            items: components["schemas"]["Order"][];
            nextCursor: string | null;
        };
        RegisterCustomerInput: {
            name: string;
            /** Format: email */
            email?: string;
            phone?: string;
            /** @description The most its balance may reach; no limit when absent */
            creditLimit?: components["schemas"]["Money"];
        };
        UpdateCustomerInput: {
            name?: string;
            email?: string | null;
            phone?: string | null;
            /** @description null removes the limit */
            creditLimit?: components["schemas"]["Money"] | null;
        };
        Customer: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            creditLimit: components["schemas"]["Money"] | null;
            /** @description Total of its orders placed and not cancelled or rejected, minus what was paid on them */
            balance: components["schemas"]["Money"];
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        CustomerPage: {
            items: components["schemas"]["Customer"][];
            nextCursor: string | null;
        };
        RecordPaymentInput: {
            /** Format: uuid */
            orderId: string;
            amount: components["schemas"]["Money"];
            /** @enum {string} */
            method: "card" | "cash" | "transfer";
            reference?: string;
        };
        RefundInput: {
            amount: components["schemas"]["Money"];
            reason: string;
        };
        Payment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            amount: components["schemas"]["Money"];
            /** @enum {string} */
            method: "card" | "cash" | "transfer";
            reference: string | null;
            /** @enum {string} */
            status: "recorded" | "partially_refunded" | "refunded";
            /** Format: date-time */
            recordedAt: string;
            refunded: components["schemas"]["Money"];
            refunds: {
                /** Format: uuid */
                id: string;
                amount: components["schemas"]["Money"];
                reason: string;
                /** Format: date-time */
                refundedAt: string;
            }[];
            version: number;
        };
        PaymentPage: {
            items: components["schemas"]["Payment"][];
            nextCursor: string | null;
        };
        CreateFacilityInput: {
            code: string;
            name: string;
            /** @default UTC */
            timezone?: string;
        };
        UpdateFacilityInput: {
            name?: string;
            timezone?: string;
        };
        Facility: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            timezone: string;
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        FacilityPage: {
            items: components["schemas"]["Facility"][];
            nextCursor: string | null;
        };
        RegisterStaffInput: {
            name: string;
            /** Format: email */
            email: string;
            /** Format: uuid */
            userId?: string;
            skills?: string[];
            weeklyMinutesLimit?: number;
        };
        UpdateStaffInput: {
            name?: string;
            /** Format: email */
            email?: string;
            userId?: string | null;
            skills?: string[];
            weeklyMinutesLimit?: number | null;
        };
        Staff: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string;
            userId: string | null;
            skills: string[];
            weeklyMinutesLimit: number | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        StaffPage: {
            items: components["schemas"]["Staff"][];
            nextCursor: string | null;
        };
        ScheduleShiftInput: {
            /** Format: uuid */
            facilityId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            position?: string;
            /** Format: uuid */
            staffId?: string;
            notes?: string;
        };
        AssignShiftInput: {
            /** Format: uuid */
            staffId: string;
        };
        CancelInput: {
            reason: string;
        };
        RescheduleShiftInput: {
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            /** Format: uuid */
            facilityId?: string;
        };
        Shift: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            facilityId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            position: string | null;
            notes: string | null;
            /** @enum {string} */
            status: "open" | "assigned" | "in_progress" | "completed" | "missed" | "cancelled";
            staffId: string | null;
            clockedInAt: string | null;
            clockedOutAt: string | null;
            cancellationReason: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        ShiftPage: {
            items: components["schemas"]["Shift"][];
            nextCursor: string | null;
        };
        TimeEntry: {
            /** Format: uuid */
            shiftId: string;
            /** Format: uuid */
            staffId: string;
            /** Format: uuid */
            facilityId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** Format: date-time */
            clockedInAt: string;
            /** Format: date-time */
            clockedOutAt: string;
            minutes: number;
        };
        TimeEntries: {
            items: components["schemas"]["TimeEntry"][];
            totals: {
                minutes: number;
                shifts: number;
            };
        };
        RequestTimeOffInput: {
            /** Format: uuid */
            staffId: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            reason: string;
        };
        DecideTimeOffInput: {
            reason?: string;
        };
        TimeOff: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            staffId: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            reason: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "cancelled";
            decisionReason: string | null;
            unassignedShiftIds: string[];
            version: number;
            /** Format: date-time */
            requestedAt: string;
        };
        TimeOffPage: {
            items: components["schemas"]["TimeOff"][];
            nextCursor: string | null;
        };
        ScheduleEventInput: {
            title: string;
            /** Format: uuid */
            facilityId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
        };
        RescheduleEventInput: {
            title?: string;
            /** Format: uuid */
            facilityId?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
        };
        CancelEventInput: {
            reason?: string;
        };
        ScheduledEvent: {
            /** Format: uuid */
            id: string;
            title: string;
            /** Format: uuid */
            facilityId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string} */
            status: "scheduled" | "cancelled";
            cancellationReason: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        ScheduledEventPage: {
            items: components["schemas"]["ScheduledEvent"][];
            nextCursor: string | null;
        };
        OpenTicketInput: {
            /** @enum {string} */
            kind: "incident" | "service";
            title: string;
            description: string;
            /**
             * @description Required unless an incident names an incidentTypeId: then the type's default
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "critical";
            /** Format: uuid */
            incidentTypeId?: string;
            /** Format: uuid */
            facilityId?: string;
            /** Format: uuid */
            productId?: string;
        };
        UpdateTicketInput: {
            title?: string;
            description?: string;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "critical";
        };
        AssignTicketInput: {
            /** Format: uuid */
            staffId: string;
        };
        HoldTicketInput: {
            reason: string;
        };
        ResolveTicketInput: {
            resolution: string;
        };
        ReopenTicketInput: {
            reason: string;
        };
        CancelTicketInput: {
            reason?: string;
        };
        CommentInput: {
            body: string;
            internal?: boolean;
        };
        CreateIncidentTypeInput: {
            code: string;
            name: string;
            /** @enum {string} */
            defaultPriority: "low" | "normal" | "high" | "critical";
        };
        IncidentType: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            defaultPriority: "low" | "normal" | "high" | "critical";
        };
        IncidentTypePage: {
            items: components["schemas"]["IncidentType"][];
            nextCursor: string | null;
        };
        TicketSummary: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @enum {string} */
            kind: "incident" | "service";
            title: string;
            description: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "critical";
            /** @enum {string} */
            status: "open" | "assigned" | "in_progress" | "on_hold" | "resolved" | "closed" | "cancelled";
            incidentTypeId: string | null;
            facility: {
                /** Format: uuid */
                id: string;
                /** @description null while not yet known here */
                name: string | null;
            } | null;
            product: {
                /** Format: uuid */
                id: string;
                /** @description null while not yet known here */
                name: string | null;
            } | null;
            reporter: {
                /** Format: uuid */
                id: string;
            };
            assignee: {
                /** Format: uuid */
                staffId: string;
                userId: string | null;
                name: string | null;
            } | null;
            /** Format: date-time */
            openedAt: string;
            /**
             * Format: date-time
             * @description Moves later while the ticket is on hold
             */
            slaDueAt: string;
            slaBreached: boolean;
            resolution: string | null;
            version: number;
        };
        TicketComment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            authorId: string;
            body: string;
            internal: boolean;
            /** Format: date-time */
            at: string;
        };
        Ticket: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @enum {string} */
            kind: "incident" | "service";
            title: string;
            description: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "critical";
            /** @enum {string} */
            status: "open" | "assigned" | "in_progress" | "on_hold" | "resolved" | "closed" | "cancelled";
            incidentTypeId: string | null;
            facility: {
                /** Format: uuid */
                id: string;
                /** @description null while not yet known here */
                name: string | null;
            } | null;
            product: {
                /** Format: uuid */
                id: string;
                /** @description null while not yet known here */
                name: string | null;
            } | null;
            reporter: {
                /** Format: uuid */
                id: string;
            };
            assignee: {
                /** Format: uuid */
                staffId: string;
                userId: string | null;
                name: string | null;
            } | null;
            /** Format: date-time */
            openedAt: string;
            /**
             * Format: date-time
             * @description Moves later while the ticket is on hold
             */
            slaDueAt: string;
            slaBreached: boolean;
            resolution: string | null;
            version: number;
            history: {
                /** @enum {string} */
                status: "open" | "assigned" | "in_progress" | "on_hold" | "resolved" | "closed" | "cancelled";
                /** Format: date-time */
                at: string;
                /** @description The user who made the transition; null for the system */
                by: string | null;
                reason?: string;
            }[];
            /** @description Internal ones only for admin, manager and the assignee */
            comments: components["schemas"]["TicketComment"][];
        };
        TicketPage: {
            items: components["schemas"]["TicketSummary"][];
            nextCursor: string | null;
        };
        TopProduct: {
            /** Format: uuid */
            productId: string;
            /** @description SKU at the latest placement in the range */
            sku: string;
            /** @description Name at the latest placement in the range */
            name: string;
            /** @description Units in orders placed in the range, less those rejected or cancelled */
            quantity: number;
        };
        SalesDashboard: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** @description Currency of every Money in the answer */
            currency: string;
            /** @description One entry per day of the range, oldest first, zeros included */
            days: components["schemas"]["SalesDay"][];
            /** @description The days added up */
            totals: {
                /** @description Orders placed that day */
                ordersPlaced: number;
                /** @description Orders that became paid that day */
                ordersPaid: number;
                /** @description Orders cancelled that day */
                ordersCancelled: number;
                /** @description Payments recorded that day less refunds made that day, in the dashboard currency */
                revenue: components["schemas"]["Money"];
            };
            /** @description Total value of the orders placed in the range in `currency` divided by their number (rounded down) */
            averageOrderValue: components["schemas"]["Money"];
            /** @description The 10 products with the most units, most first */
            topProducts: components["schemas"]["TopProduct"][];
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            category: "low_stock" | "order_status" | "payment" | "shift" | "time_off" | "ticket_assigned" | "ticket_comment" | "sla_breached";
            title: string;
            body: string;
            /** @description The resource to open when the notification is tapped */
            resource: {
                /**
                 * @description What the notification is about
                 * @enum {string}
                 */
                type: "product" | "order" | "shift" | "timeoff" | "ticket";
                /** Format: uuid */
                id: string;
            };
            /** Format: date-time */
            createdAt: string;
            readAt: string | null;
            sourceEventId: string;
            /** @description The e-mail copy: null when none is sent (e-mail off or no SMTP server) */
            emailStatus: ("pending" | "sent" | "failed") | null;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            nextCursor: string | null;
        };
        UnreadCount: {
            count: number;
        };
        ReadAllResult: {
            /** @description How many notifications this marked read */
            count: number;
        };
        NotificationPreferences: {
            /** @description Also send each notification as an e-mail (when the system has SMTP_URL) */
            email: boolean;
            /** @description Categories that create no notification */
            mutedCategories: ("low_stock" | "order_status" | "payment" | "shift" | "time_off" | "ticket_assigned" | "ticket_comment" | "sla_breached")[];
        };
        UpdateNotificationPreferencesInput: {
            email: boolean;
            mutedCategories: ("low_stock" | "order_status" | "payment" | "shift" | "time_off" | "ticket_assigned" | "ticket_comment" | "sla_breached")[];
        };
        SectionError: {
            error: {
                /** @description `unavailable`: past its deadline */
                code: string;
            };
        };
        MobileHome: {
            me: (components["schemas"]["User"] | components["schemas"]["SectionError"]) | null;
            shifts: (components["schemas"]["Shift"][] | components["schemas"]["SectionError"]) | null;
            tickets: (components["schemas"]["TicketSummary"][] | components["schemas"]["SectionError"]) | null;
            notifications: ({
                /** @description How many of your notifications are unread */
                unread: number;
                /** @description Your 5 newest notifications */
                latest: components["schemas"]["Notification"][];
            } | components["schemas"]["SectionError"]) | null;
            lowStock: (components["schemas"]["Product"][] | components["schemas"]["SectionError"]) | null;
            ordersAwaitingPayment: ({
                count: number;
            } | components["schemas"]["SectionError"]) | null;
            /** @description true when at least one section is an error in place of its data */
            partial: boolean;
        };
        MobileProductComplete: {
            product: (components["schemas"]["ProductDetails"] | components["schemas"]["SectionError"]) | null;
            stock: ({
                onHand: number;
                reserved: number;
                available: number;
                /** Format: uuid */
                locationId: string;
                locationCode: string;
            }[] | components["schemas"]["SectionError"]) | null;
            movements: (components["schemas"]["Movement"][] | components["schemas"]["SectionError"]) | null;
            openReservations: (components["schemas"]["OpenReservation"][] | components["schemas"]["SectionError"]) | null;
            recentOrders: (components["schemas"]["Order"][] | components["schemas"]["SectionError"]) | null;
            /** @description true when at least one section is an error in place of its data */
            partial: boolean;
        };
        MobileCustomerComplete: {
            customer: (components["schemas"]["Customer"] | components["schemas"]["SectionError"]) | null;
            balance: (components["schemas"]["Money"] | components["schemas"]["SectionError"]) | null;
            creditLimit: ((components["schemas"]["Money"] | null) | components["schemas"]["SectionError"]) | null;
            recentOrders: (components["schemas"]["Order"][] | components["schemas"]["SectionError"]) | null;
            /** @description The payments, with their refunds, of the orders in recentOrders */
            payments: (components["schemas"]["Payment"][] | components["schemas"]["SectionError"]) | null;
            /** @description true when at least one section is an error in place of its data */
            partial: boolean;
        };
        MobileOrderComplete: {
            order: (components["schemas"]["Order"] | components["schemas"]["SectionError"]) | null;
            payments: (components["schemas"]["Payment"][] | components["schemas"]["SectionError"]) | null;
            lines: ({
                /** Format: uuid */
                productId: string;
                sku: string;
                name: string;
                quantity: number;
                unitPrice: components["schemas"]["Money"];
                lineTotal: components["schemas"]["Money"];
                product: ({
                    /** Format: uuid */
                    id: string;
                    sku: string;
                    name: string;
                    description: string | null;
                    category: string | null;
                    price: components["schemas"]["Money"];
                    reorderLevel: number;
                    attributes: {
                        [key: string]: string;
                    };
                    vendorId: string | null;
                    totals: {
                        onHand: number;
                        reserved: number;
                        available: number;
                    };
                    lowStock: boolean;
                    version: number;
                    /** Format: date-time */
                    createdAt: string;
                    /** Format: date-time */
                    updatedAt: string;
                } | components["schemas"]["SectionError"]) | null;
                /** @description At the order's location; null if none there */
                stock: {
                    onHand: number;
                    reserved: number;
                    available: number;
                    /** Format: uuid */
                    locationId: string;
                    locationCode: string;
                } | null;
            }[] | components["schemas"]["SectionError"]) | null;
            /** @description true when at least one section is an error in place of its data */
            partial: boolean;
        };
        MobilePlacedOrder: {
            order: components["schemas"]["Order"];
            stock: ({
                onHand: number;
                reserved: number;
                available: number;
                /** Format: uuid */
                locationId: string;
                locationCode: string;
                /** Format: uuid */
                productId: string;
            } | components["schemas"]["SectionError"])[];
            /** @description The registered customer’s balance (this order included) and credit limit; null for an inline customer */
            customer: ({
                /** @description Total of its orders placed and not cancelled or rejected, minus what was paid on them */
                balance: components["schemas"]["Money"];
                creditLimit: components["schemas"]["Money"] | null;
            } | components["schemas"]["SectionError"]) | null;
        };
        Lock: {
            /** @description Opaque: send it back to renew or release. It names the resource, then 128 random bits */
            id: string;
            resource: string;
            holder: {
                id: string;
                name: string;
            };
            /** Format: date-time */
            expiresAt: string;
        };
        AcquireLockInput: {
            /** @description `<service>/<aggregate>/<id>`, e.g. `orders/order/0190…` */
            resource: string;
        };
        UserPage: {
            items: components["schemas"]["User"][];
            nextCursor: string | null;
        };
        LocationPage: {
            items: components["schemas"]["Location"][];
            nextCursor: string | null;
        };
        VendorPage: {
            items: components["schemas"]["Vendor"][];
            nextCursor: string | null;
        };
        ProductPage: {
            items: components["schemas"]["Product"][];
            nextCursor: string | null;
        };
        MovementPage: {
            items: components["schemas"]["Movement"][];
            nextCursor: string | null;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description stable machine-readable reason, e.g. insufficient_stock */
            code: string;
            errors: {
                path: string;
                message: string;
            }[];
            traceId?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshInput"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordInput"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: wrong_password */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
                role?: "admin" | "manager" | "clerk" | "sales" | "accountant" | "staff" | "vendor";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: duplicate_email */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUserProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUserProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLocations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLocationInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: duplicate_location_code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVendors: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createVendor: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVendorInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vendor"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: duplicate_vendor_code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateVendor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                vendorId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateVendorInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vendor"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                category?: string;
                q?: string;
                lowStock?: boolean | ("true" | "false");
                vendorId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterProductInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetails"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: duplicate_sku */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_vendor */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetails"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetails"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveStockInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetails"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_location */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adjustStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustStockInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetails"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_location, insufficient_stock */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transferStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferStockInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetails"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_location, insufficient_stock, same_location */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMovements: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MovementPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending" | "awaiting_payment" | "rejected" | "paid" | "shipped" | "cancelled";
                productId?: string;
                assigneeId?: string;
                priority?: "low" | "normal" | "high";
                source?: "web" | "mobile" | "api" | "phone";
                customerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceOrderInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_product, mixed_currency, unknown_customer, credit_limit_exceeded, currency_mismatch */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrderInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: order_shipped, order_closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_assignee, assignee_not_eligible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelOrderInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: order_shipped, order_closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: order_not_paid */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterCustomerInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCustomerInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: currency_mismatch */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPayments: {
        parameters: {
            query?: {
                orderId?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPaymentInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: order_not_awaiting_payment, currency_mismatch, overpayment, invalid_amount */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: refund_exceeds_payment */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFacilities: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createFacility: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFacilityInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: duplicate_facility_code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateFacility: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                facilityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFacilityInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facility"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerStaff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterStaffInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateStaff: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStaffInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listShifts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                from?: string;
                to?: string;
                facilityId?: string;
                staffId?: string;
                status?: "open" | "assigned" | "in_progress" | "completed" | "missed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scheduleShift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleShiftInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: shift_overlap, staff_on_leave, weekly_limit_exceeded, unknown_staff, unknown_facility */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myShifts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rescheduleShift: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleShiftInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: shift_not_reschedulable */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: shift_overlap, staff_on_leave, weekly_limit_exceeded, unknown_staff */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignShift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignShiftInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: shift_already_assigned */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: shift_overlap, staff_on_leave, weekly_limit_exceeded, unknown_staff */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unassignShift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: shift_not_assigned */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelShift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: shift_cancelled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    clockIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: clock_in_too_early, already_clocked_in, shift_not_assigned */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    clockOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: not_clocked_in, already_clocked_out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    timeEntries: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                staffId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntries"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTimeOff: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                from?: string;
                to?: string;
                staffId?: string;
                status?: "pending" | "approved" | "rejected" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestTimeOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestTimeOffInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_staff */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTimeOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                timeOffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveTimeOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                timeOffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideTimeOffInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: time_off_not_pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectTimeOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                timeOffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideTimeOffInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: time_off_not_pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTimeOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                timeOffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOff"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: time_off_not_pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                from?: string;
                to?: string;
                facilityId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEventPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scheduleEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleEventInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEvent"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: facility_booked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_facility */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEvent"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rescheduleEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleEventInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEvent"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: facility_booked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelEventInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEvent"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncidentTypes: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentTypePage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createIncidentType: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIncidentTypeInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentType"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: duplicate_incident_type_code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTickets: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "open" | "assigned" | "in_progress" | "on_hold" | "resolved" | "closed" | "cancelled";
                kind?: "incident" | "service";
                priority?: "low" | "normal" | "high" | "critical";
                assigneeId?: string;
                facilityId?: string;
                breached?: boolean | ("true" | "false");
                q?: string;
                mine?: boolean | ("true" | "false");
                unresolved?: boolean | ("true" | "false");
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenTicketInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_incident_type */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTicketInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commentOnTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignTicketInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_staff */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    holdTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldTicketInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resumeTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveTicketInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reopenTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReopenTicketInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
                /** @description The ETag of the version you changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                ticketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelTicketInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: invalid_transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another user holds a lock on this resource: resource_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mobileHome: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MobileHome"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mobileProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MobileProductComplete"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mobileOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MobileOrderComplete"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mobileCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MobileCustomerComplete"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mobilePlaceOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceOrderInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MobilePlacedOrder"];
                };
            };
            /** @description Placed; the reservation is not decided yet */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: unknown_product, mixed_currency */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSalesDashboard: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesDashboard"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOperationsDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationsDashboard"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                unread?: boolean | ("true" | "false");
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationPreferencesInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResult"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the first response is replayed */
                "Idempotency-Key"?: string;
            };
            path: {
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acquireLock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcquireLockInput"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lock"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: locked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    renewLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lockId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lock"];
                };
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lockId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; errors lists every field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query: {
                /** @description e.g. inventory.> */
                subject: string;
                since?: number;
                access_token?: string;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Bad filter or since */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Your role may not read these events */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such service or stream */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
