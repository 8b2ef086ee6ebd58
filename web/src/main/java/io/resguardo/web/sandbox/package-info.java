/**
 * The sandbox: a simulator of PagoEfectivo's API v1 (CONTRACT section 2) that a sandbox deployment
 * ({@code RESGUARDO_ENV=sandbox}) serves under {@code /sandbox/*}, so that Resguardo's client, webhook and
 * reconciler can be exercised end to end without PagoEfectivo. {@link io.resguardo.web.sandbox.SandboxServlet} is
 * the entry point; {@link io.resguardo.web.sandbox.SandboxOptions} holds its limits. Everything else is
 * package-private.
 *
 * <h2>State</h2>
 * Tokens, CIPs, notification deliveries and faults live in memory ({@code ConcurrentHashMap}s, atomic per CIP):
 * a restart or redeployment forgets every CIP, and a second node does not know the first node's CIPs. At most
 * 100000 CIPs are kept. Nothing is written to the database.
 *
 * <h2>PagoEfectivo API (paths relative to {@code /sandbox})</h2>
 * Answers are {@code application/json} shaped {@code {"code","message","data"}}, as PagoEfectivo writes them;
 * {@code code} is a string, except the {@code 201} of CIP creation, where it is the number {@code 100} (the
 * contract says it may come either way; a client must accept both). Bodies are read once (at most 64 KiB) and
 * parsed strictly; any body that is not one JSON object is {@code 400 111}. Members that are not listed are
 * ignored. {@code Origin} and {@code Accept-Language} are not enforced. The fault {@code latencyMs} delays every
 * answer of this section.
 * <ul>
 *   <li>{@code POST /v1/authorizations} {@code {"accessKey","idService","dateRequest","hashString"}}:
 *       {@code idService} a JSON integer or a string of digits; {@code dateRequest} in
 *       {@code yyyy-MM-dd'T'HH:mm:ssXXX} (any offset; the instant counts) within ±5 minutes of the clock;
 *       {@code hashString} lowercase hex SHA-256 of {@code idService.accessKey.secretKey.dateRequest} with the
 *       <em>current</em> key of the ring (a previous key still valid for notifications does not authorize).
 *       {@code 201 {"code":"100","message":"Solicitud exitosa.","data":{"token","codeService":"SBX","tokenStart",
 *       "tokenExpires"}}}, both dates in Lima time; the token (43 random base64url characters) lives 2 hours.</li>
 *   <li>{@code POST /v1/cips} with {@code Authorization: Bearer <token>}: required {@code currency} (PEN, USD),
 *       {@code amount} (JSON number or plain decimal string, &gt; 0, at most 2 decimals), {@code transactionCode}
 *       (1..36 characters, no spaces or control characters), {@code dateExpiry} (as {@code dateRequest}, or with a
 *       space for the {@code T} as PagoEfectivo's guide writes it; in the future), {@code paymentConcept} (≤ 50),
 *       {@code userEmail}; optional
 *       {@code additionalData} (≤ 200), {@code adminEmail}, {@code userName}, {@code userLastName} (≤ 30 each),
 *       {@code userUbigeo} (6 digits, string or integer), {@code userCountry} (≤ 30), {@code userDocumentType}
 *       (DNI, CE, RUC, PAS, LMI, NAN), {@code userDocumentNumber} (1..20 alphanumerics), {@code userPhone} (6..15
 *       digits), {@code userCodeCountry} ({@code +} and 1..4 digits). {@code 201 {"code":100,...,"data":{"cip",
 *       "currency","amount","transactionCode","dateExpiry","cipUrl"}}}: {@code cip} is a JSON number of 8 digits
 *       (PagoEfectivo writes CIPs as numbers), {@code amount} has 2 decimals, {@code cipUrl} is
 *       {@code publicBase/cips/{cip}}.</li>
 *   <li>{@code POST /v1/cips/search} {@code {"cips":["12345678", 87654321, ...]}} (1..100 CIPs, strings or
 *       integers): {@code 200 {"code":"100",...,"data":[{"cip","status","currency","amount","transactionCode",
 *       "dateExpiry"[,"operationNumber","paidDate"]}]}} in the order asked; {@code status} is {@code pending},
 *       {@code paid}, {@code expired} (explicitly, or pending past its {@code dateExpiry}) or {@code deleted};
 *       {@code operationNumber} and {@code paidDate} only when paid; an unknown CIP is
 *       {@code {"cip":n,"status":"not_found"}}.</li>
 *   <li>{@code PATCH /v1/cips/{cip}} {@code {"dateExpiry"}} (in the future): allowed while the CIP is neither paid,
 *       expired by {@code /expire}, nor deleted (a pending CIP past its expiry may be extended);
 *       {@code 200} with the CIP's state as {@code data}.</li>
 *   <li>{@code DELETE /v1/cips/{cip}}: allowed while unpaid and not deleted; {@code 200} with the state. No
 *       notification is sent: the merchant asked for it.</li>
 * </ul>
 *
 * <h2>Codes chosen where PagoEfectivo's are not published</h2>
 * <table>
 *   <caption>PagoEfectivo-style codes</caption>
 *   <tr><th>HTTP</th><th>code</th><th>when</th></tr>
 *   <tr><td>400</td><td>111</td><td>the body is not one JSON object (or not UTF-8, or over 64 KiB)</td></tr>
 *   <tr><td>400</td><td>112</td><td>required members missing (blank strings and {@code null} count as missing);
 *       one {@code data} entry per field, each with code 112</td></tr>
 *   <tr><td>400</td><td>113</td><td>any invalid value (then missing ones are listed too, with 112); each entry
 *       names its field ({@code cips[1]} for search items)</td></tr>
 *   <tr><td>400</td><td>113 with entry 114</td><td>{@code transactionCode} used by an earlier CIP (a refused
 *       request does not use it up)</td></tr>
 *   <tr><td>400</td><td>511</td><td>amount over {@link io.resguardo.web.sandbox.SandboxOptions#maxAmount()},
 *       entry field {@code amount}</td></tr>
 *   <tr><td>401</td><td>103</td><td>wrong {@code idService}, {@code accessKey} or {@code hashString} (one answer
 *       for all three)</td></tr>
 *   <tr><td>401</td><td>104</td><td>{@code dateRequest} more than 5 minutes from the clock</td></tr>
 *   <tr><td>401</td><td>106</td><td>bearer token missing, unknown or expired</td></tr>
 *   <tr><td>404</td><td>115</td><td>unknown CIP (PATCH, DELETE)</td></tr>
 *   <tr><td>400</td><td>116</td><td>the CIP's state forbids the change (PATCH, DELETE)</td></tr>
 *   <tr><td>500</td><td>166</td><td>the {@code failCreates} fault, or the sandbox is full</td></tr>
 * </table>
 * {@code 508} (token of another service) cannot happen: the sandbox has one service.
 *
 * <h2>Simulating PagoEfectivo's side</h2>
 * These answer like Resguardo (problem+json on errors) and are not slowed by faults.
 * <ul>
 *   <li>{@code POST /cips/{cip}/pay} (pending and before its expiry), {@code /expire} (pending, even past its
 *       expiry, so that the expiry notification can be sent), {@code /delete} (unpaid, not deleted); body empty
 *       or {@code {}} (anything else {@code 400}). {@code 202 {"status":"scheduled","cip","eventType",
 *       "operationNumber"}}; {@code 404 NOT_FOUND} for an unknown CIP, {@code 409 INVALID_TRANSITION} when the
 *       state forbids it. Each event gets a new operation number (digits, unique per sandbox); paying stores it.</li>
 *   <li>The notification {@code {"eventType":"cip.paid"|"cip.expired"|"cip.deleted","operationNumber","data":
 *       {"cip","currency","amount","paymentDate","transactionCode"}}} ({@code cip} a string, {@code amount} a
 *       number with 2 decimals, {@code paymentDate} the moment of the event in Lima time, for all three events)
 *       goes to the webhook URL with {@code PE-Signature}, asynchronously on the caller's scheduler. A 2xx ends
 *       it; a 4xx other than 429 is final; no answer, 3xx, 429 and 5xx are retried after 1, 2, 4, ... seconds
 *       (capped at 10 minutes) up to {@code deliveryAttempts} sends in all (default 5; the real PagoEfectivo retries
 *       once: set 2 to mimic it). Every retry sends the same bytes.</li>
 *   <li>{@code GET /cips?transactionCode=...}: {@code {"transactionCode","creationRequests","cips":[state…]}}, the
 *       number of creation requests that passed validation with that transaction code (a refused repeat counts too)
 *       and the CIPs issued for it: how a test shows that a creation was never repeated. {@code 400 BAD_REQUEST}
 *       without exactly one non-empty {@code transactionCode}.</li>
 *   <li>{@code GET /cips/{cip}} (what {@code cipUrl} points at): JSON state plus {@code notifications} (each
 *       copy: event, operation number, attempts, last status, outcome {@code SCHEDULED}, {@code DELIVERED},
 *       {@code REJECTED}, {@code GAVE_UP}, {@code DROPPED} or {@code ABANDONED}); an escaped HTML page when the
 *       {@code Accept} header asks for {@code text/html}.</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * {@code GET /faults} shows the settings; {@code PUT} or {@code POST /faults} changes the members given and keeps
 * the others ({@code 422 VALIDATION_FAILED} naming unknown members, wrong types, values out of range; nothing
 * changes then); {@code DELETE /faults} switches all off. Members: {@code latencyMs} (0..60000, every
 * {@code /v1} answer), {@code failCreates} (0..1000: the next n creations answer {@code 500 166} and create
 * nothing; counts down), {@code timeoutAfterCreate} (every creation stores the CIP, then waits {@code stallMs},
 * default 60000, max 600000, before answering: longer than a client's timeout), {@code dropNotifications}
 * (state changes, nothing is sent), {@code duplicateNotifications} ({@code true} sends each notification twice, a
 * number 1..10 that many times; shown as {@code notificationCopies}), {@code wrongSignature} (signed with a random
 * key). The waits are real waits on the request thread.
 *
 * <h2>Security</h2>
 * Only for sandbox deployments: the control and fault endpoints have no authentication of their own. Credentials,
 * tokens and signatures are never logged or echoed; tokens are stored as SHA-256 digests. Notifications use TLS
 * 1.2/1.3 with host-name verification against the given trust store (or the JVM's), never a trust-all.
 */
package io.resguardo.web.sandbox;
